import { randomUUID } from 'node:crypto'
import { actorName, requireAccess, type Target } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { isValidDay, shanghaiDay } from '../../platform/calendar/calendar'
import type { Executor, Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { requireRegion } from '../../platform/regions/regions.service'
import { tsqueryOf, tsvectorOf } from '../../platform/search/text'
import { LAW_CHANGED, type LawChangedEvent } from './laws.events'
import { articleOrdinal } from './laws.labels'
import {
  articlesOn,
  articleVersions,
  anyLaw,
  changeArticles,
  changesOfLaw,
  closeOpenVersions,
  currentArticles,
  findArticle,
  findChange,
  findLaw,
  findLawByTitle,
  insertArticles,
  insertChange,
  insertChangeArticles,
  insertLaw,
  insertVersions,
  latestChangeDay,
  lockLaw,
  removeArticles,
  renumberArticles,
  searchLaws,
  setLawRepealed,
  standingArticleIds,
  updateLawSearch,
  type ChangeArticleRow,
  type ChangeRecord,
  type LawRecord,
} from './laws.repository'
import { inReadingOrder, lawStatus, numberArticles, planAmendment, planInterpretation, planRepeal, type Amendment, type ArticleInput, type CurrentArticle, type PlannedArticle } from './laws.rules'
import type { ArticleHistory, ChangedArticle, LawChangeDetail, LawChangeSummary, LawDetail, LawSummary } from './laws.schemas'
import type { LawKind } from './laws.tables'

export const lawNotFound = () => new AppError('not_found', 'law_not_found', { zh: '法律法规不存在', en: 'Law not found' })
const changeNotFound = () => new AppError('not_found', 'law_change_not_found', { zh: '立改废释记录不存在', en: 'Law change not found' })

function today(deps: Pick<PlatformDeps, 'clock'>): string {
  return shanghaiDay(deps.clock.now())
}

/** Laws are province-wide reference data; a local law is edited within its own region. */
function editTarget(deps: Pick<PlatformDeps, 'homeProvince'>, law: { regionCode?: string | null }): Target {
  return { regionCode: law.regionCode ?? deps.homeProvince }
}

function requireDay(day: string, field: string): void {
  if (!isValidDay(day)) throw new AppError('invalid', 'day_invalid', { zh: `日期 ${day} 不正确`, en: `Invalid date ${day}` }, { field })
}

function summaryOf(law: LawRecord, articleCount: number, day: string): LawSummary {
  return { ...law, status: lawStatus(law, day), articleCount }
}

export async function listLaws(
  deps: PlatformDeps,
  ctx: RequestContext,
  query: { q?: string; kind?: LawKind; page: number; pageSize: number },
): Promise<{ items: LawSummary[]; total: number }> {
  requireAccess(ctx.actor, 'law.read')
  const text = query.q?.trim()
  const { rows, total } = await searchLaws(deps.db, {
    search: text ? { query: tsqueryOf(text), text } : undefined,
    kind: query.kind,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  })
  const day = today(deps)
  return { items: rows.map(({ articleCount, ...law }) => summaryOf(law, articleCount, day)), total }
}

function presentChange(c: ChangeRecord & { articleCount: number }): LawChangeSummary {
  return {
    id: c.id,
    lawId: c.lawId,
    kind: c.kind,
    title: c.title,
    docNumber: c.docNumber,
    decidedOn: c.decidedOn,
    effectiveOn: c.effectiveOn,
    summary: c.summary,
    recordedAt: c.recordedAt.toISOString(),
    recordedBy: c.recordedBy,
    articleCount: c.articleCount,
  }
}

/**
 * A law as it read on a day. Before the law takes effect it is shown as it will first take
 * effect, its articles not yet in force.
 */
async function lawOn(db: Executor, law: LawRecord, on: string): Promise<LawDetail> {
  const asOf = on < law.effectiveOn ? law.effectiveOn : on
  const inForce = lawStatus(law, on) === 'in_force'
  const [articles, changes, standing] = await Promise.all([articlesOn(db, law.id, asOf), changesOfLaw(db, law.id), standingArticleIds(db, law.id)])
  return {
    ...summaryOf(law, standing.length, on),
    on,
    articles: articles.map((a) => ({ ...a, ordinal: articleOrdinal(a.label) ?? 0, inForce })).sort((a, b) => a.ordinal - b.ordinal),
    changes: changes.map(presentChange),
  }
}

export async function getLaw(deps: PlatformDeps, ctx: RequestContext, id: string, on?: string): Promise<LawDetail> {
  requireAccess(ctx.actor, 'law.read')
  const day = on ?? today(deps)
  requireDay(day, 'on')
  const law = await findLaw(deps.db, id)
  if (!law) throw lawNotFound()
  return lawOn(deps.db, law, day)
}

export interface NewLaw {
  title: string
  kind: LawKind
  issuer: string
  docNumber?: string | null
  regionCode?: string | null
  promulgatedOn: string
  effectiveOn: string
  articles: readonly ArticleInput[]
}

function requireLawDates(input: { promulgatedOn: string; effectiveOn: string }): void {
  requireDay(input.promulgatedOn, 'promulgatedOn')
  requireDay(input.effectiveOn, 'effectiveOn')
  if (input.effectiveOn < input.promulgatedOn) {
    throw new AppError('invalid', 'law_dates_invalid', { zh: '施行日期不能早于公布日期', en: 'A law cannot take effect before it is promulgated' }, { field: 'effectiveOn' })
  }
}

function requireText(value: string, field: string): string {
  const text = value.trim()
  if (!text) throw new AppError('invalid', 'text_required', { zh: '内容不能为空', en: 'This cannot be empty' }, { field })
  return text
}

const lawExists = (title: string, issuer: string) =>
  new AppError('conflict', 'law_exists', { zh: `${issuer}的《${title}》已在法规库中`, en: `${title} by ${issuer} is already in the library` })

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505'
}

