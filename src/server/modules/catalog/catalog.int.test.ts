import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { buildLaw, serviceElements } from '../../../../test/factories/catalog'
import { LAW_CHANGED, type LawChangedEvent } from '../laws'

let t: TestApp
let province: string
let city: string
let county: string
let law: { lawId: string; articleIds: string[] }

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, payload: payload as object, headers: { cookie } })
  return { status: response.statusCode, body: response.json() }
}

async function orgId(regionCode: string, name: string): Promise<string> {
  return (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
}

async function counts() {
  const [items, versions, tasks] = await Promise.all(
    (['catalog.item', 'catalog.itemVersion', 'catalog.reviewTask'] as const).map((table) => t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
  )
  return { items: Number(items?.n), versions: Number(versions?.n), tasks: Number(tasks?.n) }
}

/** Creates and publishes a base item, then has the province, Xuzhou and Pei county claim it. */
async function chain(elements = serviceElements({ legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[0]! }] })) {
  const created = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', elements })
  expect(created.status).toBe(201)
  const national = created.body.implementation.id as string
  expect((await call(province, 'POST', `/api/catalog/versions/${created.body.draft.id}/publish`)).status).toBe(200)
  const claim = async (cookie: string, parentId: string, regionCode: string, org: string, overrides: object) => {
    const claimed = await call(cookie, 'POST', `/api/catalog/implementations/${parentId}/claims`, { regionCode, orgId: await orgId(regionCode, org), overrides })
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201)
    expect((await call(cookie, 'POST', `/api/catalog/versions/${claimed.body.draft.id}/publish`)).status).toBe(200)
    return claimed.body.implementation.id as string
  }
  const provinceEntry = await claim(province, national, '32', '江苏省市场监督管理局', { committedDays: 8 })
  const cityEntry = await claim(city, provinceEntry, '3203', '徐州市市场监督管理局', {})
  const countyEntry = await claim(county, cityEntry, '320322', '沛县市场监督管理局', { place: '沛县政务服务中心二楼', committedDays: 5 })
  return { national, provinceEntry, cityEntry, countyEntry }
}

beforeAll(async () => {
  t = await createTestApp()
  ;[province, city, county] = await Promise.all([t.login('catalog'), t.login('xuzhou.catalog'), t.login('peixian.catalog')])
  law = await buildLaw(t.deps.db, { title: '中华人民共和国食品安全法', articles: 5 })
})
afterAll(() => t.close())

describe('item versions', () => {
  it('never changes a published version: edits go to a new draft copy', async () => {
    const created = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', elements: serviceElements({ name: '药品零售企业许可' }) })
    expect(created.status).toBe(201)
    expect(created.body.implementation.implementationCode).toMatch(/^01[0-9]{8}00000001$/)
    const v1 = created.body.draft.id
    expect((await call(province, 'POST', `/api/catalog/versions/${v1}/publish`)).body.status).toBe('published')

    const edit = await call(province, 'PUT', `/api/catalog/versions/${v1}`, { elements: serviceElements({ name: '药品零售企业许可', committedDays: 3 }) })
    expect(edit.status).toBe(409)
    expect(edit.body.error.id).toBe('version_not_draft')
    await expect(sql`update catalog.item_version set effective = '{}' where id = ${v1}`.execute(t.deps.db)).rejects.toThrow(/never changes/)

    const draft = await call(province, 'POST', `/api/catalog/implementations/${created.body.implementation.id}/drafts`)
    expect(draft.status).toBe(201)
    expect(draft.body).toMatchObject({ number: 2, status: 'draft', effective: { committedDays: 10 } })
    expect((await call(province, 'PUT', `/api/catalog/versions/${draft.body.id}`, { elements: serviceElements({ name: '药品零售企业许可', committedDays: 3 }) })).status).toBe(200)
    await call(province, 'POST', `/api/catalog/versions/${draft.body.id}/publish`)

    const detail = await call(province, 'GET', `/api/catalog/implementations/${created.body.implementation.id}`)
    expect(detail.body.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ])
    const compare = await call(province, 'GET', `/api/catalog/versions/${v1}/compare?to=${draft.body.id}`)
    expect(compare.body.changes).toEqual([{ field: 'committedDays', before: 10, after: 3 }])
  })
})

