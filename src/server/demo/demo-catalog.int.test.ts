import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { seedDemoCatalog } from './demo-catalog'
import { demoItems } from './demo-catalog-items'
import { demoLawIndex, seedDemoLaws } from './demo-laws'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the demo catalogue', () => {
  it('publishes the base list, claimed by the province, every city and the demo counties, once', async () => {
    await seedDemoLaws(t.deps)
    const started = Date.now()
    const seeded = await seedDemoCatalog(t.deps, await demoLawIndex(t.deps.db))
    console.log(`demo catalogue: ${seeded.items} items, ${seeded.implementations} entries in ${Date.now() - started} ms`)
    expect(seeded.items).toBeGreaterThan(demoItems.length * 3)
    expect(await seedDemoCatalog(t.deps, await demoLawIndex(t.deps.db))).toEqual({ items: 0, implementations: 0 })

    const pei = await t.deps.db.selectFrom('catalog.implementation').select(['id', 'name']).where('regionCode', '=', '320322').where('name', '=', '食品经营许可（新办）').executeTakeFirstOrThrow()
    const guide = await t.app.inject({ method: 'GET', url: `/api/public/catalog/guides/${pei.id}` })
    expect(guide.statusCode).toBe(200)
    expect(guide.json()).toMatchObject({ region: { name: '沛县' }, orgName: '沛县行政审批局', elements: { committedDays: 1, place: '沛县政务服务中心', phone: '0516-12345' } })
    expect(guide.json().legalBasis).toEqual([expect.objectContaining({ lawTitle: '中华人民共和国食品安全法', label: '第三十五条', inForce: true })])
    // Loading 15,000 entries is the slow part of a first start; on a busy 2-core machine it takes tens of seconds.
  }, 180_000)
})
