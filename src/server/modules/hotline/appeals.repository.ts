import { randomUUID } from 'node:crypto'
import { sql, type RawBuilder, type Selectable, type Updateable } from 'kysely'
import { insertRows, writeTogether, type Executor, type Write } from '../../platform/db/database'
import { tsvectorOfJson, type SearchTokens } from '../../platform/search/text'
import type { CaseSnapshot } from '../workflow'
import { liveStates } from './appeal.workflow'
import type { AppealChannel, AppealTable, AppealType, HotlineLine } from './appeals.tables'

export type AppealRow = Omit<Selectable<AppealTable>, 'search'>
/** An appeal to store: every column but those a filing may leave to their defaults, and the tokens it is found by. */
export type NewAppeal = Omit<AppealRow, Untouched | 'id'> & Partial<Pick<AppealRow, Untouched | 'id'>> & { search: SearchTokens }

type Untouched = 'confidential' | 'emergency' | 'emergencyRef' | 'resolvedOnCall' | 'knowledgeEntryId' | 'alarm' | 'escalation' | 'answer' | 'satisfaction' | 'dispatchedAt' | 'answeredAt' | 'answeredLate' | 'calledBackAt' | 'closedAt'

const appealColumns = [
  'id', 'number', 'caseId', 'queryCodeHash', 'line', 'channel', 'type', 'categoryKey', 'regionCode', 'title', 'content', 'location', 'latitude', 'longitude',
  'appellantNameCipher', 'appellantPhoneCipher', 'appellantPhoneIndex', 'confidential', 'publicAccountId', 'externalRef', 'emergency', 'emergencyRef',
  'resolvedOnCall', 'knowledgeEntryId', 'classification', 'state', 'caseVersion', 'orgId', 'handlingRegionCode', 'deadline', 'alarm', 'escalation',
  'mergedInto', 'answer', 'satisfaction', 'submittedAt', 'dispatchedAt', 'dispatchDueAt', 'answeredAt', 'answeredLate', 'calledBackAt', 'closedAt', 'updatedAt',
] as const

const numberOf = (day: string, n: number) => `${day.replaceAll('-', '').slice(2)}${String(n).padStart(7, '0')}`

/**
 * Numbers for many appeals at once, one per given day. With `spare` (kept by the caller across
 * calls), sequence values are taken a block at a time and the unused ones kept there, so a busy
 * intake rarely waits for them; values left when a process stops are skipped, as a sequence may.
 */
export async function reserveNumbers(db: Executor, days: readonly string[], spare?: number[]): Promise<string[]> {
  const pool = spare ?? []
  if (pool.length < days.length) {
    const wanted = Math.max(days.length - pool.length, spare ? 256 : 0)
    const { rows } = await sql<{ n: number }>`select nextval('hotline.appeal_number_seq')::int8 as n from generate_series(1, ${wanted})`.execute(db)
    pool.push(...rows.map((r) => r.n))
  }
  const taken = pool.splice(0, days.length)
  return days.map((day, i) => numberOf(day, taken[i]!))
}

/** The appeal's copy of where its case stands, so that queues and metrics read the appeal alone. */
export function caseCopy(c: CaseSnapshot) {
  return { state: c.state, caseVersion: c.version, orgId: c.orgId, handlingRegionCode: c.regionCode, deadline: c.deadline, alarm: c.alarm, escalation: c.escalation, mergedInto: c.mergedInto }
}

/**
 * Stores new appeals; `alongWith` are other writes that go in the same statement (their cases:
 * writeTogether). Returns the appeals as stored, in the order given, without reading them back.
 */
export async function insertAppeals(db: Executor, rows: readonly NewAppeal[], alongWith: readonly Write[] = []): Promise<AppealRow[]> {
  if (rows.length === 0) return []
  // Object.assign, not {...untouched, ...row}: V8 builds that spread key by key, ~15× slower for a row this wide.
  const stored = rows.map((row) => Object.assign({}, untouched, row, { id: row.id ?? randomUUID() }))
  await writeTogether(db, [insertRows('hotline.appeal', stored, { search: tsvectorOfJson }), ...alongWith])
  return stored.map(({ search: _search, ...appeal }) => appeal)
}

/** A new appeal's columns that filing may leave alone, as the table's defaults have them. */
const untouched: Pick<AppealRow, Untouched> = {
  confidential: false,
  emergency: null,
  emergencyRef: null,
  resolvedOnCall: false,
  knowledgeEntryId: null,
  alarm: 0,
  escalation: 0,
  answer: null,
  satisfaction: null,
  dispatchedAt: null,
  answeredAt: null,
  answeredLate: null,
  calledBackAt: null,
  closedAt: null,
}

