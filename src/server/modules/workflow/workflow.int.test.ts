import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createTestApp, type TestApp } from '../../../../test/app'
import { testEngine } from '../../../../test/db'
import type { Tx } from '../../platform/db/database'
import type { RequestContext } from '../../platform/deps'
import type { WorkflowDefinition } from './definition'
import { replay } from './engine'
import { ALARM, eventsOf, findCase, fireTransition, mergedCases, openWorkflowCase, registerDefinition, runDueTimers } from './index'
import { noticesFor } from './workflow.repository'

let t: TestApp
const system: RequestContext = { actor: { kind: 'system', name: 'test' }, ip: null }
const m = (zh: string) => ({ zh, en: zh })
const definition: WorkflowDefinition = {
  key: 'test-case',
  version: 1,
  name: m('测试件'),
  initial: 'received',
  deadlineDays: 3,
  timers: { remindAt: 0.6, escalateAfterDays: 1 },
  audiences: { dispatch: 'hotline.dispatch', supervise: 'hotline.supervise' },
  states: [
    { key: 'received', name: m('已受理'), clock: 'running' },
    { key: 'handling', name: m('办理中'), clock: 'running' },
    { key: 'objected', name: m('异议审核中'), clock: 'running' },
    { key: 'extension_requested', name: m('延期审核中'), clock: 'running' },
    { key: 'closed', name: m('已办结'), clock: 'stopped', terminal: true },
    { key: 'merged', name: m('已并单'), clock: 'stopped', terminal: true },
  ],
  transitions: [
    { key: 'dispatch', name: m('派单'), from: ['received'], to: 'handling', permission: 'case.dispatch', effect: 'assign' },
    { key: 'object', name: m('派单异议'), from: ['handling'], to: 'objected', permission: 'case.handle', requires: ['reason'], notify: 'dispatch' },
    { key: 'accept_objection', name: m('异议成立'), from: ['objected'], to: 'received', permission: 'case.approve', effect: 'return' },
    { key: 'reject_objection', name: m('异议不成立'), from: ['objected'], to: 'handling', permission: 'case.approve', requires: ['reason'] },
    { key: 'request_extension', name: m('申请延期'), from: ['handling'], to: 'extension_requested', permission: 'case.handle', requires: ['days', 'reason'], notify: 'dispatch' },
    { key: 'approve_extension', name: m('同意延期'), from: ['extension_requested'], to: 'handling', permission: 'case.approve', effect: 'extend' },
    { key: 'extend', name: m('延期'), from: ['handling'], to: 'handling', permission: 'case.approve', effect: 'extend' },
    { key: 'merge', name: m('并单'), from: ['received'], to: 'merged', permission: 'case.dispatch', effect: 'merge' },
    { key: 'close', name: m('办结'), from: ['handling'], to: 'closed', permission: 'case.handle' },
  ],
}

beforeAll(async () => {
  t = await createTestApp()
  await registerDefinition(t.deps.db, definition, t.clock.now())
})
afterAll(() => t.close())

const inTx = <T>(work: (trx: Tx) => Promise<T>) => t.deps.db.transaction().execute(work)

