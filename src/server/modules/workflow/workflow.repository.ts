import { insertRows, type Executor } from '../../platform/db/database'
import type { WorkflowDefinition } from './definition'
import type { CaseEvent, CaseSnapshot } from './engine'

export interface CaseRecord extends CaseSnapshot {
  id: string
  kind: string
  definitionVersion: number
}

const caseColumns = ['id', 'kind', 'definitionVersion', 'state', 'version', 'regionCode', 'orgId', 'deadline', 'pausedOn', 'escalation', 'limitDays', 'alarm', 'mergedInto'] as const

/** Stores a definition version unless it is there already (a stored version never changes). */
export async function saveDefinition(db: Executor, definition: WorkflowDefinition, at: Date): Promise<void> {
  await db
    .insertInto('workflow.definition')
    .values({ key: definition.key, version: definition.version, body: JSON.stringify(definition), createdAt: at })
    .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
    .execute()
}

export async function findDefinition(db: Executor, key: string, version?: number): Promise<WorkflowDefinition | undefined> {
  let query = db.selectFrom('workflow.definition').select('body').where('key', '=', key)
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version)
  return (await query.executeTakeFirst())?.body
}

/** The statement storing new cases (their ids chosen by the caller). */
export function insertCases(cases: readonly (CaseRecord & { timerOn: string | null; at: Date })[]) {
  return insertRows('workflow.case', cases.map(({ at, ...fields }) => ({ ...fields, openedAt: at, updatedAt: at })))
}

/** The case, locked for the transaction that changes it. */
export async function lockCase(db: Executor, id: string): Promise<CaseRecord | undefined> {
  return db.selectFrom('workflow.case').select(caseColumns).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findCase(db: Executor, id: string): Promise<CaseRecord | undefined> {
  return db.selectFrom('workflow.case').select(caseColumns).where('id', '=', id).executeTakeFirst()
}

/** Moves a case to its next version; only from the version the change was decided on. */
export async function updateCase(db: Executor, id: string, fromVersion: number, values: CaseSnapshot & { timerOn: string | null; at: Date }): Promise<boolean> {
  const { at, ...fields } = values
  const result = await db.updateTable('workflow.case').set({ ...fields, updatedAt: at }).where('id', '=', id).where('version', '=', fromVersion).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** An event as the history table stores it; `seq` is the case's version after it. */
export function eventRow(caseId: string, seq: number, event: CaseEvent, actor: string, at: Date) {
  return {
    caseId,
    seq,
    transition: event.transition,
    fromState: event.from,
    toState: event.to,
    onDay: event.on,
    fields: event.fields,
    regionCode: event.regionCode,
    orgId: event.orgId,
    deadline: event.deadline,
    pausedOn: event.pausedOn,
    escalation: event.escalation,
    limitDays: event.limitDays,
    alarm: event.alarm,
    mergedInto: event.mergedInto,
    actor,
    at,
  }
}

export function appendEvents(rows: readonly ReturnType<typeof eventRow>[]) {
  return insertRows('workflow.event', rows)
}

export type StoredEvent = CaseEvent & { seq: number; actor: string; at: Date }

/** A case's history in order, as the engine's events. */
export async function eventsOf(db: Executor, caseId: string): Promise<StoredEvent[]> {
  const rows = await db.selectFrom('workflow.event').selectAll().where('caseId', '=', caseId).orderBy('seq').execute()
  return rows.map((r) => ({
    seq: r.seq,
    actor: r.actor,
    at: r.at,
    transition: r.transition,
    from: r.fromState,
    to: r.toState,
    on: r.onDay,
    fields: r.fields,
    regionCode: r.regionCode,
    orgId: r.orgId,
    deadline: r.deadline,
    pausedOn: r.pausedOn,
    escalation: r.escalation,
    limitDays: r.limitDays,
    alarm: r.alarm,
    mergedInto: r.mergedInto,
  }))
}

/** The cases merged into this one (并单), oldest first. */
export async function mergedCases(db: Executor, primaryId: string): Promise<string[]> {
  const rows = await db.selectFrom('workflow.case').select('id').where('mergedInto', '=', primaryId).orderBy('openedAt').execute()
  return rows.map((r) => r.id)
}

/**
 * One case whose timer is due, locked; a case another process holds is skipped, so several
 * servers share the work without firing a timer twice.
 */
export async function claimDueCase(db: Executor, today: string): Promise<CaseRecord | undefined> {
  return db
    .selectFrom('workflow.case')
    .select(caseColumns)
    .where('timerOn', '<=', today)
    .orderBy('timerOn')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
}

export interface NoticeRecord {
  id: string
  caseId: string
  seq: number
  kind: string
  regionCode: string
  orgId: string | null
  permission: string | null
  escalation: number
  createdAt: Date
  readAt: Date | null
}

export function insertNotices(notices: readonly Omit<NoticeRecord, 'id' | 'readAt'>[]) {
  return insertRows('workflow.notice', notices)
}

/** What a staff member is told: their department's notices, and their region's for the audiences they belong to. */
export async function noticesFor(db: Executor, reader: { orgId: string; regionCode: string; permissions: readonly string[] }, options: { unreadOnly: boolean; limit: number }): Promise<NoticeRecord[]> {
  let query = db
    .selectFrom('workflow.notice')
    .select(['id', 'caseId', 'seq', 'kind', 'regionCode', 'orgId', 'permission', 'escalation', 'createdAt', 'readAt'])
    .where((eb) =>
      eb.or([
        eb('orgId', '=', reader.orgId),
        eb.and([eb('orgId', 'is', null), eb('regionCode', '=', reader.regionCode), eb('permission', 'in', reader.permissions.length > 0 ? reader.permissions : [''])]),
      ]),
    )
  if (options.unreadOnly) query = query.where('readAt', 'is', null)
  return query.orderBy('createdAt', 'desc').orderBy('seq', 'desc').limit(options.limit).execute()
}

export async function findNotice(db: Executor, id: string): Promise<NoticeRecord | undefined> {
  return db.selectFrom('workflow.notice').select(['id', 'caseId', 'seq', 'kind', 'regionCode', 'orgId', 'permission', 'escalation', 'createdAt', 'readAt']).where('id', '=', id).executeTakeFirst()
}

export async function markNoticeRead(db: Executor, id: string, by: string, at: Date): Promise<void> {
  await db.updateTable('workflow.notice').set({ readAt: at, readBy: by }).where('id', '=', id).where('readAt', 'is', null).execute()
}
