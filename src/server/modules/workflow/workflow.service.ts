import { randomUUID } from 'node:crypto'
import { actorName, type Actor } from '../../platform/access'
import { auditInsert } from '../../platform/audit/audit'
import { shanghaiDay, type WorkingCalendar } from '../../platform/calendar/calendar'
import { workingCalendar } from '../../platform/calendar/calendar.service'
import { writeTogether, type Executor, type Tx, type Write } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { createTtlCache } from '../../platform/cache'
import { checkDefinition, type WorkflowDefinition } from './definition'
import { decide, dueTimer, evolve, nextTimerOn, openCase, type CaseEvent, type CaseSnapshot, type CommandActor } from './engine'
import { CASE_CHANGED, type CaseChangedEvent } from './workflow.events'
import { appendEvents, claimDueCase, eventRow, findCase, findDefinition, insertCases, insertNotices, lockCase, saveDefinition, updateCase, type CaseRecord, type NoticeRecord } from './workflow.repository'

const caseNotFound = () => new AppError('not_found', 'case_not_found', { zh: '办件不存在', en: 'Case not found' })

/** Stores a definition version for cases to run on; a module does this for each of its kinds at start. */
export async function registerDefinition(db: Executor, definition: WorkflowDefinition, at: Date): Promise<void> {
  await saveDefinition(db, checkDefinition(definition), at)
  newest.forget()
}

// A stored version never changes, so versions are kept for good; which one is newest is
// re-read every half minute (a new version registered by another process).
const versions = new Map<string, WorkflowDefinition>()
const newest = createTtlCache<string, number | undefined>({ ttlMs: 30_000, keep: (version) => version !== undefined })

async function definitionOf(db: Executor, key: string, version?: number): Promise<WorkflowDefinition | undefined> {
  const wanted = version ?? (await newest.get(key, async () => remember(await findDefinition(db, key))?.version))
  if (wanted === undefined) return undefined
  return versions.get(`${key}@${wanted}`) ?? remember(await findDefinition(db, key, wanted))
}

function remember(definition: WorkflowDefinition | undefined): WorkflowDefinition | undefined {
  if (definition) versions.set(`${definition.key}@${definition.version}`, definition)
  return definition
}

/** The engine's view of who acts: a staff member's permissions, region and department; the system (timers, module rules) may do anything. */
export function commandActor(actor: Actor): CommandActor {
  if (actor.kind === 'staff') return { permissions: actor.permissions, regionCode: actor.regionCode, orgId: actor.orgId, departmentScoped: actor.departmentScoped }
  if (actor.kind === 'system') return 'system'
  return { permissions: new Set(), regionCode: '-' }
}

function snapshotOf(record: CaseRecord): CaseSnapshot {
  const { id: _id, kind: _kind, definitionVersion: _version, ...snapshot } = record
  return snapshot
}

export interface OpenCase {
  kind: string
  regionCode: string
  orgId: string | null
  /** This case's time limit in working days, when the kind's default does not apply (an inquiry's 3, a complaint's 13). */
  limitDays?: number
}

/** A case to open together with the transitions fired on it at once, each by its own actor (a rule's dispatch by the system, an agent settling on the call). */
export interface Opening extends OpenCase {
  ctx: RequestContext
  moves?: readonly { ctx: RequestContext; transition: string; fields?: Record<string, unknown> }[]
}

export interface Opened {
  record: CaseRecord
  /**
   * What each move did. Nothing is published for a case no other module has heard of yet: the
   * opener writes its own record from these, as it would from CASE_CHANGED.
   */
  changes: CaseChangedEvent[]
}

/** One decided event with who decided it and the snapshots around it (none before the opening). */
interface Decided {
  ctx: RequestContext
  before: CaseSnapshot | null
  event: CaseEvent
  after: CaseSnapshot
}

/**
 * Opens a case of a kind on the kind's newest definition, inside the caller's transaction (the
 * module that owns the case writes its own record in the same one).
 */
export async function openWorkflowCase(trx: Tx, deps: PlatformDeps, ctx: RequestContext, input: OpenCase): Promise<CaseRecord> {
  const { opened, writes } = await decideOpenings(trx, deps, [{ ...input, ctx }])
  await writeTogether(trx, writes)
  return opened[0]!.record
}

/**
 * Opens many cases at once (a busy intake's group), each with its first moves decided by the
 * engine in memory, and returns the statements that store them (cases, events, notices, audit
 * records) for the caller to run together with its own (writeTogether).
 */
