import { attributeOf, columnKey, dayNumber, entityRow, memberBits, type AttributeDef, type EntityFacts, type EntityRow, type RegistryColumns } from '../../entities'
import type { Message } from '../../../platform/errors'
import { isCondition, isParamRef, parameterValue, type Condition, type Operand, type Parameter, type Rule } from './rule'

/** A rule's outcome for one entity: met, not met, or unknown because a value it needs is missing. */
export type Verdict = 'pass' | 'fail' | 'unknown'

/** A condition resolved for an application date: its test on one attribute value. */
type Test =
  /** value within [low, high] (integers: money in fen, counts, day numbers); `negate` for `!=`. */
  | { kind: 'range'; low: number; high: number; negate: boolean }
  /** code equal to or below one of `codes`. */
  | { kind: 'codes'; codes: readonly string[] }
  /** set holding any (or, with `every`, all) of the members in `bits`. */
  | { kind: 'members'; bits: number; every: boolean }
  /** cannot be decided: a parameter has no value yet on the application date. */
  | { kind: 'undecidable'; why: Message }

interface Leaf {
  kind: 'leaf'
  condition: Condition
  attribute: AttributeDef
  /** The fiscal year of a periodic attribute. */
  year?: number
  /** The column it reads. */
  column: string
  test: Test
  /** The resolved values, for explanations (money in fen, dates as text). */
  shown: (number | string)[]
}

type Node = Leaf | { kind: 'all' | 'any'; children: Node[] } | { kind: 'not'; child: Node }

/** One line of an explanation, with the parts of a combination below it. */
export interface Explained {
  verdict: Verdict
  text: Message
  parts?: Explained[]
}

/**
 * A rule compiled for one application date (`asOf`, YYYY-MM-DD) with the item's parameters as
 * in force on that date. The rule must have passed `checkRule`.
 */
export interface CompiledRule {
  asOf: string
  /** The verdict for one entity. */
  verdict(facts: EntityFacts): Verdict
  /** The verdict for one entity's row (`entityRow`): re-matching one changed enterprise builds its row once and tests it against every item. */
  test(row: EntityRow): Verdict
  /** Which conditions pass and which fail for one entity, with the values involved. */
  explain(facts: EntityFacts): Explained
  /** The columnar evaluator over a registry's columns. */
  bind(columns: RegistryColumns): ColumnarRule
}

export function compileRule(rule: Rule, parameters: readonly Parameter[], asOf: string): CompiledRule {
  const params = new Map(parameters.map((p) => [p.key, p]))
  const asOfYear = Number(asOf.slice(0, 4))
  const resolve = (operand: Operand): number | string | undefined => (isParamRef(operand) ? parameterValue(params.get(operand.param)!, asOf) : operand)

  const leaf = (condition: Condition): Leaf => {
    const attribute = attributeOf(condition.attr)!
    const year = 'period' in condition && condition.period ? asOfYear - condition.period.yearsAgo : undefined
    const base = { kind: 'leaf' as const, condition, attribute, year, column: columnKey(condition.attr, year) }
    const undecidable = (operand: Operand): Leaf => ({
      ...base,
      test: { kind: 'undecidable', why: { zh: `参数“${isParamRef(operand) ? operand.param : ''}”在 ${asOf} 尚无取值`, en: `Parameter "${isParamRef(operand) ? operand.param : ''}" has no value on ${asOf}` } },
      shown: [],
    })
    const asNumber = (v: number | string) => (typeof v === 'string' ? dayNumber(v) : v)
    switch (condition.op) {
      case 'in':
        return { ...base, test: { kind: 'codes', codes: condition.value }, shown: condition.value }
      case 'hasAny':
      case 'hasAll': {
        const bits = memberBits(attribute.key)
        return { ...base, test: { kind: 'members', bits: condition.value.reduce((m, k) => m | bits.get(k)!, 0), every: condition.op === 'hasAll' }, shown: condition.value }
      }
      case 'ageUnder':
      case 'ageAtLeast': {
        const years = resolve(condition.value)
        if (years === undefined) return undecidable(condition.value)
        const since = yearsBefore(asOf, Number(years))
        const threshold = dayNumber(since)
        const test: Test = condition.op === 'ageUnder' ? { kind: 'range', low: threshold + 1, high: Infinity, negate: false } : { kind: 'range', low: -Infinity, high: threshold, negate: false }
        return { ...base, test, shown: [Number(years), since] }
      }
      case 'between': {
        const [low, high] = condition.value.map(resolve)
        if (low === undefined) return undecidable(condition.value[0])
        if (high === undefined) return undecidable(condition.value[1])
        return { ...base, test: { kind: 'range', low: asNumber(low), high: asNumber(high), negate: false }, shown: [low, high] }
      }
      default: {
        const value = resolve(condition.value)
        if (value === undefined) return undecidable(condition.value)
        const v = asNumber(value)
        const [low, high] = { '<': [-Infinity, v - 1], '<=': [-Infinity, v], '>': [v + 1, Infinity], '>=': [v, Infinity], '=': [v, v], '!=': [v, v] }[condition.op]
        return { ...base, test: { kind: 'range', low: low!, high: high!, negate: condition.op === '!=' }, shown: [value] }
      }
    }
  }

  const build = (node: Rule): Node => {
    if (isCondition(node)) return leaf(node)
    if ('all' in node) return { kind: 'all', children: node.all.map(build) }
    if ('any' in node) return { kind: 'any', children: node.any.map(build) }
    return { kind: 'not', child: build(node.not) }
  }

  const root = build(rule)
  const test = rowTest(root)
  return {
    asOf,
    verdict: (facts) => test(entityRow(facts)),
    test,
    explain: (facts) => explainNode(root, facts),
    bind: (columns) => bindColumns(root, columns),
  }
}

