import { liveStates } from './appeal.workflow'
import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../../platform/db/database'
import type { HotlineLine } from './appeals.tables'

/** What the metrics may be grouped by: county (where the appeal is), department, line, category or day filed. */
export type MetricsGrouping = 'region' | 'org' | 'line' | 'category' | 'day'

/** Which appeals are measured: filed in [since, until), located within a region, optionally one line or one department. */
export interface MetricsScope {
  regionPrefix: string
  since: Date
  until: Date
  line?: HotlineLine
  orgId?: string
}

/** The raw counts every rate is made of; see metrics.service.ts for what each means. */
export interface OutcomeCounts {
  appeals: number
  open: number
  answeredState: number
  closed: number
  merged: number
  transferred: number
  dispatched: number
  dispatchedOnTime: number
  replied: number
  repliedOnTime: number
  resolvedOnCall: number
  callbackDue: number
  calledBack: number
  satisfied: number
  basicallySatisfied: number
  dissatisfied: number
}

// A merged duplicate is copied its case's answer (so that its appellant hears it), but the work
// was done once: it is counted among the appeals, never among the replies.
const replied = sql`answered_at is not null and merged_into is null`

const outcomeColumns: { [K in keyof OutcomeCounts]: RawBuilder<unknown> } = {
  appeals: sql`count(*)`,
  open: sql`count(*) filter (where state in (${sql.join(liveStates)}))`,
  answeredState: sql`count(*) filter (where state = 'answered')`,
  closed: sql`count(*) filter (where state = 'closed')`,
  merged: sql`count(*) filter (where state = 'merged')`,
  transferred: sql`count(*) filter (where state = 'transferred')`,
  dispatched: sql`count(*) filter (where dispatched_at is not null)`,
  dispatchedOnTime: sql`count(*) filter (where dispatched_at <= dispatch_due_at)`,
  replied: sql`count(*) filter (where ${replied})`,
  repliedOnTime: sql`count(*) filter (where ${replied} and (resolved_on_call or answered_late is false))`,
  resolvedOnCall: sql`count(*) filter (where resolved_on_call)`,
  callbackDue: sql`count(*) filter (where ${replied} and not resolved_on_call)`,
  // A reopened appeal loses its satisfaction until the next callback: only a standing verdict counts.
  calledBack: sql`count(*) filter (where ${replied} and not resolved_on_call and satisfaction is not null)`,
  satisfied: sql`count(*) filter (where ${replied} and not resolved_on_call and satisfaction = 'satisfied')`,
  basicallySatisfied: sql`count(*) filter (where ${replied} and not resolved_on_call and satisfaction = 'basically_satisfied')`,
  dissatisfied: sql`count(*) filter (where ${replied} and not resolved_on_call and satisfaction = 'dissatisfied')`,
}

