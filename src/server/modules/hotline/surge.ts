/**
 * Surge detection (话务激增), as a pure function over counts: no clock, no database, so that its
 * rules can be stated as properties and checked on any input.
 *
 * A cell is one category in one region. Its count in the current window (say the last 24 hours)
 * is compared with the same window on each of the previous days (the baseline). A cell surges
 * when all three hold:
 *  - count ≥ minCount: a handful of calls is never a surge, however quiet the baseline;
 *  - count ≥ mean + k·sd, with sd floored at sdFloor: a flat baseline (every day the same, or
 *    every day zero) would otherwise make the smallest rise look infinitely unusual;
 *  - count ≥ ratio·mean: a busy cell with a very steady baseline must still multiply, not just
 *    wobble by a few calls.
 * Severity is the z-score against the floored sd.
 */

/** One category in one region: its count now and in the same window on each earlier day. */
export interface SurgeCell {
  categoryKey: string
  regionCode: string
  count: number
  /** One count per earlier day, the most recent first; days without appeals count 0. */
  baseline: readonly number[]
}

export interface SurgeOptions {
  minCount: number
  k: number
  ratio: number
  sdFloor: number
}

export const defaultSurgeOptions: Readonly<SurgeOptions> = { minCount: 5, k: 3, ratio: 3, sdFloor: 1 }

export interface SurgeAlert {
  categoryKey: string
  regionCode: string
  count: number
  mean: number
  /** The baseline's population standard deviation, before the floor. */
  sd: number
  /** (count − mean) / max(sd, sdFloor). */
  z: number
}

/** Mean and population standard deviation of a baseline; an empty baseline is all zero. */
export function baselineOf(counts: readonly number[]): { mean: number; sd: number } {
  if (counts.length === 0) return { mean: 0, sd: 0 }
  const mean = counts.reduce((sum, c) => sum + c, 0) / counts.length
  const variance = counts.reduce((sum, c) => sum + (c - mean) ** 2, 0) / counts.length
  return { mean, sd: Math.sqrt(variance) }
}

// Comparisons allow a relative hair of rounding, so that scaling a cell by a whole number (which
// is exact for the counts but not always for their mean and sd) cannot flip a borderline verdict.
const atLeast = (value: number, threshold: number) => value >= threshold - 1e-9 * Math.max(1, Math.abs(threshold))

/** The cell's alert, or null when it is within its usual range. */
export function surgeOf(cell: SurgeCell, options: SurgeOptions = defaultSurgeOptions): SurgeAlert | null {
  const { mean, sd } = baselineOf(cell.baseline)
  const spread = Math.max(sd, options.sdFloor)
  const surges = cell.count >= options.minCount && atLeast(cell.count, mean + options.k * spread) && atLeast(cell.count, options.ratio * mean)
  if (!surges) return null
  return { categoryKey: cell.categoryKey, regionCode: cell.regionCode, count: cell.count, mean, sd, z: (cell.count - mean) / spread }
}

/**
 * The surging cells, most severe first (by z, then count, then keys, so that the order never
 * depends on the order of the input).
 *
 * @example detectSurges([{ categoryKey: 'urban.utilities', regionCode: '320322', count: 36, baseline: [0, 1, 0] }])
 */
export function detectSurges(cells: readonly SurgeCell[], options: SurgeOptions = defaultSurgeOptions): SurgeAlert[] {
  return cells
    .flatMap((cell) => surgeOf(cell, options) ?? [])
    .sort((a, b) => b.z - a.z || b.count - a.count || compare(a.categoryKey, b.categoryKey) || compare(a.regionCode, b.regionCode))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The terms a cluster of appeals shares: each token counted once per appeal, stop-words and
 * one-character tokens dropped, only tokens found in at least two appeals, most shared first.
 */
export function sharedTerms(tokenSets: readonly (readonly string[])[], limit: number): { term: string; appeals: number }[] {
  const counts = new Map<string, number>()
  for (const tokens of tokenSets) {
    for (const token of new Set(tokens)) {
      if (isTelling(token)) counts.set(token, (counts.get(token) ?? 0) + 1)
    }
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort(([a, m], [b, n]) => n - m || b.length - a.length || compare(a, b))
    .slice(0, limit)
    .map(([term, appeals]) => ({ term, appeals }))
}

/** Whether a token says what an appeal is about, rather than how appeals are written. */
function isTelling(token: string): boolean {
  if ([...token].length < 2) return false
  if (/^[\d.,:%-]+$/.test(token)) return false
  return !stopWords.has(token)
}

// Function words and the phrases nearly every appeal is written with (请…尽快…处理): they would
// top every cluster and tell a supervisor nothing.
const stopWords = new Set(
  (
    '我们 你们 他们 自己 这个 那个 这些 那些 什么 怎么 怎么办 为什么 如何 是否 可以 能否 能够 已经 还是 还有 没有 没人 一直 现在 目前 今天 昨天 昨晚 今年 ' +
    '时候 时间 多次 一下 一个 一些 有关 有关部门 相关 相关部门 部门 问题 情况 反映 反应 要求 希望 请求 请问 麻烦 帮忙 尽快 及时 处理 解决 落实 核实 ' +
    '市民 来电 咨询 投诉 举报 建议 诉求 表示 称 导致 影响 严重 非常 特别 不能 不是 就是 但是 因为 所以 如果 而且 以及 或者 并且 然后 还是 任何 通知 ' +
    '到底 一天 两天 几天 快一天 之前 之后 以后 以来 开始 继续 至今 仍然 依然 也 都 就 还 又 再 很 太 要 会 能 想 让 给 把 被 对 向 从 在 和 与 及'
  ).split(/\s+/),
)
