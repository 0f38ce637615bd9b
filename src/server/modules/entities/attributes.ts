/**
 * The attributes a market entity is described by, declared once: their types and units are what
 * eligibility rules are checked against, what the columnar registry loads, what an import
 * validates and what an explanation prints. Values that change by year (revenue, employees …)
 * are `periodic` and kept per fiscal year.
 *
 * Types:
 * - `money`: an amount in fen (integer), shown in yuan;
 * - `integer`: a count with its unit (employees);
 * - `date`: a calendar date (Asia/Shanghai), compared directly or by age ("founded less than
 *   3 years before the application date");
 * - `code`: one code of a hierarchy (GB/T 2260 regions, GB/T 4754 industries) or a flat list
 *   (tax credit levels); a rule's code also covers the codes below it (3201 covers 320102);
 * - `set`: any number of members of a declared list (qualifications, flags).
 */
export type AttributeType = 'money' | 'integer' | 'date' | 'code' | 'set'

export interface Label {
  zh: string
  en: string
}

export interface AttributeDef {
  key: AttributeKey
  label: Label
  type: AttributeType
  /** Shown after a value (元, 人). */
  unit?: Label
  /** Kept per fiscal year; a rule names the year relative to the application date. */
  periodic?: true
  /** The members a `set` may hold, or the codes of a flat `code` list; hierarchical codes are checked by their own rules. */
  members?: readonly { key: string; label: Label }[]
  /** How a `code` is checked: a region (GB/T 2260), an industry (GB/T 4754) or one of `members`. */
  codes?: 'region' | 'industry' | 'members'
}

const yuan: Label = { zh: '元', en: 'yuan' }

export const QUALIFICATIONS = [
  { key: 'high_tech', label: { zh: '高新技术企业', en: 'High-tech enterprise' } },
  { key: 'tech_sme', label: { zh: '科技型中小企业', en: 'Tech-based SME' } },
  { key: 'specialised', label: { zh: '专精特新中小企业', en: 'Specialised and innovative SME' } },
  { key: 'little_giant', label: { zh: '专精特新“小巨人”企业', en: '"Little giant" enterprise' } },
  { key: 'gazelle', label: { zh: '瞪羚企业', en: 'Gazelle enterprise' } },
  { key: 'tech_center', label: { zh: '省级企业技术中心', en: 'Provincial enterprise technology centre' } },
  { key: 'green_factory', label: { zh: '绿色工厂', en: 'Green factory' } },
  { key: 'smart_workshop', label: { zh: '智能制造示范车间', en: 'Smart manufacturing workshop' } },
] as const

export const FLAGS = [
  { key: 'small_micro', label: { zh: '小微企业', en: 'Small or micro enterprise' } },
  { key: 'listed', label: { zh: '上市企业', en: 'Listed company' } },
  { key: 'exporter', label: { zh: '外贸企业', en: 'Exporter' } },
  { key: 'foreign_invested', label: { zh: '外商投资企业', en: 'Foreign-invested' } },
  { key: 'state_owned', label: { zh: '国有企业', en: 'State-owned' } },
  { key: 'individual', label: { zh: '个体工商户', en: 'Individual business' } },
  { key: 'dishonest', label: { zh: '失信被执行人', en: 'Listed as dishonest' } },
  { key: 'abnormal', label: { zh: '经营异常名录', en: 'On the abnormal-operation list' } },
] as const

export const TAX_CREDIT_LEVELS = [
  { key: 'A', label: { zh: 'A级', en: 'A' } },
  { key: 'B', label: { zh: 'B级', en: 'B' } },
  { key: 'M', label: { zh: 'M级', en: 'M' } },
  { key: 'C', label: { zh: 'C级', en: 'C' } },
  { key: 'D', label: { zh: 'D级', en: 'D' } },
] as const

export const ATTRIBUTES = [
  { key: 'region', label: { zh: '所在地区', en: 'Region' }, type: 'code', codes: 'region' },
  { key: 'industry', label: { zh: '所属行业', en: 'Industry' }, type: 'code', codes: 'industry' },
  { key: 'registeredOn', label: { zh: '成立日期', en: 'Registered on' }, type: 'date' },
  { key: 'registeredCapital', label: { zh: '注册资本', en: 'Registered capital' }, type: 'money', unit: yuan },
  { key: 'taxCredit', label: { zh: '纳税信用等级', en: 'Tax credit level' }, type: 'code', codes: 'members', members: TAX_CREDIT_LEVELS },
  { key: 'qualifications', label: { zh: '资质', en: 'Qualifications' }, type: 'set', members: QUALIFICATIONS },
  { key: 'flags', label: { zh: '企业标记', en: 'Flags' }, type: 'set', members: FLAGS },
  { key: 'employees', label: { zh: '从业人数', en: 'Employees' }, type: 'integer', unit: { zh: '人', en: 'people' }, periodic: true },
  { key: 'revenue', label: { zh: '营业收入', en: 'Revenue' }, type: 'money', unit: yuan, periodic: true },
  { key: 'tax', label: { zh: '纳税总额', en: 'Taxes paid' }, type: 'money', unit: yuan, periodic: true },
  { key: 'rdExpense', label: { zh: '研发费用', en: 'R&D expense' }, type: 'money', unit: yuan, periodic: true },
] as const satisfies readonly (Omit<AttributeDef, 'key'> & { key: string })[]

export type AttributeKey = (typeof ATTRIBUTES)[number]['key']
export type PeriodicKey = Extract<(typeof ATTRIBUTES)[number], { periodic: true }>['key']

const byKey: ReadonlyMap<string, AttributeDef> = new Map(ATTRIBUTES.map((a) => [a.key, a as AttributeDef]))

/** The declared attribute of that key, or undefined. */
export function attributeOf(key: string): AttributeDef | undefined {
  return byKey.get(key)
}