export async function decideOpenings(trx: Executor, deps: PlatformDeps, openings: readonly Opening[]): Promise<{ opened: Opened[]; writes: Write[] }> {
  if (openings.length === 0) return { opened: [], writes: [] }
  const calendar = await workingCalendar(deps, trx)
  const at = deps.clock.now()
  const on = shanghaiDay(at)
  const cases: { record: CaseRecord; definition: WorkflowDefinition; decided: Decided[] }[] = []
  const kinds = [...new Set(openings.map((o) => o.kind))]
  const definitions = new Map(await Promise.all(kinds.map(async (kind) => [kind, await definitionOf(trx, kind)] as const)))
  for (const opening of openings) {
    const definition = definitions.get(opening.kind)
    if (!definition) throw new AppError('invalid', 'workflow_unknown', { zh: `没有流程 ${opening.kind}`, en: `No workflow ${opening.kind}` })
    const first = openCase(definition, { regionCode: opening.regionCode, orgId: opening.orgId, on, limitDays: opening.limitDays }, calendar)
    let snapshot = evolve(null, first)
    const decided: Decided[] = [{ ctx: opening.ctx, before: null, event: first, after: snapshot }]
    for (const move of opening.moves ?? []) {
      const event = decide(definition, snapshot, { transition: move.transition, expectedVersion: snapshot.version, actor: commandActor(move.ctx.actor), fields: move.fields ?? {}, on }, calendar)
      const before = snapshot
      snapshot = evolve(before, event)
      decided.push({ ctx: move.ctx, before, event, after: snapshot })
    }
    cases.push({ record: { id: randomUUID(), kind: definition.key, definitionVersion: definition.version, ...snapshot }, definition, decided })
  }
  await checkTargets(trx, cases.flatMap((c) => c.decided.filter((d) => d.before).map((d) => ({ id: c.record.id, kind: c.record.kind, before: d.before!, event: d.event }))))
  const writes = [
    insertCases(cases.map(({ record, definition }) => ({ ...record, timerOn: nextTimerOn(definition, record, calendar), at }))),
    ...historyWrites(deps, cases, at),
  ]
  return { opened: cases.map(({ record, decided }) => ({ record, changes: decided.slice(1).map((d) => changeOf(record, d.event, d.after, at)) })), writes }
}

function changeOf(record: CaseRecord, event: CaseEvent, after: CaseSnapshot, at: Date): CaseChangedEvent {
  return { caseId: record.id, kind: record.kind, transition: event.transition, from: event.from, to: event.to, fields: event.fields, case: after, on: event.on, at }
}

export interface Fire {
  transition: string
  expectedVersion: number
  fields?: Record<string, unknown>
}

/**
 * Fires a transition on a case: the case is locked, the engine decides on the definition version
 * the case runs on, and the new state, the event, its notices and the audit record commit
 * together. A command decided on an older version of the case is refused (409 case_stale_version).
 */
export async function fireTransition(trx: Tx, deps: PlatformDeps, ctx: RequestContext, caseId: string, input: Fire): Promise<CaseRecord> {
  const calendar = await workingCalendar(deps, trx)
  const record = await lockCase(trx, caseId)
  if (!record) throw caseNotFound()
  const definition = await definitionOf(trx, record.kind, record.definitionVersion)
  if (!definition) throw caseNotFound()
  const at = deps.clock.now()
  const event = decide(definition, snapshotOf(record), { transition: input.transition, expectedVersion: input.expectedVersion, actor: commandActor(ctx.actor), fields: input.fields ?? {}, on: shanghaiDay(at) }, calendar)
  await checkTargets(trx, [{ id: record.id, kind: record.kind, before: record, event }])
  return commitEvent(trx, deps, ctx, definition, record, event, calendar)
}

// A department's region is read once a minute at most: every dispatch checks it, and departments do not move.
const orgRegions = createTtlCache<string, string | undefined>({ ttlMs: 60_000, maxEntries: 20_000, keep: (region) => region !== undefined })

const regionOfOrg = (trx: Executor, id: string) => orgRegions.get(id, async () => (await findOrg(trx, id))?.regionCode)

/** What the pure engine cannot see: a department a case goes to exists in its region; a duplicate joins a live case of its kind. */
async function checkTargets(trx: Executor, moves: readonly { id: string; kind: string; before: CaseSnapshot; event: CaseEvent }[]): Promise<void> {
  const assigned = moves.filter(({ before, event }) => event.orgId !== null && event.orgId !== before.orgId)
  const merged = moves.filter(({ before, event }) => event.mergedInto !== null && event.mergedInto !== before.mergedInto)
  const orgs = new Map(await Promise.all([...new Set(assigned.map((m) => m.event.orgId!))].map(async (id) => [id, await regionOfOrg(trx, id)] as const)))
  for (const { event } of assigned) {
    if (orgs.get(event.orgId!) !== event.regionCode) {
      throw new AppError('invalid', 'assignee_invalid', { zh: '承办部门不存在或不属于所选地区', en: 'The department does not exist or is not in that region' }, { field: 'orgId' })
    }
  }
  for (const { id, kind, event } of merged) {
    const primary = await findCase(trx, event.mergedInto!)
    if (!primary || primary.id === id || primary.kind !== kind || primary.mergedInto !== null) {
      throw new AppError('invalid', 'merge_target_invalid', { zh: '只能并入同类、未被合并的另一件', en: 'A duplicate joins another live case of its kind' }, { field: 'primaryCaseId' })
    }
  }
}

