import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database'
import type { ReviewReason } from './catalog.tables'

export interface ReviewTaskRecord {
  id: string
  implementationId: string
  versionId: string
  regionCode: string
  orgId: string | null
  reason: ReviewReason
  lawChangeId: string | null
  parentVersionId: string | null
  detail: Record<string, unknown>
  status: 'open' | 'resolved'
  resolution: string | null
  createdAt: Date
  resolvedAt: Date | null
  resolvedBy: string | null
}

export interface ReviewTaskRow extends ReviewTaskRecord {
  name: string
  implementationCode: string
  level: string
}

const taskColumns = [
  't.id',
  't.implementationId',
  't.versionId',
  't.regionCode',
  't.orgId',
  't.reason',
  't.lawChangeId',
  't.parentVersionId',
  't.detail',
  't.status',
  't.resolution',
  't.createdAt',
  't.resolvedAt',
  't.resolvedBy',
] as const

/** The version of an entry a review looks at: the published one, else the draft. */
function reviewedVersion(db: Executor, implementationId: string) {
  return db
    .selectFrom('catalog.itemVersion')
    .select(['id', 'status'])
    .where('implementationId', '=', implementationId)
    .where('status', 'in', ['published', 'draft'])
    .orderBy(sql`status = 'published'`, 'desc')
    .executeTakeFirst()
}

/**
 * After an entry publishes a new version, each region that claimed it gets one open review
 * task; a task still open from an earlier version is pointed at the newest one instead.
 */
export async function flagChildrenOfNewVersion(db: Executor, change: { implementationId: string; versionId: string; at: Date }): Promise<number> {
  const children = await db.selectFrom('catalog.implementation').select(['id', 'regionCode', 'orgId']).where('parentId', '=', change.implementationId).execute()
  for (const child of children) {
    const open = await db
      .updateTable('catalog.reviewTask')
      .set({ parentVersionId: change.versionId })
      .where('implementationId', '=', child.id)
      .where('reason', '=', 'parent_changed')
      .where('status', '=', 'open')
      .returning('id')
      .execute()
    if (open.length > 0) continue
    const version = await reviewedVersion(db, child.id)
    if (!version) continue
    await db
      .insertInto('catalog.reviewTask')
      .values({ implementationId: child.id, versionId: version.id, regionCode: child.regionCode, orgId: child.orgId, reason: 'parent_changed', parentVersionId: change.versionId, createdAt: change.at })
      .execute()
  }
  return children.length
}

/** Publishing on top of the parent's newest version settles the parent-changed review. */
export async function resolveParentTasksAfterPublish(db: Executor, done: { implementationId: string; parentVersionId: string | null; at: Date; by: string }): Promise<void> {
  if (!done.parentVersionId) return
  await db
    .updateTable('catalog.reviewTask')
    .set({ status: 'resolved', resolution: 'adopted', resolvedAt: done.at, resolvedBy: done.by })
    .where('implementationId', '=', done.implementationId)
    .where('reason', '=', 'parent_changed')
    .where('status', '=', 'open')
    .where('parentVersionId', '=', done.parentVersionId)
    .execute()
}

export interface ImpactedVersion {
  versionId: string
  implementationId: string
  status: 'draft' | 'published'
  regionCode: string
  orgId: string | null
  citedArticleIds: string[]
}

/**
 * The impact of a law change: every draft or published version, of every kind at every level,
 * whose effective legal basis cites one of the articles, with all the articles it cites.
 */
