import { sql, type RawBuilder } from 'kysely'
import type { Executor, Tx } from '../../platform/db/database'
import { escapeLike } from '../../platform/db/like'
import type { CurrentArticle } from './laws.rules'
import type { ArticleEffect, LawChangeKind, LawKind } from './laws.tables'

export interface LawRecord {
  id: string
  title: string
  kind: LawKind
  issuer: string
  docNumber: string | null
  regionCode: string | null
  promulgatedOn: string
  effectiveOn: string
  repealedOn: string | null
}

const lawColumns = ['l.id', 'l.title', 'l.kind', 'l.issuer', 'l.docNumber', 'l.regionCode', 'l.promulgatedOn', 'l.effectiveOn', 'l.repealedOn'] as const

export async function findLaw(db: Executor, id: string): Promise<LawRecord | undefined> {
  return db.selectFrom('laws.law as l').select(lawColumns).where('l.id', '=', id).executeTakeFirst()
}

/** The law, locked until the transaction ends, so that two changes to it are recorded one after the other. */
export async function lockLaw(trx: Tx, id: string): Promise<LawRecord | undefined> {
  return trx.selectFrom('laws.law as l').select(lawColumns).where('l.id', '=', id).forUpdate().executeTakeFirst()
}

export async function findLawByTitle(db: Executor, title: string, issuer: string): Promise<LawRecord | undefined> {
  return db.selectFrom('laws.law as l').select(lawColumns).where('l.title', '=', title).where('l.issuer', '=', issuer).executeTakeFirst()
}

export async function anyLaw(db: Executor): Promise<boolean> {
  return (await db.selectFrom('laws.law').select('id').limit(1).executeTakeFirst()) !== undefined
}

export async function insertLaw(trx: Tx, values: Omit<LawRecord, 'id' | 'repealedOn'> & { search: RawBuilder<string> }): Promise<LawRecord> {
  const { id } = await trx.insertInto('laws.law').values(values).returning('id').executeTakeFirstOrThrow()
  return (await findLaw(trx, id))!
}

export async function updateLawSearch(trx: Tx, lawId: string, search: RawBuilder<string>): Promise<void> {
  await trx.updateTable('laws.law').set({ search }).where('id', '=', lawId).execute()
}

export async function setLawRepealed(trx: Tx, lawId: string, on: string): Promise<void> {
  await trx.updateTable('laws.law').set({ repealedOn: on }).where('id', '=', lawId).execute()
}

export interface LawFilter {
  /** The full-text query of the search words (null when they hold no word), and the words themselves for the title matches. */
  search?: { query: RawBuilder<string> | null; text: string }
  kind?: LawKind
  offset: number
  limit: number
}

// Titles of national laws start with the country's name, which people leave out when they search.
const NATIONAL_PREFIX = '中华人民共和国'