function searchVector(law: { title: string; issuer: string; docNumber: string | null }, texts: readonly string[]) {
  return tsvectorOf({ a: [law.title], b: [law.issuer, law.docNumber, ...texts] })
}

/**
 * Adds a law with its articles as enacted: an 'enact' change records them, and LAW_CHANGED is
 * published with every article added.
 */
export async function createLaw(deps: PlatformDeps, ctx: RequestContext, input: NewLaw): Promise<LawDetail> {
  const target = editTarget(deps, input)
  requireAccess(ctx.actor, 'law.edit', target)
  const title = requireText(input.title, 'title')
  const issuer = requireText(input.issuer, 'issuer')
  const docNumber = input.docNumber?.trim() || null
  requireLawDates(input)
  const articles = numberArticles(input.articles).map((a) => ({ ...a, id: randomUUID() }))
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (input.regionCode) await requireRegion(trx, input.regionCode)
      if (await findLawByTitle(trx, title, issuer)) throw lawExists(title, issuer)
      const values = { title, kind: input.kind, issuer, docNumber, regionCode: input.regionCode ?? null, promulgatedOn: input.promulgatedOn, effectiveOn: input.effectiveOn }
      const law = await insertLaw(trx, { ...values, search: searchVector(values, articles.map((a) => a.text)) })
      const change = await insertChange(trx, {
        lawId: law.id,
        kind: 'enact',
        title,
        docNumber,
        decidedOn: law.promulgatedOn,
        effectiveOn: law.effectiveOn,
        summary: '',
        recordedAt: deps.clock.now(),
        recordedBy: actorName(ctx.actor),
      })
      const planned: PlannedArticle[] = articles.map((a) => ({ articleId: a.id, effect: 'added', ordinal: a.ordinal, label: a.label, oldLabel: null, text: a.text, note: '' }))
      await applyPlan(trx, law, change, planned)
      await recordAudit(trx, auditContext(deps, ctx), { action: 'law.create', targetType: 'law', targetId: law.id, regionCode: target.regionCode, detail: { title, kind: law.kind, articles: articles.length } })
      await publishChange(trx, deps, ctx, law, change, planned)
      return lawOn(trx, law, today(deps))
    })
  } catch (error) {
    // Two editors adding the same law at once: the unique (title, issuer) decides, as the check above would have.
    if (isUniqueViolation(error)) throw lawExists(title, issuer)
    throw error
  }
}

export interface NewLawChange {
  kind: 'amend' | 'repeal' | 'interpret'
  title: string
  docNumber?: string | null
  decidedOn: string
  effectiveOn: string
  summary?: string
  amendments?: readonly Amendment[]
  interpretations?: readonly { articleId: string; note: string }[]
}

const lawRepealed = (law: LawRecord) =>
  new AppError('conflict', 'law_repealed', { zh: `《${law.title}》已于 ${law.repealedOn} 废止`, en: `${law.title} was repealed on ${law.repealedOn}` })

