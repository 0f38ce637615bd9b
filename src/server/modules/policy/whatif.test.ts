import { describe, expect, it } from 'vitest'
import { entityGenerator, jiangsuCounties } from '../../demo/demo-entities'
import { columnsOf } from '../entities'
import { compileRule } from './rules/compile'
import type { Rule } from './rules/rule'
import { whatIf } from './whatif'

const asOf = '2026-11-28'
const entities = Array.from({ length: 3_000 }, (_, i) => entityGenerator(21, asOf, jiangsuCounties())(i))
const columns = columnsOf(entities, [2023, 2024, 2025])

describe('what-if of a draft rule', () => {
  it('counts the enterprises the rule admits, their cost, by city and by industry section', () => {
    const rule: Rule = { all: [{ attr: 'region', op: 'in', value: ['3201', '3205'] }, { attr: 'employees', period: { yearsAgo: 1 }, op: '>=', value: 10 }, { not: { attr: 'flags', op: 'hasAny', value: ['dishonest'] } }] }
    const admitted = entities.filter((e) => compileRule(rule, [], asOf).verdict(e) === 'pass')
    const result = whatIf(columns, rule, [], asOf, 5_000_000)
    expect(result.eligible).toBe(admitted.length)
    expect(result.eligible).toBeGreaterThan(0)
    expect(result.cost).toBe(admitted.length * 5_000_000)
    const count = (key: (e: (typeof entities)[number]) => string) => {
      const totals = new Map<string, number>()
      for (const e of admitted) totals.set(key(e), (totals.get(key(e)) ?? 0) + 1)
      return totals
    }
    expect(new Map(result.byCity.map((c) => [c.code, c.count]))).toEqual(count((e) => e.region!.slice(0, 4)))
    expect(new Map(result.byIndustry.map((c) => [c.section, c.count]))).toEqual(count((e) => e.industry!.charAt(0)))
    expect(result.byCity.map((c) => c.code).sort()).toEqual(['3201', '3205'])
    // Most first.
    expect(result.byIndustry.map((c) => c.count)).toEqual([...result.byIndustry.map((c) => c.count)].sort((a, b) => b - a))
  })
})