describe('claiming down the levels', () => {
  it('stores only overrides; the effective item is the parent plus overrides', async () => {
    const { countyEntry } = await chain()
    const detail = await call(county, 'GET', `/api/catalog/implementations/${countyEntry}`)
    expect(detail.status).toBe(200)
    expect(detail.body.current.elements).toEqual({ place: '沛县政务服务中心二楼', committedDays: 5 })
    expect(detail.body.current.effective).toMatchObject({ name: '食品经营许可', statutoryDays: 20, committedDays: 5, place: '沛县政务服务中心二楼' })
    expect(detail.body.regionChanges).toEqual([
      { field: 'committedDays', before: 8, after: 5 },
      { field: 'place', before: '政务服务中心市场监管窗口', after: '沛县政务服务中心二楼' },
    ])
    expect(detail.body.legalBasis).toEqual([expect.objectContaining({ lawTitle: '中华人民共和国食品安全法', label: '第1条', inForce: true })])
  })

  it('flags every claiming region when the parent publishes a new version, and adopting keeps the overrides', async () => {
    const { provinceEntry, cityEntry, countyEntry } = await chain()
    const draft = await call(province, 'POST', `/api/catalog/implementations/${provinceEntry}/drafts`)
    await call(province, 'PUT', `/api/catalog/versions/${draft.body.id}`, { elements: { statutoryDays: 15 } })
    await call(province, 'POST', `/api/catalog/versions/${draft.body.id}/publish`)

    const cityTasks = await call(city, 'GET', `/api/catalog/review-tasks?implementationId=${cityEntry}&status=open`)
    expect(cityTasks.body.items).toEqual([expect.objectContaining({ reason: 'parent_changed', parentVersionId: draft.body.id, regionCode: '3203' })])
    // Only the direct children: the county hears of it when its city republishes.
    expect((await call(county, 'GET', `/api/catalog/review-tasks?implementationId=${countyEntry}&status=open`)).body.total).toBe(0)

    const adopt = await call(city, 'POST', `/api/catalog/review-tasks/${cityTasks.body.items[0].id}/resolve`, { action: 'adopt' })
    expect(adopt.status).toBe(200)
    expect(adopt.body.status).toBe('resolved')
    const cityDetail = await call(city, 'GET', `/api/catalog/implementations/${cityEntry}`)
    expect(cityDetail.body.current).toMatchObject({ number: 2, parentVersionId: draft.body.id, effective: { statutoryDays: 15, committedDays: 8 } })

    const countyTasks = await call(county, 'GET', `/api/catalog/review-tasks?implementationId=${countyEntry}&status=open`)
    expect(countyTasks.body.items).toHaveLength(1)
    await call(county, 'POST', `/api/catalog/review-tasks/${countyTasks.body.items[0].id}/resolve`, { action: 'adopt' })
    const countyDetail = await call(county, 'GET', `/api/catalog/implementations/${countyEntry}`)
    expect(countyDetail.body.current.effective).toMatchObject({ statutoryDays: 15, committedDays: 5, place: '沛县政务服务中心二楼' })
  })

  it('refuses to claim twice, out of level, or outside the actor’s region', async () => {
    const { national, provinceEntry, cityEntry } = await chain()
    const twice = await call(city, 'POST', `/api/catalog/implementations/${provinceEntry}/claims`, { regionCode: '3203', orgId: await orgId('3203', '徐州市市场监督管理局') })
    expect([twice.status, twice.body.error.id]).toEqual([409, 'item_already_claimed'])
    const skip = await call(county, 'POST', `/api/catalog/implementations/${national}/claims`, { regionCode: '320322', orgId: await orgId('320322', '沛县市场监督管理局') })
    expect([skip.status, skip.body.error.id]).toEqual([400, 'claim_wrong_level'])
    const foreign = await call(county, 'POST', `/api/catalog/implementations/${cityEntry}/claims`, { regionCode: '320321', orgId: await orgId('320321', '丰县市场监督管理局') })
    expect([foreign.status, foreign.body.error.id]).toEqual([403, 'access_denied'])
    const edit = await call(county, 'POST', `/api/catalog/implementations/${provinceEntry}/drafts`)
    expect(edit.status).toBe(403)
  })
})