function requireChangeDates(input: NewLawChange): void {
  requireDay(input.decidedOn, 'decidedOn')
  requireDay(input.effectiveOn, 'effectiveOn')
  if (input.effectiveOn < input.decidedOn) {
    throw new AppError('invalid', 'change_dates_invalid', { zh: '施行日期不能早于通过日期', en: 'A change cannot take effect before it is decided' }, { field: 'effectiveOn' })
  }
}

/** Changes are recorded in the order they take effect; an earlier one recorded late would rewrite texts already superseded. */
async function requireInOrder(db: Executor, law: LawRecord, effectiveOn: string): Promise<void> {
  const latest = await latestChangeDay(db, law.id)
  if (latest !== null && effectiveOn < latest) {
    throw new AppError(
      'conflict',
      'change_out_of_order',
      { zh: `该法规已有自 ${latest} 起施行的修改，新的修改不能早于该日施行`, en: `A change to this law already takes effect on ${latest}; a new one cannot take effect earlier` },
      { field: 'effectiveOn' },
    )
  }
}

function requireList<T>(list: readonly T[] | undefined, field: string, kind: string): readonly T[] {
  if (!list || list.length === 0) {
    throw new AppError('invalid', `${field}_required`, { zh: `${kind}须列明所涉条文`, en: `A change of kind ${kind} must list its articles` }, { field })
  }
  return list
}

function forbidList(list: readonly unknown[] | undefined, field: string): void {
  if (list && list.length > 0) {
    throw new AppError('invalid', 'change_body_mismatch', { zh: '该类修改不能包含此项内容', en: `This kind of change takes no ${field}` }, { field })
  }
}

/** What the change does to each article, by its kind. */
function planChange(articles: readonly CurrentArticle[], input: NewLawChange): PlannedArticle[] {
  switch (input.kind) {
    case 'amend':
      forbidList(input.interpretations, 'interpretations')
      return planAmendment(articles, requireList(input.amendments, 'amendments', '修改'), input.effectiveOn, randomUUID)
    case 'repeal':
      forbidList(input.amendments, 'amendments')
      forbidList(input.interpretations, 'interpretations')
      return planRepeal(articles)
    case 'interpret':
      forbidList(input.amendments, 'amendments')
      return planInterpretation(articles, requireList(input.interpretations, 'interpretations', '解释'))
  }
}

/**
 * Records an amendment, repeal or interpretation of a law in one transaction: the new article
 * versions and numbering, one change_article row per touched article, the audit entry, and the
 * LAW_CHANGED event for the catalogue to review what cites those articles.
 */
export async function recordLawChange(deps: PlatformDeps, ctx: RequestContext, lawId: string, input: NewLawChange): Promise<LawChangeDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const law = await lockLaw(trx, lawId)
    if (!law) throw lawNotFound()
    const target = editTarget(deps, law)
    requireAccess(ctx.actor, 'law.edit', target)
    const title = requireText(input.title, 'title')
    requireChangeDates(input)
    if (law.repealedOn !== null && input.kind !== 'interpret') throw lawRepealed(law)
    await requireInOrder(trx, law, input.effectiveOn)
    const planned = planChange(await currentArticles(trx, law.id), input)
    const change = await insertChange(trx, {
      lawId: law.id,
      kind: input.kind,
      title,
      docNumber: input.docNumber?.trim() || null,
      decidedOn: input.decidedOn,
      effectiveOn: input.effectiveOn,
      summary: input.summary?.trim() ?? '',
      recordedAt: deps.clock.now(),
      recordedBy: actorName(ctx.actor),
    })
    await applyPlan(trx, law, change, planned)
    if (input.kind === 'repeal') await setLawRepealed(trx, law.id, input.effectiveOn)
    if (input.kind === 'amend') await updateLawSearch(trx, law.id, searchVector(law, (await currentArticles(trx, law.id)).map((a) => a.text)))
    await recordAudit(trx, auditContext(deps, ctx), {
      action: 'law.change',
      targetType: 'law',
      targetId: law.id,
      regionCode: target.regionCode,
      detail: { changeId: change.id, kind: change.kind, title, effectiveOn: change.effectiveOn, articles: planned.length },
    })
    await publishChange(trx, deps, ctx, law, change, planned)
    return changeDetail(trx, change.id)
  })
}