/** The same month and day `years` earlier (29 February becomes the 28th in a common year). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years
  const m = Number(day.slice(5, 7))
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const d = Math.min(Number(day.slice(8, 10)), lastDay)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

// ---- Row form: one entity ----

/** The attribute value a leaf reads from facts: a number (money, count, day number), a code, a member list, or null. */
function factOf(leaf: Leaf, facts: EntityFacts): number | string | readonly string[] | null {
  const key = leaf.attribute.key
  if (leaf.year !== undefined) return facts.years[leaf.year]?.[key as keyof EntityFacts['years'][number]] ?? null
  const value = facts[key as keyof Omit<EntityFacts, 'years'>]
  if (leaf.attribute.type === 'date') return value === null ? null : dayNumber(value as string)
  return value ?? null
}

function testValue(test: Test, value: number | string | readonly string[] | null, bitsOf: () => number): Verdict {
  switch (test.kind) {
    case 'undecidable':
      return 'unknown'
    case 'members': {
      const mask = bitsOf()
      return (test.every ? (mask & test.bits) === test.bits : (mask & test.bits) !== 0) ? 'pass' : 'fail'
    }
    case 'codes':
      if (value === null) return 'unknown'
      return test.codes.some((code) => (value as string).startsWith(code)) ? 'pass' : 'fail'
    case 'range': {
      if (value === null) return 'unknown'
      const inside = (value as number) >= test.low && (value as number) <= test.high
      return inside !== test.negate ? 'pass' : 'fail'
    }
  }
}

function leafVerdict(leaf: Leaf, facts: EntityFacts): Verdict {
  const value = factOf(leaf, facts)
  return testValue(leaf.test, value, () => {
    const bits = memberBits(leaf.attribute.key)
    return (value as readonly string[]).reduce((m, k) => m | (bits.get(k) ?? 0), 0)
  })
}

/** Kleene's and/or/not over verdicts. */
function combine(kind: 'all' | 'any', verdicts: readonly Verdict[]): Verdict {
  const decisive: Verdict = kind === 'all' ? 'fail' : 'pass'
  let unknown = false
  for (const v of verdicts) {
    if (v === decisive) return decisive
    if (v === 'unknown') unknown = true
  }
  return unknown ? 'unknown' : kind === 'all' ? 'pass' : 'fail'
}