describe('law changes reach the items', () => {
  async function publishChange(articles: LawChangedEvent['articles'], kind: LawChangedEvent['kind'] = 'amend') {
    const event: LawChangedEvent = { changeId: crypto.randomUUID(), lawId: law.lawId, lawTitle: '中华人民共和国食品安全法', kind, title: '修正', effectiveOn: '2026-03-01', articles }
    await t.deps.db.transaction().execute((trx) => t.deps.events.publish(trx, t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, LAW_CHANGED, event))
    return event.changeId
  }

  it('gives exactly the entries citing an amended article a review task, at every level', async () => {
    const citing = await chain(serviceElements({ name: '食品生产许可', legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[1]! }] }))
    await chain(serviceElements({ name: '小餐饮登记', legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[2]! }] }))
    const changeId = await publishChange([{ articleId: law.articleIds[1]!, effect: 'changed', label: '第2条', oldLabel: null }])
    const tasks = await call(province, 'GET', `/api/catalog/review-tasks?lawChangeId=${changeId}&pageSize=50`)
    expect(tasks.body.items.map((task: { implementationId: string }) => task.implementationId).sort()).toEqual(Object.values(citing).sort())
    expect(tasks.body.items.every((task: { reason: string }) => task.reason === 'basis_changed')).toBe(true)
    const guide = await t.app.inject({ method: 'GET', url: `/api/public/catalog/guides/${citing.countyEntry}` })
    expect(guide.json()).toMatchObject({ basisUnderReview: true, region: { name: '沛县' } })

    const countyTask = tasks.body.items.find((task: { implementationId: string }) => task.implementationId === citing.countyEntry)
    expect((await call(county, 'POST', `/api/catalog/review-tasks/${countyTask.id}/resolve`, { action: 'confirm' })).body.status).toBe('resolved')
    expect((await t.app.inject({ method: 'GET', url: `/api/public/catalog/guides/${citing.countyEntry}` })).json().basisUnderReview).toBe(false)
  })

  it('proposes retirement when the whole basis is repealed, and retiring takes the guide down', async () => {
    const repealed = await buildLaw(t.deps.db, { title: '将被废止的条例', articles: 2 })
    const { countyEntry } = await chain(serviceElements({ name: '旧式许可', legalBasis: repealed.articleIds.map((articleId) => ({ lawId: repealed.lawId, articleId })) }))
    await t.deps.db.updateTable('laws.law').set({ repealedOn: '2026-03-01' }).where('id', '=', repealed.lawId).execute()
    const event: LawChangedEvent = {
      changeId: crypto.randomUUID(),
      lawId: repealed.lawId,
      lawTitle: '将被废止的条例',
      kind: 'repeal',
      title: '废止',
      effectiveOn: '2026-03-01',
      articles: repealed.articleIds.map((articleId, i) => ({ articleId, effect: 'repealed', label: `第${i + 1}条`, oldLabel: null })),
    }
    await t.deps.db.transaction().execute((trx) => t.deps.events.publish(trx, t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, LAW_CHANGED, event))
    const tasks = await call(county, 'GET', `/api/catalog/review-tasks?lawChangeId=${event.changeId}`)
    expect(tasks.body.items).toEqual([expect.objectContaining({ implementationId: countyEntry, reason: 'basis_repealed' })])
    await call(county, 'POST', `/api/catalog/review-tasks/${tasks.body.items[0].id}/resolve`, { action: 'retire' })
    expect((await t.app.inject({ method: 'GET', url: `/api/public/catalog/guides/${countyEntry}` })).statusCode).toBe(404)
  })
})

