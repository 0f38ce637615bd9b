import type { Condition, Parameter, Rule } from '../modules/policy/rules/rule'
import { createRandom } from './random'

/** A generated policy item: its name, eligibility rule, parameters, whether it is granted without application, and its amount. */
export interface GeneratedItem {
  name: string
  rule: Rule
  parameters: Parameter[]
  autoGrant: boolean
  /** The benefit per enterprise, in fen. */
  amountFen: number
}

const CITIES = ['3201', '3202', '3203', '3204', '3205', '3206', '3207', '3208', '3209', '3210', '3211', '3212', '3213']
const CITY_NAMES = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁']
const wan = (n: number) => n * 10_000 * 100

interface Template {
  name: string
  autoGrant: boolean
  amount: number
  core: (r: () => number) => Condition[]
}

/** Patterns of real enterprise policies (奖补, 减免, 认定奖励), each the core of an item's rule. */
const TEMPLATES: Template[] = [
  { name: '高新技术企业认定奖励', autoGrant: true, amount: wan(20), core: () => [{ attr: 'qualifications', op: 'hasAny', value: ['high_tech'] }] },
  { name: '科技型中小企业研发费用补助', autoGrant: false, amount: wan(10), core: (r) => [{ attr: 'qualifications', op: 'hasAny', value: ['tech_sme'] }, { attr: 'rdExpense', period: { yearsAgo: 1 }, op: '>=', value: wan(Math.ceil(r() * 50)) }] },
  { name: '小微企业稳岗补贴', autoGrant: true, amount: wan(1), core: (r) => [{ attr: 'flags', op: 'hasAll', value: ['small_micro'] }, { attr: 'employees', period: { yearsAgo: 1 }, op: 'between', value: [Math.ceil(r() * 5), 100] }] },
  { name: '新办企业开办补贴', autoGrant: false, amount: wan(2), core: (r) => [{ attr: 'registeredOn', op: 'ageUnder', value: 1 + Math.floor(r() * 3) }, { attr: 'industry', op: 'in', value: ['C', 'I', 'M'] }] },
  { name: '专精特新企业培育奖励', autoGrant: true, amount: wan(50), core: (r) => [{ attr: 'qualifications', op: 'hasAny', value: ['specialised', 'little_giant'] }, { attr: 'revenue', period: { yearsAgo: 1 }, op: '>=', value: wan(500 + Math.floor(r() * 2000)) }] },
  { name: '外贸企业稳增长奖励', autoGrant: false, amount: wan(5), core: (r) => [{ attr: 'flags', op: 'hasAny', value: ['exporter'] }, { attr: 'revenue', period: { yearsAgo: 1 }, op: '>=', value: wan(100 + Math.floor(r() * 900)) }] },
  { name: '制造业智能化改造奖励', autoGrant: false, amount: wan(30), core: (r) => [{ attr: 'industry', op: 'in', value: ['C'] }, { attr: 'qualifications', op: 'hasAny', value: ['smart_workshop', 'green_factory'] }, { attr: 'employees', period: { yearsAgo: 1 }, op: '>=', value: 20 + Math.floor(r() * 80) }] },
  { name: '纳税贡献奖励', autoGrant: true, amount: wan(10), core: (r) => [{ attr: 'tax', period: { yearsAgo: 1 }, op: '>=', value: wan(200 + Math.floor(r() * 800)) }, { attr: 'taxCredit', op: 'in', value: ['A'] }] },
  { name: '软件和信息服务业发展扶持', autoGrant: false, amount: wan(15), core: (r) => [{ attr: 'industry', op: 'in', value: ['I65', 'I64'] }, { attr: 'revenue', period: { yearsAgo: 1 }, op: '>=', value: wan(50 + Math.floor(r() * 500)) }] },
  { name: '企业技术中心建设奖励', autoGrant: true, amount: wan(40), core: () => [{ attr: 'qualifications', op: 'hasAll', value: ['tech_center'] }] },
]

