import { sql, type Insertable, type RawBuilder } from 'kysely'
import type { Executor } from '../../platform/db/database'
import { quoteLexeme, tsqueryOf, tsvectorOf } from '../../platform/search/text'
import type { KnowledgeEntryTable, KnowledgeLevel, KnowledgeRevisionTable, KnowledgeStatus, RevisionStatus, WorkingStatus } from './knowledge.tables'
import type { StatusFilter } from './knowledge.schemas'

export interface EntryRecord {
  id: string
  regionCode: string
  level: KnowledgeLevel
  orgId: string
  status: KnowledgeStatus
  workingStatus: WorkingStatus | null
  publishedRevisionId: string | null
  workingRevisionId: string | null
  shownRevisionId: string | null
  version: number
  createdAt: Date
  createdBy: string
  updatedAt: Date
  retiredAt: Date | null
  retireReason: string | null
}

export interface RevisionRecord {
  id: string
  entryId: string
  number: number
  status: RevisionStatus
  title: string
  body: string
  categoryKey: string | null
  catalogItemId: string | null
  keywords: string[]
  validUntil: string
  contributors: string[]
  createdAt: Date
  createdBy: string
  updatedAt: Date
  updatedBy: string
  submittedAt: Date | null
  submittedBy: string | null
  reviewedAt: Date | null
  reviewedBy: string | null
  reviewComment: string | null
  publishedAt: Date | null
  retiredAt: Date | null
}

const entryColumns = [
  'id',
  'regionCode',
  'level',
  'orgId',
  'status',
  'workingStatus',
  'publishedRevisionId',
  'workingRevisionId',
  'shownRevisionId',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'retiredAt',
  'retireReason',
] as const

const revisionColumns = [
  'id',
  'entryId',
  'number',
  'status',
  'title',
  'body',
  'categoryKey',
  'catalogItemId',
  'keywords',
  'validUntil',
  'contributors',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'submittedAt',
  'submittedBy',
  'reviewedAt',
  'reviewedBy',
  'reviewComment',
  'publishedAt',
  'retiredAt',
] as const

/** The words of a revision, as its search vector is built from them. */
export interface RevisionText {
  title: string
  body: string
  categoryKey: string | null
  keywords: readonly string[]
}

/** Titles and keywords weigh A, the answer and its category B. */
function searchOf(...texts: (RevisionText | null | undefined)[]) {
  const present = texts.filter((t): t is RevisionText => Boolean(t))
  return tsvectorOf({ a: present.flatMap((t) => [t.title, ...t.keywords]), b: present.flatMap((t) => [t.body, t.categoryKey]) })
}

type EntryInsert = Omit<Insertable<KnowledgeEntryTable>, 'id' | 'version' | 'search'>
type EntryChanges = Partial<Omit<EntryInsert, 'createdAt' | 'createdBy' | 'regionCode' | 'level' | 'orgId'>>
type RevisionInsert = Omit<Insertable<KnowledgeRevisionTable>, 'id' | 'search' | 'contributors' | keyof RevisionContent> & RevisionContent & { contributors: string[] }
type RevisionMeta = Partial<Omit<RevisionInsert, 'entryId' | 'regionCode' | 'number' | 'createdAt' | 'createdBy' | keyof RevisionText | 'validUntil' | 'catalogItemId'>>
export type RevisionContent = RevisionText & { catalogItemId: string | null; validUntil: string }

export async function insertEntry(db: Executor, values: EntryInsert): Promise<EntryRecord> {
  return db.insertInto('hotline.knowledgeEntry').values(values).returning(entryColumns).executeTakeFirstOrThrow()
}

export async function insertRevision(db: Executor, values: RevisionInsert): Promise<RevisionRecord> {
  return db
    .insertInto('hotline.knowledgeRevision')
    .values({ ...values, keywords: [...values.keywords], search: searchOf(values) })
    .returning(revisionColumns)
    .executeTakeFirstOrThrow()
}

/** Rewrites a draft's text (and who touched it); the search vector follows. */
export async function rewriteRevision(db: Executor, id: string, content: RevisionContent, meta: RevisionMeta): Promise<RevisionRecord> {
  return db
    .updateTable('hotline.knowledgeRevision')
    .set({ ...content, ...meta, keywords: [...content.keywords], search: searchOf(content) })
    .where('id', '=', id)
    .returning(revisionColumns)
    .executeTakeFirstOrThrow()
}

/** Moves a revision on in its life (submitted, published, superseded …); its text stays. */
export async function setRevisionStatus(db: Executor, id: string, changes: RevisionMeta & { status: RevisionStatus }): Promise<RevisionRecord> {
  return db.updateTable('hotline.knowledgeRevision').set(changes).where('id', '=', id).returning(revisionColumns).executeTakeFirstOrThrow()
}

/**
 * Changes an entry and moves its version on: every write of an entry or its revisions does.
 * `texts` are the revisions the editors' search should find it by (shown and working).
 */