/** Writes what a change does to its articles: new articles and versions, closed versions, numbering, removals, and the change's article rows. */
async function applyPlan(trx: Tx, law: LawRecord, change: ChangeRecord, planned: readonly PlannedArticle[]): Promise<void> {
  const withEffect = (...effects: PlannedArticle['effect'][]) => planned.filter((p) => effects.includes(p.effect))
  const on = change.effectiveOn
  await closeOpenVersions(trx, withEffect('changed').map((p) => p.articleId), on)
  await insertArticles(trx, withEffect('added').map((p) => ({ id: p.articleId, lawId: law.id, ordinal: p.ordinal!, label: p.label })))
  await insertVersions(trx, withEffect('added', 'changed').map((p) => ({ articleId: p.articleId, text: p.text!, effectiveFrom: on, changeId: change.id })))
  // A label changes exactly when the ordinal does; removed articles keep theirs.
  await renumberArticles(trx, withEffect('changed', 'renumbered').filter((p) => p.oldLabel !== null).map((p) => ({ id: p.articleId, ordinal: p.ordinal!, label: p.label })))
  await removeArticles(trx, withEffect('removed').map((p) => p.articleId), on)
  await insertChangeArticles(trx, planned.map((p) => ({ changeId: change.id, articleId: p.articleId, effect: p.effect, oldLabel: p.oldLabel, note: p.note })))
}

async function publishChange(trx: Tx, deps: PlatformDeps, ctx: RequestContext, law: LawRecord, change: ChangeRecord, planned: readonly PlannedArticle[]): Promise<void> {
  const event: LawChangedEvent = {
    changeId: change.id,
    lawId: law.id,
    lawTitle: law.title,
    kind: change.kind,
    title: change.title,
    effectiveOn: change.effectiveOn,
    articles: planned.map((p) => ({ articleId: p.articleId, effect: p.effect, label: p.label, oldLabel: p.oldLabel })),
  }
  await deps.events.publish(trx, deps, ctx, LAW_CHANGED, event)
}

function presentChangedArticle(row: ChangeArticleRow): ChangedArticle {
  const { effect } = row
  const oldText = effect === 'added' ? null : row.priorText
  const newText = effect === 'added' || effect === 'changed' ? row.newVersionText : effect === 'removed' || effect === 'repealed' ? null : row.priorText
  return { articleId: row.articleId, effect, label: row.label, oldLabel: row.oldLabel, oldText, newText, note: row.note }
}

async function changeDetail(db: Executor, changeId: string): Promise<LawChangeDetail> {
  const change = await findChange(db, changeId)
  if (!change) throw changeNotFound()
  const rows = await changeArticles(db, change)
  const articles = inReadingOrder(
    rows,
    (r) => articleOrdinal(r.label),
    (r) => (r.effect === 'added' ? null : articleOrdinal(r.oldLabel ?? r.label)),
  ).map(presentChangedArticle)
  return { ...presentChange({ ...change, articleCount: articles.length }), lawTitle: change.lawTitle, articles }
}

export async function getLawChange(deps: PlatformDeps, ctx: RequestContext, changeId: string): Promise<LawChangeDetail> {
  requireAccess(ctx.actor, 'law.read')
  return changeDetail(deps.db, changeId)
}

/** Every text an article has had, oldest first, with the change that brought each. */
export async function getArticleHistory(deps: PlatformDeps, ctx: RequestContext, lawId: string, articleId: string): Promise<ArticleHistory> {
  requireAccess(ctx.actor, 'law.read')
  const article = await findArticle(deps.db, articleId)
  if (!article || article.lawId !== lawId) {
    if (!(await findLaw(deps.db, lawId))) throw lawNotFound()
    throw new AppError('not_found', 'article_not_found', { zh: '条文不存在或不属于该法律法规', en: 'The article does not exist in that law' })
  }
  const versions = await articleVersions(deps.db, articleId)
  return { articleId, lawId, label: article.label, ordinal: article.ordinal, removedOn: article.removedOn, versions }
}

/** Whether the library holds any law yet (the demo seed fills only an empty one). */
export async function anyLawExists(db: Executor): Promise<boolean> {
  return anyLaw(db)
}

/** A law found by title and issuer, with the ids of its standing articles by ordinal: what seed data cites. */
export async function lawArticleIndex(db: Executor, title: string, issuer: string): Promise<{ lawId: string; articles: Record<number, string> } | undefined> {
  const law = await findLawByTitle(db, title, issuer)
  if (!law) return undefined
  const articles = await standingArticleIds(db, law.id)
  return { lawId: law.id, articles: Object.fromEntries(articles.map((a) => [a.ordinal, a.id])) }
}