describe('supervision and inspection items', () => {
  it('keeps the 15 elements of an inspection item and links it to an existing supervision item only', async () => {
    const supervision = await call(province, 'POST', '/api/catalog/items', {
      kind: 'supervision',
      elements: { name: '对食品经营者的监督检查', department: '市场监督管理部门', object: '食品经营者', content: '经营条件、进货查验、贮存条件', method: '双随机抽查', legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[4]! }], levels: ['city', 'county'], remarks: '' },
    })
    expect(supervision.status).toBe(201)
    const code = (await t.deps.db.selectFrom('catalog.item').select('basicCode').where('id', '=', supervision.body.implementation.itemId).executeTakeFirstOrThrow()).basicCode
    expect(code).toMatch(/^30/)
    const inspection = {
      name: '食品经营许可事项现场核查',
      category: '行政检查',
      method: '现场检查',
      object: '食品经营者',
      content: '经营场所、设施设备、管理制度与申请材料是否一致',
      legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[4]! }],
      implementingBody: '市场监督管理局',
      level: 'county',
      frequency: '每年不少于一次',
      ratio: '5%',
      procedure: '制定计划、随机抽取、实施检查、公示结果',
      handling: '责令改正；拒不改正的依法处罚',
      undertakingUnit: '食品经营监管科',
      supervisionItemCode: code,
      remarks: '',
    }
    const created = await call(province, 'POST', '/api/catalog/items', { kind: 'inspection', elements: inspection })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(Object.keys(created.body.draft.effective)).toHaveLength(15)
    const dangling = await call(province, 'POST', '/api/catalog/items', { kind: 'inspection', elements: { ...inspection, supervisionItemCode: '3099999000' } })
    expect([dangling.status, dangling.body.error.id]).toEqual([400, 'supervision_item_not_found'])
  })
})

describe('bad input changes nothing', () => {
  it('answers unknown laws, missing articles, duplicate codes and malformed elements with a 4xx', async () => {
    const before = await counts()
    const unknownLaw = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', elements: serviceElements({ legalBasis: [{ lawId: crypto.randomUUID(), articleId: crypto.randomUUID() }] }) })
    expect([unknownLaw.status, unknownLaw.body.error.id, unknownLaw.body.error.field]).toEqual([400, 'law_not_found', 'legalBasis/0'])
    const missingArticle = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', elements: serviceElements({ legalBasis: [{ lawId: law.lawId, articleId: crypto.randomUUID() }] }) })
    expect([missingArticle.status, missingArticle.body.error.id]).toEqual([400, 'article_not_found'])
    const first = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', basicCode: '0100999000', elements: serviceElements() })
    expect(first.status).toBe(201)
    const afterFirst = await counts()
    const duplicate = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', basicCode: '0100999000', elements: serviceElements() })
    expect([duplicate.status, duplicate.body.error.id]).toEqual([409, 'item_code_taken'])
    const wrongKind = await call(province, 'POST', '/api/catalog/items', { kind: 'public_service', basicCode: '0100999001', elements: serviceElements() })
    expect([wrongKind.status, wrongKind.body.error.id]).toEqual([400, 'item_code_invalid'])
    const malformed = await call(province, 'POST', '/api/catalog/items', { kind: 'licensing', elements: { ...serviceElements(), onlineDepth: 9 } })
    expect([malformed.status, malformed.body.error.id, malformed.body.error.field]).toEqual([400, 'item_elements_invalid', 'elements/onlineDepth'])
    expect(await counts()).toEqual(afterFirst)
    expect(afterFirst.items).toBe(before.items + 1)
  })

  it('lets only catalogue editors write', async () => {
    const clerk = await t.login('clerk')
    const attempt = await call(clerk, 'POST', '/api/catalog/items', { kind: 'licensing', elements: serviceElements() })
    expect(attempt.status).toBe(403)
  })
})