const negated = (v: Verdict): Verdict => (v === 'pass' ? 'fail' : v === 'fail' ? 'pass' : 'unknown')

/** The row evaluator of a rule: closures over the resolved tests, stopping at the first decisive part. */
function rowTest(node: Node): (row: EntityRow) => Verdict {
  if (node.kind === 'not') {
    const child = rowTest(node.child)
    return (row) => negated(child(row))
  }
  if (node.kind !== 'leaf') {
    // Cheap and usually decisive tests first: memberships (qualifications, flags), then codes, then values.
    const cost = (n: Node) => (n.kind !== 'leaf' ? 3 : n.test.kind === 'members' ? 0 : n.test.kind === 'codes' ? 1 : 2)
    const children = [...node.children].sort((a, b) => cost(a) - cost(b)).map(rowTest)
    const decisive: Verdict = node.kind === 'all' ? 'fail' : 'pass'
    const otherwise: Verdict = node.kind === 'all' ? 'pass' : 'fail'
    return (row) => {
      let unknown = false
      for (const child of children) {
        const v = child(row)
        if (v === decisive) return decisive
        if (v === 'unknown') unknown = true
      }
      return unknown ? 'unknown' : otherwise
    }
  }
  const { column, test } = node
  switch (test.kind) {
    case 'undecidable':
      return () => 'unknown'
    case 'members':
      return (row) => {
        const held = ((row[column] as number | undefined) ?? 0) & test.bits
        return (test.every ? held === test.bits : held !== 0) ? 'pass' : 'fail'
      }
    case 'codes': {
      // Entities share a few hundred codes: each is decided once.
      const decided = new Map<string, Verdict>()
      return (row) => {
        const code = row[column]
        if (typeof code !== 'string') return 'unknown'
        let verdict = decided.get(code)
        if (verdict === undefined) decided.set(code, (verdict = test.codes.some((c) => code.startsWith(c)) ? 'pass' : 'fail'))
        return verdict
      }
    }
    case 'range':
      return (row) => {
        const x = row[column]
        if (typeof x !== 'number' || x !== x) return 'unknown'
        return (x >= test.low && x <= test.high) !== test.negate ? 'pass' : 'fail'
      }
  }
}

// ---- Explanations ----

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

function formatValue(attribute: AttributeDef, value: number | string): Message {
  const unit = attribute.unit
  if (typeof value === 'string') return { zh: value, en: value }
  const number = attribute.type === 'money' ? grouped.format(value / 100) : grouped.format(value)
  return unit ? { zh: `${number} ${unit.zh}`, en: `${number} ${unit.en}` } : { zh: number, en: number }
}

function memberLabels(attribute: AttributeDef, keys: readonly string[], joinZh = '、', joinEn = ', '): Message {
  const labels = keys.map((k) => attribute.members?.find((m) => m.key === k)?.label ?? { zh: k, en: k })
  return { zh: labels.map((l) => l.zh).join(joinZh), en: labels.map((l) => l.en).join(joinEn) }
}

/** How a leaf names its attribute: 营业收入（2025 年度）. */
function subject(leaf: Leaf): Message {
  const { label } = leaf.attribute
  return leaf.year === undefined ? label : { zh: `${label.zh}（${leaf.year} 年度）`, en: `${label.en} (FY${leaf.year})` }
}

