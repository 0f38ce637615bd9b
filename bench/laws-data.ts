/**
 * A laws library for the benchmarks: a few thousand laws, regulations, rules and normative
 * documents with article text, built from a seed. Titles and articles reuse the catalogue's
 * vocabulary, so a law cites the licences the catalogue lists.
 */
import type { LawKind } from '../src/server/modules/laws/laws.tables'
import { departments, lawDomains, licensing, type Department } from './catalog-vocabulary'
import type { Random } from '../src/server/demo/random'

export interface LawPlan {
  id: string
  title: string
  kind: LawKind
  issuer: string
  docNumber: string | null
  regionCode: string | null
  promulgatedOn: string
  effectiveOn: string
  articles: { id: string; ordinal: number; label: string; text: string }[]
}

interface Region {
  code: string
  name: string
  level: number
}

const digits = '零一二三四五六七八九'

/** 1 → 一, 12 → 十二, 40 → 四十, 105 → 一百零五: how article numbers are written. */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`
  const rest = n % 100
  return `${digits[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`
}

const articleCount: Record<LawKind, [number, number]> = {
  law: [40, 90],
  administrative_regulation: [30, 70],
  department_rule: [20, 50],
  local_regulation: [30, 60],
  local_government_rule: [20, 40],
  normative_document: [5, 15],
}

const unitOf: Record<LawKind, string> = {
  law: '法',
  administrative_regulation: '条例',
  department_rule: '办法',
  local_regulation: '条例',
  local_government_rule: '办法',
  normative_document: '意见',
}

function day(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear)
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
}

function licencesOf(department: Department): string[] {
  const own = licensing[department.key] ?? []
  return own.length > 0 ? own : Object.values(licensing).flat()
}

function departmentOf(key: string): Department {
  return departments.find((d) => d.key === key) ?? departments[0]!
}

/** The articles of one law: purpose, scope, duties, licences with conditions and time limits, penalties, commencement. */
function articlesOf(random: Random, kind: LawKind, domain: string, department: Department, effectiveOn: string): LawPlan['articles'] {
  const unit = unitOf[kind]
  const count = random.int(...articleCount[kind])
  const licences = licencesOf(department)
  const texts: string[] = [
    `为了规范${domain}活动，保障公民、法人和其他组织的合法权益，维护公共利益和社会秩序，根据有关法律、行政法规，制定本${unit}。`,
    `本${unit}适用于本行政区域内的${domain}及其监督管理活动。`,
    `${department.national}负责本行政区域内${domain}的监督管理工作。其他有关部门在各自职责范围内做好相关工作。`,
  ]
  while (texts.length < count - 1) {
    const licence = random.pick(licences)
    const object = licence.replace(/(许可证核发|许可证|许可|审批|核准|登记|认定)$/, '')
    const n = texts.length + 1
    texts.push(
      random.pick([
        `从事${object}活动，应当依法取得${licence}。未取得许可的，不得从事相关活动。`,
        `申请${licence}，应当具备下列条件：（一）有与${object}相适应的场所和设施；（二）有相应的专业技术人员；（三）有健全的管理制度；（四）法律、法规规定的其他条件。`,
        `${department.national}应当自受理${licence}申请之日起${random.int(5, 20)}个工作日内作出决定；不予许可的，应当书面说明理由。`,
        `违反本${unit}第${chineseNumber(random.int(4, Math.max(4, n - 1)))}条规定，未取得${licence}擅自从事${object}活动的，由${department.national}责令改正，没收违法所得，并处${random.int(1, 5)}万元以上${random.int(6, 20)}万元以下罚款。`,
        `县级以上地方人民政府应当将${domain}工作纳入国民经济和社会发展规划，所需经费列入本级预算。`,
        `${department.national}应当建立${domain}信用档案，依法公示行政许可、行政处罚等信息，实施信用分级分类监管。`,
        `任何单位和个人有权举报违反本${unit}的行为。接到举报的部门应当及时核实、处理，并为举报人保密。`,
        `${department.national}及其工作人员在${domain}监督管理中滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依法给予处分。`,
        `推行${licence}网上办理，申请人可以通过政务服务平台提交申请材料，实现一网通办。`,
      ]),
    )
  }
  texts.push(`本${unit}自${effectiveOn.slice(0, 4)}年${Number(effectiveOn.slice(5, 7))}月${Number(effectiveOn.slice(8, 10))}日起施行。`)
  return texts.map((text, i) => ({ id: random.uuid(), ordinal: i + 1, label: `第${chineseNumber(i + 1)}条`, text }))
}

const ministries = ['国家市场监督管理总局', '住房和城乡建设部', '交通运输部', '国家卫生健康委员会', '生态环境部', '水利部', '自然资源部', '农业农村部', '文化和旅游部', '教育部', '人力资源和社会保障部', '民政部', '公安部', '应急管理部', '商务部']
const ruleSuffixes = ['许可管理办法', '监督管理办法', '行政处罚程序规定', '登记管理办法', '实施细则', '监督检查办法']
const noticeVerbs = ['进一步加强', '进一步优化', '深化', '规范', '全面推进', '做好']
const noticeNouns = ['审批服务', '监督管理', '“放管服”改革', '信用监管', '证明事项告知承诺制', '“一网通办”', '行政执法', '事中事后监管']
const noticeTypes = ['通知', '实施意见', '指导意见', '工作方案']

/** Up to `count` laws of every kind, unique by (title, issuer) as laws.law requires. */
export function buildLaws(random: Random, regions: Region[], count = 3000): LawPlan[] {
  const province = regions.find((r) => r.level === 1)
  const cities = regions.filter((r) => r.level === 2)
  const provinceName = province?.name ?? '江苏省'
  const seen = new Set<string>()
  const laws: LawPlan[] = []
  const add = (kind: LawKind, title: string, issuer: string, regionCode: string | null, docNumber: string | null, [domain, department]: [string, string]) => {
    if (laws.length >= count || seen.has(`${title}/${issuer}`)) return
    seen.add(`${title}/${issuer}`)
    const promulgatedOn = day(random, 1995, 2025)
    const effectiveOn = promulgatedOn < '2025-06-01' ? `${Number(promulgatedOn.slice(0, 4)) + (random.next() < 0.5 ? 0 : 1)}${promulgatedOn.slice(4)}` : promulgatedOn
    laws.push({ id: random.uuid(), title, kind, issuer, docNumber, regionCode, promulgatedOn, effectiveOn, articles: articlesOf(random, kind, domain, departmentOf(department), effectiveOn) })
  }
  lawDomains.forEach((subject, i) => {
    const [domain] = subject
    if (i % 2 === 0) add('law', `中华人民共和国${domain}法`, '全国人民代表大会常务委员会', null, `主席令第${random.int(1, 130)}号`, subject)
    add('administrative_regulation', `${domain}${i % 2 === 0 ? '法实施条例' : '条例'}`, '国务院', null, `国务院令第${random.int(100, 780)}号`, subject)
    add('local_regulation', `${provinceName}${domain}条例`, `${provinceName}人民代表大会常务委员会`, province?.code ?? null, null, subject)
    add('local_government_rule', `${provinceName}${domain}管理办法`, `${provinceName}人民政府`, province?.code ?? null, `省政府令第${random.int(1, 180)}号`, subject)
  })
  for (let guard = 0; laws.length < count && guard < count * 20; guard++) {
    const subject = random.pick(lawDomains)
    const [domain] = subject
    const roll = random.next()
    const year = random.int(2015, 2025)
    if (roll < 0.2) {
      add('department_rule', `${domain}${random.pick(ruleSuffixes)}`, random.pick(ministries), null, `令第${random.int(1, 90)}号`, subject)
    } else if (roll < 0.35) {
      const city = random.pick(cities)
      add('local_regulation', `${city.name}${domain}条例`, `${city.name}人民代表大会常务委员会`, city.code, null, subject)
    } else if (roll < 0.5) {
      const city = random.pick(cities)
      add('local_government_rule', `${city.name}${domain}管理办法`, `${city.name}人民政府`, city.code, `市政府令第${random.int(1, 350)}号`, subject)
    } else {
      const city = random.next() < 0.5 ? null : random.pick(cities)
      const issuer = city ? `${city.name}人民政府办公室` : `${provinceName}人民政府办公厅`
      const prefix = city ? `${city.name.slice(0, 2)}政办发` : '苏政办发'
      add('normative_document', `关于${random.pick(noticeVerbs)}${domain}${random.pick(noticeNouns)}的${random.pick(noticeTypes)}`, issuer, city?.code ?? province?.code ?? null, `${prefix}〔${year}〕${random.int(1, 120)}号`, subject)
    }
  }
  return laws
}
