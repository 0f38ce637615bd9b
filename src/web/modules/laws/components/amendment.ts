import { AppError } from '../../../../server/platform/errors'
import { planAmendment, type CurrentArticle } from '../../../../server/modules/laws/laws.rules'
import type { Amendment, LawArticle } from '../api'
import type { DiffRow } from './ChangeDiffList'

/** What the editor has done to a law's articles in the change wizard. */
export interface AmendmentDraft {
  /** New texts of changed articles, by article id. */
  edits: Record<string, string>
  /** Ids of removed articles. */
  removed: string[]
  /** New articles, each after an existing article (null: before the first), in the order they read. */
  additions: { key: string; after: string | null; text: string }[]
}

export const emptyDraft: AmendmentDraft = { edits: {}, removed: [], additions: [] }

/**
 * The amendments the server takes, in an order it can apply: changes, then additions (whose
 * anchors still stand), then removals.
 */
export function amendmentsOf(draft: AmendmentDraft): Amendment[] {
  return [
    ...Object.entries(draft.edits)
      .filter(([id]) => !draft.removed.includes(id))
      .map(([articleId, text]): Amendment => ({ op: 'change', articleId, text: text.trim() })),
    ...draft.additions.map((a): Amendment => ({ op: 'add', after: a.after, text: a.text.trim() })),
    ...draft.removed.map((articleId): Amendment => ({ op: 'remove', articleId })),
  ]
}

export type Preview = { ok: true; rows: DiffRow[] } | { ok: false; error: { zh: string; en: string }; field?: string }

/**
 * The amended law as the server will number it: the same rules (laws.rules.ts) run here, so that
 * the editor reviews the real new labels, and a mistake the server would refuse shows before sending.
 */
export function previewAmendment(articles: LawArticle[], amendments: Amendment[], effectiveOn: string): Preview {
  // The open version's start date is not known here; the server checks a same-day change itself.
  const current: CurrentArticle[] = articles.map((a) => ({ id: a.id, ordinal: a.ordinal, label: a.label, text: a.text, effectiveFrom: '0000-01-01' }))
  const byId = new Map(articles.map((a) => [a.id, a]))
  let next = 0
  try {
    const planned = planAmendment(current, amendments, effectiveOn, () => `new-${next++}`)
    return {
      ok: true,
      rows: planned.map((p) => {
        const before = byId.get(p.articleId)
        return {
          key: p.articleId,
          effect: p.effect,
          label: p.label,
          oldLabel: p.oldLabel,
          oldText: before?.text ?? null,
          newText: p.effect === 'removed' ? null : (p.text ?? before?.text ?? null),
        }
      }),
    }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.text, field: typeof error.details?.field === 'string' ? error.details.field : undefined }
    throw error
  }
}
