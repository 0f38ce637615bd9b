import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { Elements, ItemKind } from './catalog.schemas'

type Instant = ColumnType<Date, Date | string, Date | string>
type Json<T extends object | null> = JSONColumnType<T, string, string>

export type CatalogLevel = 'national' | 'province' | 'city' | 'county'
export type VersionStatus = 'draft' | 'published' | 'retired'
export type ReviewReason = 'parent_changed' | 'basis_changed' | 'basis_repealed'

export interface ItemTable {
  id: Generated<string>
  kind: ItemKind
  basicCode: string
  name: string
  createdAt: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ImplementationTable {
  id: Generated<string>
  itemId: string
  regionCode: string
  level: CatalogLevel
  parentId: string | null
  orgId: string | null
  implementationCode: string
  currentVersionId: string | null
  name: string
  kind: ItemKind
  themes: ColumnType<string[], string[] | undefined, string[]>
  lifeEvents: ColumnType<string[], string[] | undefined, string[]>
  provinceWide: Generated<boolean>
  crossProvince: Generated<boolean>
  search: ColumnType<string, string | undefined, string>
  claimedAt: Instant
}

export interface ItemVersionTable {
  id: Generated<string>
  implementationId: string
  number: number
  status: VersionStatus
  parentVersionId: string | null
  /** All elements for a national entry; only the overrides for a claimed one. */
  elements: Json<Partial<Elements>>
  /** Parent + overrides: what a citizen, a case and the search see. */
  effective: Json<Elements>
  note: Generated<string>
  createdAt: Instant
  createdBy: string
  publishedAt: Instant | null
  retiredAt: Instant | null
}

export interface CitationTable {
  versionId: string
  lawId: string
  articleId: string
}

export interface ReviewTaskTable {
  id: Generated<string>
  implementationId: string
  versionId: string
  regionCode: string
  orgId: string | null
  reason: ReviewReason
  lawChangeId: string | null
  parentVersionId: string | null
  detail: ColumnType<Record<string, unknown>, string | undefined, string>
  status: Generated<'open' | 'resolved'>
  resolution: string | null
  createdAt: Instant
  resolvedAt: Instant | null
  resolvedBy: string | null
}

export interface CatalogTables {
  'catalog.item': ItemTable
  'catalog.implementation': ImplementationTable
  'catalog.itemVersion': ItemVersionTable
  'catalog.citation': CitationTable
  'catalog.reviewTask': ReviewTaskTable
}
