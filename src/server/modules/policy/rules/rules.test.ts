import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnsOf, type EntityFacts } from '../../entities'
import { checkParameters, checkRule } from './check'
import { compileRule, markEntities, Scratch, type Verdict } from './compile'
import type { Condition, Operand, Parameter, Rule } from './rule'

// ---- A plain row-by-row interpreter of the rule JSON: the specification the compiled forms must agree with ----

const PERIODIC = new Set(['employees', 'revenue', 'tax', 'rdExpense'])

function minusYears(day: string, years: number): string {
  const y = String(Number(day.slice(0, 4)) - years).padStart(4, '0')
  const md = day.slice(5)
  const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0
  return `${y}-${md === '02-29' && !leap(Number(y)) ? '02-28' : md}`
}

function reference(rule: Rule, parameters: readonly Parameter[], asOf: string, e: EntityFacts): Verdict {
  if ('all' in rule || 'any' in rule) {
    const parts = 'all' in rule ? rule.all : rule.any
    const verdicts = parts.map((r) => reference(r, parameters, asOf, e))
    const decisive = 'all' in rule ? 'fail' : 'pass'
    if (verdicts.includes(decisive)) return decisive
    if (verdicts.includes('unknown')) return 'unknown'
    return 'all' in rule ? 'pass' : 'fail'
  }
  if ('not' in rule) {
    const v = reference(rule.not, parameters, asOf, e)
    return v === 'unknown' ? 'unknown' : v === 'pass' ? 'fail' : 'pass'
  }
  const c = rule
  const operand = (o: Operand): number | string | undefined => {
    if (typeof o !== 'object') return o
    const p = parameters.find((x) => x.key === o.param)!
    return [...p.values].reverse().find((v) => v.from <= asOf)?.value
  }
  const raw = PERIODIC.has(c.attr)
    ? (e.years[Number(asOf.slice(0, 4)) - ('period' in c ? c.period!.yearsAgo : 0)]?.[c.attr as 'revenue'] ?? null)
    : (e[c.attr as keyof Omit<EntityFacts, 'years'>] ?? null)
  const bool = (b: boolean): Verdict => (b ? 'pass' : 'fail')
  if (c.op === 'hasAny') return bool(c.value.some((m) => (raw as string[]).includes(m)))
  if (c.op === 'hasAll') return bool(c.value.every((m) => (raw as string[]).includes(m)))
  if (raw === null) return 'unknown'
  if (c.op === 'in') return bool(c.value.some((code) => (raw as string).startsWith(code)))
  if (c.op === 'ageUnder' || c.op === 'ageAtLeast') {
    const years = operand(c.value)
    if (years === undefined) return 'unknown'
    const since = minusYears(asOf, Number(years))
    return bool(c.op === 'ageUnder' ? (raw as string) > since : (raw as string) <= since)
  }
  const x = raw as number | string
  if (c.op === 'between') {
    const [low, high] = c.value.map(operand)
    if (low === undefined || high === undefined) return 'unknown'
    return bool(x >= low && x <= high)
  }
  const v = operand(c.value as Operand)
  if (v === undefined) return 'unknown'
  return bool({ '<': x < v, '<=': x <= v, '>': x > v, '>=': x >= v, '=': x === v, '!=': x !== v }[c.op])
}

// ---- Generators: values near each other, so boundaries and equalities happen ----

const PARAMETERS: Parameter[] = [
  { key: 'floor', label: { zh: '收入下限', en: 'Revenue floor' }, type: 'money', values: [{ from: '2024-01-01', value: 300_000 }, { from: '2026-07-01', value: 500_000 }] },
  { key: 'staff', label: { zh: '人数', en: 'Staff' }, type: 'integer', values: [{ from: '2020-01-01', value: 20 }] },
  { key: 'young', label: { zh: '年限', en: 'Years' }, type: 'years', values: [{ from: '2025-01-01', value: 3 }] },
  { key: 'since', label: { zh: '起始日', en: 'Since' }, type: 'date', values: [{ from: '2020-01-01', value: '2021-06-30' }] },
]
const AS_OF = ['2024-02-29', '2024-06-30', '2025-03-01', '2026-07-01', '2026-11-28', '2028-02-29']
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]
const money = fc.integer({ min: 0, max: 10 }).map((n) => n * 100_000)
const count = fc.integer({ min: 0, max: 50 })
const day = fc.constantFrom('2016-02-29', '2019-12-31', '2021-06-30', '2021-07-01', '2023-02-28', '2023-03-01', '2023-06-30', '2024-02-29', '2025-03-01', '2026-07-01')
const ENTITY_REGIONS = ['320102', '320104', '320205', '320311', '330106']
const ENTITY_INDUSTRIES = ['C3911', 'C3912', 'C2710', 'I6510', 'F5123']
const QUALS = ['high_tech', 'tech_sme', 'specialised', 'little_giant']
const FLAG_KEYS = ['small_micro', 'listed', 'dishonest']

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 })