export async function findAppeal(db: Executor, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('hotline.appeal').select(appealColumns).where('id', '=', id).executeTakeFirst()
}

export async function findAppealByNumber(db: Executor, number: string): Promise<AppealRow | undefined> {
  return db.selectFrom('hotline.appeal').select(appealColumns).where('number', '=', number).executeTakeFirst()
}

export async function findAppealByCase(db: Executor, caseId: string): Promise<AppealRow | undefined> {
  return db.selectFrom('hotline.appeal').select(appealColumns).where('caseId', '=', caseId).executeTakeFirst()
}

/** The appeals already filed under these external references, by `channel:externalRef`. */
export async function findAppealsByExternalRef(db: Executor, refs: readonly { channel: AppealChannel; externalRef: string }[]): Promise<Map<string, AppealRow>> {
  if (refs.length === 0) return new Map()
  const rows = await db
    .selectFrom('hotline.appeal')
    .select(appealColumns)
    .where('externalRef', 'in', refs.map((r) => r.externalRef))
    .where('channel', 'in', [...new Set(refs.map((r) => r.channel))])
    .execute()
  return new Map(rows.map((r) => [`${r.channel}:${r.externalRef}`, r]))
}

export async function updateAppeal(db: Executor, id: string, values: Updateable<AppealTable>): Promise<void> {
  await db.updateTable('hotline.appeal').set(values).where('id', '=', id).execute()
}

/** The appeals merged into one (并单), to tell each appellant what happens to the case they joined. */
export async function appealsMergedInto(db: Executor, caseId: string): Promise<AppealRow[]> {
  return db.selectFrom('hotline.appeal').select(appealColumns).where('mergedInto', '=', caseId).execute()
}

export interface AppealFilter {
  /** Handling region within this prefix (the actor's scope). */
  regionPrefix: string
  states?: readonly string[]
  orgId?: string
  line?: HotlineLine
  categoryKey?: string
  type?: AppealType
  number?: string
  caseId?: string
  q?: string
  overdueOn?: string
}

/** A page of appeals, oldest deadline first for live ones (a queue is worked through in that order). */
export async function listAppealRows(db: Executor, filter: AppealFilter, page: { offset: number; limit: number }, tsquery: RawBuilder<string> | null): Promise<{ rows: AppealRow[]; total: number }> {
  let query = db.selectFrom('hotline.appeal').where('handlingRegionCode', 'like', `${filter.regionPrefix}%`)
  if (filter.states?.length) query = query.where('state', 'in', filter.states)
  if (filter.orgId) query = query.where('orgId', '=', filter.orgId)
  if (filter.line) query = query.where('line', '=', filter.line)
  if (filter.categoryKey) query = query.where('categoryKey', '=', filter.categoryKey)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.number) query = query.where('number', '=', filter.number)
  if (filter.caseId) query = query.where('caseId', '=', filter.caseId)
  if (filter.overdueOn) query = query.where('deadline', '<', filter.overdueOn).where('state', 'in', liveStates)
  if (tsquery) query = query.where(sql<boolean>`search @@ ${tsquery}`)
  const [rows, count] = await Promise.all([
    query.select(appealColumns).orderBy(sql`deadline asc nulls last`).orderBy('submittedAt', 'desc').offset(page.offset).limit(page.limit).execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: count.total }
}

/** Handled appeals with their category: what the classifier learns from. */
export async function handledAppealTexts(db: Executor, limit: number): Promise<{ number: string; title: string; content: string; categoryKey: string }[]> {
  const rows = await db
    .selectFrom('hotline.appeal')
    .select(['number', 'title', 'content', 'categoryKey'])
    .where('state', 'in', ['answered', 'closed'])
    .where('categoryKey', 'is not', null)
    .orderBy('submittedAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, categoryKey: r.categoryKey! }))
}

export async function insertModel(db: Executor, model: { trainedAt: Date; examples: number; heldOutAccuracy: number | null; body: object }): Promise<string> {
  const row = await db.insertInto('hotline.model').values({ ...model, body: JSON.stringify(model.body) }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function newestModelId(db: Executor): Promise<string | undefined> {
  return (await db.selectFrom('hotline.model').select('id').orderBy('trainedAt', 'desc').limit(1).executeTakeFirst())?.id
}

export async function modelBody(db: Executor, id: string): Promise<object | undefined> {
  return (await db.selectFrom('hotline.model').select('body').where('id', '=', id).executeTakeFirst())?.body
}
