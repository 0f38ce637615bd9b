import { isValidDay } from '../../../platform/calendar/calendar'
import { attributeOf, dayNumber, type AttributeDef } from '../../entities'
import type { Message } from '../../../platform/errors'
import type { Parameter, ParameterType } from './rule'

/** One thing wrong with a rule, where it is (`all[2].value`) and why, in both languages. */
export interface RuleProblem {
  path: string
  id: string
  message: Message
}

const RULE_LIMITS = { depth: 8, conditions: 64, listLength: 200 } as const

const compareOps = new Set(['<', '<=', '>', '>=', '=', '!='])
const opsOfType: Record<AttributeDef['type'], readonly string[]> = {
  money: [...compareOps, 'between'],
  integer: [...compareOps, 'between'],
  date: [...compareOps, 'between', 'ageUnder', 'ageAtLeast'],
  code: ['in'],
  set: ['hasAny', 'hasAll'],
}
const codePatterns = { region: /^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, industry: /^[A-T](\d{2}(\d{1,2})?)?$/ }
const paramKeyPattern = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
const isDay = (text: unknown): text is string => typeof text === 'string' && isValidDay(text)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Checks a rule (as it came, untyped) against the attribute schema and the item's parameters,
 * and returns every problem found; none means the rule is a `Rule` that compiles. Also refuses a
 * range no value can satisfy (`between` backwards, or `>= 10` and `< 5` in one `all`).
 */
