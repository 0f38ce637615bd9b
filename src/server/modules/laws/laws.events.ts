import type { ArticleEffect, LawChangeKind } from './laws.tables'

/** Published, in the transaction that records it, for every law change (立改废释). */
export const LAW_CHANGED = 'laws.changed'

export interface LawChangedEvent {
  changeId: string
  lawId: string
  lawTitle: string
  kind: LawChangeKind
  title: string
  effectiveOn: string
  /** Every article the change touched, with what happened to it (an added article is cited by nothing yet). */
  articles: { articleId: string; effect: ArticleEffect; label: string; oldLabel: string | null }[]
}
