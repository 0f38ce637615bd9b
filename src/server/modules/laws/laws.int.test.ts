import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { createAdminAccount } from '../../platform/users/staff.service'
import { LAW_CHANGED, type LawChangedEvent } from './laws.events'
import type { LawChangeDetail, LawDetail } from './laws.schemas'
import { createLaw, recordLawChange } from './laws.service'

let t: TestApp
let editor: string
let clerk: string
const system: RequestContext = { actor: { kind: 'system', name: 'laws-test' }, ip: null }

beforeAll(async () => {
  t = await createTestApp()
  const office = await t.deps.db.selectFrom('platform.org').select('id').where('name', '=', '江苏省政务服务管理办公室').where('regionCode', '=', '32').executeTakeFirstOrThrow()
  await createAdminAccount(t.deps, system, { username: 'laws.editor', displayName: '法规编辑', regionCode: '32', orgId: office.id, password: 'Laws-editor-2026', role: 'law_editor' })
  editor = await t.login('laws.editor', 'Laws-editor-2026')
  clerk = await t.login('clerk')
})
afterAll(() => t.close())

async function api<T = unknown>(method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown): Promise<{ status: number; body: T & { error?: { id: string; field?: string } } }> {
  const response = await t.app.inject({ method, url, headers: { cookie }, payload: payload as object | undefined })
  return { status: response.statusCode, body: response.json() }
}

function newLaw(title: string, texts: unknown[], overrides: Record<string, unknown> = {}) {
  return { title, kind: 'law', issuer: '全国人民代表大会常务委员会', docNumber: '主席令第一号', promulgatedOn: '2019-12-28', effectiveOn: '2020-01-01', articles: texts, ...overrides }
}