describe('cases on a real database', () => {
  it('opens, moves and extends a case, keeping a history that replays to it', async () => {
    const opened = await inTx((trx) => openWorkflowCase(trx, t.deps, system, { kind: 'test-case', regionCode: '3201', orgId: null }))
    expect(opened).toMatchObject({ state: 'received', version: 1, deadline: '2026-03-05' })
    const orgId = (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', '3201').limit(1).executeTakeFirstOrThrow()).id
    await inTx((trx) => fireTransition(trx, t.deps, system, opened.id, { transition: 'dispatch', expectedVersion: 1, fields: { orgId, regionCode: '3201' } }))
    const extended = await inTx((trx) => fireTransition(trx, t.deps, system, opened.id, { transition: 'extend', expectedVersion: 2, fields: { days: 2, reason: '需现场核实' } }))
    expect(extended).toMatchObject({ state: 'handling', version: 3, orgId, deadline: '2026-03-09' })

    const events = await eventsOf(t.deps.db, opened.id)
    expect(events.map((e) => e.transition)).toEqual(['open', 'dispatch', 'extend'])
    const stored = await findCase(t.deps.db, opened.id)
    const { id: _id, kind: _kind, definitionVersion: _v, ...snapshot } = stored!
    expect(replay(events)).toEqual(snapshot)
  })

  it('refuses a stale version and writes nothing', async () => {
    const opened = await inTx((trx) => openWorkflowCase(trx, t.deps, system, { kind: 'test-case', regionCode: '3201', orgId: null }))
    const stale = inTx((trx) => fireTransition(trx, t.deps, system, opened.id, { transition: 'dispatch', expectedVersion: 0, fields: { orgId: crypto.randomUUID(), regionCode: '3201' } }))
    await expect(stale).rejects.toMatchObject({ id: 'case_stale_version' })
    expect((await eventsOf(t.deps.db, opened.id)).length).toBe(1)
    expect(await findCase(t.deps.db, opened.id)).toMatchObject({ version: 1, state: 'received' })
  })

  it('keeps the history append-only', async () => {
    const opened = await inTx((trx) => openWorkflowCase(trx, t.deps, system, { kind: 'test-case', regionCode: '3201', orgId: null }))
    await expect(sql`update workflow.event set transition = 'x' where case_id = ${opened.id}`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from workflow.event where case_id = ${opened.id}`.execute(t.deps.db)).rejects.toThrow(/append-only/)
  })

  it('lets a staff member fire only what the role table grants', async () => {
    const opened = await inTx((trx) => openWorkflowCase(trx, t.deps, system, { kind: 'test-case', regionCode: '3201', orgId: null }))
    const handler = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: await t.login('handler') } })).json()
    expect(handler.username).toBe('handler')
    const staff: RequestContext = { actor: { kind: 'staff', id: handler.id, username: 'handler', displayName: '', regionCode: '3201', orgId: handler.orgId, roles: ['handler'], permissions: new Set(), departmentScoped: new Set(), passwordExpired: false }, ip: null }
    await expect(inTx((trx) => fireTransition(trx, t.deps, staff, opened.id, { transition: 'dispatch', expectedVersion: 1, fields: { orgId: handler.orgId, regionCode: '3201' } }))).rejects.toMatchObject({ id: 'access_denied' })
  })
})

const anyOrg = async (regionCode: string, offset = 0) => (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).orderBy('name').offset(offset).limit(1).executeTakeFirstOrThrow()).id
const open = () => inTx((trx) => openWorkflowCase(trx, t.deps, system, { kind: 'test-case', regionCode: '3201', orgId: null }))
const fire = (caseId: string, transition: string, expectedVersion: number, fields: Record<string, unknown> = {}) => inTx((trx) => fireTransition(trx, t.deps, system, caseId, { transition, expectedVersion, fields }))
const dayMs = 86_400_000

describe('engine features on a real database', () => {
  it('reviews a dispatch objection and an extension request, telling the dispatchers', async () => {
    const c = await open()
    const [orgA, orgB] = [await anyOrg('3201', 0), await anyOrg('3201', 1)]
    await fire(c.id, 'dispatch', 1, { orgId: orgA, regionCode: '3201' })
    await fire(c.id, 'object', 2, { reason: '不属于本部门职责' })
    const back = await fire(c.id, 'accept_objection', 3, { reason: '异议成立' })
    expect(back).toMatchObject({ state: 'received', orgId: null })
    await fire(c.id, 'dispatch', 4, { orgId: orgB, regionCode: '3201' })
    await fire(c.id, 'request_extension', 5, { days: 5, reason: '需现场核查' })
    const extended = await fire(c.id, 'approve_extension', 6, { days: 5, reason: '同意' })
    expect(extended).toMatchObject({ state: 'handling', orgId: orgB, deadline: '2026-03-12' })

    const kinds = (await t.deps.db.selectFrom('workflow.notice').select(['kind', 'orgId', 'permission']).where('caseId', '=', c.id).orderBy('seq').execute()).map((n) => `${n.kind}:${n.orgId ?? n.permission}`)
    expect(kinds).toEqual([`assigned:${orgA}`, 'object:hotline.dispatch', 'returned:hotline.dispatch', `assigned:${orgB}`, 'request_extension:hotline.dispatch'])
    const dispatcherNotices = await noticesFor(t.deps.db, { orgId: crypto.randomUUID(), regionCode: '3201', permissions: ['hotline.dispatch'] }, { unreadOnly: true, limit: 50 })
    expect(dispatcherNotices.filter((n) => n.caseId === c.id).map((n) => n.kind)).toEqual(['request_extension', 'returned', 'object'])
    expect((await noticesFor(t.deps.db, { orgId: orgB, regionCode: '3201', permissions: [] }, { unreadOnly: true, limit: 50 })).filter((n) => n.caseId === c.id).map((n) => n.kind)).toEqual(['assigned'])
  })

  it('counts the office’s own calendar: a weekday made a holiday moves the deadline', async () => {
    const { setCalendarOverride, removeCalendarOverride } = await import('../../platform/calendar/calendar.service')
    await setCalendarOverride(t.deps, system, '2026-03-04', { workday: false, note: '临时休息' })
    try {
      expect((await open()).deadline).toBe('2026-03-06')
    } finally {
      await removeCalendarOverride(t.deps, system, '2026-03-04')
    }
    expect((await open()).deadline).toBe('2026-03-05')
  })

  it('refuses a department outside the case\'s region and changes nothing', async () => {
    const c = await open()
    await expect(fire(c.id, 'dispatch', 1, { orgId: await anyOrg('3202'), regionCode: '3201' })).rejects.toMatchObject({ id: 'assignee_invalid' })
    await expect(fire(c.id, 'dispatch', 1, { orgId: crypto.randomUUID(), regionCode: '3201' })).rejects.toMatchObject({ id: 'assignee_invalid' })
    expect(await findCase(t.deps.db, c.id)).toMatchObject({ version: 1, orgId: null })
  })

  it('merges duplicates into a live case of the same kind, and only there', async () => {
    const primary = await open()
    const [d1, d2] = [await open(), await open()]
    await fire(d1.id, 'merge', 1, { primaryCaseId: primary.id })
    await fire(d2.id, 'merge', 1, { primaryCaseId: primary.id })
    expect(await mergedCases(t.deps.db, primary.id)).toEqual([d1.id, d2.id])
    expect(await findCase(t.deps.db, d1.id)).toMatchObject({ state: 'merged', mergedInto: primary.id })
    const other = await open()
    await expect(fire(other.id, 'merge', 1, { primaryCaseId: other.id })).rejects.toMatchObject({ id: 'merge_target_invalid' })
    await expect(fire(other.id, 'merge', 1, { primaryCaseId: d1.id })).rejects.toMatchObject({ id: 'merge_target_invalid' })
    await expect(fire(other.id, 'merge', 1, { primaryCaseId: crypto.randomUUID() })).rejects.toMatchObject({ id: 'merge_target_invalid' })
    expect(await findCase(t.deps.db, other.id)).toMatchObject({ version: 1, state: 'received' })
  })

  it('fires timers on a fake clock: remind, overdue, escalate, each once, telling the department and the supervisors', async () => {
    const c = await open()
    const org = await anyOrg('3201')
    await fire(c.id, 'dispatch', 1, { orgId: org, regionCode: '3201' })
    const start = t.clock.now()
    try {
      // Opened Monday 03-02 with 3 working days: due Thursday 03-05; remind 1 working day before (Wednesday).
      expect(await findCase(t.deps.db, c.id)).toMatchObject({ deadline: '2026-03-05' })
      t.clock.set(new Date(start.getTime() + 1 * dayMs))
      await runDueTimers(t.deps)
      expect((await findCase(t.deps.db, c.id))!.alarm).toBe(ALARM.none)
      t.clock.set(new Date(start.getTime() + 2 * dayMs))
      await runDueTimers(t.deps)
      await runDueTimers(t.deps)
      expect(await findCase(t.deps.db, c.id)).toMatchObject({ alarm: ALARM.reminded, escalation: 0 })
      t.clock.set(new Date(start.getTime() + 4 * dayMs))
      await runDueTimers(t.deps)
      expect((await findCase(t.deps.db, c.id))!.alarm).toBe(ALARM.overdue)
      t.clock.set(new Date(start.getTime() + 7 * dayMs))
      await runDueTimers(t.deps)
      await runDueTimers(t.deps)
      expect(await findCase(t.deps.db, c.id)).toMatchObject({ alarm: ALARM.escalated, escalation: 1 })
      const events = await eventsOf(t.deps.db, c.id)
      expect(events.map((e) => e.transition)).toEqual(['open', 'dispatch', 'timer.remind', 'timer.overdue', 'timer.escalate'])
      expect(events.slice(2).map((e) => e.actor)).toEqual(['system:timers', 'system:timers', 'system:timers'])
      const notices = await t.deps.db.selectFrom('workflow.notice').select(['kind', 'orgId', 'permission']).where('caseId', '=', c.id).where('seq', '>', 2).orderBy('seq').execute()
      expect(notices.map((n) => `${n.kind}:${n.orgId === org ? 'dept' : n.permission}`)).toEqual(['remind:dept', 'overdue:dept', 'escalated:dept', 'escalated:hotline.supervise'])
      const { id: _id, kind: _kind, definitionVersion: _v, ...snapshot } = (await findCase(t.deps.db, c.id))!
      expect(replay(events)).toEqual(snapshot)

      // An approved extension moves the deadline later: the timers start again on the new one.
      const extended = await fire(c.id, 'extend', 5, { days: 10, reason: '需协调多部门' })
      expect(extended.alarm).toBe(ALARM.none)
      expect(await runDueTimers(t.deps)).toBe(0)
    } finally {
      t.clock.set(start)
    }
  })

  it('two writers racing on one case: exactly one wins, whether a command or the timers', async () => {
    const c = await open()
    const [orgA, orgB] = [await anyOrg('3201', 0), await anyOrg('3201', 1)]
    const results = await Promise.allSettled([fire(c.id, 'dispatch', 1, { orgId: orgA, regionCode: '3201' }), fire(c.id, 'dispatch', 1, { orgId: orgB, regionCode: '3201' })])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.id)).toEqual(['case_stale_version'])
    expect((await eventsOf(t.deps.db, c.id)).map((e) => e.transition)).toEqual(['open', 'dispatch'])

    const start = t.clock.now()
    try {
      const due = await Promise.all(Array.from({ length: 5 }, () => open()))
      t.clock.set(new Date(start.getTime() + 4 * dayMs))
      const fired = await Promise.all([runDueTimers(t.deps), runDueTimers(t.deps), runDueTimers(t.deps)])
      expect(fired.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(due.length + 1)
      for (const d of due) expect((await eventsOf(t.deps.db, d.id)).map((e) => e.transition)).toEqual(['open', 'timer.overdue'])
    } finally {
      t.clock.set(start)
    }
  })

  // PGlite is one process's database: two processes can only race on PostgreSQL.
  it.skipIf(testEngine() !== 'postgres')('two server processes racing on one case: exactly one wins, the other is told the case changed', async () => {
    const c = await open()
    const [orgA, orgB] = [await anyOrg('3201', 0), await anyOrg('3201', 1)]
    const at = Date.now() + 6000
    const race = (org: string) =>
      promisify(execFile)('node_modules/.bin/tsx', ['test/race-worker.ts'], { env: { ...process.env, RACE_DATABASE_URL: t.handle.url!, RACE_CASE: c.id, RACE_ORG: org, RACE_AT: String(at) } }).then((r) => r.stdout.trim())
    const outcomes = await Promise.all([race(orgA), race(orgB)])
    expect(outcomes.toSorted()).toEqual(['case_stale_version', 'won'])
    const events = await eventsOf(t.deps.db, c.id)
    expect(events.map((e) => e.transition)).toEqual(['open', 'dispatch'])
    expect((await findCase(t.deps.db, c.id))!.orgId).toBe(events[1]!.orgId)
  }, 60_000)
})