/** Stores an event decided on a case: the case's next version, the history, notices, the audit record and the event for other modules. */
async function commitEvent(trx: Tx, deps: PlatformDeps, ctx: RequestContext, definition: WorkflowDefinition, record: CaseRecord, event: CaseEvent, calendar: WorkingCalendar): Promise<CaseRecord> {
  const at = deps.clock.now()
  const next = evolve(snapshotOf(record), event)
  if (!(await updateCase(trx, record.id, record.version, { ...next, timerOn: nextTimerOn(definition, next, calendar), at }))) throw caseNotFound()
  await writeTogether(trx, historyWrites(deps, [{ record, definition, decided: [{ ctx, before: record, event, after: next }] }], at))
  await deps.events.publish(trx, deps, ctx, CASE_CHANGED, changeOf(record, event, next, at))
  return { ...record, ...next }
}

/** The statements storing the decided events of cases with their notices and audit records. */
function historyWrites(deps: PlatformDeps, cases: readonly { record: CaseRecord; definition: WorkflowDefinition; decided: readonly Decided[] }[], at: Date): Write[] {
  const written = cases.flatMap(({ record, definition, decided }) => decided.map((d) => ({ ...d, record, definition, seq: d.after.version })))
  const notices = written.flatMap((w) => noticesOf(w.definition, w.record.id, w.seq, w.before, w.event, at))
  const audits = written.map(({ ctx, before, event, record, seq }) => ({
    ctx: auditContext(deps, ctx),
    entry: before
      ? { action: `case.${event.transition}`, targetType: 'case', targetId: record.id, regionCode: event.regionCode, detail: { from: event.from, to: event.to, version: seq } }
      : { action: 'case.open', targetType: 'case', targetId: record.id, regionCode: event.regionCode, detail: { kind: record.kind, deadline: event.deadline } },
  }))
  return [appendEvents(written.map((w) => eventRow(w.record.id, w.seq, w.event, actorName(w.ctx.actor), at))), ...(notices.length > 0 ? [insertNotices(notices)] : []), auditInsert(audits)]
}

type NewNotice = Omit<NoticeRecord, 'id' | 'readAt'>

/**
 * Who an event tells: a department that gets a case; the dispatchers when a case comes back or
 * a transition asks for them; the handling department (or, with none, the dispatchers) when a
 * timer fires; the supervisors as well when a case is escalated.
 */
function noticesOf(definition: WorkflowDefinition, caseId: string, seq: number, before: CaseSnapshot | null, event: CaseEvent, at: Date): NewNotice[] {
  const base = { caseId, seq, regionCode: event.regionCode, escalation: event.escalation, createdAt: at }
  const toOrg = (kind: string, orgId: string): NewNotice => ({ ...base, kind, orgId, permission: null })
  const toAudience = (kind: string, audience: 'dispatch' | 'supervise'): NewNotice[] => {
    const permission = definition.audiences?.[audience]
    return permission ? [{ ...base, kind, orgId: null, permission }] : []
  }
  const toHandlers = (kind: string) => (event.orgId ? [toOrg(kind, event.orgId)] : toAudience(kind, 'dispatch'))
  const transition = definition.transitions.find((t) => t.key === event.transition)
  const notices: NewNotice[] = []
  if (event.orgId !== null && event.orgId !== (before?.orgId ?? null)) notices.push(toOrg('assigned', event.orgId))
  if (before?.orgId && event.orgId === null) notices.push(...toAudience('returned', 'dispatch'))
  if (event.transition === 'timer.remind') notices.push(...toHandlers('remind'))
  if (event.transition === 'timer.overdue') notices.push(...toHandlers('overdue'))
  if (event.escalation > (before?.escalation ?? 0)) notices.push(...toHandlers('escalated'), ...toAudience('escalated', 'supervise'))
  if (transition?.notify) notices.push(...toAudience(transition.key, transition.notify))
  return notices
}

const timerActor: RequestContext = { actor: { kind: 'system', name: 'timers' }, ip: null }

/**
 * Fires every timer due by now, one case per transaction. Several server processes may run this
 * at once: each takes a due case with SKIP LOCKED, and a case whose timer another process has
 * just fired is no longer due, so no timer fires twice. Returns how many timer events it wrote.
 */
export async function runDueTimers(deps: PlatformDeps, options: { limit?: number } = {}): Promise<number> {
  const calendar = await workingCalendar(deps)
  const limit = options.limit ?? 1000
  let fired = 0
  while (fired < limit) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const today = shanghaiDay(deps.clock.now())
      const record = await claimDueCase(trx, today)
      if (!record) return false
      const definition = await definitionOf(trx, record.kind, record.definitionVersion)
      const event = definition && dueTimer(definition, snapshotOf(record), today, calendar)
      if (!definition || !event) {
        // Nothing due after all (the calendar changed since the day was stored): store the right day.
        const next = definition ? nextTimerOn(definition, snapshotOf(record), calendar) : null
        await updateCase(trx, record.id, record.version, { ...snapshotOf(record), timerOn: next !== null && next > today ? next : null, at: deps.clock.now() })
        return true
      }
      await commitEvent(trx, deps, timerActor, definition, record, event, calendar)
      fired++
      return true
    })
    if (!done) break
  }
  return fired
}
