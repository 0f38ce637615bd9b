import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { isValidDay } from '../platform/calendar/calendar'
import { getLaw } from '../modules/laws/laws.service'
import { demoLawIndex, seedDemoLaws, type DemoLawIndex } from './demo-laws'
import { demoLaws } from './demo-laws-texts'

describe('the demo laws data', () => {
  it('holds 10–15 laws with 3–15 articles each, numbered by real ordinals, with real texts and dates', () => {
    expect(demoLaws.length).toBeGreaterThanOrEqual(10)
    expect(demoLaws.length).toBeLessThanOrEqual(15)
    expect(new Set(demoLaws.map((l) => l.key)).size).toBe(demoLaws.length)
    expect(new Set(demoLaws.map((l) => `${l.title}|${l.issuer}`)).size).toBe(demoLaws.length)
    for (const law of demoLaws) {
      const ordinals = Object.keys(law.articles).map(Number)
      expect({ law: law.title, count: ordinals.length >= 3 && ordinals.length <= 15 }).toEqual({ law: law.title, count: true })
      expect(ordinals.every((n) => Number.isInteger(n) && n > 0)).toBe(true)
      for (const text of Object.values(law.articles)) {
        expect(text.trim()).toBe(text)
        // The label is the article's, not part of its text.
        expect(text).not.toMatch(/^第[一二三四五六七八九十百千零]+条/)
      }
      expect(isValidDay(law.promulgatedOn) && isValidDay(law.effectiveOn) && law.effectiveOn >= law.promulgatedOn).toBe(true)
      for (const amendment of law.amendments ?? []) {
        expect(amendment.effectiveOn >= law.effectiveOn).toBe(true)
        for (const ordinal of Object.keys(amendment.texts)) expect(law.articles[Number(ordinal)]).toBeDefined()
      }
    }
  })

  it('includes the laws the demo catalogue cites, and a Jiangsu local regulation', () => {
    const byKey = new Map(demoLaws.map((l) => [l.key, l]))
    expect(byKey.get('food_safety')?.articles[35]).toContain('国家对食品生产经营实行许可制度')
    expect(byKey.get('construction')?.articles[7]).toContain('施工许可证')
    expect(byKey.get('administrative_licensing')?.amendments).toHaveLength(1)
    expect(demoLaws.filter((l) => l.regionCode === '32' && l.kind === 'local_regulation').length).toBeGreaterThanOrEqual(1)
  })
})

describe('seeding the demo laws', () => {
  let t: TestApp
  let index: DemoLawIndex

  beforeAll(async () => {
    t = await createTestApp()
    index = await seedDemoLaws(t.deps)
  })
  afterAll(() => t.close())

  it('answers every demo law with its articles by real ordinal', async () => {
    expect(Object.keys(index).sort()).toEqual(demoLaws.map((l) => l.key).sort())
    const food = index.food_safety!
    const law = await getLaw(t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, food.lawId)
    expect(law.articles.find((a) => a.id === food.articles[35])?.label).toBe('第三十五条')
    expect(Object.keys(food.articles).map(Number)).toEqual(Object.keys(demoLaws.find((l) => l.key === 'food_safety')!.articles).map(Number))
  })

  it('records the 2019 amendment of the Administrative Licensing Law as a change', async () => {
    const licensing = index.administrative_licensing!
    const ctx = { actor: { kind: 'system' as const, name: 'test' }, ip: null }
    const in2010 = await getLaw(t.deps, ctx, licensing.lawId, '2010-01-01')
    const now = await getLaw(t.deps, ctx, licensing.lawId)
    const article5 = (l: typeof now) => l.articles.find((a) => a.label === '第五条')!.text
    expect(article5(in2010)).toContain('应当遵循公开、公平、公正的原则。')
    expect(article5(now)).toContain('应当遵循公开、公平、公正、非歧视的原则。')
    expect(now.changes.map((c) => [c.kind, c.effectiveOn, c.articleCount])).toEqual([
      ['enact', '2004-07-01', 13],
      ['amend', '2019-04-23', 2],
    ])
  })

  it('leaves a library that holds laws alone and looks the demo laws up again', async () => {
    const before = await t.deps.db.selectFrom('laws.article').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(await seedDemoLaws(t.deps)).toEqual(index)
    expect(await demoLawIndex(t.deps.db)).toEqual(index)
    const after = await t.deps.db.selectFrom('laws.article').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})
