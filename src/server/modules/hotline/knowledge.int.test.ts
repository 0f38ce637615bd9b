import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import type { RequestContext } from '../../platform/deps'
import { createAdminAccount } from '../../platform/users/staff.service'
import type { KnowledgeEntryDetail, KnowledgePage, KnowledgeSuggestion } from './knowledge.schemas'
import { appealWords, snippetOf } from './knowledge.rules'

let t: TestApp
const system: RequestContext = { actor: { kind: 'system', name: 'knowledge-test' }, ip: null }
const password = 'Kb-editor-2026'
const later = '2027-12-31'

/** Session cookies by who they are. */
interface Sessions {
  dispatcher: string
  handler: string
  clerk: string
  sysadmin: string
  nanjingSupervisor: string
  province: string
  provinceReviewer: string
  xuzhou: string
  xuzhouReviewer: string
  peixian: string
  peixianReviewer: string
  peixianAgent: string
}
let as: Sessions

interface Reply<T> {
  status: number
  body: T & { error?: { id: string; field?: string } }
}

async function api<T = KnowledgeEntryDetail>(cookie: string | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as object | undefined })
  return { status: response.statusCode, body: response.json() }
}

async function orgId(regionCode: string, name: string): Promise<string> {
  return (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
}

async function account(username: string, role: string, regionCode: string, org: string): Promise<string> {
  await createAdminAccount(t.deps, system, { username, displayName: username, regionCode, orgId: await orgId(regionCode, org), password, role })
  return t.login(username, password)
}

interface Draft {
  regionCode: string
  org: string
  title: string
  body?: string
  categoryKey?: string
  catalogItemId?: string
  keywords?: string[]
  validUntil?: string
}

async function create(cookie: string, draft: Draft): Promise<KnowledgeEntryDetail> {
  const { org, ...rest } = draft
  const created = await api(cookie, 'POST', '/api/hotline/knowledge/entries', { body: `${draft.title}的答复口径。`, validUntil: later, ...rest, orgId: await orgId(draft.regionCode, org) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body
}

async function act(cookie: string, entry: KnowledgeEntryDetail, action: 'submit' | 'approve', expected = 200): Promise<KnowledgeEntryDetail> {
  const reply = await api(cookie, 'POST', `/api/hotline/knowledge/entries/${entry.entry.id}/${action}`, { expectedVersion: entry.entry.version })
  expect(reply.status, JSON.stringify(reply.body)).toBe(expected)
  return reply.body
}

/** A published entry: written and submitted by `editor`, approved by `reviewer`. */
async function publish(editor: string, reviewer: string, draft: Draft): Promise<KnowledgeEntryDetail> {
  return act(reviewer, await act(editor, await create(editor, draft), 'submit'), 'approve')
}

async function listAs(cookie: string, filters: Record<string, string> = {}): Promise<KnowledgePage> {
  const reply = await api<KnowledgePage>(cookie, 'GET', `/api/hotline/knowledge/entries?${new URLSearchParams({ pageSize: '100', ...filters })}`)
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return reply.body
}

async function suggest(cookie: string, text: string, regionCode?: string): Promise<KnowledgeSuggestion[]> {
  const query = new URLSearchParams({ text, ...(regionCode ? { regionCode } : {}) })
  const reply = await api<KnowledgeSuggestion[]>(cookie, 'GET', `/api/hotline/knowledge/suggestions?${query}`)
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return reply.body
}

async function rowCounts() {
  const count = async (table: 'hotline.knowledgeEntry' | 'hotline.knowledgeRevision') =>
    Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const audit = await t.deps.db
    .selectFrom('platform.auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'knowledge.%')
    .executeTakeFirstOrThrow()
  return { entries: await count('hotline.knowledgeEntry'), revisions: await count('hotline.knowledgeRevision'), audit: Number(audit.n) }
}

async function auditActions(entryId: string): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('platform.auditLog').select('action').where('targetId', '=', entryId).orderBy('seq').execute()
  return rows.map((r) => r.action)
}

beforeAll(async () => {
  t = await createTestApp()
  as = {
    dispatcher: await t.login('dispatcher'),
    handler: await t.login('handler'),
    clerk: await t.login('clerk'),
    sysadmin: await t.login('sysadmin'),
    nanjingSupervisor: await account('nanjing.kb.supervisor', 'supervisor', '3201', '南京市12345政务服务便民热线中心'),
    province: await account('province.kb', 'dispatcher', '32', '江苏省12345政务服务便民热线中心'),
    provinceReviewer: await account('province.kb.reviewer', 'supervisor', '32', '江苏省12345政务服务便民热线中心'),
    xuzhou: await account('xuzhou.kb', 'dispatcher', '3203', '徐州市12345政务服务便民热线中心'),
    xuzhouReviewer: await account('xuzhou.kb.reviewer', 'supervisor', '3203', '徐州市12345政务服务便民热线中心'),
    peixian: await account('peixian.kb', 'handler', '320322', '沛县人力资源和社会保障局'),
    peixianReviewer: await account('peixian.kb.reviewer', 'supervisor', '320322', '沛县行政审批局'),
    peixianAgent: await account('peixian.agent', 'hotline_agent', '320322', '沛县行政审批局'),
  }
})
afterAll(() => t.close())

describe('the lifecycle of an entry', () => {
  it('goes from draft through review to published, with every step audited', async () => {
    const draft = await create(as.handler, { regionCode: '3201', org: '南京市市场监督管理局', title: '预付卡退费投诉处理流程', categoryKey: 'market.consumer', keywords: ['预付卡', '退费', '预付卡'] })
    expect(draft.entry).toMatchObject({ status: 'draft', workingStatus: 'draft', level: 'city', regionName: '南京市', orgName: '南京市市场监督管理局', version: 1, revisionNumber: 1 })
    expect(draft.working).toMatchObject({ number: 1, status: 'draft', keywords: ['预付卡', '退费'], createdBy: 'handler' })
    expect(draft.actions).toEqual({ edit: true, submit: true, approve: false, reject: false, retire: false })

    const submitted = await act(as.handler, draft, 'submit')
    expect(submitted.entry).toMatchObject({ status: 'submitted', workingStatus: 'submitted', version: 2 })
    expect(submitted.actions.edit).toBe(false)

    // The handler edits but does not review: the route refuses before the service is asked.
    const byHandler = await api(as.handler, 'POST', `/api/hotline/knowledge/entries/${draft.entry.id}/approve`, { expectedVersion: 2 })
    expect(byHandler.status).toBe(403)
    expect(byHandler.body.error?.id).toBe('access_denied')

    const published = await act(as.dispatcher, submitted, 'approve')
    expect(published.entry).toMatchObject({ status: 'published', workingStatus: null, version: 3 })
    expect(published.published).toMatchObject({ number: 1, status: 'published', reviewedBy: 'dispatcher' })
    expect(published.working).toBeNull()
    expect(await auditActions(draft.entry.id)).toEqual(['knowledge.entry.create', 'knowledge.revision.submit', 'knowledge.revision.approve'])
  })

  it('keeps the published text for agents while a new revision is drafted, reviewed and approved', async () => {
    const first = await publish(as.handler, as.dispatcher, { regionCode: '3201', org: '南京市市场监督管理局', title: '消费投诉受理范围', body: '旧口径：七日内受理。' })
    const id = first.entry.id

    const edited = await api(as.dispatcher, 'PUT', `/api/hotline/knowledge/entries/${id}/draft`, { expectedVersion: first.entry.version, title: '消费投诉受理范围（2026版）', body: '新口径：\n五个工作日内受理。', validUntil: later })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.entry).toMatchObject({ status: 'published', workingStatus: 'draft', title: '消费投诉受理范围' })
    expect(edited.body.working).toMatchObject({ number: 2, status: 'draft', body: '新口径：\n五个工作日内受理。' })
    expect(edited.body.published).toMatchObject({ number: 1, body: '旧口径：七日内受理。' })

    const forAgents = await api(as.clerk, 'GET', `/api/hotline/knowledge/entries/${id}`)
    expect(forAgents.body.shown.title).toBe('消费投诉受理范围')
    expect(forAgents.body.working).toBeNull()
    expect((await suggest(as.clerk, '消费投诉受理', '320102')).map((s) => s.title)).toContain('消费投诉受理范围')

    const submitted = await act(as.dispatcher, edited.body, 'submit')
    // Whoever wrote or submitted a revision may not approve it.
    const own = await api(as.dispatcher, 'POST', `/api/hotline/knowledge/entries/${id}/approve`, { expectedVersion: submitted.entry.version })
    expect(own.status).toBe(403)
    expect(own.body.error?.id).toBe('knowledge_self_review')
    expect(submitted.actions.approve).toBe(false)

    const approved = await act(as.nanjingSupervisor, submitted, 'approve')
    expect(approved.entry).toMatchObject({ status: 'published', workingStatus: null, title: '消费投诉受理范围（2026版）', revisionNumber: 2 })
    expect(approved.revisions.map((r) => [r.number, r.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ])
    const old = await api(as.clerk, 'GET', `/api/hotline/knowledge/entries/${id}/revisions/${first.published!.id}`)
    expect(old.body).toMatchObject({ status: 'superseded', body: '旧口径：七日内受理。' })
  })

  it('sends a revision back to draft with the reviewer’s comment, and retires an entry', async () => {
    const published = await publish(as.handler, as.dispatcher, { regionCode: '3201', org: '南京市市场监督管理局', title: '电动自行车充电桩投诉' })
    const edited = await api(as.handler, 'PUT', `/api/hotline/knowledge/entries/${published.entry.id}/draft`, { expectedVersion: published.entry.version, title: '电动自行车充电桩投诉', body: '改为由街道受理。', validUntil: later })
    const submitted = await act(as.handler, edited.body, 'submit')

    const noComment = await api(as.dispatcher, 'POST', `/api/hotline/knowledge/entries/${published.entry.id}/reject`, { expectedVersion: submitted.entry.version, comment: '  ' })
    expect(noComment.status).toBe(400)
    const rejected = await api(as.dispatcher, 'POST', `/api/hotline/knowledge/entries/${published.entry.id}/reject`, { expectedVersion: submitted.entry.version, comment: '受理主体表述有误，请核实' })
    expect(rejected.status).toBe(200)
    expect(rejected.body.entry).toMatchObject({ status: 'published', workingStatus: 'draft' })
    expect(rejected.body.working).toMatchObject({ status: 'draft', reviewComment: '受理主体表述有误，请核实', reviewedBy: 'dispatcher' })

    const retired = await api(as.nanjingSupervisor, 'POST', `/api/hotline/knowledge/entries/${published.entry.id}/retire`, { expectedVersion: rejected.body.entry.version, reason: '职能调整，不再适用' })
    expect(retired.status, JSON.stringify(retired.body)).toBe(200)
    expect(retired.body.entry.status).toBe('retired')
    expect(retired.body.retireReason).toBe('职能调整，不再适用')
    expect(retired.body.revisions.map((r) => [r.number, r.status])).toEqual([
      [2, 'withdrawn'],
      [1, 'retired'],
    ])
    expect((await suggest(as.clerk, '电动自行车充电桩投诉', '320102')).map((s) => s.id)).not.toContain(published.entry.id)
    expect((await listAs(as.clerk)).items.map((e) => e.id)).not.toContain(published.entry.id)
    expect((await listAs(as.dispatcher, { status: 'retired' })).items.map((e) => e.id)).toContain(published.entry.id)
  })

  it('refuses a change made on a stale version and keeps the first one', async () => {
    const draft = await create(as.handler, { regionCode: '3201', org: '南京市市场监督管理局', title: '网购退货运费争议' })
    const save = (title: string) => api(as.handler, 'PUT', `/api/hotline/knowledge/entries/${draft.entry.id}/draft`, { expectedVersion: draft.entry.version, title, body: '答复口径', validUntil: later })
    expect((await save('网购退货运费争议（一）')).status).toBe(200)
    const stale = await save('网购退货运费争议（二）')
    expect(stale.status).toBe(409)
    expect(stale.body.error?.id).toBe('knowledge_stale_version')
    const submitStale = await api(as.handler, 'POST', `/api/hotline/knowledge/entries/${draft.entry.id}/submit`, { expectedVersion: draft.entry.version })
    expect(submitStale.status).toBe(409)
    const now = await api(as.handler, 'GET', `/api/hotline/knowledge/entries/${draft.entry.id}`)
    expect(now.body.working).toMatchObject({ title: '网购退货运费争议（一）', status: 'draft' })
  })

  it('lets exactly one of two simultaneous reviewers act on the same version', async () => {
    const submitted = await act(as.handler, await create(as.handler, { regionCode: '3201', org: '南京市市场监督管理局', title: '商品房延期交付投诉' }), 'submit')
    const url = `/api/hotline/knowledge/entries/${submitted.entry.id}`
    const [approve, reject] = await Promise.all([
      api(as.dispatcher, 'POST', `${url}/approve`, { expectedVersion: submitted.entry.version }),
      api(as.nanjingSupervisor, 'POST', `${url}/reject`, { expectedVersion: submitted.entry.version, comment: '请补充交付标准' }),
    ])
    expect([approve.status, reject.status].sort()).toEqual([200, 409])
    const after = await api(as.handler, 'GET', url)
    expect(after.body.entry.version).toBe(submitted.entry.version + 1)
  })
})

describe('who sees what', () => {
  let entries: Record<'province' | 'xuzhou' | 'peixian' | 'nanjing' | 'peixianDraft', string>

  beforeAll(async () => {
    const province = await publish(as.province, as.provinceReviewer, { regionCode: '32', org: '江苏省人力资源和社会保障厅', title: '江苏省社保卡补办（省级口径）', categoryKey: 'labour.social_insurance' })
    const xuzhou = await publish(as.xuzhou, as.xuzhouReviewer, { regionCode: '3203', org: '徐州市人力资源和社会保障局', title: '徐州市社保卡补办网点', categoryKey: 'labour.social_insurance' })
    const peixian = await publish(as.peixian, as.peixianReviewer, { regionCode: '320322', org: '沛县人力资源和社会保障局', title: '沛县社保卡补办地点', categoryKey: 'labour.social_insurance' })
    const nanjing = await publish(as.handler, as.dispatcher, { regionCode: '3201', org: '南京市市场监督管理局', title: '南京市社保卡补办（误挂市场监管）', categoryKey: 'labour.social_insurance' })
    const peixianDraft = await create(as.peixian, { regionCode: '320322', org: '沛县人力资源和社会保障局', title: '沛县社保卡补办新网点（草稿）', categoryKey: 'labour.social_insurance' })
    entries = { province: province.entry.id, xuzhou: xuzhou.entry.id, peixian: peixian.entry.id, nanjing: nanjing.entry.id, peixianDraft: peixianDraft.entry.id }
  })

  it('gives a Pei county agent the province’s, Xuzhou’s and Pei county’s published entries, not Nanjing’s', async () => {
    const listed = (await listAs(as.peixianAgent, { q: '社保卡补办' })).items.map((e) => e.id)
    expect(listed).toEqual(expect.arrayContaining([entries.province, entries.xuzhou, entries.peixian]))
    expect(listed).not.toContain(entries.nanjing)
    expect(listed).not.toContain(entries.peixianDraft)

    const suggested = await suggest(as.peixianAgent, '我的社保卡丢了想补办，去哪里办')
    expect(suggested.map((s) => s.id).sort()).toEqual([entries.province, entries.xuzhou, entries.peixian].sort())
    expect(suggested.map((s) => s.level)).toEqual(['county', 'city', 'province'])

    expect((await api(as.peixianAgent, 'GET', `/api/hotline/knowledge/entries/${entries.nanjing}`)).status).toBe(403)
    expect((await api(as.peixianAgent, 'GET', `/api/hotline/knowledge/entries/${entries.peixianDraft}`)).status).toBe(403)
    expect((await api(as.peixianAgent, 'GET', `/api/hotline/knowledge/suggestions?text=社保卡&regionCode=3201`)).status).toBe(403)
  })

  it('shows editors the drafts of their own region and below, and nobody else', async () => {
    expect((await listAs(as.peixian, { status: 'draft' })).items.map((e) => e.id)).toContain(entries.peixianDraft)
    expect((await listAs(as.xuzhou, { status: 'draft' })).items.map((e) => e.id)).toContain(entries.peixianDraft)
    expect((await listAs(as.dispatcher, { status: 'draft' })).items.map((e) => e.id)).not.toContain(entries.peixianDraft)
    expect((await api(as.dispatcher, 'GET', `/api/hotline/knowledge/entries/${entries.peixianDraft}`)).status).toBe(403)
    // A city sees the published entries of its counties too, for the appeals it dispatches there.
    expect((await listAs(as.xuzhou, { q: '社保卡补办' })).items.map((e) => e.id)).toEqual(expect.arrayContaining([entries.province, entries.xuzhou, entries.peixian]))
  })

  it('filters by level, category and region', async () => {
    const county = await listAs(as.province, { level: 'county', categoryKey: 'labour.social_insurance' })
    expect(county.items.map((e) => e.id)).toEqual(expect.arrayContaining([entries.peixian, entries.peixianDraft]))
    expect(county.items.every((e) => e.level === 'county')).toBe(true)
    const xuzhou = await listAs(as.province, { regionCode: '3203', status: 'published' })
    expect(xuzhou.items.map((e) => e.id).sort()).toEqual([entries.xuzhou, entries.peixian].sort())
    const categories = await api<{ key: string; count: number }[]>(as.province, 'GET', '/api/hotline/knowledge/categories')
    expect(categories.body).toContainEqual({ key: 'labour.social_insurance', count: 5 })
  })
})

describe('search and suggestions', () => {
  let fund: { exact: string; longer: string; body: string; draft: string; expiring: string }

  beforeAll(async () => {
    const nanjing = { regionCode: '3201', org: '南京市市场监督管理局' }
    const body = await publish(as.handler, as.dispatcher, { ...nanjing, title: '租房提取住房资金的条件', body: '职工连续足额缴存满3个月，本人及配偶在本市无房且租房自住的，可以办理公积金提取。' })
    const longer = await publish(as.handler, as.dispatcher, { ...nanjing, title: '公积金提取到账时间', keywords: ['公积金'] })
    const exact = await publish(as.handler, as.dispatcher, { ...nanjing, title: '公积金提取', categoryKey: 'housing.fund' })
    const draft = await create(as.handler, { ...nanjing, title: '公积金提取新规（草稿）' })
    const expiring = await publish(as.handler, as.dispatcher, { ...nanjing, title: '公积金提取临时政策', validUntil: '2026-03-10' })
    fund = { exact: exact.entry.id, longer: longer.entry.id, body: body.entry.id, draft: draft.entry.id, expiring: expiring.entry.id }
  })

  it('ranks the exact title first, then by rank, titles above answers', async () => {
    const found = (await listAs(as.dispatcher, { q: '公积金提取' })).items.map((e) => e.id)
    expect(found[0]).toBe(fund.exact)
    expect(found.indexOf(fund.longer)).toBeLessThan(found.indexOf(fund.body))
    expect(found).toContain(fund.draft)
    expect((await listAs(as.clerk, { q: '公积金提取' })).items.map((e) => e.id)).not.toContain(fund.draft)
  })

  it('suggests up to five published, unexpired entries, never drafts, with a snippet', async () => {
    const before = await suggest(as.dispatcher, '住房公积金怎么提取')
    expect(before.length).toBeLessThanOrEqual(5)
    expect(before.map((s) => s.id)).toContain(fund.expiring)
    expect(before.map((s) => s.id)).not.toContain(fund.draft)
    const rental = (await suggest(as.dispatcher, '租房自住能不能提取公积金')).find((s) => s.id === fund.body)
    expect(rental?.snippet).toContain('租房')

    // A session of its own: the others would count the days as idle time and end.
    t.clock.set(new Date('2026-03-11T02:00:00Z'))
    try {
      const nextWeek = await t.login('dispatcher')
      const after = await suggest(nextWeek, '住房公积金怎么提取')
      expect(after.map((s) => s.id)).not.toContain(fund.expiring)
      const expired = await listAs(nextWeek, { status: 'expired' })
      expect(expired.items.find((e) => e.id === fund.expiring)).toMatchObject({ expired: true, status: 'published' })
      expect((await listAs(nextWeek, { status: 'published' })).items.map((e) => e.id)).not.toContain(fund.expiring)
    } finally {
      t.clock.set(new Date('2026-03-02T02:00:00Z'))
    }
  })

  it('suggests nothing for text without words worth matching', async () => {
    expect(await suggest(as.dispatcher, '，。？')).toEqual([])
    expect(appealWords('请问我的社保卡丢了怎么办')).toEqual(['社保卡'])
    expect(snippetOf('短答复', ['社保'])).toBe('短答复')
  })
})

describe('catalogue links', () => {
  it('links an entry to a catalogue item by id and shows its name; an unknown item is refused', async () => {
    const catalog = await t.login('catalog')
    const item = await api<{ implementation: { itemId: string } }>(catalog, 'POST', '/api/catalog/items', {
      kind: 'public_service',
      elements: {
        name: '社会保障卡申领',
        department: '人力资源社会保障部门',
        levels: ['province', 'city', 'county'],
        legalBasis: [],
        serviceObjects: ['person'],
        conditions: ['参加社会保险的人员'],
        materials: [],
        statutoryDays: 5,
        committedDays: 1,
        fees: [],
        onlineDepth: 4,
        visits: 0,
        steps: [{ name: '申请', description: '线上或窗口申请' }],
        result: { name: '社会保障卡', type: 'other' },
        channels: ['window', 'app'],
        place: '社保服务窗口',
        phone: '12333',
        provinceWide: true,
        crossProvince: false,
        themes: [],
        lifeEvents: [],
      },
    })
    expect(item.status, JSON.stringify(item.body)).toBe(201)
    const itemId = item.body.implementation.itemId
    const linked = await publish(as.handler, as.dispatcher, { regionCode: '3201', org: '南京市市场监督管理局', title: '社会保障卡首次申领', catalogItemId: itemId })
    expect(linked.published?.catalogItem).toEqual({ id: itemId, name: '社会保障卡申领' })
    const suggested = (await suggest(as.clerk, '社会保障卡首次申领', '320102')).find((s) => s.id === linked.entry.id)
    expect(suggested?.catalogItem).toEqual({ id: itemId, name: '社会保障卡申领' })
  })
})

describe('refusals', () => {
  it('refuses callers without the permission or outside the region', async () => {
    expect((await api(undefined, 'GET', '/api/hotline/knowledge/entries')).status).toBe(401)
    expect((await api(as.sysadmin, 'GET', '/api/hotline/knowledge/entries')).status).toBe(403)
    const nanjingOrg = await orgId('3201', '南京市市场监督管理局')
    const payload = { regionCode: '3201', orgId: nanjingOrg, title: '无权新建', body: '内容', validUntil: later }
    expect((await api(as.clerk, 'POST', '/api/hotline/knowledge/entries', payload)).status).toBe(403)
    const xuzhou = await api(as.handler, 'POST', '/api/hotline/knowledge/entries', { ...payload, regionCode: '3203', orgId: await orgId('3203', '徐州市市场监督管理局') })
    expect(xuzhou.status).toBe(403)
    expect(xuzhou.body.error?.id).toBe('access_denied')
    const draft = await create(as.peixian, { regionCode: '320322', org: '沛县人力资源和社会保障局', title: '沛县失业金申领' })
    const crossRegion = await api(as.dispatcher, 'PUT', `/api/hotline/knowledge/entries/${draft.entry.id}/draft`, { expectedVersion: 1, title: '改', body: '改', validUntil: later })
    expect(crossRegion.status).toBe(403)
    expect((await api(as.handler, 'POST', `/api/hotline/knowledge/entries/${draft.entry.id}/retire`, { expectedVersion: 1, reason: '不需要了' })).status).toBe(403)
  })

  it('changes nothing on bad input', async () => {
    const nanjingOrg = await orgId('3201', '南京市市场监督管理局')
    const good = { regionCode: '3201', orgId: nanjingOrg, title: '燃气报修电话', body: '拨打燃气公司24小时抢修电话。', validUntil: later }
    const existing = await create(as.handler, { regionCode: '3201', org: '南京市市场监督管理局', title: '燃气表故障报修' })
    const before = await rowCounts()
    const cases: [unknown, number, string][] = [
      [{ ...good, catalogItemId: '00000000-0000-4000-8000-000000000000' }, 400, 'knowledge_catalog_item_not_found'],
      [{ ...good, title: '   ' }, 400, 'knowledge_title_empty'],
      [{ ...good, title: '' }, 400, 'invalid_request'],
      [{ ...good, body: '答'.repeat(20_001) }, 400, 'invalid_request'],
      [{ ...good, body: ' \n ' }, 400, 'knowledge_body_empty'],
      [{ ...good, validUntil: '2026-02-30' }, 400, 'knowledge_valid_until_invalid'],
      [{ ...good, validUntil: 'next year' }, 400, 'invalid_request'],
      [{ ...good, validUntil: '2026-03-01' }, 400, 'knowledge_valid_until_past'],
      [{ ...good, regionCode: '320102001' }, 400, 'invalid_request'],
      [{ ...good, regionCode: '320199' }, 404, 'region_not_found'],
      // A handler writes only for its own department.
      [{ ...good, orgId: await orgId('320102', '玄武区市场监督管理局') }, 403, 'access_denied'],
      [{ ...good, extra: true }, 400, 'invalid_request'],
    ]
    for (const [payload, status, id] of cases) {
      const reply = await api(as.handler, 'POST', '/api/hotline/knowledge/entries', payload)
      expect([reply.status, reply.body.error?.id], JSON.stringify(payload).slice(0, 120)).toEqual([status, id])
    }
    // An editor not bound to a department may still only name a department of the entry's own region.
    const elsewhere = await api(as.dispatcher, 'POST', '/api/hotline/knowledge/entries', { ...good, orgId: await orgId('320102', '玄武区市场监督管理局') })
    expect([elsewhere.status, elsewhere.body.error?.id]).toEqual([400, 'knowledge_org_invalid'])
    const save = await api(as.handler, 'PUT', `/api/hotline/knowledge/entries/${existing.entry.id}/draft`, { ...good, regionCode: undefined, orgId: undefined, expectedVersion: 1, catalogItemId: '00000000-0000-4000-8000-000000000000' })
    expect(save.body.error?.id).toBe('knowledge_catalog_item_not_found')
    expect(await rowCounts()).toEqual(before)
    const unchanged = await api(as.handler, 'GET', `/api/hotline/knowledge/entries/${existing.entry.id}`)
    expect(unchanged.body.entry).toMatchObject({ version: 1, title: '燃气表故障报修' })
  })
})
