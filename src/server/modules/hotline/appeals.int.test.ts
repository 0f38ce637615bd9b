import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { seedDemoAppeals } from '../../demo/demo-hotline'
import { runDueTimers } from '../workflow'

let t: TestApp
const cookies: Record<string, string> = {}
const dayMs = 86_400_000

async function call(who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, payload: payload as object, headers: who ? { cookie: cookies[who]! } : {} })
  return { status: response.statusCode, body: response.json() }
}

const orgId = async (regionCode: string, name: string) => (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
const count = async () => Number((await t.deps.db.selectFrom('hotline.appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const idOf = async (number: string) => (await t.deps.db.selectFrom('hotline.appeal').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id

const foodComplaint = { line: '12345', type: 'complaint', categoryKey: 'market.food_safety', regionCode: '320102', content: '玄武区某快餐店售卖过期食品，吃了以后肚子疼，要求处理。', appellantName: '张三', appellantPhone: '13812345678' }

beforeAll(async () => {
  t = await createTestApp()
  for (const who of ['agent', 'dispatcher', 'supervisor', 'xuanwu.handler', 'xuanwu.housing']) cookies[who] = await t.login(who)
})
afterAll(() => t.close())

async function act(who: string, id: string, transition: string, fields: Record<string, unknown> = {}) {
  const current = await call(who, 'GET', `/api/hotline/appeals/${id}`)
  expect(current.status, JSON.stringify(current.body)).toBe(200)
  return call(who, 'POST', `/api/hotline/appeals/${id}/actions`, { transition, expectedVersion: current.body.caseVersion, fields })
}

describe('the 12345 hotline on a real database', () => {
  it('takes a portal appeal, dispatches it by the catalogue, and carries it through return, re-dispatch, extension, reply and callback', async () => {
    const filed = await call(null, 'POST', '/api/public/hotline/appeals', foodComplaint)
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    expect(filed.body).toMatchObject({ state: 'handling', queryCode: expect.stringMatching(/^\d{6}$/) })
    const { number, queryCode } = filed.body
    const id = await idOf(number)
    const market = await orgId('320102', '玄武区市场监督管理局')
    expect((await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).body).toMatchObject({ orgId: market, deadline: t.deps.db ? expect.any(String) : null, appellant: { name: '张*', phone: '138****5678' } })

    expect((await act('xuanwu.handler', id, 'return', { reason: '地址不详，请补充具体店名' })).status).toBe(200)
    const queue = await call('dispatcher', 'GET', '/api/hotline/appeals?view=dispatch')
    expect(queue.body.items.map((a: { number: string }) => a.number)).toContain(number)
    expect((await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).status).toBe(403)

    expect((await act('dispatcher', id, 'dispatch', { orgId: market })).body).toMatchObject({ state: 'handling', orgId: market })
    const inbox = await call('xuanwu.handler', 'GET', '/api/hotline/appeals?view=inbox')
    expect(inbox.body.items.map((a: { number: string }) => a.number)).toContain(number)
    const before = (await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).body.deadline
    expect((await act('xuanwu.handler', id, 'request_extension', { days: 5, reason: '需联合执法检查' })).body.state).toBe('extension_requested')
    const approved = await act('dispatcher', id, 'approve_extension', { days: 5, reason: '同意' })
    expect(approved.body.deadline > before).toBe(true)
    expect((await act('xuanwu.handler', id, 'reply', { answer: '已责令商家下架过期食品并处罚款。' })).body).toMatchObject({ state: 'answered', answeredLate: false })
    expect((await act('agent', id, 'callback', { satisfaction: 'satisfied' })).body).toMatchObject({ state: 'closed', satisfaction: 'satisfied', closedAt: expect.any(String) })

    const followed = await call(null, 'GET', `/api/public/hotline/appeals/${number}?code=${queryCode}`)
    expect(followed.body).toMatchObject({ state: 'closed', answer: '已责令商家下架过期食品并处罚款。', satisfaction: 'satisfied', orgName: '玄武区市场监督管理局' })
    expect(followed.body.steps.map((s: { name: { zh: string } }) => s.name.zh)).toEqual(['受理', '派单', '派单', '同意延期', '答复', '回访'])
    const wrong = String((Number(queryCode) + 1) % 1_000_000).padStart(6, '0')
    expect((await call(null, 'GET', `/api/public/hotline/appeals/${number}?code=${wrong}`)).status).toBe(404)
  })

  it('refuses bad input with a clear 4xx and files nothing', async () => {
    const before = await count()
    const cases = [
      [{ ...foodComplaint, categoryKey: 'no.such' }, 'category_unknown'],
      [{ ...foodComplaint, categoryKey: 'talent.settlement' }, 'category_unknown'],
      [{ ...foodComplaint, appellantPhone: '12345' }, 'phone_invalid'],
      [{ ...foodComplaint, regionCode: '110101' }, 'region_invalid'],
      [{ ...foodComplaint, content: '长'.repeat(4001) }, 'invalid_request'],
      [{ ...foodComplaint, content: '   ' }, 'content_required'],
    ] as const
    for (const [payload, id] of cases) {
      const response = await call(null, 'POST', '/api/public/hotline/appeals', payload)
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.error).toMatchObject({ id, zh: expect.any(String), en: expect.any(String) })
    }
    expect(await count()).toBe(before)
  })

  it('refuses a stale version and a transition the actor may not fire, changing nothing', async () => {
    const filed = await call(null, 'POST', '/api/public/hotline/appeals', foodComplaint)
    const id = await idOf(filed.body.number)
    const current = (await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).body
    expect(current.actions.map((a: { key: string }) => a.key)).toEqual(expect.arrayContaining(['return', 'object', 'request_extension', 'reply']))
    expect(current.actions.map((a: { key: string }) => a.key)).not.toContain('dispatch')
    const stale = await call('xuanwu.handler', 'POST', `/api/hotline/appeals/${id}/actions`, { transition: 'reply', expectedVersion: current.caseVersion - 1, fields: { answer: 'x' } })
    expect(stale).toMatchObject({ status: 409, body: { error: { id: 'case_stale_version' } } })
    const forbidden = await call('xuanwu.housing', 'POST', `/api/hotline/appeals/${id}/actions`, { transition: 'reply', expectedVersion: current.caseVersion, fields: { answer: 'x' } })
    expect(forbidden.status).toBe(403)
    const approveOwn = await call('xuanwu.handler', 'POST', `/api/hotline/appeals/${id}/actions`, { transition: 'callback', expectedVersion: current.caseVersion, fields: { satisfaction: 'satisfied' } })
    expect(approveOwn.status).toBe(409)
    const bad = await call('dispatcher', 'POST', `/api/hotline/appeals/${id}/actions`, { transition: 'escalate', expectedVersion: current.caseVersion })
    expect(bad.status).toBe(403)
    expect((await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).body).toMatchObject({ caseVersion: current.caseVersion, state: 'handling' })
  })

  it('keeps a confidential appellant from the handling department; a reveal is audited', async () => {
    const filed = await call(null, 'POST', '/api/public/hotline/appeals', { ...foodComplaint, confidential: true })
    const id = await idOf(filed.body.number)
    expect((await call('xuanwu.handler', 'GET', `/api/hotline/appeals/${id}`)).body.appellant).toBeNull()
    // A notice names the case; the appeal is found through it.
    const { caseId } = await t.deps.db.selectFrom('hotline.appeal').select('caseId').where('id', '=', id).executeTakeFirstOrThrow()
    expect((await call('xuanwu.handler', 'GET', `/api/hotline/appeals?caseId=${caseId}`)).body.items.map((a: { id: string }) => a.id)).toEqual([id])
    expect((await call('agent', 'GET', `/api/hotline/appeals/${id}`)).body.appellant).toEqual({ name: '张*', phone: '138****5678' })
    expect((await call('xuanwu.handler', 'POST', `/api/hotline/appeals/${id}/reveal`)).status).toBe(403)
    expect((await call('agent', 'POST', `/api/hotline/appeals/${id}/reveal`)).body).toEqual({ name: '张三', phone: '13812345678' })
    const audits = await t.deps.db.selectFrom('platform.auditLog').select('action').where('targetId', '=', id).where('action', '=', 'pii.reveal').execute()
    expect(audits).toHaveLength(1)
    const stored = await t.deps.db.selectFrom('hotline.appeal').select(['appellantPhoneCipher', 'appellantNameCipher']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain('13812345678')
  })

  it('settles an appeal on the call in the same request: resolved from the knowledge base, never dispatched', async () => {
    const inquiry = { line: '12345', type: 'inquiry', categoryKey: 'market.food_safety', regionCode: '320102', content: '请问食品经营许可证在哪里办理？', channel: 'phone' }
    const before = await count()
    const bad = await call('agent', 'POST', '/api/hotline/appeals', { ...inquiry, settle: { transition: 'resolve_on_call', answer: '到区政务服务中心办理。', knowledgeEntryId: crypto.randomUUID() } })
    expect(bad).toMatchObject({ status: 400, body: { error: { id: 'knowledge_entry_invalid' } } })
    expect(await count()).toBe(before)
    const settled = await call('agent', 'POST', '/api/hotline/appeals', { ...inquiry, settle: { transition: 'resolve_on_call', answer: '到区政务服务中心办理。' } })
    expect(settled.status, JSON.stringify(settled.body)).toBe(201)
    expect(settled.body.route).toBeNull()
    expect(settled.body.appeal).toMatchObject({ state: 'closed', resolvedOnCall: true, orgId: null, answer: '到区政务服务中心办理。' })
    const detail = await call('agent', 'GET', `/api/hotline/appeals/${settled.body.appeal.id}`)
    expect(detail.body.timeline.map((s: { transition: string }) => s.transition)).toEqual(['open', 'resolve_on_call'])
    expect(detail.body.actions.map((a: { key: string }) => a.key)).not.toContain('dispatch')
  })

  it('imports a national transfer batch once, reporting bad rows without holding back the rest', async () => {
    const batch = { appeals: [{ ...foodComplaint, externalRef: 'GJ-2026-0001' }, { ...foodComplaint, externalRef: 'GJ-2026-0002', appellantPhone: 'abc12' }] }
    const first = await call('agent', 'POST', '/api/hotline/appeals/import', batch)
    expect(first.body).toMatchObject({ filed: 1, duplicates: 0, rejected: [{ index: 1, externalRef: 'GJ-2026-0002', id: 'phone_invalid' }] })
    const again = await call('agent', 'POST', '/api/hotline/appeals/import', batch)
    expect(again.body).toMatchObject({ filed: 0, duplicates: 1 })
    expect(await t.deps.db.selectFrom('hotline.appeal').select('id').where('externalRef', '=', 'GJ-2026-0001').execute()).toHaveLength(1)
  })

  it('files requests arriving together in groups: each acknowledged appeal stored once, a retry racing its original answered with it', async () => {
    const before = await count()
    const send = (i: number, externalRef = `WX-RACE-${i}`) => call('agent', 'POST', '/api/hotline/appeals', { ...foodComplaint, channel: 'wechat', externalRef, content: `${foodComplaint.content}（第 ${i} 件）` })
    // Twenty at once, two of them the same message sent twice (a client retrying before the first answer came).
    const answers = await Promise.all([send(100, 'WX-RACE-DUP'), send(101, 'WX-RACE-DUP'), ...Array.from({ length: 18 }, (_, i) => send(i))])
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(19).fill(201), 200].sort())
    const duplicate = answers.find((a) => a.status === 200)!.body
    expect(duplicate).toMatchObject({ duplicate: true, queryCode: null })
    const original = answers.find((a) => a.status === 201 && a.body.appeal.number === duplicate.appeal.number)
    expect(original, 'the retry answers with the appeal its original filed').toBeDefined()
    expect(await count()).toBe(before + 19)
    const numbers = answers.map((a) => a.body.appeal.number)
    expect(new Set(numbers).size).toBe(19)
    // Each acknowledged appeal is whole: dispatched by the catalogue, its case and history stored with it.
    for (const answer of answers.filter((a) => a.status === 201)) {
      expect(answer.body.appeal).toMatchObject({ state: 'handling', orgName: '玄武区市场监督管理局' })
      const events = await t.deps.db.selectFrom('workflow.event').innerJoin('hotline.appeal', 'hotline.appeal.caseId', 'workflow.event.caseId').select('transition').where('hotline.appeal.number', '=', answer.body.appeal.number).orderBy('seq').execute()
      expect(events.map((e) => e.transition)).toEqual(['open', 'dispatch'])
      // The acknowledgement is built without reading the row back: it must be what was stored.
      const stored = await call('agent', 'GET', `/api/hotline/appeals/${answer.body.appeal.id}`)
      expect(stored.body).toMatchObject(answer.body.appeal)
    }
  })

  it('merges a duplicate into a live appeal: its appellant gets the reply and follows the case it joined', async () => {
    const noise = { line: '12345', type: 'complaint', regionCode: '320102', content: '小区旁工地夜间施工噪音太大，影响休息。' }
    const first = await call('agent', 'POST', '/api/hotline/appeals', { ...noise, channel: 'phone' })
    const second = await call(null, 'POST', '/api/public/hotline/appeals', noise)
    expect(first.body.appeal.state).toBe('received')
    const [a, b] = [first.body.appeal.id, await idOf(second.body.number)]
    expect((await act('dispatcher', b, 'merge', { primaryAppealId: a })).body).toMatchObject({ state: 'merged' })
    expect((await act('dispatcher', a, 'dispatch', { orgId: await orgId('320102', '玄武区住房和城乡建设局') })).status).toBe(200)
    expect((await act('xuanwu.housing', a, 'reply', { answer: '已责令施工单位夜间停工。' })).status).toBe(200)
    const followed = await call(null, 'GET', `/api/public/hotline/appeals/${second.body.number}?code=${second.body.queryCode}`)
    expect(followed.body).toMatchObject({ mergedWith: first.body.appeal.number, state: 'answered', answer: '已责令施工单位夜间停工。' })
    expect((await call('dispatcher', 'GET', `/api/hotline/appeals/${a}`)).body.merged).toEqual([{ id: b, number: second.body.number }])
  })

  it('learns from handled appeals, dispatches when confident, and flags a possible emergency for the agent', async () => {
    // Two months of handled appeals first, as an installation has them (the demo's, on a database of its own).
    await t.close()
    t = await createTestApp()
    for (const who of Object.keys(cookies)) cookies[who] = await t.login(who)
    const handled = await seedDemoAppeals(t.deps, 1000)
    expect(handled).toBeGreaterThan(1000)
    const model = await t.deps.db.selectFrom('hotline.model').select(['examples', 'heldOutAccuracy']).executeTakeFirstOrThrow()
    expect(model.examples).toBeGreaterThan(700)
    expect(model.heldOutAccuracy).toBeGreaterThan(0.75)
    const suggested = await call('agent', 'POST', '/api/hotline/suggestions', { text: '单位拖欠我三个月工资一直不发，包工头也联系不上', line: '12345', regionCode: '320102' })
    expect(suggested.body.categories[0]).toMatchObject({ key: 'labour.wages', orgName: '玄武区人力资源和社会保障局' })

    const wages = await call(null, 'POST', '/api/public/hotline/appeals', { line: '12345', type: 'complaint', regionCode: '320102', content: '工地包工头拖欠我们十几个工人三个月工资，讨薪无果，请帮忙讨回工资。' })
    const view = (await call('dispatcher', 'GET', `/api/hotline/appeals/${await idOf(wages.body.number)}`)).body
    expect(view).toMatchObject({ categoryKey: 'labour.wages', state: 'handling', orgName: '玄武区人力资源和社会保障局', classification: { confident: true, route: 'catalogue' } })

    const fire = await call('agent', 'POST', '/api/hotline/appeals', { line: '12345', type: 'help', categoryKey: 'urban.utilities', regionCode: '320102', content: '楼下燃气泄漏，闻到很大的味道，好像有人晕倒了', channel: 'phone' })
    expect(fire.body.emergencies.map((e: { service: string }) => e.service)).toEqual(['119', '120'])
    expect(fire.body.appeal.state).toBe('received')
    const transferred = await act('agent', fire.body.appeal.id, 'transfer_emergency', { service: '119', reference: '119-20260302-0042' })
    expect(transferred.body).toMatchObject({ state: 'transferred', emergency: '119', emergencyRef: '119-20260302-0042' })
  }, 90_000)

  it('keeps the appeal in step with the timers: reminded, overdue, escalated', async () => {
    const filed = await call(null, 'POST', '/api/public/hotline/appeals', { ...foodComplaint, type: 'inquiry' })
    const id = await idOf(filed.body.number)
    const start = t.clock.now()
    try {
      t.clock.set(new Date(start.getTime() + 10 * dayMs))
      await runDueTimers(t.deps)
      cookies.supervisor = await t.login('supervisor')
      const seen = await call('supervisor', 'GET', `/api/hotline/appeals/${id}`)
      expect(seen.body, JSON.stringify(seen.body)).toMatchObject({ alarm: 3, escalation: 1 })
      const overdue = await call('supervisor', 'GET', `/api/hotline/appeals?overdue=true&number=${filed.body.number}`)
      expect(overdue.body.items.map((a: { id: string }) => a.id)).toEqual([id])
    } finally {
      t.clock.set(start)
    }
  }, 60_000)
})
