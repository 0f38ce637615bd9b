import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { mergePendingSearchEntries, tsvectorOf } from '../../platform/search/text'
import { basicCodeOf, implementationCodeOf, NATIONAL } from './catalog.rules'
import type { ItemKind } from './catalog.schemas'
import type { CatalogLevel } from './catalog.tables'
import { searchCatalog } from './search.service'

let t: TestApp
let clerk: string
let nextMainItem = 1

interface EntryOptions {
  published?: boolean
  department?: string
  conditions?: string[]
  themes?: string[]
  lifeEvents?: string[]
  provinceWide?: boolean
  orgId?: string | null
}

/** An item of the base list with its national entry, written as the publish code leaves it. */
async function item(name: string, kind: ItemKind = 'licensing', options: EntryOptions = {}) {
  const basicCode = basicCodeOf(kind, nextMainItem++)
  const { id } = await t.deps.db.insertInto('catalog.item').values({ kind, basicCode, name }).returning('id').executeTakeFirstOrThrow()
  const national = await entry({ id, kind, basicCode, name }, NATIONAL, null, options)
  return { id, kind, basicCode, name, national }
}

type Item = Awaited<ReturnType<typeof item>>

/** A region's entry below `parentId`; unpublished entries carry no version and no search vector. */
async function entry(of: Pick<Item, 'id' | 'kind' | 'basicCode' | 'name'>, regionCode: string, parentId: string | null, options: EntryOptions = {}): Promise<string> {
  const published = options.published ?? true
  const level: CatalogLevel = regionCode === NATIONAL ? 'national' : regionCode.length === 2 ? 'province' : regionCode.length === 4 ? 'city' : 'county'
  const implementationCode = implementationCodeOf(of.basicCode, regionCode)
  const themes = options.themes ?? []
  const lifeEvents = options.lifeEvents ?? []
  const row = await t.deps.db
    .insertInto('catalog.implementation')
    .values({
      itemId: of.id,
      regionCode,
      level,
      parentId,
      orgId: options.orgId ?? null,
      implementationCode,
      currentVersionId: published ? crypto.randomUUID() : null,
      name: of.name,
      kind: of.kind,
      themes,
      lifeEvents,
      provinceWide: options.provinceWide ?? false,
      search: published ? tsvectorOf({ a: [of.name, implementationCode, of.basicCode], b: [options.department ?? '市场监督管理局', ...(options.conditions ?? []), ...themes, ...lifeEvents] }) : undefined,
      claimedAt: new Date('2026-03-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The item's entries in Jiangsu, Nanjing and Xuanwu, each below the one above; `countyOrg` implements it in Xuanwu. */
async function claimedDown(of: Item, options: EntryOptions & { countyOrg?: string } = {}) {
  const province = await entry(of, '32', of.national, options)
  const city = await entry(of, '3201', province, options)
  const county = await entry(of, '320102', city, { ...options, orgId: options.countyOrg ?? null })
  return { province, city, county }
}

async function get(url: string, cookie?: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
  return { status: response.statusCode, body: response.json() }
}

const names = (body: { items: { name: string }[] }) => body.items.map((hit) => hit.name)

let exact: Item
let xuanwuOrg: string

beforeAll(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk')
  xuanwuOrg = (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', '320102').orderBy('name').executeTakeFirstOrThrow()).id

  exact = await item('食品经营许可')
  await claimedDown(exact, { themes: ['食品餐饮'], lifeEvents: ['开餐馆'], provinceWide: true })
  await claimedDown(await item('食品经营许可（变更）'), { themes: ['食品餐饮'] })
  // Sorts before 食品… by name, so only the ranking puts it after the exact and prefix matches.
  await claimedDown(await item('小餐饮食品经营许可登记'))
  // Matches only through its conditions (weight B), so it ranks below every name match.
  const viaConditions = { conditions: ['经营食品的，须先取得食品经营许可'] }
  await claimedDown(await item('个体工商户登记', 'licensing', viaConditions), viaConditions)
  await claimedDown(await item('食品生产许可'), { themes: ['食品餐饮'] })
  await claimedDown(await item('城乡居民基本养老保险参保登记', 'public_service'), { themes: ['社会保障'], lifeEvents: ['退休'], countyOrg: xuanwuOrg })

  // Drafted and claimed but never published: in no search, staff or public.
  const draftOnly = await item('食品经营许可证遗失补办', 'licensing', { published: false })
  const province = await entry(draftOnly, '32', draftOnly.national, { published: false })
  await entry(draftOnly, '3201', province, { published: false })
})
afterAll(() => t.close())

describe('catalogue search ranking', () => {
  it('puts the exact name first, then names starting with the text, then by text rank, then by name', async () => {
    const page = await searchCatalog(t.deps, null, { q: '食品经营许可', region: '3201' })
    expect(names(page)).toEqual(['食品经营许可', '食品经营许可（变更）', '小餐饮食品经营许可登记', '个体工商户登记'])
    expect(page.total).toBe(4)
  })

  it('answers the whole hit with its department', async () => {
    const page = await searchCatalog(t.deps, null, { q: '城乡居民养老保险', region: '320102' })
    expect(page.items).toEqual([
      expect.objectContaining({ name: '城乡居民基本养老保险参保登记', kind: 'public_service', regionCode: '320102', level: 'county', implementationCode: expect.stringMatching(/^20[0-9]{8}32010201$/), orgId: xuanwuOrg, orgName: expect.any(String), themes: ['社会保障'], lifeEvents: ['退休'], provinceWide: false, crossProvince: false }),
    ])
  })

  it('finds an entry by its basic code and by its implementation code', async () => {
    expect(names(await searchCatalog(t.deps, null, { q: exact.basicCode, region: '32' }))).toEqual(['食品经营许可'])
    const code = implementationCodeOf(exact.basicCode, '3201')
    expect((await searchCatalog(t.deps, null, { q: code, region: '3201' })).items.map((hit) => hit.implementationCode)).toEqual([code])
  })

  it('treats a text without searchable words as no text filter', async () => {
    const all = await searchCatalog(t.deps, null, { region: '3201' })
    expect((await searchCatalog(t.deps, null, { q: '！？', region: '3201' })).total).toBe(all.total)
    expect(all.total).toBe(6)
  })
})

describe('catalogue search filters', () => {
  const staff = () => ({ actor: { kind: 'system' as const, name: 'test' }, ip: null })

  it('takes a region exactly: the national list, the province, a city, a county', async () => {
    for (const region of [NATIONAL, '32', '3201', '320102']) {
      const page = await searchCatalog(t.deps, staff(), { q: '食品经营许可', region })
      expect(page.items.every((hit) => hit.regionCode === region)).toBe(true)
      expect(page.total).toBe(4)
    }
    expect((await searchCatalog(t.deps, staff(), { q: '食品经营许可', region: '3202' })).total).toBe(0)
  })

  it('searches every region for staff who give none', async () => {
    expect((await searchCatalog(t.deps, staff(), { q: '食品经营许可' })).total).toBe(16)
  })

  it('filters by kind, level, theme, life event, province-wide and department', async () => {
    const total = async (query: object) => (await searchCatalog(t.deps, staff(), { region: '3201', ...query })).total
    expect(await total({ kind: 'public_service' })).toBe(1)
    expect(await total({ kind: 'licensing' })).toBe(5)
    expect(await total({ theme: '食品餐饮' })).toBe(3)
    expect(await total({ lifeEvent: '开餐馆' })).toBe(1)
    expect(await total({ provinceWide: true })).toBe(1)
    expect(await total({ provinceWide: false })).toBe(5)
    expect(await total({ level: 'city' })).toBe(6)
    expect(await total({ level: 'county' })).toBe(0)
    expect((await searchCatalog(t.deps, staff(), { orgId: xuanwuOrg })).items.map((hit) => hit.regionCode)).toEqual(['320102'])
    expect(await total({ q: '食品', theme: '食品餐饮', kind: 'licensing' })).toBe(3)
  })

  it('pages in a stable order with the total on every page', async () => {
    const first = await searchCatalog(t.deps, staff(), { q: '食品经营许可', region: '3201', page: 1, pageSize: 3 })
    const second = await searchCatalog(t.deps, staff(), { q: '食品经营许可', region: '3201', page: 2, pageSize: 3 })
    expect([...names(first), ...names(second)]).toEqual(['食品经营许可', '食品经营许可（变更）', '小餐饮食品经营许可登记', '个体工商户登记'])
    expect([first.total, second.total]).toEqual([4, 4])
    expect(await searchCatalog(t.deps, staff(), { q: '食品经营许可', region: '3201', page: 9, pageSize: 3 })).toEqual({ items: [], total: 4 })
  })

  it('never shows an entry that has no published version', async () => {
    expect(names(await searchCatalog(t.deps, staff(), { q: '遗失补办' }))).toEqual([])
    expect(names(await searchCatalog(t.deps, null, { q: '遗失补办', region: '3201' }))).toEqual([])
  })
})

describe('GET /api/catalog/search (staff)', () => {
  it('answers staff with catalog.read and refuses the anonymous', async () => {
    const found = await get(`/api/catalog/search?q=${encodeURIComponent('食品经营许可')}&region=3201&pageSize=2`, clerk)
    expect(found.status).toBe(200)
    expect(found.body.total).toBe(4)
    expect(names(found.body)).toEqual(['食品经营许可', '食品经营许可（变更）'])
    const anonymous = await get(`/api/catalog/search?q=${encodeURIComponent('食品')}`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.id).toBe('authentication_required')
  })

  it('refuses a page size over 100 and a malformed region with the error JSON', async () => {
    const tooMany = await get('/api/catalog/search?pageSize=1000', clerk)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error).toMatchObject({ id: 'invalid_request', field: 'querystring.pageSize', zh: expect.any(String), en: expect.any(String) })
    const badRegion = await get('/api/catalog/search?region=32A1', clerk)
    expect(badRegion.status).toBe(400)
    expect(badRegion.body.error).toMatchObject({ id: 'invalid_request', field: 'querystring.region' })
    expect((await get('/api/catalog/search?kind=permit', clerk)).status).toBe(400)
  })
})

describe('GET /api/public/catalog/search (citizens)', () => {
  it('needs no sign-in and searches the home province unless a region is given', async () => {
    const province = await get(`/api/public/catalog/search?q=${encodeURIComponent('食品经营许可')}`)
    expect(province.status).toBe(200)
    expect(province.body.items.map((hit: { regionCode: string }) => hit.regionCode)).toEqual(['32', '32', '32', '32'])
    const county = await get(`/api/public/catalog/search?q=${encodeURIComponent('食品经营许可')}&region=320102`)
    expect(names(county.body)).toEqual(['食品经营许可', '食品经营许可（变更）', '小餐饮食品经营许可登记', '个体工商户登记'])
  })

  it('never shows drafts', async () => {
    const drafts = await get(`/api/public/catalog/search?q=${encodeURIComponent('食品经营许可证遗失补办')}&region=3201`)
    expect(drafts.body).toEqual({ items: [], total: 0 })
  })

  it('refuses bad input with the error JSON', async () => {
    const response = await get('/api/public/catalog/search?pageSize=1000')
    expect(response.status).toBe(400)
    expect(response.body.error.id).toBe('invalid_request')
    expect((await get('/api/public/catalog/search?region=abc')).status).toBe(400)
  })
})

describe('GET /api/public/catalog/facets', () => {
  it('counts the themes, life events and departments of a region’s published entries', async () => {
    const facets = await get('/api/public/catalog/facets?region=320102')
    expect(facets.status).toBe(200)
    expect(facets.body.themes).toEqual([
      { name: '食品餐饮', count: 3 },
      { name: '社会保障', count: 1 },
    ])
    expect(facets.body.lifeEvents).toEqual([
      { name: '开餐馆', count: 1 },
      { name: '退休', count: 1 },
    ])
    expect(facets.body.orgs).toEqual([{ id: xuanwuOrg, name: expect.any(String), count: 1 }])
  })

  it('defaults to the home province and leaves unpublished entries out', async () => {
    const facets = await get('/api/public/catalog/facets')
    expect(facets.body.themes).toEqual([
      { name: '食品餐饮', count: 3 },
      { name: '社会保障', count: 1 },
    ])
    expect((await get('/api/public/catalog/facets?region=3299')).body).toEqual({ themes: [], lifeEvents: [], orgs: [] })
  })
})

describe('the search index merge', () => {
  it('merges what new entries left pending, once, and they are still found', async () => {
    await claimedDown(await item('排水许可'))
    expect(await mergePendingSearchEntries(t.deps.db)).toBeGreaterThan(0)
    expect(await mergePendingSearchEntries(t.deps.db)).toBe(0)
    expect(names(await searchCatalog(t.deps, null, { q: '排水许可', region: '320102' }))).toEqual(['排水许可'])
  })
})