function requirement(leaf: Leaf): Message {
  const { condition, attribute, shown } = leaf
  const v = (i: number) => formatValue(attribute, shown[i]!)
  switch (condition.op) {
    case 'in': {
      const codes = attribute.codes === 'members' ? memberLabels(attribute, shown as string[]) : { zh: shown.join('、'), en: shown.join(', ') }
      return { zh: `属于 ${codes.zh}`, en: `within ${codes.en}` }
    }
    case 'hasAny': {
      const m = memberLabels(attribute, shown as string[])
      return { zh: `具备其一：${m.zh}`, en: `any of: ${m.en}` }
    }
    case 'hasAll': {
      const m = memberLabels(attribute, shown as string[])
      return { zh: `全部具备：${m.zh}`, en: `all of: ${m.en}` }
    }
    case 'ageUnder':
      return { zh: `晚于 ${shown[1]}（成立不满 ${shown[0]} 年）`, en: `after ${shown[1]} (less than ${shown[0]} years)` }
    case 'ageAtLeast':
      return { zh: `不晚于 ${shown[1]}（成立满 ${shown[0]} 年）`, en: `on or before ${shown[1]} (at least ${shown[0]} years)` }
    case 'between':
      return { zh: `在 ${v(0).zh} 至 ${v(1).zh} 之间`, en: `between ${v(0).en} and ${v(1).en}` }
    default:
      return { zh: `${condition.op === '=' ? '=' : condition.op === '!=' ? '≠' : condition.op.replace('<=', '≤').replace('>=', '≥')} ${v(0).zh}`, en: `${condition.op.replace('<=', '≤').replace('>=', '≥').replace('!=', '≠')} ${v(0).en}` }
  }
}

function explainLeaf(leaf: Leaf, facts: EntityFacts): Explained {
  const verdict = leafVerdict(leaf, facts)
  const who = subject(leaf)
  if (leaf.test.kind === 'undecidable') return { verdict, text: { zh: `${who.zh}：${leaf.test.why.zh}`, en: `${who.en}: ${leaf.test.why.en}` } }
  const need = requirement(leaf)
  const raw = factOf(leaf, facts)
  let has: Message
  if (raw === null) has = { zh: '无数据', en: 'no data' }
  else if (Array.isArray(raw)) has = raw.length === 0 ? { zh: '无', en: 'none' } : memberLabels(leaf.attribute, raw)
  else if (leaf.attribute.type === 'date') {
    const day = String(facts[leaf.attribute.key as 'registeredOn'])
    has = { zh: day, en: day }
  }
  else has = formatValue(leaf.attribute, raw as number | string)
  const mark = verdict === 'pass' ? '✓' : verdict === 'fail' ? '✗' : '?'
  return { verdict, text: { zh: `${mark} ${who.zh} ${has.zh}，要求${need.zh}`, en: `${mark} ${who.en} ${has.en}, needs ${need.en}` } }
}

function explainNode(node: Node, facts: EntityFacts): Explained {
  if (node.kind === 'leaf') return explainLeaf(node, facts)
  if (node.kind === 'not') {
    const part = explainNode(node.child, facts)
    return { verdict: negated(part.verdict), text: { zh: '不得满足：', en: 'must not hold:' }, parts: [part] }
  }
  const parts = node.children.map((child) => explainNode(child, facts))
  const verdict = combine(node.kind, parts.map((p) => p.verdict))
  return { verdict, text: node.kind === 'all' ? { zh: '以下条件全部满足：', en: 'all of these hold:' } : { zh: '以下条件至少满足一项：', en: 'at least one of these holds:' }, parts }
}

// ---- Columnar form: the whole registry ----

/**
 * A kernel decides one condition for the entities marked in `sub` (bit b of word w is the entity
 * at position 32·(offset + w) + b) and writes the ones it passes into `t` and the ones it fails
 * into `f`; an entity in neither is unknown. Unmarked entities get neither.
 */
type Kernel = (sub: Uint32Array, t: Uint32Array, f: Uint32Array, offset: number, words: number) => void

/** A rule bound to the columns of a registry. */
export interface ColumnarRule {
  /**
   * Marks in `out` (word w, bit b) the entities at 32·(offset + w) + b, among those marked in
   * `candidates`, that the rule admits. Buffers hold at least `words` words; `scratch` is reused
   * across rules evaluated one after another in the same thread.
   */
  match(candidates: Uint32Array, out: Uint32Array, offset: number, words: number, scratch: Scratch): void
}

/** Work buffers for the columnar evaluator, three per level of a rule's nesting; one per thread. */
export class Scratch {
  private readonly levels: { sub: Uint32Array; t: Uint32Array; f: Uint32Array }[] = []
  constructor(readonly words: number) {}
  at(depth: number) {
    while (this.levels.length <= depth) this.levels.push({ sub: new Uint32Array(this.words), t: new Uint32Array(this.words), f: new Uint32Array(this.words) })
    return this.levels[depth]!
  }
}