export async function searchLaws(db: Executor, filter: LawFilter): Promise<{ rows: (LawRecord & { articleCount: number })[]; total: number }> {
  let query = db.selectFrom('laws.law as l')
  if (filter.kind) query = query.where('l.kind', '=', filter.kind)
  const search = filter.search
  if (search) {
    const tsquery = search.query
    const inTitle = `%${escapeLike(search.text)}%`
    query = query.where((eb) => (tsquery ? eb.or([sql<boolean>`l.search @@ ${tsquery}`, eb('l.title', 'ilike', inTitle)]) : eb('l.title', 'ilike', inTitle)))
  }
  let rows = query
    .select(lawColumns)
    .select((eb) =>
      eb.selectFrom('laws.article as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.lawId', '=', 'l.id').where('a.ordinal', 'is not', null).as('articleCount'),
    )
  if (search) {
    const titles = [search.text, NATIONAL_PREFIX + search.text]
    const prefix = titles.map((t) => `${escapeLike(t)}%`)
    rows = rows.orderBy(sql`case when l.title in (${sql.join(titles)}) then 0 when l.title like ${prefix[0]} or l.title like ${prefix[1]} then 1 else 2 end`)
    if (search.query) rows = rows.orderBy(sql`ts_rank(l.search, ${search.query})`, 'desc')
  }
  const [found, count] = await Promise.all([
    rows.orderBy('l.effectiveOn', 'desc').orderBy('l.title').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: found.map((r) => ({ ...r, articleCount: Number(r.articleCount) })), total: Number(count.n) }
}

/**
 * The articles of a law standing on a day, with the text then in force and the label they then
 * bore: a later renumbering or removal kept the earlier label as its old label.
 */
export async function articlesOn(db: Executor, lawId: string, day: string): Promise<{ id: string; label: string; text: string }[]> {
  const rows = await db
    .selectFrom('laws.article as a')
    .innerJoin('laws.articleVersion as v', (join) =>
      join
        .onRef('v.articleId', '=', 'a.id')
        .on('v.effectiveFrom', '<=', day)
        .on((eb) => eb.or([eb('v.effectiveTo', 'is', null), eb('v.effectiveTo', '>', day)])),
    )
    .select(['a.id', 'a.label', 'v.text'])
    .select((eb) =>
      eb
        .selectFrom('laws.changeArticle as ca')
        .innerJoin('laws.change as c', 'c.id', 'ca.changeId')
        .select('ca.oldLabel')
        .whereRef('ca.articleId', '=', 'a.id')
        .where('ca.oldLabel', 'is not', null)
        .where('c.effectiveOn', '>', day)
        .orderBy('c.effectiveOn')
        .orderBy('c.recordedAt')
        .orderBy('c.id')
        .limit(1)
        .as('laterOldLabel'),
    )
    .where('a.lawId', '=', lawId)
    .where((eb) => eb.or([eb('a.removedOn', 'is', null), eb('a.removedOn', '>', day)]))
    .execute()
  return rows.map((r) => ({ id: r.id, label: r.laterOldLabel ?? r.label, text: r.text }))
}

/** The articles standing now, in order, with the text of their open version: what a change applies to. */
export async function currentArticles(db: Executor, lawId: string): Promise<CurrentArticle[]> {
  const rows = await db
    .selectFrom('laws.article as a')
    .innerJoin('laws.articleVersion as v', 'v.articleId', 'a.id')
    .select(['a.id', 'a.ordinal', 'a.label', 'v.text', 'v.effectiveFrom'])
    .where('a.lawId', '=', lawId)
    .where('a.ordinal', 'is not', null)
    .where('v.effectiveTo', 'is', null)
    .orderBy('a.ordinal')
    .execute()
  return rows.map((r) => ({ ...r, ordinal: r.ordinal! }))
}

/** The day the law's latest change took effect: no later change may take effect before it. */
export async function latestChangeDay(db: Executor, lawId: string): Promise<string | null> {
  const row = await db.selectFrom('laws.change').select((eb) => eb.fn.max('effectiveOn').as('day')).where('lawId', '=', lawId).executeTakeFirst()
  return row?.day ?? null
}

export interface ChangeRecord {
  id: string
  lawId: string
  kind: LawChangeKind
  title: string
  docNumber: string | null
  decidedOn: string
  effectiveOn: string
  summary: string
  recordedAt: Date
  recordedBy: string
}

const changeColumns = ['c.id', 'c.lawId', 'c.kind', 'c.title', 'c.docNumber', 'c.decidedOn', 'c.effectiveOn', 'c.summary', 'c.recordedAt', 'c.recordedBy'] as const

export async function insertChange(trx: Tx, values: Omit<ChangeRecord, 'id'>): Promise<ChangeRecord> {
  const { id } = await trx.insertInto('laws.change').values(values).returning('id').executeTakeFirstOrThrow()
  return (await findChange(trx, id))!
}

export async function findChange(db: Executor, id: string): Promise<(ChangeRecord & { lawTitle: string }) | undefined> {
  return db.selectFrom('laws.change as c').innerJoin('laws.law as l', 'l.id', 'c.lawId').select(changeColumns).select('l.title as lawTitle').where('c.id', '=', id).executeTakeFirst()
}

export async function changesOfLaw(db: Executor, lawId: string): Promise<(ChangeRecord & { articleCount: number })[]> {
  const rows = await db
    .selectFrom('laws.change as c')
    .select(changeColumns)
    .select((eb) => eb.selectFrom('laws.changeArticle as ca').select((e) => e.fn.countAll<number>().as('n')).whereRef('ca.changeId', '=', 'c.id').as('articleCount'))
    .where('c.lawId', '=', lawId)
    .orderBy('c.effectiveOn')
    .orderBy('c.recordedAt')
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({ ...r, articleCount: Number(r.articleCount) }))
}

