import { requireAccess, requireStaff, type StaffActor } from '../../platform/access'
import { isValidDay, shanghaiDay } from '../../platform/calendar/calendar'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { AppError, type Message } from '../../platform/errors'
import { documentTokens } from '../../platform/search/text'
import { appealStateNames } from './appeal.workflow'
import type { HotlineLine } from './appeals.tables'
import { appealsOfCells, countOutcomes, countSurgeWindows, emptyCounts, outcomeKeys, type ClusterAppeal, type MetricsGrouping, type OutcomeCounts } from './metrics.repository'
import { hotlineReference, type HotlineReference } from './reference'
import { defaultSurgeOptions, detectSurges, sharedTerms, type SurgeAlert, type SurgeCell } from './surge'

/*
 * Scope: an appeal is measured where it arose (its region_code), whoever handles it now. A city
 * supervisor answers for how the city's residents are served, including the appeals a provincial
 * department answers for them; a department's own view is its inbox, not these metrics.
 */

/** A share with what it is made of: `rate` is numerator / denominator (0–1), null when nothing was there to count. */
export interface Rate {
  numerator: number
  denominator: number
  rate: number | null
}

/**
 * The measures of a set of appeals (those filed in the period, in scope):
 * - onTimeDispatch: dispatched by dispatch_due_at (2 h after filing) / dispatched at all;
 * - onTimeCompletion: answered by the deadline / answered (an appeal resolved on the call is on time;
 *   merged duplicates are not answers of their own);
 * - firstCallResolution: resolved on the call (即时办结) / all appeals;
 * - callback: called back with a standing verdict / answered, leaving out those resolved on the call;
 * - satisfaction (满意率): satisfied + basically satisfied / called back.
 */
export interface AppealMetrics {
  appeals: number
  states: { open: number; answered: number; closed: number; merged: number; transferred: number }
  onTimeDispatch: Rate
  onTimeCompletion: Rate
  firstCallResolution: Rate
  callback: Rate
  satisfaction: Rate
  satisfactionCounts: { satisfied: number; basicallySatisfied: number; dissatisfied: number }
}

export interface MetricsQuery {
  from?: string
  to?: string
  line?: HotlineLine
  regionCode?: string
}

export interface MetricsGroup {
  key: string | null
  /** Regions and departments have only Chinese names: their English side repeats it. */
  name: Message
  metrics: AppealMetrics
}

export interface MetricsReport {
  from: string
  to: string
  regionCode: string
  line: HotlineLine | null
  groupBy: MetricsGrouping | null
  overall: AppealMetrics
  groups: MetricsGroup[]
}

/** The longest period one request may measure: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366
const DEFAULT_PERIOD_DAYS = 30
const dayMs = 86_400_000

export const lineNames: Record<HotlineLine, Message> = {
  '12345': { zh: '12345热线', en: '12345 hotline' },
  enterprise: { zh: '一企来', en: 'Yiqilai (enterprises)' },
  talent: { zh: '尚贤', en: 'Shangxian (talent)' },
}
const lineOrder: readonly HotlineLine[] = ['12345', 'enterprise', 'talent']

const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`)
const addDays = (day: string, n: number) => shanghaiDay(new Date(startOfDay(day).getTime() + n * dayMs))

/** The days measured and the instants they span; by default the 30 days up to today. */
function periodOf(deps: PlatformDeps, query: MetricsQuery): { from: string; to: string; since: Date; until: Date; days: number } {
  for (const [field, day] of [['from', query.from], ['to', query.to]] as const) {
    if (day !== undefined && !isValidDay(day)) {
      throw new AppError('invalid', 'invalid_day', { zh: `日期无效：“${day}”，应为 YYYY-MM-DD 格式的真实日期`, en: `Invalid date "${day}": expected a real date written YYYY-MM-DD` }, { field })
    }
  }
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_PERIOD_DAYS - 1) : shanghaiDay(deps.clock.now()))
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1))
  if (from > to) {
    throw new AppError('invalid', 'metrics_period_reversed', { zh: '开始日期不能晚于结束日期', en: 'The start date must not be after the end date' }, { field: 'from' })
  }
  const days = Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / dayMs) + 1
  if (days > MAX_PERIOD_DAYS) {
    throw new AppError('invalid', 'metrics_period_too_long', { zh: `统计区间最长 ${MAX_PERIOD_DAYS} 天`, en: `A period may span at most ${MAX_PERIOD_DAYS} days` }, { field: 'to', days })
  }
  return { from, to, since: startOfDay(from), until: startOfDay(addDays(to, 1)), days }
}