export function checkRule(rule: unknown, parameters: readonly Parameter[] = []): RuleProblem[] {
  const problems: RuleProblem[] = []
  const params = new Map(parameters.map((p) => [p.key, p]))
  let conditions = 0
  const problem = (path: string, id: string, zh: string, en: string) => problems.push({ path, id, message: { zh, en } })

  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > RULE_LIMITS.depth) return void problem(path, 'rule_too_deep', `规则嵌套超过 ${RULE_LIMITS.depth} 层`, `Rules nest at most ${RULE_LIMITS.depth} levels`)
    if (!isRecord(node)) return void problem(path, 'rule_malformed', '规则应为对象', 'A rule is an object')
    const keys = Object.keys(node)
    if ('all' in node || 'any' in node) {
      const key = 'all' in node ? 'all' : 'any'
      const parts = node[key]
      if (keys.length !== 1) return void problem(path, 'rule_malformed', `“${key}” 不能与其他键并列`, `"${key}" stands alone in its object`)
      if (!Array.isArray(parts) || parts.length === 0) return void problem(`${path}${key}`, 'rule_malformed', '组合条件至少包含一项', `"${key}" lists at least one rule`)
      parts.forEach((part, i) => visit(part, `${path}${key}[${i}].`, depth + 1))
      if (key === 'all') checkSatisfiable(parts, `${path}${key}`)
      return
    }
    if ('not' in node) {
      if (keys.length !== 1) return void problem(path, 'rule_malformed', '“not” 不能与其他键并列', '"not" stands alone in its object')
      return visit(node.not, `${path}not.`, depth + 1)
    }
    if (++conditions > RULE_LIMITS.conditions) return void problem(path, 'rule_too_large', `一条规则最多 ${RULE_LIMITS.conditions} 个条件`, `A rule has at most ${RULE_LIMITS.conditions} conditions`)
    checkCondition(node, path)
  }

  const checkCondition = (node: Record<string, unknown>, path: string): void => {
    const extra = Object.keys(node).filter((k) => !['attr', 'op', 'value', 'period'].includes(k))
    if (extra.length > 0) return void problem(path, 'rule_malformed', `条件不认识的键：${extra.join('、')}`, `Unknown keys in a condition: ${extra.join(', ')}`)
    const attribute = typeof node.attr === 'string' ? attributeOf(node.attr) : undefined
    if (!attribute) return void problem(`${path}attr`, 'rule_unknown_attribute', `没有属性“${String(node.attr)}”`, `No attribute "${String(node.attr)}"`)
    const name = attribute.label.zh
    if (typeof node.op !== 'string' || !opsOfType[attribute.type].includes(node.op)) {
      return void problem(`${path}op`, 'rule_wrong_operator', `“${name}”不能用运算“${String(node.op)}”，可用：${opsOfType[attribute.type].join(' ')}`, `"${attribute.key}" takes ${opsOfType[attribute.type].join(' ')}, not "${String(node.op)}"`)
    }
    checkPeriod(attribute, node.period, `${path}period`)
    const op = node.op
    const at = `${path}value`
    if (attribute.type === 'code') return checkCodes(attribute, node.value, at)
    if (attribute.type === 'set') return checkMembers(attribute, node.value, at)
    if (op === 'ageUnder' || op === 'ageAtLeast') return checkOperand(node.value, 'years', at)
    const type: ParameterType = attribute.type === 'date' ? 'date' : attribute.type
    if (op === 'between') {
      if (!Array.isArray(node.value) || node.value.length !== 2) return void problem(at, 'rule_wrong_type', '“between” 需要两个值 [下限, 上限]', '"between" takes two values [low, high]')
      node.value.forEach((v, i) => checkOperand(v, type, `${at}[${i}]`))
      const [low, high] = node.value.map(literalNumber)
      if (low !== undefined && high !== undefined && low > high) problem(at, 'rule_impossible', '区间下限大于上限，没有企业能满足', 'The range is empty: its low end is above its high end')
      return
    }
    checkOperand(node.value, type, at)
  }

  const checkPeriod = (attribute: AttributeDef, period: unknown, path: string): void => {
    if (!attribute.periodic) {
      if (period !== undefined) problem(path, 'rule_wrong_period', `“${attribute.label.zh}”不分年度`, `"${attribute.key}" is not kept by year`)
      return
    }
    if (period === undefined) return void problem(path, 'rule_period_missing', `“${attribute.label.zh}”按年度记录，需指明年度（如上一年度 yearsAgo: 1）`, `"${attribute.key}" is kept by year: name one (e.g. yearsAgo: 1)`)
    const yearsAgo = isRecord(period) ? period.yearsAgo : undefined
    if (!isRecord(period) || Object.keys(period).length !== 1 || !Number.isInteger(yearsAgo) || (yearsAgo as number) < 0 || (yearsAgo as number) > 10) {
      problem(path, 'rule_wrong_period', '年度写作 { yearsAgo: 0–10 }（1 为上一年度）', 'A period is { yearsAgo: 0–10 } (1 is the last fiscal year)')
    }
  }

  const checkOperand = (value: unknown, type: ParameterType, path: string): void => {
    if (isRecord(value)) {
      const parameter = typeof value.param === 'string' && Object.keys(value).length === 1 ? params.get(value.param) : undefined
      if (!parameter) return void problem(path, 'rule_unknown_parameter', `没有参数“${String(value.param)}”`, `No parameter "${String(value.param)}"`)
      if (parameter.type !== type) problem(path, 'rule_wrong_type', `参数“${parameter.key}”是${typeNames[parameter.type].zh}，这里需要${typeNames[type].zh}`, `Parameter "${parameter.key}" holds ${typeNames[parameter.type].en}, here ${typeNames[type].en} is needed`)
      return
    }
    if (!fitsType(value, type)) problem(path, 'rule_wrong_type', `这里需要${typeNames[type].zh}，不是 ${JSON.stringify(value)}`, `Here ${typeNames[type].en} is needed, not ${JSON.stringify(value)}`)
  }

  const checkCodes = (attribute: AttributeDef, value: unknown, path: string): void => {
    if (!Array.isArray(value) || value.length === 0 || value.length > RULE_LIMITS.listLength) return void problem(path, 'rule_wrong_type', `“in” 需要 1–${RULE_LIMITS.listLength} 个代码`, `"in" takes 1–${RULE_LIMITS.listLength} codes`)
    value.forEach((code, i) => {
      const ok = typeof code === 'string' && (attribute.codes === 'members' ? attribute.members!.some((m) => m.key === code) : codePatterns[attribute.codes!].test(code))
      if (!ok) problem(`${path}[${i}]`, 'rule_unknown_code', `“${attribute.label.zh}”没有代码“${String(code)}”`, `"${String(code)}" is not a code of "${attribute.key}"`)
    })
  }

  const checkMembers = (attribute: AttributeDef, value: unknown, path: string): void => {
    if (!Array.isArray(value) || value.length === 0) return void problem(path, 'rule_wrong_type', '需要至少一个成员', 'At least one member is needed')
    value.forEach((member, i) => {
      if (!attribute.members!.some((m) => m.key === member)) problem(`${path}[${i}]`, 'rule_unknown_code', `“${attribute.label.zh}”没有“${String(member)}”`, `"${String(member)}" is not a member of "${attribute.key}"`)
    })
  }

  // Within one `all`, literal bounds on the same attribute and year must leave some value.
  const checkSatisfiable = (parts: unknown[], path: string): void => {
    const ranges = new Map<string, [number, number]>()
    for (const part of parts) {
      if (!isRecord(part) || typeof part.attr !== 'string' || typeof part.op !== 'string') continue
      const bounds = literalBounds(part.op, part.value)
      if (!bounds) continue
      const key = `${part.attr}@${isRecord(part.period) ? String(part.period.yearsAgo) : ''}`
      const [low, high] = ranges.get(key) ?? [-Infinity, Infinity]
      const next: [number, number] = [Math.max(low, bounds[0]), Math.min(high, bounds[1])]
      ranges.set(key, next)
      if (next[0] > next[1]) {
        const name = attributeOf(part.attr)?.label.zh ?? part.attr
        return void problem(path, 'rule_impossible', `“${name}”的几个条件互相矛盾，没有企业能满足`, `The conditions on "${part.attr}" contradict each other: no enterprise can meet them`)
      }
    }
  }

  visit(rule, '', 0)
  return problems
}

