import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { listKnowledge, suggestKnowledge } from '../modules/hotline/knowledge.service'
import type { RequestContext } from '../platform/deps'
import { demoKnowledge, seedDemoKnowledge } from './demo-knowledge'

let t: TestApp
const system: RequestContext = { actor: { kind: 'system', name: 'demo-test' }, ip: null }

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the demo knowledge base', () => {
  it('seeds about forty entries once, at every level, linked to the catalogue items it names', async () => {
    const item = await t.deps.db.insertInto('catalog.item').values({ kind: 'public_service', basicCode: '2000001000', name: '社会保障卡申领' }).returning('id').executeTakeFirstOrThrow()

    expect(await seedDemoKnowledge(t.deps)).toBe(demoKnowledge.length)
    expect(demoKnowledge.length).toBeGreaterThanOrEqual(40)
    expect(await seedDemoKnowledge(t.deps)).toBe(0)

    const all = await listKnowledge(t.deps, system, { pageSize: 100 })
    expect(all.total).toBe(demoKnowledge.length)
    expect(new Set(all.items.map((e) => e.regionCode))).toEqual(new Set(['32', '3201', '3203', '320322', '320102']))
    expect((await listKnowledge(t.deps, system, { status: 'draft' })).total).toBe(2)
    expect((await listKnowledge(t.deps, system, { status: 'expired' })).items.map((e) => e.title)).toEqual(['2025年度城乡居民医保集中缴费'])
    const linked = all.items.filter((e) => e.catalogItem !== null)
    expect(linked.map((e) => e.catalogItem?.id)).toEqual(linked.map(() => item.id))
    expect(linked.length).toBeGreaterThanOrEqual(3)

    const suggested = await suggestKnowledge(t.deps, system, { text: '社保卡丢了想补办', regionCode: '320322' })
    expect(suggested.map((s) => s.title)).toEqual(expect.arrayContaining(['沛县社保卡补办地点', '徐州社保卡服务网点和即时制卡', '社保卡丢失如何挂失和补办']))
  })
})
