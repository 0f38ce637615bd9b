import { AppError } from '../../platform/errors'
import { articleLabel, MAX_ARTICLE_ORDINAL } from './laws.labels'
import type { ArticleEffect } from './laws.tables'

/** Where a law stands on a day: not yet in force, in force, or repealed. */
export type LawStatus = 'in_force' | 'not_yet' | 'repealed'

export function lawStatus(law: { effectiveOn: string; repealedOn: string | null }, day: string): LawStatus {
  if (law.repealedOn !== null && law.repealedOn <= day) return 'repealed'
  return law.effectiveOn <= day ? 'in_force' : 'not_yet'
}

/** An initial article: its text, and where the law is stored as an excerpt, its real ordinal. */
export type ArticleInput = string | { ordinal?: number; text: string }

/**
 * The ordinals of a new law's articles: 1..n, or the given ones where an excerpt keeps the real
 * numbering (第三十五条 stays article 35); an article without one follows the one before it.
 */
export function numberArticles(articles: readonly ArticleInput[]): { ordinal: number; label: string; text: string }[] {
  let previous = 0
  return articles.map((article, index) => {
    const { ordinal: given, text } = typeof article === 'string' ? { ordinal: undefined, text: article } : article
    const ordinal = given ?? previous + 1
    if (!Number.isInteger(ordinal) || ordinal <= previous || ordinal > MAX_ARTICLE_ORDINAL) {
      throw new AppError(
        'invalid',
        'article_ordinals_invalid',
        { zh: `条文序号必须从 1 起递增且不超过 ${MAX_ARTICLE_ORDINAL}`, en: `Article numbers must increase from 1 and stay within ${MAX_ARTICLE_ORDINAL}` },
        { field: `articles/${index}` },
      )
    }
    previous = ordinal
    return { ordinal, label: articleLabel(ordinal), text: text.trim() }
  })
}

/** An article in force when a change is recorded, with the text of its open version. */
export interface CurrentArticle {
  id: string
  ordinal: number
  label: string
  text: string
  /** When its open version took effect. */
  effectiveFrom: string
}

export type Amendment = { op: 'change'; articleId: string; text: string } | { op: 'add'; after: string | null; text: string } | { op: 'remove'; articleId: string }

/** What a change does to one article; every touched article appears once, with its strongest effect. */
export interface PlannedArticle {
  articleId: string
  effect: ArticleEffect
  /** The ordinal after the change; null once removed. */
  ordinal: number | null
  label: string
  /** The label before the change, when the change moved or removed the article. */
  oldLabel: string | null
  /** The new text of a changed or added article. */
  text: string | null
  note: string
}

export const articleNotFound = (field: string, articleId: string) =>
  new AppError('invalid', 'article_not_found', { zh: '条文不存在、已删除或不属于该法律法规', en: 'The article does not exist, was removed, or is not of this law' }, { field, articleId })

const amendmentConflict = (field: string) =>
  new AppError('invalid', 'amendment_conflict', { zh: '同一条文在一次修改中只能修改或删除一次', en: 'An article can be changed or removed only once in one change' }, { field })

/**
 * Applies the amendments in order to the law's articles. An added article goes right after its
 * anchor (or after the articles already added there, so several additions keep their order) and
 * every later article moves up by one; a removed article leaves and every later one moves down.
 * Ids stay with their articles, so citations follow a renumbering.
 */
