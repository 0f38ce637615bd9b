import type { Message } from '../../../platform/errors'

/**
 * An eligibility rule as data: conditions on the attributes of a market entity (declared in
 * modules/entities/attributes.ts), combined with `all`, `any` and `not`.
 *
 * Conditions by the attribute's type:
 * - money, integer and date: `<`, `<=`, `>`, `>=`, `=`, `!=` against a value, or `between`
 *   two values (inclusive). Money is in fen, dates are `YYYY-MM-DD`.
 * - date only: `ageUnder` / `ageAtLeast` N years before the application date (founded less than
 *   3 years before it: `{ "attr": "registeredOn", "op": "ageUnder", "value": 3 }`).
 * - code: `in` a list of codes; a code covers the codes below it (`3201` covers `320102`, `C`
 *   covers `C3911`).
 * - set: `hasAny` / `hasAll` of a list of members.
 * A periodic attribute names its year relative to the application date: `period: { yearsAgo: 1 }`
 * is the last fiscal year. A value may be a parameter of the policy item (`{ "param": "floor" }`),
 * whose value depends on the application date.
 *
 * A condition on a value the registry does not hold is unknown, not false: `not` keeps it
 * unknown, `all` is false if any part is false, `any` true if any part is true, and only a rule
 * that comes out true makes an entity eligible (Kleene's three-valued logic). So "revenue not
 * above 100 million" never admits an enterprise whose revenue is unknown.
 */
export type Rule = Condition | AllOf | AnyOf | NotOf

export interface AllOf {
  all: Rule[]
}
export interface AnyOf {
  any: Rule[]
}
export interface NotOf {
  not: Rule
}

export type ParamRef = { param: string }
export type Operand = number | string | ParamRef

export interface Period {
  /** 1: the fiscal year before the application date's year. */
  yearsAgo: number
}

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!='

export type Condition =
  | { attr: string; period?: Period; op: CompareOp; value: Operand }
  | { attr: string; period?: Period; op: 'between'; value: [Operand, Operand] }
  | { attr: string; op: 'ageUnder' | 'ageAtLeast'; value: Operand }
  | { attr: string; op: 'in'; value: string[] }
  | { attr: string; op: 'hasAny' | 'hasAll'; value: string[] }

export type ConditionOp = Condition['op']

/** What a parameter holds: an amount in fen, a count, a date, or a number of years. */
export type ParameterType = 'money' | 'integer' | 'date' | 'years'

/** A named value of a policy item that changes on dates (a threshold raised from 1 July). */
export interface Parameter {
  key: string
  label: Message
  type: ParameterType
  /** In force from each date until the next; before the first, the parameter has no value. */
  values: { from: string; value: number | string }[]
}

export const isCondition = (rule: Rule): rule is Condition => 'attr' in rule
export const isParamRef = (operand: Operand): operand is ParamRef => typeof operand === 'object' && operand !== null && 'param' in operand

/** The value of a parameter in force on `day` (YYYY-MM-DD), or undefined before its first date. */
export function parameterValue(parameter: Parameter, day: string): number | string | undefined {
  let value: number | string | undefined
  for (const v of parameter.values) if (v.from <= day) value = v.value
  return value
}