/** Problems of an item's parameters: keys, types, and values in force from strictly later dates. */
export function checkParameters(parameters: unknown): RuleProblem[] {
  const problems: RuleProblem[] = []
  const problem = (path: string, id: string, zh: string, en: string) => problems.push({ path, id, message: { zh, en } })
  if (!Array.isArray(parameters)) return [{ path: 'parameters', id: 'parameter_malformed', message: { zh: '参数应为列表', en: 'Parameters are a list' } }]
  const seen = new Set<string>()
  parameters.forEach((p: unknown, i) => {
    const at = `parameters[${i}]`
    if (!isRecord(p) || typeof p.key !== 'string' || !paramKeyPattern.test(p.key)) return problem(`${at}.key`, 'parameter_malformed', '参数名为字母开头的字母、数字或下划线', 'A parameter key is letters, digits or underscores, starting with a letter')
    if (seen.has(p.key)) problem(`${at}.key`, 'parameter_duplicate', `参数“${p.key}”重复`, `Parameter "${p.key}" is declared twice`)
    seen.add(p.key)
    if (typeof p.type !== 'string' || !(p.type in typeNames)) return problem(`${at}.type`, 'parameter_malformed', '参数类型为 money、integer、date 或 years', 'A parameter type is money, integer, date or years')
    if (!Array.isArray(p.values) || p.values.length === 0) return problem(`${at}.values`, 'parameter_malformed', '参数至少有一个取值', 'A parameter has at least one value')
    let last = ''
    p.values.forEach((v: unknown, j) => {
      if (!isRecord(v) || !isDay(v.from)) return problem(`${at}.values[${j}].from`, 'parameter_malformed', '生效日期写作 YYYY-MM-DD', 'A value takes effect on a date, YYYY-MM-DD')
      if (v.from <= last) problem(`${at}.values[${j}].from`, 'parameter_malformed', '取值按生效日期从早到晚排列，日期不重复', 'Values are in order of their dates, each date once')
      last = v.from
      if (!fitsType(v.value, p.type as ParameterType)) problem(`${at}.values[${j}].value`, 'rule_wrong_type', `这里需要${typeNames[p.type as ParameterType].zh}`, `Here ${typeNames[p.type as ParameterType].en} is needed`)
    })
  })
  return problems
}

const typeNames: Record<ParameterType, Message> = {
  money: { zh: '金额（分，整数）', en: 'an amount in fen (an integer)' },
  integer: { zh: '整数', en: 'an integer' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' },
  years: { zh: '年数（1–100 的整数）', en: 'a number of years (an integer 1–100)' },
}

function fitsType(value: unknown, type: ParameterType): boolean {
  if (type === 'date') return isDay(value)
  if (type === 'years') return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100
  return Number.isSafeInteger(value)
}

/** A literal's number for comparing bounds (dates compare as text, so as their day number). */
function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (isDay(value)) return dayNumber(value)
  return undefined
}

/** The inclusive bounds a literal comparison allows, or undefined when it is not one (or is `!=`). */
function literalBounds(op: string, value: unknown): [number, number] | undefined {
  if (op === 'between') {
    if (!Array.isArray(value)) return undefined
    const [low, high] = value.map(literalNumber)
    return low === undefined || high === undefined ? undefined : [low, high]
  }
  const v = literalNumber(value)
  if (v === undefined) return undefined
  switch (op) {
    case '<': return [-Infinity, v - 1]
    case '<=': return [-Infinity, v]
    case '>': return [v + 1, Infinity]
    case '>=': return [v, Infinity]
    case '=': return [v, v]
    default: return undefined
  }
}

