import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import type { Tx } from '../../platform/db/database'
import type { RequestContext } from '../../platform/deps'
import type { WorkflowDefinition } from './definition'
import { replay } from './engine'
import { eventsOf, findCase, fireTransition, openWorkflowCase, registerDefinition } from './index'

let t: TestApp
const system: RequestContext = { actor: { kind: 'system', name: 'test' }, ip: null }
const m = (zh: string) => ({ zh, en: zh })
const definition: WorkflowDefinition = {
  key: 'test-case',
  version: 1,
  name: m('测试件'),
  initial: 'received',
  deadlineDays: 3,
  states: [
    { key: 'received', name: m('已受理'), clock: 'running' },
    { key: 'handling', name: m('办理中'), clock: 'running' },
    { key: 'closed', name: m('已办结'), clock: 'stopped', terminal: true },
  ],
  transitions: [
    { key: 'dispatch', name: m('派单'), from: ['received'], to: 'handling', permission: 'case.dispatch', effect: 'assign' },
    { key: 'extend', name: m('延期'), from: ['handling'], to: 'handling', permission: 'case.approve', effect: 'extend' },
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
    expect(replay(events)).toEqual({ state: stored!.state, version: stored!.version, regionCode: stored!.regionCode, orgId: stored!.orgId, deadline: stored!.deadline, pausedOn: stored!.pausedOn, escalation: stored!.escalation })
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