const entity: fc.Arbitrary<EntityFacts> = fc.record({
  region: nullable(fc.constantFrom(...ENTITY_REGIONS)),
  industry: nullable(fc.constantFrom(...ENTITY_INDUSTRIES)),
  registeredOn: nullable(day),
  registeredCapital: nullable(money),
  taxCredit: nullable(fc.constantFrom('A', 'B', 'M', 'C', 'D')),
  qualifications: fc.subarray(QUALS),
  flags: fc.subarray(FLAG_KEYS),
  years: fc.dictionary(
    fc.constantFrom(...YEARS.map(String)),
    fc.record({ employees: nullable(count), revenue: nullable(money), tax: nullable(money), rdExpense: nullable(money) }, { requiredKeys: [] }),
  ),
})

const period = fc.record({ yearsAgo: fc.integer({ min: 0, max: 3 }) })
const compareOp = fc.constantFrom('<', '<=', '>', '>=', '=', '!=' as const)

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ attr: fc.constantFrom('revenue', 'tax', 'rdExpense'), period, op: compareOp, value: fc.oneof(money, fc.constant({ param: 'floor' })) }),
  fc.record({ attr: fc.constant('employees'), period, op: compareOp, value: fc.oneof(count, fc.constant({ param: 'staff' })) }),
  fc.record({ attr: fc.constantFrom('revenue', 'rdExpense'), period, op: fc.constant('between' as const), value: fc.tuple(money, money).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [Operand, Operand]) }),
  fc.record({ attr: fc.constant('registeredCapital'), op: compareOp, value: money }),
  fc.record({ attr: fc.constant('registeredOn'), op: compareOp, value: fc.oneof(day, fc.constant({ param: 'since' })) }),
  fc.record({ attr: fc.constant('registeredOn'), op: fc.constantFrom('ageUnder', 'ageAtLeast' as const), value: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant({ param: 'young' })) }),
  fc.record({ attr: fc.constant('region'), op: fc.constant('in' as const), value: fc.uniqueArray(fc.constantFrom('32', '3201', '3202', '320102', '33'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attr: fc.constant('industry'), op: fc.constant('in' as const), value: fc.uniqueArray(fc.constantFrom('C', 'C39', 'C391', 'C3911', 'I', 'I65'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attr: fc.constant('taxCredit'), op: fc.constant('in' as const), value: fc.uniqueArray(fc.constantFrom('A', 'B', 'M', 'C', 'D'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attr: fc.constantFrom('qualifications'), op: fc.constantFrom('hasAny', 'hasAll' as const), value: fc.uniqueArray(fc.constantFrom(...QUALS), { minLength: 1, maxLength: 3 }) }),
  fc.record({ attr: fc.constantFrom('flags'), op: fc.constantFrom('hasAny', 'hasAll' as const), value: fc.uniqueArray(fc.constantFrom(...FLAG_KEYS), { minLength: 1, maxLength: 2 }) }),
) as fc.Arbitrary<Condition>

const rule: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie('rule') }),
  ),
})).rule

/** Whether the checker accepts it: the generator can draw contradictory `all`s, which the checker refuses. */
const accepted = (r: Rule) => checkRule(r, PARAMETERS).length === 0

