import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentTokens } from '../../platform/search/text'
import { baselineOf, defaultSurgeOptions, detectSurges, sharedTerms, surgeOf, type SurgeCell } from './surge'

const categories = ['urban.utilities', 'housing.property', 'labour.wages', 'transport.public']
const regions = ['320102', '320104', '320322', '320381']

const arbitraryBaseline = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 30 })
const arbitraryCell = fc.record({
  categoryKey: fc.constantFrom(...categories),
  regionCode: fc.constantFrom(...regions),
  count: fc.nat({ max: 200 }),
  baseline: arbitraryBaseline,
})
/** Cells with distinct keys, as the service builds them (one per category and county). */
const arbitraryCells = fc.uniqueArray(arbitraryCell, { selector: (c) => `${c.categoryKey}:${c.regionCode}`, maxLength: 16 })
const keyOf = (c: { categoryKey: string; regionCode: string }) => `${c.categoryKey}:${c.regionCode}`
const cell = (count: number, baseline: number[]): SurgeCell => ({ categoryKey: 'urban.utilities', regionCode: '320322', count, baseline })

describe('surge detection', () => {
  it('flags a water outage of 36 calls in a county that usually has none', () => {
    const [alert] = detectSurges([cell(36, new Array(14).fill(0)), { ...cell(2, [1, 0, 2]), regionCode: '320102' }])
    expect(alert).toMatchObject({ categoryKey: 'urban.utilities', regionCode: '320322', count: 36, mean: 0, sd: 0, z: 36 })
    expect(detectSurges([cell(36, new Array(14).fill(0))])).toHaveLength(1)
  })

  it('needs at least minCount appeals however quiet the baseline', () => {
    expect(surgeOf(cell(4, [0, 0, 0, 0]))).toBeNull()
    expect(surgeOf(cell(5, [0, 0, 0, 0]))).not.toBeNull()
  })

  it('needs the count to stand k floored deviations above the mean', () => {
    // mean 10, sd 0 (floored to 1): 13 is exactly mean + 3, but not three times the mean
    expect(surgeOf(cell(13, [10, 10, 10]))).toBeNull()
    // a noisy baseline (mean 10, sd 10) needs 40 even though 30 is three times the mean
    expect(surgeOf(cell(30, [0, 20, 0, 20]))).toBeNull()
    expect(surgeOf(cell(40, [0, 20, 0, 20]))).toMatchObject({ mean: 10, sd: 10, z: 3 })
  })

  it('needs a busy, steady cell to multiply by ratio, not just rise a few deviations', () => {
    // mean 20, sd 1: 25 is five deviations up but only 1.25 times the usual
    expect(surgeOf(cell(25, [19, 21, 19, 21]))).toBeNull()
    expect(surgeOf(cell(60, [19, 21, 19, 21]))).not.toBeNull()
  })

  it('orders alerts by severity, most unusual first', () => {
    const alerts = detectSurges([
      { ...cell(8, [0, 0, 1, 0]), categoryKey: 'labour.wages' },
      cell(36, [0, 0, 0, 0]),
      { ...cell(20, [2, 3, 2, 3]), regionCode: '320102' },
    ])
    expect(alerts.map(keyOf)).toEqual(['urban.utilities:320322', 'urban.utilities:320102', 'labour.wages:320322'])
    expect(alerts.map((a) => a.z)).toEqual([...alerts.map((a) => a.z)].sort((a, b) => b - a))
  })

  it('keeps every alert when all counts are scaled by the same factor', () => {
    fc.assert(
      fc.property(arbitraryCells, fc.integer({ min: 1, max: 50 }), (cells, factor) => {
        const scaled = cells.map((c) => ({ ...c, count: c.count * factor, baseline: c.baseline.map((b) => b * factor) }))
        const after = new Set(detectSurges(scaled).map(keyOf))
        for (const alert of detectSurges(cells)) expect(after.has(keyOf(alert))).toBe(true)
      }),
    )
  })

  it('never un-flags a cell when more appeals arrive in it', () => {
    fc.assert(
      fc.property(arbitraryCell, fc.nat({ max: 500 }), (c, more) => {
        fc.pre(surgeOf(c) !== null)
        const grown = surgeOf({ ...c, count: c.count + more })
        expect(grown).not.toBeNull()
        expect(grown!.z).toBeGreaterThanOrEqual(surgeOf(c)!.z)
      }),
    )
  })

  it('never flags a cell at or below its usual level', () => {
    fc.assert(
      fc.property(arbitraryBaseline, fc.nat({ max: 40 }), (baseline, level) => {
        expect(surgeOf(cell(level, baseline.map(() => level)))).toBeNull()
        expect(surgeOf(cell(Math.floor(baselineOf(baseline).mean), baseline))).toBeNull()
      }),
    )
  })

  it('is deterministic: the same cells in any order give the same alerts', () => {
    fc.assert(
      fc.property(arbitraryCells.chain((cells) => fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length }))), ([cells, shuffled]) => {
        expect(detectSurges(shuffled)).toEqual(detectSurges(cells))
        expect(detectSurges(cells)).toEqual(detectSurges(cells))
      }),
    )
  })

  it('flags exactly the cells meeting all three rules', () => {
    fc.assert(
      fc.property(arbitraryCell, (c) => {
        const { mean, sd } = baselineOf(c.baseline)
        const { minCount, k, ratio, sdFloor } = defaultSurgeOptions
        const expected = c.count >= minCount && c.count >= mean + k * Math.max(sd, sdFloor) - 1e-6 && c.count >= ratio * mean - 1e-6
        const clearly = Math.abs(c.count - (mean + k * Math.max(sd, sdFloor))) > 1e-6 && Math.abs(c.count - ratio * mean) > 1e-6
        fc.pre(clearly)
        expect(surgeOf(c) !== null).toBe(expected)
      }),
    )
  })
})

describe('the terms a cluster shares', () => {
  it('finds what a water outage’s appeals have in common and drops the boilerplate', () => {
    const texts = [
      '小区从昨天晚上开始停水，到现在还没来水，请尽快恢复供水。',
      '我们小区停水快一天了，自来水公司电话一直占线，什么时候能来水？',
      '昨晚开始停水，楼里几百户都没水用，希望有关部门尽快抢修。',
    ]
    const terms = sharedTerms(texts.map((t) => documentTokens('小区停水', t)), 5)
    expect(terms[0]).toEqual({ term: '停水', appeals: 3 })
    expect(terms.map((t) => t.term)).toContain('小区')
    expect(terms.map((t) => t.term)).not.toContain('尽快')
    expect(terms.every((t) => t.appeals >= 2 && [...t.term].length >= 2)).toBe(true)
  })

  it('counts a term once per appeal, however often the appeal repeats it', () => {
    expect(sharedTerms([['停水', '停水', '停电'], ['停水'], ['停电', '停电'], ['供水']], 10)).toEqual([
      { term: '停水', appeals: 2 },
      { term: '停电', appeals: 2 },
    ])
  })
})