/**
 * The appeals a supervisor may measure: those arising within the asked region, which must lie in
 * the actor's own (the actor's region when none is asked); a department-scoped holder sees only
 * its department's.
 */
function scopeOf(actor: StaffActor, regionCode: string | undefined): { regionPrefix: string; orgId?: string } {
  const region = regionCode ?? actor.regionCode
  requireAccess(actor, 'hotline.supervise', { regionCode: region, orgId: actor.orgId })
  return { regionPrefix: region, ...(actor.departmentScoped.has('hotline.supervise') ? { orgId: actor.orgId } : {}) }
}

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator })

function metricsOf(c: OutcomeCounts): AppealMetrics {
  return {
    appeals: c.appeals,
    states: { open: c.open, answered: c.answeredState, closed: c.closed, merged: c.merged, transferred: c.transferred },
    onTimeDispatch: rate(c.dispatchedOnTime, c.dispatched),
    onTimeCompletion: rate(c.repliedOnTime, c.replied),
    firstCallResolution: rate(c.resolvedOnCall, c.appeals),
    callback: rate(c.calledBack, c.callbackDue),
    satisfaction: rate(c.satisfied + c.basicallySatisfied, c.calledBack),
    satisfactionCounts: { satisfied: c.satisfied, basicallySatisfied: c.basicallySatisfied, dissatisfied: c.dissatisfied },
  }
}

/** Every count is a count of appeals, so the whole is the sum of its groups. */
function sumCounts(rows: readonly OutcomeCounts[]): OutcomeCounts {
  const total = { ...emptyCounts }
  for (const row of rows) for (const key of outcomeKeys) total[key] += row[key]
  return total
}

/** Category names by key, from the hotline's in-memory reference. */
function categoryNameOf(reference: HotlineReference, key: string): Message | undefined {
  const category = reference.categories.get(key)
  return category && { zh: category.nameZh, en: category.nameEn }
}

/** The display names of the groups' keys, from the hotline's in-memory reference (no query once it is loaded). */
async function groupNames(deps: PlatformDeps, groupBy: MetricsGrouping): Promise<(key: string | null) => Message> {
  const same = (name: string): Message => ({ zh: name, en: name })
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  switch (groupBy) {
    case 'region':
      return (key) => same(key === null ? '' : (reference.regions.get(key)?.name ?? key))
    case 'org':
      return (key) => (key === null ? { zh: '未派单', en: 'Not dispatched' } : same(reference.orgs.get(key)?.name ?? key))
    case 'category':
      return (key) => (key === null ? { zh: '未分类', en: 'Unclassified' } : (categoryNameOf(reference, key) ?? same(key)))
    case 'line':
      return (key) => lineNames[key as HotlineLine] ?? same(key ?? '')
    case 'day':
      return (key) => same(key ?? '')
  }
}

/** Busiest first, except lines (in their usual order) and days (in time). */
function orderGroups(groupBy: MetricsGrouping, groups: MetricsGroup[]): MetricsGroup[] {
  const byKey = (a: MetricsGroup, b: MetricsGroup) => String(a.key).localeCompare(String(b.key))
  if (groupBy === 'day') return groups.sort(byKey)
  if (groupBy === 'line') return groups.sort((a, b) => lineOrder.indexOf(a.key as HotlineLine) - lineOrder.indexOf(b.key as HotlineLine))
  return groups.sort((a, b) => b.metrics.appeals - a.metrics.appeals || byKey(a, b))
}