export async function insertArticles(trx: Tx, rows: readonly { id: string; lawId: string; ordinal: number; label: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('laws.article').values(rows.slice(i, i + 1000)).execute()
}

export async function insertVersions(trx: Tx, rows: readonly { articleId: string; text: string; effectiveFrom: string; changeId: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('laws.articleVersion').values(rows.slice(i, i + 1000)).execute()
}

/** Ends the open versions of the articles the day their new texts take effect. */
export async function closeOpenVersions(trx: Tx, articleIds: readonly string[], on: string): Promise<void> {
  if (articleIds.length === 0) return
  await trx.updateTable('laws.articleVersion').set({ effectiveTo: on }).where('articleId', 'in', articleIds).where('effectiveTo', 'is', null).execute()
}

/** Gives articles new ordinals and labels in one statement. */
export async function renumberArticles(trx: Tx, rows: readonly { id: string; ordinal: number; label: string }[]): Promise<void> {
  if (rows.length === 0) return
  const values = sql.join(rows.map((r) => sql`(${r.id}::uuid, ${r.ordinal}::integer, ${r.label}::text)`))
  await sql`update laws.article as a set ordinal = v.ordinal, label = v.label from (values ${values}) as v (id, ordinal, label) where a.id = v.id`.execute(trx)
}

export async function removeArticles(trx: Tx, articleIds: readonly string[], on: string): Promise<void> {
  if (articleIds.length === 0) return
  await trx.updateTable('laws.article').set({ ordinal: null, removedOn: on }).where('id', 'in', articleIds).execute()
}

export async function insertChangeArticles(
  trx: Tx,
  rows: readonly { changeId: string; articleId: string; effect: ArticleEffect; oldLabel: string | null; note: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('laws.changeArticle').values(rows.slice(i, i + 1000)).execute()
}

export interface ChangeArticleRow {
  articleId: string
  effect: ArticleEffect
  oldLabel: string | null
  note: string
  /** The label right after the change: the old label a later change kept, or the label now. */
  label: string
  ordinal: number | null
  /** The version this change opened (added or changed articles). */
  newVersionText: string | null
  /** The version in force the day before the change took effect. */
  priorText: string | null
}

export async function changeArticles(db: Executor, change: ChangeRecord): Promise<ChangeArticleRow[]> {
  const after = sql`(${change.effectiveOn}::date, ${change.recordedAt}::timestamptz, ${change.id}::uuid)`
  const rows = await db
    .selectFrom('laws.changeArticle as ca')
    .innerJoin('laws.article as a', 'a.id', 'ca.articleId')
    .leftJoin('laws.articleVersion as nv', (join) => join.onRef('nv.articleId', '=', 'ca.articleId').onRef('nv.changeId', '=', 'ca.changeId'))
    .select(['ca.articleId', 'ca.effect', 'ca.oldLabel', 'ca.note', 'a.label', 'a.ordinal', 'nv.text as newVersionText'])
    .select((eb) =>
      eb
        .selectFrom('laws.changeArticle as later')
        .innerJoin('laws.change as lc', 'lc.id', 'later.changeId')
        .select('later.oldLabel')
        .whereRef('later.articleId', '=', 'ca.articleId')
        .where('later.oldLabel', 'is not', null)
        .where(sql<boolean>`(lc.effective_on, lc.recorded_at, lc.id) > ${after}`)
        .orderBy('lc.effectiveOn')
        .orderBy('lc.recordedAt')
        .orderBy('lc.id')
        .limit(1)
        .as('laterOldLabel'),
    )
    .select((eb) =>
      eb
        .selectFrom('laws.articleVersion as pv')
        .select('pv.text')
        .whereRef('pv.articleId', '=', 'ca.articleId')
        .where('pv.effectiveFrom', '<', change.effectiveOn)
        .where((e) => e.or([e('pv.effectiveTo', 'is', null), e('pv.effectiveTo', '>=', change.effectiveOn)]))
        .limit(1)
        .as('priorText'),
    )
    .where('ca.changeId', '=', change.id)
    .execute()
  return rows.map(({ laterOldLabel, ...r }) => ({ ...r, label: laterOldLabel ?? r.label }))
}

export interface ArticleRecord {
  id: string
  lawId: string
  ordinal: number | null
  label: string
  removedOn: string | null
}

export async function findArticle(db: Executor, id: string): Promise<ArticleRecord | undefined> {
  return db.selectFrom('laws.article').select(['id', 'lawId', 'ordinal', 'label', 'removedOn']).where('id', '=', id).executeTakeFirst()
}

export async function articleVersions(db: Executor, articleId: string) {
  return db
    .selectFrom('laws.articleVersion as v')
    .leftJoin('laws.change as c', 'c.id', 'v.changeId')
    .select(['v.id', 'v.text', 'v.effectiveFrom', 'v.effectiveTo', 'v.changeId', 'c.kind as changeKind', 'c.title as changeTitle'])
    .where('v.articleId', '=', articleId)
    .orderBy('v.effectiveFrom')
    .orderBy('c.recordedAt')
    .execute()
}

/** The ordinals and ids of a law's standing articles. */
export async function standingArticleIds(db: Executor, lawId: string): Promise<{ id: string; ordinal: number }[]> {
  const rows = await db.selectFrom('laws.article').select(['id', 'ordinal']).where('lawId', '=', lawId).where('ordinal', 'is not', null).orderBy('ordinal').execute()
  return rows.map((r) => ({ id: r.id, ordinal: r.ordinal! }))
}