/** Conditions added to a core to make rules of 3–12 conditions, as real policies add them. */
const EXTRAS: ((r: () => number) => Rule)[] = [
  () => ({ not: { attr: 'flags', op: 'hasAny', value: ['dishonest', 'abnormal'] } }),
  () => ({ attr: 'taxCredit', op: 'in', value: ['A', 'B', 'M'] }),
  (r) => ({ attr: 'registeredCapital', op: '>=', value: wan(10 + Math.floor(r() * 490)) }),
  (r) => ({ attr: 'registeredOn', op: 'ageAtLeast', value: 1 + Math.floor(r() * 3) }),
  (r) => ({ attr: 'employees', period: { yearsAgo: 1 }, op: '>=', value: 5 + Math.floor(r() * 50) }),
  (r) => ({ attr: 'revenue', period: { yearsAgo: 1 }, op: '<=', value: wan(5_000 + Math.floor(r() * 95_000)) }),
  (r) => ({ attr: 'tax', period: { yearsAgo: 1 }, op: '>', value: wan(Math.floor(r() * 20)) }),
  (r) => ({ any: [{ attr: 'rdExpense', period: { yearsAgo: 1 }, op: '>=', value: wan(10 + Math.floor(r() * 100)) }, { attr: 'qualifications', op: 'hasAny', value: ['high_tech', 'tech_sme'] }] }),
  () => ({ not: { attr: 'flags', op: 'hasAny', value: ['individual'] } }),
  (r) => ({ attr: 'revenue', period: { yearsAgo: 2 }, op: '>', value: wan(Math.floor(r() * 200)) }),
  () => ({ attr: 'industry', op: 'in', value: ['C', 'I', 'M', 'F', 'L'] }),
]

const count = (rule: Rule): number => ('all' in rule ? rule.all.reduce((n, r) => n + count(r), 0) : 'any' in rule ? rule.any.reduce((n, r) => n + count(r), 0) : 'not' in rule ? count(rule.not) : 1)

/**
 * Policy items with rules of 3–12 conditions for demo data and the matching benchmark: a core
 * from a real policy pattern, a region (the province's own items, a city's, a county's), and the
 * conditions real policies add (no dishonesty record, tax credit, capital, age, size…). A third
 * of the thresholds are parameters with a raised value from 1 July of the application year.
 */
export function itemGenerator(seed: number, asOf: string, counties: readonly string[]): (j: number) => GeneratedItem {
  const year = asOf.slice(0, 4)
  return (j) => {
    const r = createRandom(seed * 7919 + j).next
    const template = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!
    const conditions: Rule[] = [...template.core(r)]
    const scope = r()
    let where = '江苏省'
    if (scope < 0.35) {
      const c = Math.floor(r() * CITIES.length)
      conditions.push({ attr: 'region', op: 'in', value: [CITIES[c]!] })
      where = `${CITY_NAMES[c]}市`
    } else if (scope < 0.5) {
      const county = counties[Math.floor(r() * counties.length)]!
      conditions.push({ attr: 'region', op: 'in', value: [county] })
      where = `${CITY_NAMES[CITIES.indexOf(county.slice(0, 4))] ?? ''}${county}`
    } else {
      conditions.push({ attr: 'region', op: 'in', value: ['32'] })
    }
    const wanted = 3 + Math.floor(r() * 10)
    const pool = [...EXTRAS]
    while (conditions.reduce((n, c) => n + count(c), 0) < wanted && pool.length > 0) conditions.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!(r))
    const parameters: Parameter[] = []
    const first = conditions.find((c): c is Condition & { value: number } => 'attr' in c && typeof c.value === 'number' && ['<', '<=', '>', '>='].includes(c.op))
    if (first && r() < 0.33) {
      parameters.push({ key: 'threshold', label: { zh: '门槛', en: 'Threshold' }, type: first.attr === 'employees' ? 'integer' : 'money', values: [{ from: `${Number(year) - 1}-01-01`, value: first.value }, { from: `${year}-07-01`, value: Math.round(first.value * 1.2) }] })
      Object.assign(first, { value: { param: 'threshold' } })
    }
    return { name: `${where}${template.name}（${j + 1}）`, rule: { all: conditions }, parameters, autoGrant: template.autoGrant, amountFen: template.amount }
  }
}