export async function updateEntry(db: Executor, id: string, changes: EntryChanges, texts: readonly (RevisionText | null)[]): Promise<EntryRecord> {
  return db
    .updateTable('hotline.knowledgeEntry')
    .set((eb) => ({ ...changes, search: searchOf(...texts), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning(entryColumns)
    .executeTakeFirstOrThrow()
}

/** Points a new entry at its first revision; it keeps version 1, since nobody has seen it yet. */
export async function attachFirstRevision(db: Executor, entryId: string, revision: RevisionRecord, status: KnowledgeStatus): Promise<EntryRecord> {
  const published = status === 'published'
  return db
    .updateTable('hotline.knowledgeEntry')
    .set({
      status,
      workingStatus: published ? null : (revision.status as WorkingStatus),
      publishedRevisionId: published ? revision.id : null,
      workingRevisionId: published ? null : revision.id,
      shownRevisionId: revision.id,
      search: searchOf(revision),
    })
    .where('id', '=', entryId)
    .returning(entryColumns)
    .executeTakeFirstOrThrow()
}

export async function findEntry(db: Executor, id: string): Promise<EntryRecord | undefined> {
  return db.selectFrom('hotline.knowledgeEntry').select(entryColumns).where('id', '=', id).executeTakeFirst()
}

/** Locks an entry for a change, so that two writers take turns and the second sees the first's version. */
export async function lockEntry(db: Executor, id: string): Promise<EntryRecord | undefined> {
  return db.selectFrom('hotline.knowledgeEntry').select(entryColumns).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Whether an entry has a published revision valid on `day` (one query: the entry joined to its published revision). */
export async function isPublishedUnexpired(db: Executor, id: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('hotline.knowledgeEntry as e')
    .innerJoin('hotline.knowledgeRevision as r', 'r.id', 'e.publishedRevisionId')
    .select('e.id')
    .where('e.id', '=', id)
    .where('r.validUntil', '>=', day)
    .executeTakeFirst()
  return row !== undefined
}

export async function findRevision(db: Executor, id: string): Promise<RevisionRecord | undefined> {
  return db.selectFrom('hotline.knowledgeRevision').select(revisionColumns).where('id', '=', id).executeTakeFirst()
}

/** Every revision of an entry, the newest first. */
export async function revisionsOf(db: Executor, entryId: string): Promise<RevisionRecord[]> {
  return db.selectFrom('hotline.knowledgeRevision').select(revisionColumns).where('entryId', '=', entryId).orderBy('number', 'desc').execute()
}

export async function lastRevisionNumber(db: Executor, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('hotline.knowledgeRevision')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('entryId', '=', entryId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function anyEntry(db: Executor): Promise<boolean> {
  return (await db.selectFrom('hotline.knowledgeEntry').select('id').limit(1).executeTakeFirst()) !== undefined
}

/**
 * Which entries a reader may list: published ones of the regions above (and including) the
 * reader's own, published ones below it, and, for editors and reviewers, every entry below it.
 */
export interface ReadScope {
  /** The reader's region and the regions above it: province, city, county. */
  ancestors: readonly string[]
  /** The reader's region: entries of it and below; '' for the whole installation. */
  within: string
  /** Whether unpublished and retired entries within the region are listed too. */
  unpublished: boolean
}

export interface EntryFilter {
  q?: string
  status?: StatusFilter
  level?: KnowledgeLevel
  categoryKey?: string
  regionCode?: string
  today: string
}

function visibleEntries(db: Executor, scope: ReadScope, filter: EntryFilter, tsquery: RawBuilder<string> | null) {
  let query = db
    .selectFrom('hotline.knowledgeEntry as e')
    .innerJoin('hotline.knowledgeRevision as s', 's.id', 'e.shownRevisionId')
    .where((eb) => {
      const below = eb('e.regionCode', 'like', `${scope.within}%`)
      const published = eb('e.status', '=', 'published')
      const above = scope.ancestors.length > 0 ? eb('e.regionCode', 'in', [...scope.ancestors]) : sql<boolean>`false`
      return scope.unpublished ? eb.or([below, eb.and([published, above])]) : eb.and([published, eb.or([below, above])])
    })
  if (filter.level !== undefined) query = query.where('e.level', '=', filter.level)
  if (filter.categoryKey !== undefined) query = query.where('s.categoryKey', '=', filter.categoryKey)
  if (filter.regionCode !== undefined) query = query.where('e.regionCode', 'like', `${filter.regionCode}%`)
  if (tsquery) query = query.where(sql<boolean>`e.search @@ ${tsquery}`)
  switch (filter.status) {
    case 'draft':
    case 'submitted':
      query = query.where('e.workingStatus', '=', filter.status)
      break
    case 'published':
      query = query.where('e.status', '=', 'published').where('s.validUntil', '>=', filter.today)
      break
    case 'expired':
      query = query.where('e.status', '=', 'published').where('s.validUntil', '<', filter.today)
      break
    case 'retired':
      query = query.where('e.status', '=', 'retired')
      break
  }
  return query
}

export interface EntryRow {
  id: string
  regionCode: string
  regionName: string | null
  level: KnowledgeLevel
  orgId: string
  orgName: string | null
  status: KnowledgeStatus
  workingStatus: WorkingStatus | null
  version: number
  revisionNumber: number
  title: string
  categoryKey: string | null
  catalogItemId: string | null
  keywords: string[]
  validUntil: string
  updatedAt: Date
}

/**
 * A page of the entries a reader may see, the exact title first, then by rank (titles and keywords
 * weigh A, the answer B), then the most recently changed.
 */
export async function findEntries(db: Executor, scope: ReadScope, filter: EntryFilter, page: number, pageSize: number): Promise<{ rows: EntryRow[]; total: number }> {
  const text = filter.q?.trim() ?? ''
  const tsquery = text ? tsqueryOf(text) : null
  let ranked = visibleEntries(db, scope, filter, tsquery)
    .select(['e.id', 'e.regionCode', 'e.level', 'e.orgId', 'e.status', 'e.workingStatus', 'e.version', 'e.updatedAt'])
    .select(['s.number as revisionNumber', 's.title', 's.categoryKey', 's.catalogItemId', 's.keywords', 's.validUntil'])
    .select((eb) => [
      eb.selectFrom('platform.region as r').select('r.name').whereRef('r.code', '=', 'e.regionCode').as('regionName'),
      eb.selectFrom('platform.org as o').select('o.name').whereRef('o.id', '=', 'e.orgId').as('orgName'),
    ])
  if (text) ranked = ranked.orderBy(sql<boolean>`s.title = ${text}`, 'desc')
  if (tsquery) ranked = ranked.orderBy(sql<number>`ts_rank_cd(e.search, ${tsquery})`, 'desc')
  const [rows, count] = await Promise.all([
    ranked
      .orderBy('e.updatedAt', 'desc')
      .orderBy('e.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    visibleEntries(db, scope, filter, tsquery)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** The categories used by the entries a reader may see, most used first, for the list's filter. */
export async function categoriesOf(db: Executor, scope: ReadScope, today: string): Promise<{ key: string; count: number }[]> {
  const rows = await visibleEntries(db, scope, { today }, null)
    .select(['s.categoryKey as key', (eb) => eb.fn.countAll<number>().as('count')])
    .where('s.categoryKey', 'is not', null)
    .groupBy('s.categoryKey')
    .orderBy('count', 'desc')
    .orderBy('s.categoryKey')
    .execute()
  return rows.flatMap((row) => (row.key === null ? [] : [{ key: row.key, count: Number(row.count) }]))
}

export interface SuggestionRow {
  id: string
  revisionId: string
  title: string
  body: string
  regionCode: string
  catalogItemId: string | null
  validUntil: string
}

/**
 * The published, unexpired revisions of the given regions that a typed appeal is about, best first.
 * An appeal is talk, not a search: it matches a revision when one of its words is in the title or
 * keywords, or all of them are somewhere in the text; the rank counts every word.
 */
export async function findSuggestions(db: Executor, query: { regions: readonly string[]; today: string; text: string; tokens: readonly string[]; limit: number }): Promise<SuggestionRow[]> {
  if (query.regions.length === 0 || query.tokens.length === 0) return []
  const anyInTitle = query.tokens.map((t) => quoteLexeme(t, ':A')).join(' | ')
  const all = query.tokens.map((t) => quoteLexeme(t)).join(' & ')
  // One tsquery, so that one GIN index scan answers the match.
  const match = sql<string>`to_tsquery('simple', ${`(${anyInTitle}) | (${all})`})`
  const any = sql<string>`to_tsquery('simple', ${query.tokens.map((t) => quoteLexeme(t)).join(' | ')})`
  // A published revision belongs to a published entry (retiring one retires the other), so the
  // revisions alone answer: no join.
  return (
    db
      .selectFrom('hotline.knowledgeRevision as r')
      .select(['r.entryId as id', 'r.id as revisionId', 'r.title', 'r.body', 'r.regionCode', 'r.catalogItemId', 'r.validUntil'])
      // A literal, so that the planner may use the partial index of published revisions.
      .where(sql<boolean>`r.status = 'published'`)
      .where('r.validUntil', '>=', query.today)
      .where('r.regionCode', 'in', [...query.regions])
      .where(sql<boolean>`r.search @@ ${match}`)
      .orderBy(sql<boolean>`r.title = ${query.text.trim()}`, 'desc')
      .orderBy(sql<number>`ts_rank_cd(r.search, ${any})`, 'desc')
      // Between equals, the more local answer: a county knows its own offices best.
      .orderBy(sql<number>`length(r.region_code)`, 'desc')
      .orderBy('r.title')
      .limit(query.limit)
      .execute()
  )
}