export function planAmendment(articles: readonly CurrentArticle[], amendments: readonly Amendment[], effectiveOn: string, newId: () => string): PlannedArticle[] {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const ordinalOf = new Map(articles.map((a) => [a.id, a.ordinal]))
  const changed = new Map<string, string>()
  const added = new Map<string, string>()
  const removed = new Set<string>()
  const lastAddedAfter = new Map<string | null, string>()
  const shift = (from: number, by: 1 | -1) => {
    for (const [id, ordinal] of ordinalOf) if (ordinal >= from) ordinalOf.set(id, ordinal + by)
  }

  amendments.forEach((amendment, index) => {
    const field = `amendments/${index}`
    if (amendment.op === 'add') {
      const anchor = amendment.after
      if (anchor !== null && !ordinalOf.has(anchor)) throw byId.has(anchor) ? amendmentConflict(`${field}/after`) : articleNotFound(`${field}/after`, anchor)
      const runEnd = lastAddedAfter.get(anchor) ?? anchor
      const ordinal = (runEnd === null ? 0 : ordinalOf.get(runEnd)!) + 1
      shift(ordinal, 1)
      const id = newId()
      ordinalOf.set(id, ordinal)
      added.set(id, amendment.text.trim())
      lastAddedAfter.set(anchor, id)
      return
    }
    const article = byId.get(amendment.articleId)
    if (!article) throw articleNotFound(`${field}/articleId`, amendment.articleId)
    if (changed.has(article.id) || removed.has(article.id)) throw amendmentConflict(`${field}/articleId`)
    if (amendment.op === 'change') {
      const text = amendment.text.trim()
      if (text === article.text) {
        throw new AppError('invalid', 'article_text_unchanged', { zh: '修改后的条文与现行条文相同', en: 'The new text is the same as the text in force' }, { field: `${field}/text` })
      }
      // A second version starting the day the first did would leave the first one never in force.
      if (article.effectiveFrom >= effectiveOn) {
        throw new AppError(
          'conflict',
          'article_changed_same_day',
          { zh: `${article.label}已有自 ${article.effectiveFrom} 起施行的文本`, en: `${article.label} already has a text taking effect on ${article.effectiveFrom}` },
          { field: `${field}/articleId` },
        )
      }
      changed.set(article.id, text)
      return
    }
    const ordinal = ordinalOf.get(article.id)!
    ordinalOf.delete(article.id)
    removed.add(article.id)
    shift(ordinal + 1, -1)
  })

  const planned: PlannedArticle[] = []
  for (const article of articles) {
    const ordinal = ordinalOf.get(article.id) ?? null
    const effect: ArticleEffect | null = removed.has(article.id) ? 'removed' : changed.has(article.id) ? 'changed' : ordinal !== article.ordinal ? 'renumbered' : null
    if (effect === null) continue
    const label = ordinal === null ? article.label : articleLabel(ordinal)
    const oldLabel = effect === 'removed' || label !== article.label ? article.label : null
    planned.push({ articleId: article.id, effect, ordinal, label, oldLabel, text: changed.get(article.id) ?? null, note: '' })
  }
  for (const [id, text] of added) {
    const ordinal = ordinalOf.get(id)!
    planned.push({ articleId: id, effect: 'added', ordinal, label: articleLabel(ordinal), oldLabel: null, text, note: '' })
  }
  const oldOrdinal = new Map(articles.map((a) => [a.id, a.ordinal]))
  return inReadingOrder(planned, (p) => p.ordinal, (p) => oldOrdinal.get(p.articleId) ?? null)
}

/**
 * Orders the articles of a change as the amended law reads, each removed article where it stood:
 * just before the first standing article that followed it.
 */
export function inReadingOrder<T extends { effect: ArticleEffect }>(items: readonly T[], ordinalAfter: (item: T) => number | null, ordinalBefore: (item: T) => number | null): T[] {
  const standing = items.filter((i) => i.effect !== 'removed').sort((a, b) => (ordinalAfter(a) ?? 0) - (ordinalAfter(b) ?? 0))
  const removed = items.filter((i) => i.effect === 'removed').sort((a, b) => (ordinalBefore(a) ?? 0) - (ordinalBefore(b) ?? 0))
  const ordered: T[] = []
  let next = 0
  for (const item of standing) {
    const before = ordinalBefore(item)
    while (before !== null && next < removed.length && (ordinalBefore(removed[next]!) ?? 0) < before) ordered.push(removed[next++]!)
    ordered.push(item)
  }
  return [...ordered, ...removed.slice(next)]
}

/** A repeal touches every article still standing. */
export function planRepeal(articles: readonly CurrentArticle[]): PlannedArticle[] {
  return articles.map((a) => ({ articleId: a.id, effect: 'repealed', ordinal: a.ordinal, label: a.label, oldLabel: null, text: null, note: '' }))
}

/** An interpretation records a note on each article it interprets; the texts do not change. */
export function planInterpretation(articles: readonly CurrentArticle[], interpretations: readonly { articleId: string; note: string }[]): PlannedArticle[] {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const seen = new Set<string>()
  return interpretations.map((interpretation, index) => {
    const field = `interpretations/${index}/articleId`
    const article = byId.get(interpretation.articleId)
    if (!article) throw articleNotFound(field, interpretation.articleId)
    if (seen.has(article.id)) {
      throw new AppError('invalid', 'interpretation_duplicate', { zh: '同一条文在一次解释中只能出现一次', en: 'An article can appear only once in one interpretation' }, { field })
    }
    seen.add(article.id)
    return { articleId: article.id, effect: 'interpreted', ordinal: article.ordinal, label: article.label, oldLabel: null, text: null, note: interpretation.note.trim() }
  })
}