/**
 * The hotline's performance over a period (by day filed, Asia/Shanghai), overall and per group.
 *
 * @example appealMetrics(deps, ctx, { from: '2026-02-01', to: '2026-02-28', groupBy: 'org' })
 */
export async function appealMetrics(deps: PlatformDeps, ctx: RequestContext, query: MetricsQuery & { groupBy?: MetricsGrouping }): Promise<MetricsReport> {
  const actor = requireStaff(ctx.actor)
  const scope = scopeOf(actor, query.regionCode)
  const period = periodOf(deps, query)
  const rows = await countOutcomes(deps.db, { ...scope, since: period.since, until: period.until, line: query.line }, query.groupBy)
  const head = { from: period.from, to: period.to, regionCode: scope.regionPrefix, line: query.line ?? null, groupBy: query.groupBy ?? null, overall: metricsOf(sumCounts(rows)) }
  if (!query.groupBy) return { ...head, groups: [] }
  const nameOf = await groupNames(deps, query.groupBy)
  return { ...head, groups: orderGroups(query.groupBy, rows.map((row) => ({ key: row.key, name: nameOf(row.key), metrics: metricsOf(row) }))) }
}

export interface TrendDay {
  day: string
  appeals: number
  /** Of the day's appeals, those answered so far. */
  answered: number
  satisfaction: Rate
}

/** Day by day over the period, every day present (a quiet day is zero): the appeals filed, how many are answered, and their satisfaction. */
export async function appealTrend(deps: PlatformDeps, ctx: RequestContext, query: MetricsQuery): Promise<{ from: string; to: string; regionCode: string; line: HotlineLine | null; days: TrendDay[] }> {
  const actor = requireStaff(ctx.actor)
  const scope = scopeOf(actor, query.regionCode)
  const period = periodOf(deps, query)
  const rows = await countOutcomes(deps.db, { ...scope, since: period.since, until: period.until, line: query.line }, 'day')
  const byDay = new Map(rows.map((row) => [row.key, row]))
  const days = Array.from({ length: period.days }, (_, i) => {
    const day = addDays(period.from, i)
    const counts = byDay.get(day) ?? emptyCounts
    const metrics = metricsOf(counts)
    return { day, appeals: counts.appeals, answered: counts.replied, satisfaction: metrics.satisfaction }
  })
  return { from: period.from, to: period.to, regionCode: scope.regionPrefix, line: query.line ?? null, days }
}

export interface SurgeQuery {
  /** The current window, in hours before now (1–24). */
  hours: number
  /** How many earlier days make the baseline. */
  days: number
}

export interface SurgeView {
  categoryKey: string
  categoryName: Message
  regionCode: string
  regionName: string | null
  count: number
  baselineMean: number
  baselineSd: number
  z: number
  cluster: {
    appeals: number
    terms: { term: string; appeals: number }[]
    samples: { id: string; number: string; title: string; submittedAt: string; state: string; stateName: Message }[]
  }
}

export interface SurgeReport {
  since: string
  until: string
  hours: number
  days: number
  thresholds: { minCount: number; k: number; ratio: number; sdFloor: number }
  alerts: SurgeView[]
}

/** More alerts than this is a flood, not a signal: the most severe are shown. */
const MAX_ALERTS = 20
/** Enough appeals of one cell to find its shared terms; a bigger cell is read from its newest. */
const CLUSTER_READ = 400
const CLUSTER_TERMS = 12
const CLUSTER_SAMPLES = 10