/** Positions the columnar evaluator admits, evaluated in chunks of `chunkWords` words. */
function columnarEligible(r: Rule, asOf: string, entities: EntityFacts[], chunkWords: number): number[] {
  const bound = compileRule(r, PARAMETERS, asOf).bind(columnsOf(entities, YEARS))
  const words = Math.ceil(entities.length / 32)
  const scratch = new Scratch(chunkWords)
  const candidates = new Uint32Array(chunkWords)
  const out = new Uint32Array(chunkWords)
  const admitted: number[] = []
  for (let offset = 0; offset < words; offset += chunkWords) {
    const n = Math.min(chunkWords, words - offset)
    bound.match(markEntities(candidates, entities.length, offset, n), out, offset, n, scratch)
    for (let w = 0; w < n; w++) for (let b = 0; b < 32; b++) if ((out[w]! >>> b) & 1) admitted.push((offset + w) * 32 + b)
  }
  return admitted
}

describe('rules: the compiled forms agree with the plain interpreter', () => {
  it('gives every entity the same verdict in row form and in its explanation', () => {
    fc.assert(
      fc.property(rule.filter(accepted), fc.constantFrom(...AS_OF), fc.array(entity, { maxLength: 20 }), (r, asOf, entities) => {
        const compiled = compileRule(r, PARAMETERS, asOf)
        for (const e of entities) {
          const expected = reference(r, PARAMETERS, asOf, e)
          expect(compiled.verdict(e)).toBe(expected)
          expect(compiled.explain(e).verdict).toBe(expected)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('admits in columns exactly the entities the interpreter passes, however the registry is chunked', () => {
    fc.assert(
      fc.property(rule.filter(accepted), fc.constantFrom(...AS_OF), fc.array(entity, { minLength: 1, maxLength: 150 }), fc.integer({ min: 1, max: 3 }), (r, asOf, entities, chunkWords) => {
        const expected = entities.flatMap((e, i) => (reference(r, PARAMETERS, asOf, e) === 'pass' ? [i] : []))
        expect(columnarEligible(r, asOf, entities, chunkWords)).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})

const base: EntityFacts = { region: '320102', industry: 'C3911', registeredOn: '2024-05-01', registeredCapital: 500_000_000, taxCredit: 'A', qualifications: ['high_tech'], flags: [], years: { 2025: { revenue: 800_000_000, employees: 45 } } }

describe('rules: explanations', () => {
  it('names the value and the threshold of a failed condition', () => {
    const compiled = compileRule({ attr: 'revenue', period: { yearsAgo: 1 }, op: '>=', value: 1_000_000_000 }, [], '2026-11-28')
    expect(compiled.explain(base)).toEqual({ verdict: 'fail', text: { zh: '✗ 营业收入（2025 年度） 8,000,000 元，要求≥ 10,000,000 元', en: '✗ Revenue (FY2025) 8,000,000 yuan, needs ≥ 10,000,000 yuan' } })
  })

  it('says a value is missing rather than failing it', () => {
    const compiled = compileRule({ all: [{ attr: 'qualifications', op: 'hasAny', value: ['high_tech', 'tech_sme'] }, { attr: 'tax', period: { yearsAgo: 1 }, op: '>', value: 0 }] }, [], '2026-11-28')
    const explained = compiled.explain(base)
    expect(explained.verdict).toBe('unknown')
    expect(explained.parts!.map((p) => p.text.zh)).toEqual(['✓ 资质 高新技术企业，要求具备其一：高新技术企业、科技型中小企业', '? 纳税总额（2025 年度） 无数据，要求> 0 元'])
  })

  it('states an age condition as the date it turns into', () => {
    const compiled = compileRule({ attr: 'registeredOn', op: 'ageUnder', value: 3 }, [], '2026-11-28')
    expect(compiled.explain(base).text.zh).toBe('✓ 成立日期 2024-05-01，要求晚于 2023-11-28（成立不满 3 年）')
  })

  it('uses the parameter value in force on the application date', () => {
    const r: Rule = { attr: 'revenue', period: { yearsAgo: 1 }, op: '>=', value: { param: 'floor' } }
    const floor: Parameter[] = [{ key: 'floor', label: { zh: '下限', en: 'Floor' }, type: 'money', values: [{ from: '2026-01-01', value: 500_000_000 }, { from: '2026-07-01', value: 1_000_000_000 }] }]
    expect(compileRule(r, floor, '2026-06-30').verdict(base)).toBe('pass')
    expect(compileRule(r, floor, '2026-07-01').verdict(base)).toBe('fail')
    expect(compileRule(r, floor, '2025-12-31').explain(base).text.zh).toBe('营业收入（2024 年度）：参数“floor”在 2025-12-31 尚无取值')
  })
})

describe('rules: checking a rule when it is saved', () => {
  const ids = (r: unknown, p: Parameter[] = []) => checkRule(r, p).map((x) => `${x.path} ${x.id}`)

  it('accepts a well-formed rule', () => {
    expect(ids({ all: [{ attr: 'region', op: 'in', value: ['3201'] }, { attr: 'registeredOn', op: 'ageUnder', value: 3 }, { not: { attr: 'flags', op: 'hasAny', value: ['dishonest'] } }] })).toEqual([])
  })

  it('names an unknown attribute, operator, code or parameter where it is', () => {
    expect(ids({ all: [{ attr: 'profit', op: '>', value: 1 }] })).toEqual(['all[0].attr rule_unknown_attribute'])
    expect(ids({ attr: 'region', op: '>', value: 1 })).toEqual(['op rule_wrong_operator'])
    expect(ids({ attr: 'industry', op: 'in', value: ['C39', 'Z9'] })).toEqual(['value[1] rule_unknown_code'])
    expect(ids({ attr: 'qualifications', op: 'hasAny', value: ['unicorn'] })).toEqual(['value[0] rule_unknown_code'])
    expect(ids({ attr: 'registeredCapital', op: '>=', value: { param: 'floor' } })).toEqual(['value rule_unknown_parameter'])
  })

  it('refuses a value of the wrong type', () => {
    expect(ids({ attr: 'registeredCapital', op: '>=', value: '1000' })).toEqual(['value rule_wrong_type'])
    expect(ids({ attr: 'registeredCapital', op: '>=', value: 10.5 })).toEqual(['value rule_wrong_type'])
    expect(ids({ attr: 'registeredOn', op: '<', value: '2024-02-30' })).toEqual(['value rule_wrong_type'])
    expect(ids({ attr: 'registeredCapital', op: '>=', value: { param: 'staff' } }, PARAMETERS)).toEqual(['value rule_wrong_type'])
  })

  it('asks a periodic attribute for its year and refuses one on a plain attribute', () => {
    expect(ids({ attr: 'revenue', op: '>', value: 0 })).toEqual(['period rule_period_missing'])
    expect(ids({ attr: 'registeredCapital', period: { yearsAgo: 1 }, op: '>', value: 0 })).toEqual(['period rule_wrong_period'])
  })

  it('refuses a range no value can satisfy', () => {
    expect(ids({ attr: 'revenue', period: { yearsAgo: 1 }, op: 'between', value: [10, 5] })).toEqual(['value rule_impossible'])
    expect(ids({ all: [{ attr: 'employees', period: { yearsAgo: 1 }, op: '>=', value: 10 }, { attr: 'employees', period: { yearsAgo: 1 }, op: '<', value: 5 }] })).toEqual(['all rule_impossible'])
    // Different years do not contradict each other.
    expect(ids({ all: [{ attr: 'employees', period: { yearsAgo: 1 }, op: '>=', value: 10 }, { attr: 'employees', period: { yearsAgo: 2 }, op: '<', value: 5 }] })).toEqual([])
  })

  it('refuses what is not a rule at all', () => {
    expect(ids(null)).toEqual([' rule_malformed'])
    expect(ids({ all: [] })).toEqual(['all rule_malformed'])
    expect(ids({ all: [{ attr: 'region', op: 'in', value: ['32'] }], any: [] })).toEqual([' rule_malformed'])
    expect(ids({ attr: 'region', op: 'in', value: ['32'], extra: 1 })).toEqual([' rule_malformed'])
  })

  it('checks parameters: keys, types and dated values in order', () => {
    expect(checkParameters(PARAMETERS)).toEqual([])
    expect(checkParameters([{ key: 'floor', type: 'money', values: [{ from: '2026-07-01', value: 1 }, { from: '2026-01-01', value: 2 }] }]).map((p) => p.id)).toEqual(['parameter_malformed'])
    expect(checkParameters([{ key: 'floor', type: 'money', values: [{ from: '2026-07-01', value: 'x' }] }]).map((p) => p.id)).toEqual(['rule_wrong_type'])
  })
})
