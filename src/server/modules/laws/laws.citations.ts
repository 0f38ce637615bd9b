import type { Executor } from '../../platform/db/database'
import { AppError } from '../../platform/errors'

/** A cited article as other modules see it: where it is, what it says now, and whether it is in force. */
export interface CitedArticle {
  lawId: string
  lawTitle: string
  lawKind: string
  docNumber: string | null
  articleId: string
  label: string
  text: string
  inForce: boolean
}

/**
 * The cited articles, in the order asked, or a clear error naming the first citation that does not
 * exist (an unknown law, or an article that is not of that law). `field` says where, as
 * `legalBasis/<index>`, so a form can point at it.
 */
export async function resolveCitations(db: Executor, citations: readonly { lawId: string; articleId: string }[], on: string): Promise<CitedArticle[]> {
  if (citations.length === 0) return []
  const found = await citedArticles(db, [...new Set(citations.map((c) => c.articleId))], on)
  const byId = new Map(found.map((a) => [a.articleId, a]))
  const lawIds = new Set((await db.selectFrom('laws.law').select('id').where('id', 'in', [...new Set(citations.map((c) => c.lawId))]).execute()).map((l) => l.id))
  return citations.map((citation, index) => {
    const article = byId.get(citation.articleId)
    if (article && article.lawId === citation.lawId) return article
    const field = `legalBasis/${index}`
    if (!lawIds.has(citation.lawId)) {
      throw new AppError('invalid', 'law_not_found', { zh: '引用的法律法规不存在', en: 'The cited law does not exist' }, { field, lawId: citation.lawId })
    }
    throw new AppError('invalid', 'article_not_found', { zh: '引用的条款不存在或不属于该法律法规', en: 'The cited article does not exist in that law' }, { field, articleId: citation.articleId })
  })
}

/** The given articles as of a day (YYYY-MM-DD): the text then in force, and whether the article still stands. */
export async function citedArticles(db: Executor, articleIds: readonly string[], on: string): Promise<CitedArticle[]> {
  if (articleIds.length === 0) return []
  const rows = await db
    .selectFrom('laws.article as a')
    .innerJoin('laws.law as l', 'l.id', 'a.lawId')
    .leftJoin('laws.articleVersion as v', (join) =>
      join
        .onRef('v.articleId', '=', 'a.id')
        .on('v.effectiveFrom', '<=', on)
        .on((eb) => eb.or([eb('v.effectiveTo', 'is', null), eb('v.effectiveTo', '>', on)])),
    )
    .select(['a.id as articleId', 'a.lawId', 'a.label', 'a.removedOn', 'l.title as lawTitle', 'l.kind as lawKind', 'l.docNumber', 'l.repealedOn', 'v.text'])
    .where('a.id', 'in', articleIds)
    .execute()
  return rows.map((r) => ({
    lawId: r.lawId,
    lawTitle: r.lawTitle,
    lawKind: r.lawKind,
    docNumber: r.docNumber,
    articleId: r.articleId,
    label: r.label,
    text: r.text ?? '',
    inForce: (r.repealedOn === null || r.repealedOn > on) && (r.removedOn === null || r.removedOn > on),
  }))
}

