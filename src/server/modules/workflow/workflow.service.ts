import { actorName, type Actor } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { createCalendar, shanghaiDay, type WorkingCalendar } from '../../platform/calendar/calendar'
import type { Executor, Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { checkDefinition, type WorkflowDefinition } from './definition'
import { decide, evolve, openCase, type CaseSnapshot, type CommandActor } from './engine'
import { appendEvent, findDefinition, insertCase, lockCase, saveDefinition, updateCase, type CaseRecord } from './workflow.repository'

const caseNotFound = () => new AppError('not_found', 'case_not_found', { zh: '办件不存在', en: 'Case not found' })

/** Stores a definition version for cases to run on; a module does this for each of its kinds at start. */
export async function registerDefinition(db: Executor, definition: WorkflowDefinition, at: Date): Promise<void> {
  await saveDefinition(db, checkDefinition(definition), at)
}

/** The engine's view of who acts: a staff member's permissions and region; the system (timers) may do anything. */
function commandActor(actor: Actor): CommandActor {
  if (actor.kind === 'staff') return { permissions: actor.permissions, regionCode: actor.regionCode }
  if (actor.kind === 'system') return { permissions: { has: () => true } as unknown as ReadonlySet<string>, regionCode: '' }
  return { permissions: new Set(), regionCode: '-' }
}

function snapshotOf(record: CaseRecord): CaseSnapshot {
  return { state: record.state, version: record.version, regionCode: record.regionCode, orgId: record.orgId, deadline: record.deadline, pausedOn: record.pausedOn, escalation: record.escalation }
}

export interface OpenCase {
  kind: string
  regionCode: string
  orgId: string | null
}

/**
 * Opens a case of a kind on the kind's newest definition, inside the caller's transaction (the
 * module that owns the case writes its own record in the same one).
 */
export async function openWorkflowCase(trx: Tx, deps: PlatformDeps, ctx: RequestContext, input: OpenCase, calendar: WorkingCalendar = createCalendar()): Promise<CaseRecord> {
  const definition = await findDefinition(trx, input.kind)
  if (!definition) throw new AppError('invalid', 'workflow_unknown', { zh: `没有流程 ${input.kind}`, en: `No workflow ${input.kind}` })
  const at = deps.clock.now()
  const event = openCase(definition, { regionCode: input.regionCode, orgId: input.orgId, on: shanghaiDay(at) }, calendar)
  const snapshot = evolve(null, event)
  const record = await insertCase(trx, { kind: definition.key, definitionVersion: definition.version, ...snapshot, at })
  await appendEvent(trx, record.id, snapshot.version, event, actorName(ctx.actor), at)
  await recordAudit(trx, auditContext(deps, ctx), { action: 'case.open', targetType: 'case', targetId: record.id, regionCode: record.regionCode, detail: { kind: record.kind, deadline: record.deadline } })
  return record
}

export interface Fire {
  transition: string
  expectedVersion: number
  fields?: Record<string, unknown>
}

/**
 * Fires a transition on a case: the case is locked, the engine decides on the definition version
 * the case runs on, and the new state, the event and the audit record commit together. A command
 * decided on an older version of the case is refused (409 case_stale_version).
 */
export async function fireTransition(trx: Tx, deps: PlatformDeps, ctx: RequestContext, caseId: string, input: Fire, calendar: WorkingCalendar = createCalendar()): Promise<CaseRecord> {
  const record = await lockCase(trx, caseId)
  if (!record) throw caseNotFound()
  const definition = await findDefinition(trx, record.kind, record.definitionVersion)
  if (!definition) throw caseNotFound()
  const at = deps.clock.now()
  const event = decide(definition, snapshotOf(record), { transition: input.transition, expectedVersion: input.expectedVersion, actor: commandActor(ctx.actor), fields: input.fields ?? {}, on: shanghaiDay(at) }, calendar)
  const next = evolve(snapshotOf(record), event)
  if (!(await updateCase(trx, record.id, record.version, { ...next, at }))) throw caseNotFound()
  await appendEvent(trx, record.id, next.version, event, actorName(ctx.actor), at)
  await recordAudit(trx, auditContext(deps, ctx), { action: `case.${event.transition}`, targetType: 'case', targetId: record.id, regionCode: next.regionCode, detail: { from: event.from, to: event.to, version: next.version } })
  return { ...record, ...next }
}
