import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { basicCodeOf, implementationCodeOf, NATIONAL } from './catalog.rules'
import type { ItemKind } from './catalog.schemas'
import type { CatalogLevel } from './catalog.tables'
import { coverageMatrix, regionShare, unclaimedRegions } from './coverage.repository'

let t: TestApp
let nextMainItem = 1

interface Item {
  id: string
  kind: ItemKind
  basicCode: string
  name: string
  /** Entry id by region code ('00' the national entry). */
  entries: Map<string, string>
}

const levelOf = (regionCode: string): CatalogLevel =>
  regionCode === NATIONAL ? 'national' : regionCode.length === 2 ? 'province' : regionCode.length === 4 ? 'city' : 'county'

/** An item; with `national` false it stays off the base list (no national entry). */
async function item(name: string, kind: ItemKind = 'licensing', national = true): Promise<Item> {
  const basicCode = basicCodeOf(kind, nextMainItem++)
  const { id } = await t.deps.db.insertInto('catalog.item').values({ kind, basicCode, name }).returning('id').executeTakeFirstOrThrow()
  const created: Item = { id, kind, basicCode, name, entries: new Map() }
  if (national) await claim(created, NATIONAL)
  return created
}

/** A region's entry below the one of the level above (which must exist), published unless told. */
async function claim(of: Item, regionCode: string, published = true): Promise<string> {
  const parentCode = regionCode === NATIONAL ? null : regionCode.length === 2 ? NATIONAL : regionCode.slice(0, -2)
  const row = await t.deps.db
    .insertInto('catalog.implementation')
    .values({
      itemId: of.id,
      regionCode,
      level: levelOf(regionCode),
      parentId: parentCode === null ? null : of.entries.get(parentCode)!,
      orgId: null,
      implementationCode: implementationCodeOf(of.basicCode, regionCode),
      currentVersionId: published ? crypto.randomUUID() : null,
      name: of.name,
      kind: of.kind,
      claimedAt: new Date('2026-03-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  of.entries.set(regionCode, row.id)
  return row.id
}

/** A review task on an entry (with the version it is about), open unless told. */
async function reviewTask(of: Item, regionCode: string, status: 'open' | 'resolved') {
  const implementationId = of.entries.get(regionCode)!
  const version = await t.deps.db
    .insertInto('catalog.itemVersion')
    .values({ implementationId, number: 1, status: 'published', parentVersionId: null, elements: '{}', effective: '{}', createdAt: new Date(), createdBy: 'test', publishedAt: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.deps.db
    .insertInto('catalog.reviewTask')
    .values({ implementationId, versionId: version.id, regionCode, orgId: null, reason: 'basis_changed', status, createdAt: new Date() })
    .execute()
}

async function regionCodes(level: number, prefix: string): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('platform.region').select('code').where('level', '=', level).where('code', 'like', `${prefix}%`).orderBy('code').execute()
  return rows.map((r) => r.code)
}

async function get(url: string, cookie: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } })
  return { status: response.statusCode, body: response.json() }
}

let food: Item
let pharmacy: Item
let blasting: Item
let pension: Item
let offList: Item
let nanjingCounties: string[]

/**
 * The fixture: four base items and one item off the list.
 * - 食品经营许可: the province; Nanjing (published) and Wuxi (draft); Xuanwu (published, an open
 *   review), Qinhuai (draft), Gulou (published, a resolved review); Suzhou Industrial Park (published).
 * - 药品零售企业许可: the province and Nanjing (draft).
 * - 民用爆炸物品购买许可: the national entry only.
 * - 城乡居民基本养老保险参保登记 (public service): the province, Nanjing, Xuanwu.
 */
beforeAll(async () => {
  t = await createTestApp()
  nanjingCounties = await regionCodes(3, '3201')
  food = await item('食品经营许可')
  pharmacy = await item('药品零售企业许可')
  blasting = await item('民用爆炸物品购买许可')
  pension = await item('城乡居民基本养老保险参保登记', 'public_service')
  offList = await item('试点事项', 'licensing', false)

  await claim(food, '32')
  await claim(food, '3201')
  await claim(food, '3202', false)
  await claim(food, '3205')
  await claim(food, '320102')
  await claim(food, '320104', false)
  await claim(food, '320106')
  await claim(food, '320576')
  await reviewTask(food, '320102', 'open')
  await reviewTask(food, '320106', 'resolved')
  await claim(pharmacy, '32')
  await claim(pharmacy, '3201', false)
  await claim(pension, '32')
  await claim(pension, '3201')
  await claim(pension, '320102')
})
afterAll(() => t.close())

describe('unclaimedRegions', () => {
  it('lists the cities of the home province without an entry for the item, drafts counting as claimed', async () => {
    const cities = await regionCodes(2, '32')
    const unclaimed = await unclaimedRegions(t.deps.db, food.id, 'city', '32')
    expect(unclaimed.map((r) => r.code)).toEqual(cities.filter((c) => !['3201', '3202', '3205'].includes(c)))
    expect(unclaimed[0]).toEqual({ code: '3203', name: '徐州市', functionalZone: false })
  })

  it('lists the counties, functional zones included', async () => {
    const suzhou = await regionCodes(3, '3205')
    const unclaimed = await unclaimedRegions(t.deps.db, food.id, 'county', '3205')
    expect(unclaimed.map((r) => r.code)).toEqual(suzhou.filter((c) => c !== '320576'))
    const pensionGaps = await unclaimedRegions(t.deps.db, pension.id, 'county', '3205')
    expect(pensionGaps).toContainEqual({ code: '320576', name: '苏州工业园区', functionalZone: true })
    expect(pensionGaps).toHaveLength(suzhou.length)
  })

  it('lists every county of the province for an item only the nation has', async () => {
    expect((await unclaimedRegions(t.deps.db, blasting.id, 'county', '32')).map((r) => r.code)).toEqual(await regionCodes(3, '32'))
  })
})

describe('regionShare', () => {
  it('measures a region against the national base list: claimed, published, share', async () => {
    expect(await regionShare(t.deps.db, '32')).toEqual({ baseItems: 4, claimed: 3, published: 3, share: 0.75 })
    expect(await regionShare(t.deps.db, '3201')).toEqual({ baseItems: 4, claimed: 3, published: 2, share: 0.75 })
    expect(await regionShare(t.deps.db, '320104')).toEqual({ baseItems: 4, claimed: 1, published: 0, share: 0.25 })
    expect(await regionShare(t.deps.db, '3203')).toEqual({ baseItems: 4, claimed: 0, published: 0, share: 0 })
  })
})

describe('coverageMatrix', () => {
  it('answers the counties of a city × the base list, with drafts, published entries and open reviews', async () => {
    const matrix = await coverageMatrix(t.deps.db, { level: 'county', parentRegion: '3201' })
    expect(matrix.regions.map((r) => r.code)).toEqual(nanjingCounties)
    expect(matrix.regions[0]).toEqual({ code: '320102', name: '玄武区' })
    // By basic code: the licensing items (01…) in creation order, then the public service (20…); never the item off the list.
    expect(matrix.items).toEqual([food, pharmacy, blasting, pension].map(({ id, basicCode, name }) => ({ id, basicCode, name })))
    const expected = nanjingCounties.map((code) => {
      if (code === '320102') return [3, 0, 0, 2]
      if (code === '320104') return [1, 0, 0, 0]
      if (code === '320106') return [2, 0, 0, 0]
      return [0, 0, 0, 0]
    })
    expect(matrix.cells).toEqual(expected)
  })

  it('narrows the base list to a kind, and looks at cities of the province', async () => {
    const matrix = await coverageMatrix(t.deps.db, { level: 'city', parentRegion: '32', kind: 'licensing' })
    const cities = await regionCodes(2, '32')
    expect(matrix.regions.map((r) => r.code)).toEqual(cities)
    expect(matrix.items.map((i) => i.name)).toEqual(['食品经营许可', '药品零售企业许可', '民用爆炸物品购买许可'])
    const row = (code: string) => matrix.cells[cities.indexOf(code)]
    expect(row('3201')).toEqual([2, 1, 0])
    expect(row('3202')).toEqual([1, 0, 0])
    expect(row('3205')).toEqual([2, 0, 0])
    expect(row('3213')).toEqual([0, 0, 0])
  })

  it('answers an empty grid for a region with no regions at that level inside it', async () => {
    expect(await coverageMatrix(t.deps.db, { level: 'city', parentRegion: '320102' })).toMatchObject({ regions: [], cells: [] })
  })

  it('ignores entries of items off the base list', async () => {
    const province = await coverageMatrix(t.deps.db, { level: 'city', parentRegion: '32' })
    expect(province.items.map((i) => i.id)).not.toContain(offList.id)
    expect(province.cells.every((line) => line.length === 4)).toBe(true)
  })
})

describe('coverage routes', () => {
  let handler: string
  let clerk: string
  let catalog: string
  beforeAll(async () => {
    ;[handler, clerk, catalog] = await Promise.all([t.login('handler'), t.login('clerk'), t.login('catalog')])
  })

  it('defaults every report to the caller’s own region', async () => {
    const matrix = await get('/api/catalog/coverage/matrix?level=county', handler)
    expect(matrix.status).toBe(200)
    expect(matrix.body.regions.map((r: { code: string }) => r.code)).toEqual(nanjingCounties)
    expect(matrix.body.cells[0]).toEqual([3, 0, 0, 2])
    const share = await get('/api/catalog/coverage/share', clerk)
    expect(share.body).toEqual({ regionCode: '320102', baseItems: 4, claimed: 2, published: 2, share: 0.5 })
    const unclaimed = await get(`/api/catalog/coverage/unclaimed?itemId=${food.id}&level=county`, handler)
    expect(unclaimed.body.map((r: { code: string }) => r.code)).toEqual(nanjingCounties.filter((c) => !['320102', '320104', '320106'].includes(c)))
  })

  it('lets the province look at any city, with a kind', async () => {
    const matrix = await get('/api/catalog/coverage/matrix?level=county&parentRegion=3205&kind=public_service', catalog)
    expect(matrix.status).toBe(200)
    expect(matrix.body.items.map((i: { name: string }) => i.name)).toEqual(['城乡居民基本养老保险参保登记'])
    expect((await get('/api/catalog/coverage/share?region=3201', catalog)).body.share).toBe(0.75)
  })

  it('refuses a region outside the caller’s scope', async () => {
    for (const url of ['/api/catalog/coverage/matrix?level=county&parentRegion=3202', '/api/catalog/coverage/share?region=32', `/api/catalog/coverage/unclaimed?itemId=${food.id}&level=county&region=3205`]) {
      const response = await get(url, handler)
      expect({ url, status: response.status, id: response.body.error?.id }).toEqual({ url, status: 403, id: 'access_denied' })
    }
    expect((await get('/api/catalog/coverage/share?region=3201', clerk)).status).toBe(403)
  })

  it('refuses bad input with the error JSON, and answers 404 for an unknown item or region', async () => {
    const level = await get('/api/catalog/coverage/matrix?level=town', handler)
    expect(level.status).toBe(400)
    expect(level.body.error).toMatchObject({ id: 'invalid_request', field: 'querystring.level' })
    const region = await get('/api/catalog/coverage/share?region=32x', handler)
    expect(region.status).toBe(400)
    expect(region.body.error).toMatchObject({ id: 'invalid_request', field: 'querystring.region' })
    expect((await get('/api/catalog/coverage/unclaimed?itemId=nope&level=county', handler)).status).toBe(400)
    const unknownItem = await get(`/api/catalog/coverage/unclaimed?itemId=${crypto.randomUUID()}&level=county`, handler)
    expect([unknownItem.status, unknownItem.body.error.id]).toEqual([404, 'item_not_found'])
    const unknownRegion = await get('/api/catalog/coverage/share?region=320199', handler)
    expect([unknownRegion.status, unknownRegion.body.error.id]).toEqual([404, 'region_not_found'])
  })
})
