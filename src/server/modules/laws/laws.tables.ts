import type { ColumnType, Generated } from 'kysely'

type Instant = ColumnType<Date, Date | string, Date | string>

export type LawKind = 'law' | 'administrative_regulation' | 'local_regulation' | 'department_rule' | 'local_government_rule' | 'normative_document'
export type LawChangeKind = 'enact' | 'amend' | 'repeal' | 'interpret'
export type ArticleEffect = 'added' | 'changed' | 'removed' | 'renumbered' | 'interpreted' | 'repealed'

export interface LawTable {
  id: Generated<string>
  title: string
  kind: LawKind
  issuer: string
  docNumber: string | null
  regionCode: string | null
  promulgatedOn: string
  effectiveOn: string
  repealedOn: string | null
  search: ColumnType<string, string | undefined, string>
  createdAt: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ArticleTable {
  id: Generated<string>
  lawId: string
  ordinal: number | null
  label: string
  removedOn: string | null
}

export interface ArticleVersionTable {
  id: Generated<string>
  articleId: string
  text: string
  effectiveFrom: string
  effectiveTo: string | null
  changeId: string | null
}

export interface LawChangeTable {
  id: Generated<string>
  lawId: string
  kind: LawChangeKind
  title: string
  docNumber: string | null
  decidedOn: string
  effectiveOn: string
  summary: Generated<string>
  recordedAt: Instant
  recordedBy: string
}

export interface ChangeArticleTable {
  changeId: string
  articleId: string
  effect: ArticleEffect
  oldLabel: string | null
  note: Generated<string>
}

export interface LawsTables {
  'laws.law': LawTable
  'laws.article': ArticleTable
  'laws.articleVersion': ArticleVersionTable
  'laws.change': LawChangeTable
  'laws.changeArticle': ChangeArticleTable
}
