/**
 * The peer of `npm run bench:policy`: json-rules-engine with the same rules. A rule is translated
 * on its own here (not through our compiler), so the comparison of eligible sets is a real
 * cross-check: negations are pushed down to the conditions, and every condition is false on a
 * missing value, which gives exactly the enterprises our three-valued rules admit.
 */
import { Engine, type TopLevelCondition } from 'json-rules-engine'
import { dayNumber, type EntityFacts } from '../src/server/modules/entities'
import { yearsBefore } from '../src/server/modules/policy/rules/compile'
import { isCondition, isParamRef, parameterValue, type Condition, type Operand, type Parameter, type Rule } from '../src/server/modules/policy/rules/rule'
import type { GeneratedItem } from '../src/server/demo/demo-policy-items'

type JreCondition = { fact: string; operator: string; value: unknown } | { all: JreCondition[] } | { any: JreCondition[] }

function condition(c: Condition, parameters: readonly Parameter[], asOf: string, negated: boolean): JreCondition {
  const value = (o: Operand) => (isParamRef(o) ? parameterValue(parameters.find((p) => p.key === o.param)!, asOf)! : o)
  const asNumber = (v: number | string) => (typeof v === 'string' ? dayNumber(v) : v)
  const fact = 'period' in c && c.period ? `${c.attr}@${Number(asOf.slice(0, 4)) - c.period.yearsAgo}` : c.attr
  switch (c.op) {
    case 'in':
      return { fact, operator: negated ? 'underNone' : 'underAny', value: c.value }
    case 'hasAny':
      return { fact, operator: negated ? 'lacksAll' : 'hasAny', value: c.value }
    case 'hasAll':
      return { fact, operator: negated ? 'lacksSome' : 'hasAll', value: c.value }
    case 'ageUnder':
    case 'ageAtLeast': {
      const since = dayNumber(yearsBefore(asOf, Number(value(c.value))))
      return { fact, operator: negated ? 'outside' : 'within', value: c.op === 'ageUnder' ? [since + 1, Infinity] : [-Infinity, since] }
    }
    case 'between':
      return { fact, operator: negated ? 'outside' : 'within', value: c.value.map((v) => asNumber(value(v))) }
    default: {
      const v = asNumber(value(c.value))
      const range = { '<': [-Infinity, v - 1], '<=': [-Infinity, v], '>': [v + 1, Infinity], '>=': [v, Infinity], '=': [v, v], '!=': [v, v] }[c.op]
      return { fact, operator: negated !== (c.op === '!=') ? 'outside' : 'within', value: range }
    }
  }
}

function translate(rule: Rule, parameters: readonly Parameter[], asOf: string, negated = false): JreCondition {
  if (isCondition(rule)) return condition(rule, parameters, asOf, negated)
  if ('not' in rule) return translate(rule.not, parameters, asOf, !negated)
  const parts = ('all' in rule ? rule.all : rule.any).map((r) => translate(r, parameters, asOf, negated))
  return ('all' in rule) !== negated ? { all: parts } : { any: parts }
}

const known = (v: unknown) => v !== null && v !== undefined
const within = (v: number, [low, high]: number[]) => v >= low! && v <= high!

/** An engine holding every item's rule; an item's event type is its index. */
export function jreEngine(items: readonly GeneratedItem[], asOf: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addOperator<number, number[]>('within', (v, range) => known(v) && within(v, range))
  engine.addOperator<number, number[]>('outside', (v, range) => known(v) && !within(v, range))
  engine.addOperator<string, string[]>('underAny', (v, codes) => known(v) && codes.some((c) => v.startsWith(c)))
  engine.addOperator<string, string[]>('underNone', (v, codes) => known(v) && !codes.some((c) => v.startsWith(c)))
  engine.addOperator<string[], string[]>('hasAny', (v, members) => members.some((m) => v.includes(m)))
  engine.addOperator<string[], string[]>('hasAll', (v, members) => members.every((m) => v.includes(m)))
  engine.addOperator<string[], string[]>('lacksAll', (v, members) => !members.some((m) => v.includes(m)))
  engine.addOperator<string[], string[]>('lacksSome', (v, members) => !members.every((m) => v.includes(m)))
  items.forEach((item, j) => {
    const top = translate(item.rule, item.parameters, asOf)
    engine.addRule({ conditions: ('fact' in top ? { all: [top] } : top) as TopLevelCondition, event: { type: String(j) } })
  })
  return engine
}

/** One enterprise as json-rules-engine's facts: periodic values as `revenue@2025`, dates as day numbers. */
export function jreFacts(e: EntityFacts): Record<string, unknown> {
  const facts: Record<string, unknown> = { region: e.region, industry: e.industry, registeredOn: e.registeredOn === null ? null : dayNumber(e.registeredOn), registeredCapital: e.registeredCapital, taxCredit: e.taxCredit, qualifications: e.qualifications, flags: e.flags }
  for (const [year, values] of Object.entries(e.years)) for (const [key, v] of Object.entries(values)) facts[`${key}@${year}`] = v
  return facts
}