async function createViaApi(title: string, texts: unknown[], overrides: Record<string, unknown> = {}): Promise<LawDetail> {
  const response = await api<LawDetail>('POST', '/api/laws', editor, newLaw(title, texts, overrides))
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

async function lawOn(id: string, on?: string): Promise<LawDetail> {
  const response = await api<LawDetail>('GET', `/api/laws/${id}${on ? `?on=${on}` : ''}`, clerk)
  expect(response.status).toBe(200)
  return response.body
}

const tables = ['laws.law', 'laws.article', 'laws.articleVersion', 'laws.change', 'laws.changeArticle', 'platform.auditLog'] as const

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

describe('creating and reading a law', () => {
  it('numbers the articles in Chinese, records the enactment and reads the law back', async () => {
    const law = await createViaApi('中华人民共和国测试创建法', ['第一条的内容。', '第二条的内容。', '第三条的内容。'])
    expect(law).toMatchObject({ kind: 'law', status: 'in_force', articleCount: 3, on: '2026-03-02' })
    expect(law.articles.map((a) => [a.ordinal, a.label, a.text, a.inForce])).toEqual([
      [1, '第一条', '第一条的内容。', true],
      [2, '第二条', '第二条的内容。', true],
      [3, '第三条', '第三条的内容。', true],
    ])
    expect(law.changes).toMatchObject([{ kind: 'enact', effectiveOn: '2020-01-01', decidedOn: '2019-12-28', articleCount: 3, recordedBy: 'laws.editor' }])

    const read = await lawOn(law.id)
    expect(read).toEqual(law)
    const enactment = await api<LawChangeDetail>('GET', `/api/laws/changes/${law.changes[0]!.id}`, clerk)
    expect(enactment.body.articles.map((a) => [a.effect, a.label, a.oldText, a.newText])).toEqual([
      ['added', '第一条', null, '第一条的内容。'],
      ['added', '第二条', null, '第二条的内容。'],
      ['added', '第三条', null, '第三条的内容。'],
    ])
    const audit = await t.deps.db.selectFrom('platform.auditLog').select(['actorName', 'regionCode']).where('action', '=', 'law.create').where('targetId', '=', law.id).execute()
    expect(audit).toEqual([{ actorName: 'laws.editor', regionCode: '32' }])
  })

  it('keeps the real ordinals of an excerpt and shows a law not yet in force as it will take effect', async () => {
    const law = await createViaApi('测试未施行条例', [{ ordinal: 7, text: '七' }, { text: '八' }, { ordinal: 35, text: '三十五' }], {
      kind: 'administrative_regulation',
      issuer: '国务院',
      promulgatedOn: '2026-03-01',
      effectiveOn: '2026-07-01',
    })
    expect(law).toMatchObject({ status: 'not_yet', articleCount: 3 })
    expect(law.articles.map((a) => [a.label, a.inForce])).toEqual([
      ['第七条', false],
      ['第八条', false],
      ['第三十五条', false],
    ])
    expect((await lawOn(law.id, '2026-07-01')).articles.every((a) => a.inForce)).toBe(true)
  })

  it('lists laws with their status and finds them by full-text search, the exact title first', async () => {
    await createViaApi('中华人民共和国测试检索法', ['国家对测试检索实行许可制度。'])
    await createViaApi('测试检索法实施条例', ['根据《中华人民共和国测试检索法》，制定本条例。'], { kind: 'administrative_regulation', issuer: '国务院' })
    await createViaApi('测试其他规定', ['测试检索工作应当依法进行。'], { kind: 'department_rule', issuer: '测试部' })

    const found = await api<{ items: { title: string; status: string }[]; total: number }>('GET', `/api/laws?q=${encodeURIComponent('测试检索法')}`, clerk)
    expect(found.status).toBe(200)
    expect(found.body.items[0]!.title).toBe('中华人民共和国测试检索法')
    expect(found.body.items.map((l) => l.title)).toContain('测试检索法实施条例')

    const byText = await api<{ items: { title: string }[] }>('GET', `/api/laws?q=${encodeURIComponent('检索工作')}`, clerk)
    expect(byText.body.items.map((l) => l.title)).toContain('测试其他规定')

    const rules = await api<{ items: { kind: string }[]; total: number }>('GET', '/api/laws?kind=department_rule&pageSize=1', clerk)
    expect(rules.body.total).toBeGreaterThanOrEqual(1)
    expect(rules.body.items.every((l) => l.kind === 'department_rule')).toBe(true)
  })
})

describe('amending a law', () => {
  let law: LawDetail
  let change: LawChangeDetail
  const idOf = (n: number) => law.articles[n - 1]!.id

  beforeAll(async () => {
    law = await createViaApi('中华人民共和国测试修改法', ['一', '二', '三', '四', '五', '六'])
    t.clock.advance(1000)
    const response = await api<LawChangeDetail>('POST', `/api/laws/${law.id}/changes`, editor, {
      kind: 'amend',
      title: '全国人民代表大会常务委员会关于修改《中华人民共和国测试修改法》的决定',
      docNumber: '主席令第二号',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-06-01',
      summary: '增加一条，修改第三条，删去第五条。',
      amendments: [
        { op: 'add', after: idOf(1), text: '新增的第二条。' },
        { op: 'change', articleId: idOf(3), text: '修改后的三。' },
        { op: 'remove', articleId: idOf(5) },
      ],
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    change = response.body
  })

  it('records each touched article once with its strongest effect, labels and texts', () => {
    expect(change).toMatchObject({ kind: 'amend', lawId: law.id, lawTitle: '中华人民共和国测试修改法', effectiveOn: '2026-06-01', articleCount: 5 })
    expect(change.articles.map((a) => [a.articleId, a.effect, a.label, a.oldLabel, a.oldText, a.newText])).toEqual([
      [change.articles[0]!.articleId, 'added', '第二条', null, null, '新增的第二条。'],
      [idOf(2), 'renumbered', '第三条', '第二条', '二', '二'],
      [idOf(3), 'changed', '第四条', '第三条', '三', '修改后的三。'],
      [idOf(4), 'renumbered', '第五条', '第四条', '四', '四'],
      [idOf(5), 'removed', '第五条', '第五条', '五', null],
    ])
  })

  it('reads the old texts and labels before the change takes effect and the new ones from that day, ids unchanged', async () => {
    const before = await lawOn(law.id, '2026-05-31')
    expect(before.articles).toEqual(law.articles)
    expect((await lawOn(law.id)).articles).toEqual(law.articles)

    const after = await lawOn(law.id, '2026-06-01')
    const added = change.articles[0]!.articleId
    expect(after.articles.map((a) => [a.id, a.label, a.text])).toEqual([
      [idOf(1), '第一条', '一'],
      [added, '第二条', '新增的第二条。'],
      [idOf(2), '第三条', '二'],
      [idOf(3), '第四条', '修改后的三。'],
      [idOf(4), '第五条', '四'],
      [idOf(6), '第六条', '六'],
    ])
    expect(after.articleCount).toBe(6)
    expect(after.changes.map((c) => c.kind)).toEqual(['enact', 'amend'])
  })

  it('keeps every text of an article in its history', async () => {
    const history = await api<{ label: string; versions: { text: string; effectiveFrom: string; effectiveTo: string | null; changeKind: string }[] }>(
      'GET',
      `/api/laws/${law.id}/articles/${idOf(3)}/history`,
      clerk,
    )
    expect(history.status).toBe(200)
    expect(history.body.label).toBe('第四条')
    expect(history.body.versions.map((v) => [v.text, v.effectiveFrom, v.effectiveTo, v.changeKind])).toEqual([
      ['三', '2020-01-01', '2026-06-01', 'enact'],
      ['修改后的三。', '2026-06-01', null, 'amend'],
    ])
    const other = await createViaApi('测试另一部法', ['甲'])
    expect((await api('GET', `/api/laws/${other.id}/articles/${idOf(3)}/history`, clerk)).body.error?.id).toBe('article_not_found')
  })

  it('reads each change with the labels it gave, even after a later renumbering', async () => {
    t.clock.advance(1000)
    const later = await api<LawChangeDetail>('POST', `/api/laws/${law.id}/changes`, editor, {
      kind: 'amend',
      title: '第二次修改',
      decidedOn: '2026-06-15',
      effectiveOn: '2026-07-01',
      amendments: [{ op: 'add', after: null, text: '新的第一条。' }],
    })
    expect(later.status).toBe(201)
    expect(later.body.articles.filter((a) => a.articleId === idOf(3)).map((a) => [a.label, a.oldLabel])).toEqual([['第五条', '第四条']])
    const first = await api<LawChangeDetail>('GET', `/api/laws/changes/${change.id}`, clerk)
    expect(first.body.articles.find((a) => a.articleId === idOf(3))).toMatchObject({ label: '第四条', oldLabel: '第三条' })
    expect((await lawOn(law.id, '2026-06-15')).articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条'])
    expect((await lawOn(law.id, '2026-07-01')).articles.find((a) => a.id === idOf(3))?.label).toBe('第五条')
  })
})

describe('repealing a law', () => {
  it('sets the repeal day, marks every standing article repealed and refuses further amendment', async () => {
    const law = await createViaApi('中华人民共和国测试废止法', ['一', '二', '三'])
    const repeal = await api<LawChangeDetail>('POST', `/api/laws/${law.id}/changes`, editor, {
      kind: 'repeal',
      title: '关于废止《中华人民共和国测试废止法》的决定',
      decidedOn: '2026-02-20',
      effectiveOn: '2026-03-02',
    })
    expect(repeal.status).toBe(201)
    expect(repeal.body.articles.map((a) => [a.articleId, a.effect, a.oldText, a.newText])).toEqual(law.articles.map((a) => [a.id, 'repealed', a.text, null]))

    const now = await lawOn(law.id)
    expect(now).toMatchObject({ status: 'repealed', repealedOn: '2026-03-02' })
    expect(now.articles.every((a) => !a.inForce)).toBe(true)
    expect((await lawOn(law.id, '2026-03-01')).articles.every((a) => a.inForce)).toBe(true)

    const counts = await rowCounts()
    const amend = await api('POST', `/api/laws/${law.id}/changes`, editor, { kind: 'amend', title: '修改', decidedOn: '2026-03-05', effectiveOn: '2026-03-05', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] })
    expect([amend.status, amend.body.error?.id]).toEqual([409, 'law_repealed'])
    const again = await api('POST', `/api/laws/${law.id}/changes`, editor, { kind: 'repeal', title: '再废止', decidedOn: '2026-03-05', effectiveOn: '2026-03-05' })
    expect([again.status, again.body.error?.id]).toEqual([409, 'law_repealed'])
    expect(await rowCounts()).toEqual(counts)
  })
})

describe('interpreting a law', () => {
  it('records the interpreted articles with their notes and leaves the texts alone', async () => {
    const law = await createViaApi('中华人民共和国测试解释法', ['一', '二'])
    const response = await api<LawChangeDetail>('POST', `/api/laws/${law.id}/changes`, editor, {
      kind: 'interpret',
      title: '关于《中华人民共和国测试解释法》第二条的解释',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
      interpretations: [{ articleId: law.articles[1]!.id, note: '“二”包括二及以上。' }],
    })
    expect(response.status).toBe(201)
    expect(response.body.articles).toEqual([{ articleId: law.articles[1]!.id, effect: 'interpreted', label: '第二条', oldLabel: null, oldText: '二', newText: '二', note: '“二”包括二及以上。' }])
    expect((await lawOn(law.id)).articles.map((a) => a.text)).toEqual(['一', '二'])
  })
})

describe('the LAW_CHANGED event', () => {
  it('is published in the transaction with exactly the touched articles', async () => {
    const published: { type: string; payload: LawChangedEvent }[] = []
    const recording: PlatformDeps = {
      ...t.deps,
      events: {
        async publish(_trx, _deps, _ctx, type, payload) {
          published.push({ type, payload: payload as LawChangedEvent })
        },
      },
    }
    const law = await createLaw(recording, system, { title: '测试事件法', kind: 'law', issuer: '测试机关', promulgatedOn: '2020-01-01', effectiveOn: '2020-01-01', articles: ['一', '二', '三', '四'] })
    const [a1, a2, a3, a4] = law.articles.map((a) => a.id)
    expect(published).toHaveLength(1)
    expect(published[0]).toMatchObject({ type: LAW_CHANGED, payload: { lawId: law.id, lawTitle: '测试事件法', kind: 'enact', effectiveOn: '2020-01-01' } })
    expect(published[0]!.payload.articles.map((a) => [a.articleId, a.effect])).toEqual(law.articles.map((a) => [a.id, 'added']))

    t.clock.advance(1000)
    const change = await recordLawChange(recording, system, law.id, {
      kind: 'amend',
      title: '测试修改',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-04-01',
      amendments: [
        { op: 'change', articleId: a2!, text: '新二' },
        { op: 'remove', articleId: a3! },
      ],
    })
    expect(published).toHaveLength(2)
    const event = published[1]!.payload
    expect(event).toMatchObject({ changeId: change.id, lawId: law.id, kind: 'amend', title: '测试修改', effectiveOn: '2026-04-01' })
    expect(event.articles).toEqual([
      { articleId: a2, effect: 'changed', label: '第二条', oldLabel: null },
      { articleId: a3, effect: 'removed', label: '第三条', oldLabel: '第三条' },
      { articleId: a4, effect: 'renumbered', label: '第三条', oldLabel: '第四条' },
    ])
    expect(event.articles.map((a) => a.articleId)).not.toContain(a1)
  })

  it('rolls the change back when a listener fails', async () => {
    const failing: PlatformDeps = {
      ...t.deps,
      events: {
        async publish() {
          throw new Error('listener failed')
        },
      },
    }
    const counts = await rowCounts()
    await expect(createLaw(failing, system, { title: '测试回滚法', kind: 'law', issuer: '测试机关', promulgatedOn: '2020-01-01', effectiveOn: '2020-01-01', articles: ['一'] })).rejects.toThrow('listener failed')
    expect(await rowCounts()).toEqual(counts)
  })
})

describe('bad requests write nothing', () => {
  let law: LawDetail
  let other: LawDetail

  beforeAll(async () => {
    law = await createViaApi('中华人民共和国测试错误法', ['一', '二'])
    other = await createViaApi('中华人民共和国测试另一法', ['甲'])
  })

  const change = (overrides: Record<string, unknown>) => ({ kind: 'amend', title: '修改决定', decidedOn: '2026-03-01', effectiveOn: '2026-04-01', ...overrides })

  it('answers each bad change with its 4xx and stable id', async () => {
    const cases: { url?: string; body: Record<string, unknown>; status: number; id: string; field?: string }[] = [
      { url: '/api/laws/00000000-0000-4000-8000-000000000000/changes', body: change({ amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 404, id: 'law_not_found' },
      { body: change({ amendments: [{ op: 'change', articleId: other.articles[0]!.id, text: '新' }] }), status: 400, id: 'article_not_found', field: 'amendments/0/articleId' },
      { body: change({ amendments: [{ op: 'add', after: other.articles[0]!.id, text: '新' }] }), status: 400, id: 'article_not_found', field: 'amendments/0/after' },
      { body: change({ amendments: [] }), status: 400, id: 'amendments_required', field: 'amendments' },
      { body: change({}), status: 400, id: 'amendments_required', field: 'amendments' },
      { body: change({ decidedOn: '2026-04-02', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 400, id: 'change_dates_invalid', field: 'effectiveOn' },
      { body: change({ effectiveOn: '2026-02-30', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 400, id: 'day_invalid', field: 'effectiveOn' },
      { body: change({ effectiveOn: '2019-06-01', decidedOn: '2019-05-01', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 409, id: 'change_out_of_order', field: 'effectiveOn' },
      { body: change({ amendments: [{ op: 'change', articleId: law.articles[0]!.id, text: '一' }] }), status: 400, id: 'article_text_unchanged', field: 'amendments/0/text' },
      {
        body: change({ amendments: [{ op: 'remove', articleId: law.articles[0]!.id }, { op: 'change', articleId: law.articles[0]!.id, text: 'x' }] }),
        status: 400,
        id: 'amendment_conflict',
        field: 'amendments/1/articleId',
      },
      { body: change({ kind: 'repeal', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 400, id: 'change_body_mismatch', field: 'amendments' },
      { body: change({ kind: 'interpret', interpretations: [{ articleId: other.articles[0]!.id, note: '释' }] }), status: 400, id: 'article_not_found', field: 'interpretations/0/articleId' },
      { body: change({ amendments: [{ op: 'rename', articleId: law.articles[0]!.id }] }), status: 400, id: 'invalid_request' },
      { body: change({ title: '   ', amendments: [{ op: 'remove', articleId: law.articles[0]!.id }] }), status: 400, id: 'invalid_request' },
    ]
    const counts = await rowCounts()
    for (const c of cases) {
      const response = await api('POST', c.url ?? `/api/laws/${law.id}/changes`, editor, c.body)
      expect({ body: c.body, status: response.status, id: response.body.error?.id, ...(c.field ? { field: response.body.error?.field } : {}) }).toEqual({
        body: c.body,
        status: c.status,
        id: c.id,
        ...(c.field ? { field: c.field } : {}),
      })
    }
    expect(await rowCounts()).toEqual(counts)
  })

  it('answers each bad new law with its 4xx and stable id', async () => {
    const cases: { body: Record<string, unknown>; status: number; id: string; field?: string }[] = [
      { body: newLaw('中华人民共和国测试错误法', ['再一次']), status: 409, id: 'law_exists' },
      { body: newLaw('测试日期法', ['一'], { promulgatedOn: '2020-02-01', effectiveOn: '2020-01-01' }), status: 400, id: 'law_dates_invalid', field: 'effectiveOn' },
      { body: newLaw('测试日期法', ['一'], { promulgatedOn: '2020-02-31' }), status: 400, id: 'day_invalid', field: 'promulgatedOn' },
      { body: newLaw('测试种类法', ['一'], { kind: 'decree' }), status: 400, id: 'invalid_request' },
      { body: newLaw('  ', ['一']), status: 400, id: 'invalid_request' },
      { body: newLaw('测试机关法', ['一'], { issuer: '' }), status: 400, id: 'invalid_request' },
      { body: newLaw('测试空条文法', []), status: 400, id: 'invalid_request' },
      { body: newLaw('测试序号法', [{ ordinal: 3, text: '三' }, { ordinal: 2, text: '二' }]), status: 400, id: 'article_ordinals_invalid', field: 'articles/1' },
      { body: newLaw('测试地区法', ['一'], { kind: 'local_regulation', regionCode: '3299' }), status: 404, id: 'region_not_found' },
    ]
    const counts = await rowCounts()
    for (const c of cases) {
      const response = await api('POST', '/api/laws', editor, c.body)
      expect({ title: c.body.title, status: response.status, id: response.body.error?.id, ...(c.field ? { field: response.body.error?.field } : {}) }).toEqual({
        title: c.body.title,
        status: c.status,
        id: c.id,
        ...(c.field ? { field: c.field } : {}),
      })
    }
    expect(await rowCounts()).toEqual(counts)
  })

  it('answers unknown laws and changes with 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await api('GET', `/api/laws/${missing}`, clerk)).body.error?.id).toBe('law_not_found')
    expect((await api('GET', `/api/laws/changes/${missing}`, clerk)).body.error?.id).toBe('law_change_not_found')
    expect((await api('GET', `/api/laws/${missing}/articles/${law.articles[0]!.id}/history`, clerk)).body.error?.id).toBe('law_not_found')
    expect((await api('GET', `/api/laws/${law.id}?on=2026-13-01`, clerk)).status).toBe(400)
  })
})

describe('permissions', () => {
  it('lets a window clerk read but not write, and the law editor write', async () => {
    const law = await createViaApi('中华人民共和国测试权限法', ['一'])
    expect((await api('GET', '/api/laws', clerk)).status).toBe(200)
    expect((await api('GET', `/api/laws/${law.id}`, clerk)).status).toBe(200)
    const counts = await rowCounts()
    expect((await api('POST', '/api/laws', clerk, newLaw('测试越权法', ['一']))).status).toBe(403)
    expect((await api('POST', `/api/laws/${law.id}/changes`, clerk, { kind: 'repeal', title: '废止', decidedOn: '2026-03-01', effectiveOn: '2026-03-01' })).status).toBe(403)
    const after = await rowCounts()
    // The refusals are audited (access.denied); nothing else is written.
    expect({ ...after, 'platform.auditLog': counts['platform.auditLog'] }).toEqual(counts)
    expect((await t.app.inject({ method: 'GET', url: '/api/laws' })).statusCode).toBe(401)
  })

  it('keeps a city law editor to local laws of the city', async () => {
    const nanjing = await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', '3201').limit(1).executeTakeFirstOrThrow()
    await createAdminAccount(t.deps, system, { username: 'nanjing.laws', displayName: '南京法规编辑', regionCode: '3201', orgId: nanjing.id, password: 'Laws-editor-2026', role: 'law_editor' })
    const city = await t.login('nanjing.laws', 'Laws-editor-2026')
    expect((await api('POST', '/api/laws', city, newLaw('测试国家法', ['一']))).status).toBe(403)
    const local = await api<LawDetail>('POST', '/api/laws', city, newLaw('南京市测试条例', ['一'], { kind: 'local_regulation', issuer: '南京市人民代表大会常务委员会', regionCode: '3201' }))
    expect(local.status).toBe(201)
    expect(local.body.regionCode).toBe('3201')
  })
})