export async function versionsCiting(db: Executor, articleIds: readonly string[]): Promise<ImpactedVersion[]> {
  if (articleIds.length === 0) return []
  const rows = await db
    .selectFrom('catalog.itemVersion as v')
    .innerJoin('catalog.implementation as i', 'i.id', 'v.implementationId')
    .innerJoin('catalog.citation as c', 'c.versionId', 'v.id')
    .select(['v.id as versionId', 'v.implementationId', 'v.status', 'i.regionCode', 'i.orgId', sql<string[]>`array_agg(c.article_id::text order by c.article_id)`.as('citedArticleIds')])
    .where('v.status', 'in', ['draft', 'published'])
    .where((eb) => eb.exists(eb.selectFrom('catalog.citation as hit').select('hit.versionId').whereRef('hit.versionId', '=', 'v.id').where('hit.articleId', 'in', articleIds)))
    .groupBy(['v.id', 'v.implementationId', 'v.status', 'i.regionCode', 'i.orgId'])
    .execute()
  return rows.map((r) => ({ ...r, status: r.status as 'draft' | 'published' }))
}

export async function insertReviewTasks(
  db: Executor,
  tasks: readonly { implementationId: string; versionId: string; regionCode: string; orgId: string | null; reason: ReviewReason; lawChangeId: string; detail: Record<string, unknown>; createdAt: Date }[],
): Promise<void> {
  for (let i = 0; i < tasks.length; i += 500) {
    await db
      .insertInto('catalog.reviewTask')
      .values(tasks.slice(i, i + 500).map((t) => ({ ...t, detail: JSON.stringify(t.detail) })))
      .execute()
  }
}

export interface TaskFilter {
  /** Tasks of this region and the regions below it. */
  regionPrefix: string
  orgId?: string
  status?: 'open' | 'resolved'
  lawChangeId?: string
  implementationId?: string
  page: number
  pageSize: number
}

export async function listReviewTasks(db: Executor, filter: TaskFilter): Promise<{ items: ReviewTaskRow[]; total: number }> {
  let query = db.selectFrom('catalog.reviewTask as t').innerJoin('catalog.implementation as i', 'i.id', 't.implementationId')
  if (filter.regionPrefix !== '') query = query.where((eb) => eb.or([eb('t.regionCode', '=', filter.regionPrefix), eb('t.regionCode', 'like', `${filter.regionPrefix}%`)]))
  if (filter.orgId) query = query.where('t.orgId', '=', filter.orgId)
  if (filter.status) query = query.where('t.status', '=', filter.status)
  if (filter.lawChangeId) query = query.where('t.lawChangeId', '=', filter.lawChangeId)
  if (filter.implementationId) query = query.where('t.implementationId', '=', filter.implementationId)
  const [items, count] = await Promise.all([
    query
      .select([...taskColumns, 'i.name', 'i.implementationCode', 'i.level'])
      .orderBy('t.createdAt', 'desc')
      .orderBy('t.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}

export async function findReviewTask(db: Executor, id: string): Promise<ReviewTaskRecord | undefined> {
  return db.selectFrom('catalog.reviewTask as t').select(taskColumns).where('t.id', '=', id).forUpdate().executeTakeFirst()
}

export async function openTasksOf(db: Executor, implementationId: string): Promise<ReviewTaskRecord[]> {
  return db.selectFrom('catalog.reviewTask as t').select(taskColumns).where('t.implementationId', '=', implementationId).where('t.status', '=', 'open').orderBy('t.createdAt').execute()
}

export async function closeReviewTask(db: Executor, id: string, done: { resolution: string; at: Date; by: string }): Promise<ReviewTaskRecord> {
  return db
    .updateTable('catalog.reviewTask as t')
    .set({ status: 'resolved', resolution: done.resolution, resolvedAt: done.at, resolvedBy: done.by })
    .where('t.id', '=', id)
    .returning(taskColumns)
    .executeTakeFirstOrThrow()
}

/** How many open review tasks each of the given entries has. */
export async function openTaskCounts(db: Executor, implementationIds: readonly string[]): Promise<Map<string, number>> {
  if (implementationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('catalog.reviewTask')
    .select(['implementationId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('implementationId', 'in', implementationIds)
    .where('status', '=', 'open')
    .groupBy('implementationId')
    .execute()
  return new Map(rows.map((r) => [r.implementationId, Number(r.n)]))
}