type Evaluator = (cand: Uint32Array, t: Uint32Array, f: Uint32Array, offset: number, words: number, scratch: Scratch, depth: number, needT: boolean, needF: boolean) => void

function bindColumns(root: Node, columns: RegistryColumns): ColumnarRule {
  const evaluate = bindNode(root, columns)
  return {
    match(candidates, out, offset, words, scratch) {
      const { f } = scratch.at(0)
      evaluate(candidates, out, f, offset, words, scratch, 1, true, false)
    },
  }
}

function bindNode(node: Node, columns: RegistryColumns): Evaluator {
  if (node.kind === 'leaf') {
    const kernel = kernelOf(node, columns)
    return (cand, t, f, offset, words) => kernel(cand, t, f, offset, words)
  }
  if (node.kind === 'not') {
    const child = bindNode(node.child, columns)
    // not: the child's passes are our fails and the other way round; what we need of it swaps too.
    return (cand, t, f, offset, words, scratch, depth, needT, needF) => child(cand, f, t, offset, words, scratch, depth, needF, needT)
  }
  const children = node.children.map((c) => bindNode(c, columns))
  // The part most likely to decide goes first: for `all` the one fewest pass, for `any` the one most pass.
  const rates = children.map((child) => passRate(child, columns))
  const order = children.map((_, i) => i).sort((a, b) => (node.kind === 'all' ? rates[a]! - rates[b]! : rates[b]! - rates[a]!))
  const ordered = order.map((i) => children[i]!)
  return node.kind === 'all' ? allOf(ordered) : anyOf(ordered)
}

const SAMPLE_WORDS = 64

/** The share of a sample of the registry (its first 2,048 entities) a part passes. */
function passRate(evaluate: Evaluator, columns: RegistryColumns): number {
  const words = Math.min(SAMPLE_WORDS, Math.ceil(columns.size / 32))
  if (words === 0) return 0
  const cand = markEntities(new Uint32Array(words), columns.size, 0, words)
  const t = new Uint32Array(words)
  evaluate(cand, t, new Uint32Array(words), 0, words, new Scratch(words), 1, true, false)
  let passed = 0
  for (let w = 0; w < words; w++) passed += bitCount(t[w]!)
  return passed / Math.min(columns.size, words * 32)
}

/**
 * Marks in `candidates` every entity of words [offset, offset + words) of a registry of `size`
 * entities (the last word only up to the last entity), and returns it: what a full run starts from.
 */
export function markEntities(candidates: Uint32Array, size: number, offset: number, words: number): Uint32Array {
  for (let w = 0; w < words; w++) {
    const left = size - (offset + w) * 32
    candidates[w] = left >= 32 ? 0xffffffff : (1 << left) - 1
  }
  return candidates
}

/** The number of bits set in a 32-bit word. */
export function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * all: T = passed every part so far, F = failed one. A part is decided only for the entities it
 * can still change: those not yet failed, or, when only passes are needed, those passing so far.
 */
function allOf(children: Evaluator[]): Evaluator {
  return (cand, t, f, offset, words, scratch, depth, needT, needF) => {
    const { sub, t: ct, f: cf } = scratch.at(depth)
    t.set(cand.subarray(0, words))
    f.fill(0, 0, words)
    for (const child of children) {
      let any = 0
      for (let w = 0; w < words; w++) any |= sub[w] = needF ? cand[w]! & ~f[w]! : t[w]!
      if (any === 0) break
      child(sub, ct, cf, offset, words, scratch, depth + 1, needT, needF)
      for (let w = 0; w < words; w++) {
        f[w] = f[w]! | cf[w]!
        t[w] = t[w]! & ct[w]!
      }
    }
  }
}