/** Instants are grouped into Asia/Shanghai days by the fixed +8 offset (China keeps no summer time). */
const shanghaiDayOf = (column: RawBuilder<unknown>) => sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`

const groupKeys: Record<MetricsGrouping, RawBuilder<string | null>> = {
  region: sql`left(region_code, 6)`,
  org: sql`org_id::text`,
  line: sql`line`,
  category: sql`category_key`,
  day: shanghaiDayOf(sql`submitted_at`),
}

function scopedAppeals(db: Executor, scope: MetricsScope) {
  let query = db
    .selectFrom('hotline.appeal')
    .where('regionCode', 'like', `${scope.regionPrefix}%`)
    .where('submittedAt', '>=', scope.since)
    .where('submittedAt', '<', scope.until)
  if (scope.line) query = query.where('line', '=', scope.line)
  if (scope.orgId) query = query.where('orgId', '=', scope.orgId)
  return query
}

/** No appeals: the counts of an empty group, and the start of a sum. */
export const emptyCounts: Readonly<OutcomeCounts> = {
  appeals: 0, open: 0, answeredState: 0, closed: 0, merged: 0, transferred: 0, dispatched: 0, dispatchedOnTime: 0,
  replied: 0, repliedOnTime: 0, resolvedOnCall: 0, callbackDue: 0, calledBack: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0,
}

export const outcomeKeys = Object.keys(emptyCounts) as (keyof OutcomeCounts)[]

function countsOf(row: Record<keyof OutcomeCounts, unknown>): OutcomeCounts {
  const counts = { ...emptyCounts }
  for (const key of outcomeKeys) counts[key] = Number(row[key])
  return counts
}

/**
 * The outcome counts of the appeals in scope, one row per group (one query; an empty scope gives
 * no rows). Without a grouping, one row for all with key null.
 */
export async function countOutcomes(db: Executor, scope: MetricsScope, groupBy?: MetricsGrouping): Promise<(OutcomeCounts & { key: string | null })[]> {
  const columns = outcomeKeys.map((name) => sql`${outcomeColumns[name]}::int`.as(name))
  const base = scopedAppeals(db, scope).select(columns)
  const rows = groupBy
    ? await base.select(groupKeys[groupBy].as('key')).groupBy(groupKeys[groupBy]).execute()
    : (await base.execute()).filter((row) => Number(row.appeals) > 0).map((row) => ({ ...row, key: null }))
  return rows.map((row) => ({ ...countsOf(row), key: row.key }))
}

/** The appeals filed per (category, county) in each daily window: daysAgo 0 is the current window. */
export interface WindowCount {
  categoryKey: string
  regionCode: string
  daysAgo: number
  count: number
}

/**
 * Counts per category and county in the window of `hours` before `now` and in the same window on
 * each of the `days` days before, in one query. Windows of up to 24 hours never overlap, so each
 * appeal falls in at most one. Appeals not yet classified are left out: a surge is a category's.
 */
export async function countSurgeWindows(db: Executor, scope: { regionPrefix: string; orgId?: string; now: Date; hours: number; days: number }): Promise<WindowCount[]> {
  const windowSeconds = scope.hours * 3600
  const earliest = new Date(scope.now.getTime() - scope.days * 86_400_000 - windowSeconds * 1000)
  const age = sql`extract(epoch from (${scope.now}::timestamptz - submitted_at))`
  const county = sql<string>`left(region_code, 6)`
  const daysAgo = sql<number>`floor(${age} / 86400)::int`
  let query = db
    .selectFrom('hotline.appeal')
    .select([sql<string>`category_key`.as('categoryKey'), county.as('regionCode'), daysAgo.as('daysAgo'), sql<number>`count(*)::int`.as('count')])
    .where('regionCode', 'like', `${scope.regionPrefix}%`)
    .where('categoryKey', 'is not', null)
    .where('submittedAt', '>', earliest)
    .where('submittedAt', '<=', scope.now)
    .where(sql<boolean>`mod(${age}, 86400) < ${windowSeconds}`)
  if (scope.orgId) query = query.where('orgId', '=', scope.orgId)
  const rows = await query
    // by position: daysAgo carries a parameter, and a repeated parameter is not the same expression to PostgreSQL
    .groupBy(sql`1, 2, 3`)
    .execute()
  return rows.map((r) => ({ ...r, count: Number(r.count), daysAgo: Number(r.daysAgo) }))
}

export interface ClusterAppeal {
  id: string
  number: string
  title: string
  content: string
  submittedAt: Date
  state: string
  categoryKey: string
  county: string
}

/** The appeals of some (category, county) cells filed in (since, until], newest first, at most `perCell` of each cell. */
export async function appealsOfCells(
  db: Executor,
  scope: { regionPrefix: string; orgId?: string; since: Date; until: Date },
  cells: readonly { categoryKey: string; regionCode: string }[],
  perCell: number,
): Promise<ClusterAppeal[]> {
  if (cells.length === 0) return []
  const county = sql<string>`left(region_code, 6)`
  let ranked = db
    .selectFrom('hotline.appeal')
    .select(['id', 'number', 'title', 'content', 'submittedAt', 'state', 'categoryKey', county.as('county')])
    .select(sql<number>`row_number() over (partition by category_key, left(region_code, 6) order by submitted_at desc, number desc)`.as('rank'))
    .where('regionCode', 'like', `${scope.regionPrefix}%`)
    .where('submittedAt', '>', scope.since)
    .where('submittedAt', '<=', scope.until)
    .where((eb) => eb.or(cells.map((cell) => eb.and([eb('categoryKey', '=', cell.categoryKey), eb(county, '=', cell.regionCode)]))))
  if (scope.orgId) ranked = ranked.where('orgId', '=', scope.orgId)
  const rows = await db
    .selectFrom(ranked.as('a'))
    .select(['a.id', 'a.number', 'a.title', 'a.content', 'a.submittedAt', 'a.state', 'a.categoryKey', 'a.county'])
    .where('a.rank', '<=', perCell)
    .orderBy('a.submittedAt', 'desc')
    .orderBy('a.number', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, categoryKey: r.categoryKey ?? '' }))
}
