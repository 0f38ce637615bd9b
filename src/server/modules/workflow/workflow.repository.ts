import type { Executor } from '../../platform/db/database'
import type { WorkflowDefinition } from './definition'
import type { CaseEvent } from './engine'

export interface CaseRecord {
  id: string
  kind: string
  definitionVersion: number
  state: string
  version: number
  regionCode: string
  orgId: string | null
  deadline: string | null
  pausedOn: string | null
  escalation: number
}

const caseColumns = ['id', 'kind', 'definitionVersion', 'state', 'version', 'regionCode', 'orgId', 'deadline', 'pausedOn', 'escalation'] as const

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

export async function insertCase(db: Executor, values: Omit<CaseRecord, 'id'> & { at: Date }): Promise<CaseRecord> {
  const { at, ...fields } = values
  return db.insertInto('workflow.case').values({ ...fields, openedAt: at, updatedAt: at }).returning(caseColumns).executeTakeFirstOrThrow()
}

/** The case, locked for the transaction that changes it. */
export async function lockCase(db: Executor, id: string): Promise<CaseRecord | undefined> {
  return db.selectFrom('workflow.case').select(caseColumns).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findCase(db: Executor, id: string): Promise<CaseRecord | undefined> {
  return db.selectFrom('workflow.case').select(caseColumns).where('id', '=', id).executeTakeFirst()
}

/** Moves a case to its next version; only from the version the change was decided on. */
export async function updateCase(db: Executor, id: string, fromVersion: number, values: Pick<CaseRecord, 'state' | 'version' | 'regionCode' | 'orgId' | 'deadline' | 'pausedOn' | 'escalation'> & { at: Date }): Promise<boolean> {
  const { at, ...fields } = values
  const result = await db.updateTable('workflow.case').set({ ...fields, updatedAt: at }).where('id', '=', id).where('version', '=', fromVersion).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function appendEvent(db: Executor, caseId: string, seq: number, event: CaseEvent, actor: string, at: Date): Promise<void> {
  await db
    .insertInto('workflow.event')
    .values({
      caseId,
      seq,
      transition: event.transition,
      fromState: event.from,
      toState: event.to,
      onDay: event.on,
      fields: JSON.stringify(event.fields),
      regionCode: event.regionCode,
      orgId: event.orgId,
      deadline: event.deadline,
      pausedOn: event.pausedOn,
      escalation: event.escalation,
      actor,
      at,
    })
    .execute()
}

/** A case's history in order, as the engine's events. */
export async function eventsOf(db: Executor, caseId: string): Promise<(CaseEvent & { seq: number; actor: string; at: Date })[]> {
  const rows = await db.selectFrom('workflow.event').selectAll().where('caseId', '=', caseId).orderBy('seq').execute()
  return rows.map((r) => ({ seq: r.seq, actor: r.actor, at: r.at, transition: r.transition, from: r.fromState, to: r.toState, on: r.onDay, fields: r.fields, regionCode: r.regionCode, orgId: r.orgId, deadline: r.deadline, pausedOn: r.pausedOn, escalation: r.escalation }))
}