/** any: T = passed one part, F = failed every part so far; the mirror of allOf. */
function anyOf(children: Evaluator[]): Evaluator {
  return (cand, t, f, offset, words, scratch, depth, needT, needF) => {
    const { sub, t: ct, f: cf } = scratch.at(depth)
    t.fill(0, 0, words)
    f.set(cand.subarray(0, words))
    for (const child of children) {
      let any = 0
      for (let w = 0; w < words; w++) any |= sub[w] = needT ? cand[w]! & ~t[w]! : f[w]!
      if (any === 0) break
      child(sub, ct, cf, offset, words, scratch, depth + 1, needT, needF)
      for (let w = 0; w < words; w++) {
        t[w] = t[w]! | ct[w]!
        f[w] = f[w]! & cf[w]!
      }
    }
  }
}

function kernelOf(leaf: Leaf, columns: RegistryColumns): Kernel {
  const test = leaf.test
  switch (test.kind) {
    case 'undecidable':
      return unknownKernel
    case 'range': {
      const column = columns.numbers.get(leaf.column)
      if (!column) return unknownKernel
      return test.negate ? rangeKernel(column, test.low, test.high, true) : rangeKernel(column, test.low, test.high, false)
    }
    case 'codes': {
      const column = columns.codes.get(leaf.column)
      if (!column) return unknownKernel
      const admitted = Uint8Array.from(column.dictionary, (code) => (test.codes.some((c) => code.startsWith(c)) ? 1 : 0))
      return codeKernel(column.values, admitted)
    }
    case 'members': {
      const column = columns.sets.get(leaf.column)
      if (!column) return unknownKernel
      return membersKernel(column, test.bits, test.every)
    }
  }
}

const unknownKernel: Kernel = (_sub, t, f, _offset, words) => {
  t.fill(0, 0, words)
  f.fill(0, 0, words)
}

function rangeKernel(column: Float64Array, low: number, high: number, negate: boolean): Kernel {
  return (sub, t, f, offset, words) => {
    for (let w = 0; w < words; w++) {
      let m = sub[w]!
      let pass = 0
      let fail = 0
      const base = (offset + w) << 5
      if (m === 0xffffffff) {
        // Every entity of the word: a straight loop beats picking bits.
        for (let b = 0; b < 32; b++) {
          const x = column[base + b]!
          if (x >= low && x <= high) pass |= 1 << b
          else if (x === x) fail |= 1 << b
        }
        m = 0
      }
      while (m !== 0) {
        const bit = m & -m
        m ^= bit
        const x = column[base + 31 - Math.clz32(bit)]!
        if (x >= low && x <= high) pass |= bit
        else if (x === x) fail |= bit
      }
      t[w] = negate ? fail : pass
      f[w] = negate ? pass : fail
    }
  }
}

function codeKernel(values: Int32Array, admitted: Uint8Array): Kernel {
  return (sub, t, f, offset, words) => {
    for (let w = 0; w < words; w++) {
      let m = sub[w]!
      let pass = 0
      let fail = 0
      const base = (offset + w) << 5
      if (m === 0xffffffff) {
        for (let b = 0; b < 32; b++) {
          const code = values[base + b]!
          if (code < 0) continue
          if (admitted[code] === 1) pass |= 1 << b
          else fail |= 1 << b
        }
        m = 0
      }
      while (m !== 0) {
        const bit = m & -m
        m ^= bit
        const code = values[base + 31 - Math.clz32(bit)]!
        if (code < 0) continue
        if (admitted[code] === 1) pass |= bit
        else fail |= bit
      }
      t[w] = pass
      f[w] = fail
    }
  }
}

function membersKernel(masks: Uint32Array, bits: number, every: boolean): Kernel {
  return (sub, t, f, offset, words) => {
    for (let w = 0; w < words; w++) {
      let m = sub[w]!
      let pass = 0
      const base = (offset + w) << 5
      const all = m
      if (m === 0xffffffff) {
        for (let b = 0; b < 32; b++) {
          const held = masks[base + b]! & bits
          if (every ? held === bits : held !== 0) pass |= 1 << b
        }
        m = 0
      }
      while (m !== 0) {
        const bit = m & -m
        m ^= bit
        const held = masks[base + 31 - Math.clz32(bit)]! & bits
        if (every ? held === bits : held !== 0) pass |= bit
      }
      t[w] = pass
      f[w] = all & ~pass
    }
  }
}
