import type { ColumnType, Generated } from 'kysely'

type Instant = ColumnType<Date, Date | string, Date | string>

export type KnowledgeLevel = 'province' | 'city' | 'county'
/** An entry as a whole: never published yet (draft, submitted), published, or retired. */
export type KnowledgeStatus = 'draft' | 'submitted' | 'published' | 'retired'
/** The revision being worked on, if any. */
export type WorkingStatus = 'draft' | 'submitted'
export type RevisionStatus = 'draft' | 'submitted' | 'published' | 'superseded' | 'retired' | 'withdrawn'

export interface KnowledgeEntryTable {
  id: Generated<string>
  regionCode: string
  level: KnowledgeLevel
  orgId: string
  status: KnowledgeStatus
  workingStatus: WorkingStatus | null
  publishedRevisionId: string | null
  workingRevisionId: string | null
  /** What a list shows: the published revision, else the one being worked on, else the last one retired. */
  shownRevisionId: string | null
  version: Generated<number>
  /** The shown and the working revision's words, for the editors' search. */
  search: ColumnType<string, string | undefined, string>
  createdAt: Instant
  createdBy: string
  updatedAt: Instant
  retiredAt: Instant | null
  retireReason: string | null
}

export interface KnowledgeRevisionTable {
  id: Generated<string>
  entryId: string
  /** The entry's region, copied so that suggestions need not join the entries. */
  regionCode: string
  number: number
  status: RevisionStatus
  title: string
  body: string
  categoryKey: string | null
  catalogItemId: string | null
  keywords: ColumnType<string[], string[] | undefined, string[]>
  /** An Asia/Shanghai date: the last day the answer may be given. */
  validUntil: string
  search: ColumnType<string, string | undefined, string>
  contributors: ColumnType<string[], string[] | undefined, string[]>
  createdAt: Instant
  createdBy: string
  updatedAt: Instant
  updatedBy: string
  submittedAt: Instant | null
  submittedBy: string | null
  reviewedAt: Instant | null
  reviewedBy: string | null
  reviewComment: string | null
  publishedAt: Instant | null
  retiredAt: Instant | null
}

/** The knowledge base's tables (热线百科). */
export interface KnowledgeTables {
  'hotline.knowledgeEntry': KnowledgeEntryTable
  'hotline.knowledgeRevision': KnowledgeRevisionTable
}