/** Each (category, county) with its current count and its baseline, zero-filled for quiet days. */
function cellsOf(rows: readonly { categoryKey: string; regionCode: string; daysAgo: number; count: number }[], days: number): SurgeCell[] {
  const cells = new Map<string, { categoryKey: string; regionCode: string; count: number; baseline: number[] }>()
  for (const row of rows) {
    const key = `${row.categoryKey}\u0000${row.regionCode}`
    let cell = cells.get(key)
    if (!cell) cells.set(key, (cell = { categoryKey: row.categoryKey, regionCode: row.regionCode, count: 0, baseline: new Array<number>(days).fill(0) }))
    if (row.daysAgo === 0) cell.count = row.count
    else if (row.daysAgo <= days) cell.baseline[row.daysAgo - 1] = row.count
  }
  return [...cells.values()].filter((cell) => cell.count > 0)
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** The cluster of a surge: the terms its appeals share, and those that carry most of them first. */
function clusterOf(appeals: readonly ClusterAppeal[], total: number): SurgeView['cluster'] {
  const tokens = appeals.map((a) => documentTokens(a.title, a.content))
  const terms = sharedTerms(tokens, CLUSTER_TERMS)
  const top = new Set(terms.map((t) => t.term))
  const samples = tokens
    .map((own, i) => ({ appeal: appeals[i]!, shared: own.filter((t) => top.has(t)).length, i }))
    .sort((a, b) => b.shared - a.shared || a.i - b.i)
    .slice(0, CLUSTER_SAMPLES)
    .map(({ appeal }) => ({
      id: appeal.id,
      number: appeal.number,
      title: appeal.title,
      submittedAt: appeal.submittedAt.toISOString(),
      state: appeal.state,
      stateName: appealStateNames.get(appeal.state) ?? { zh: appeal.state, en: appeal.state },
    }))
  return { appeals: total, terms, samples }
}

/**
 * The categories and counties whose appeals in the last `hours` far exceed the same hours on the
 * previous `days` days (see surge.ts), each with the cluster of appeals behind it. Two queries:
 * the window counts and the surging cells' appeals; the category and region names come from the
 * hotline's in-memory reference.
 */
export async function appealSurges(deps: PlatformDeps, ctx: RequestContext, query: SurgeQuery & { regionCode?: string }): Promise<SurgeReport> {
  const actor = requireStaff(ctx.actor)
  const scope = scopeOf(actor, query.regionCode)
  const now = deps.clock.now()
  const since = new Date(now.getTime() - query.hours * 3_600_000)
  const counts = await countSurgeWindows(deps.db, { ...scope, now, hours: query.hours, days: query.days })
  const alerts = detectSurges(cellsOf(counts, query.days), defaultSurgeOptions).slice(0, MAX_ALERTS)
  const head = { since: since.toISOString(), until: now.toISOString(), hours: query.hours, days: query.days, thresholds: { ...defaultSurgeOptions } }
  if (alerts.length === 0) return { ...head, alerts: [] }
  const [appeals, reference] = await Promise.all([
    appealsOfCells(deps.db, { ...scope, since, until: now }, alerts, CLUSTER_READ),
    hotlineReference(deps.db, deps.homeProvince),
  ])
  return { ...head, alerts: alerts.map((alert) => viewOfSurge(alert, appeals, reference)) }
}

function viewOfSurge(alert: SurgeAlert, appeals: readonly ClusterAppeal[], reference: HotlineReference): SurgeView {
  const own = appeals.filter((a) => a.categoryKey === alert.categoryKey && a.county === alert.regionCode)
  return {
    categoryKey: alert.categoryKey,
    categoryName: categoryNameOf(reference, alert.categoryKey) ?? { zh: alert.categoryKey, en: alert.categoryKey },
    regionCode: alert.regionCode,
    regionName: reference.regions.get(alert.regionCode)?.name ?? null,
    count: alert.count,
    baselineMean: round2(alert.mean),
    baselineSd: round2(alert.sd),
    z: round2(alert.z),
    cluster: clusterOf(own, alert.count),
  }
}
