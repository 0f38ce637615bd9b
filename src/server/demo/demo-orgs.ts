import type { OrgKind } from '../platform/db/tables'
import { isPlaceholderCity } from '../platform/regions/region-data'

/** One organisation of the demo data set; parentKey refers to another DemoOrg's key. */
export interface DemoOrg {
  key: string
  regionCode: string
  parentKey: string | null
  name: string
  kind: OrgKind
  sort: number
}

/** The fields of a region row the demo organisations are built from. */
export interface DemoRegion {
  code: string
  name: string
  level: number
  functionalZone: boolean
}

/** Which set of departments a region gets; functional zones are run by a 管委会, not a 人民政府. */
type Tier = 'province' | 'city' | 'county' | 'zone'

// Line departments of a province, in the order of the provincial government's own list.
const provinceDepartments = [
  '发展和改革委员会',
  '教育厅',
  '科学技术厅',
  '工业和信息化厅',
  '公安厅',
  '民政厅',
  '司法厅',
  '财政厅',
  '人力资源和社会保障厅',
  '自然资源厅',
  '生态环境厅',
  '住房和城乡建设厅',
  '交通运输厅',
  '农业农村厅',
  '商务厅',
  '文化和旅游厅',
  '卫生健康委员会',
  '应急管理厅',
  '市场监督管理局',
  '医疗保障局',
  '数据局',
]

// A city mirrors the province with 局 for 厅; a few bureaus are merged or renamed at this level.
const cityDepartments = [
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '数据局',
]

// Counties keep the service-facing bureaus; the police bureau is named apart (see policeName).
const countyDepartments = [
  '发展和改革委员会',
  '教育局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
]

// A development zone's 管委会 runs a handful of merged bureaus.
const zoneDepartments = ['经济发展局', '财政局', '规划建设局', '社会事业局', '应急管理局', '市场监督管理局']

/**
 * The demo organisation tree of the home province: for the province, each city and each
 * county-level region (functional zones included) a government, its government-service
 * office with service and hotline centres, and the line departments. Parents come first.
 */
export function demoOrgs(regions: readonly DemoRegion[], homeProvince: string): DemoOrg[] {
  const home = regions
    .filter((region) => region.code.startsWith(homeProvince) && region.level <= 3)
    .toSorted((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const byCode = new Map(home.map((region) => [region.code, region]))
  const province = byCode.get(homeProvince)
  if (province === undefined || province.level !== 1) throw new Error(`demoOrgs: home province ${homeProvince} not among the regions`)
  return home
    .filter((region) => hasOwnGovernment(region, byCode))
    .flatMap((region) => regionOrgs(region, tierOf(region), superiorName(region, byCode, province)))
}

/** Placeholder cities (市辖区) have no government, nor does a county that repeats its city (东莞市 in 东莞市). */
function hasOwnGovernment(region: DemoRegion, byCode: ReadonlyMap<string, DemoRegion>): boolean {
  if (region.level === 2) return !isPlaceholderCity(region.name)
  if (region.level === 3) return byCode.get(region.code.slice(0, 4))?.name !== region.name
  return true
}

function tierOf(region: DemoRegion): Tier {
  if (region.level === 1) return 'province'
  if (region.level === 2) return 'city'
  return region.functionalZone ? 'zone' : 'county'
}

/** The city a county-level region belongs to, or the province when its city is a placeholder; names police branches. */
function superiorName(region: DemoRegion, byCode: ReadonlyMap<string, DemoRegion>, province: DemoRegion): string {
  const city = byCode.get(region.code.slice(0, 4))
  return city === undefined || isPlaceholderCity(city.name) ? province.name : city.name
}

function regionOrgs(region: DemoRegion, tier: Tier, superior: string): DemoOrg[] {
  const orgs: DemoOrg[] = []
  const add = (name: string, kind: OrgKind, parentKey: string | null): string => {
    const key = `${region.code}:${name}`
    orgs.push({ key, regionCode: region.code, parentKey, name, kind, sort: orgs.length + 1 })
    return key
  }
  const root = add(governmentName(region, tier), 'government', null)
  const office = add(officeName(region, tier), 'office', root)
  add(`${region.name}政务服务中心`, 'service_center', office)
  if (tier === 'province' || tier === 'city') add(`${region.name}12345政务服务便民热线中心`, 'other', office)
  for (const name of departmentNames(region, tier, superior)) add(name, 'department', root)
  return orgs
}

function governmentName(region: DemoRegion, tier: Tier): string {
  return tier === 'zone' ? `${region.name}管理委员会` : `${region.name}人民政府`
}

// Jiangsu's counties and zones merged approvals into a 行政审批局; provinces and cities keep a 政务办.
function officeName(region: DemoRegion, tier: Tier): string {
  return tier === 'province' || tier === 'city' ? `${region.name}政务服务管理办公室` : `${region.name}行政审批局`
}

function departmentNames(region: DemoRegion, tier: Tier, superior: string): string[] {
  switch (tier) {
    case 'province':
      // A municipality (北京市) names its departments like a city: 北京市公安局.
      return (isMunicipality(region) ? cityDepartments : provinceDepartments).map((suffix) => region.name + suffix)
    case 'city':
      return cityDepartments.map((suffix) => region.name + suffix)
    case 'county':
      return [policeName(region, superior), ...countyDepartments.map((suffix) => region.name + suffix)]
    case 'zone':
      return [`${superior}公安局${region.name}分局`, ...zoneDepartments.map((suffix) => region.name + suffix)]
  }
}

function isMunicipality(province: DemoRegion): boolean {
  return province.name.endsWith('市')
}

/** A city district's police is a branch of the city bureau (南京市公安局玄武分局); a county has its own (沛县公安局). */
function policeName(region: DemoRegion, superior: string): string {
  return isDistrict(region) ? `${superior}公安局${districtStem(region.name)}分局` : `${region.name}公安局`
}

// 神农架林区 and 六枝特区 end in 区 but are county-level units, not city districts.
function isDistrict(region: DemoRegion): boolean {
  return region.name.endsWith('区') && !region.name.endsWith('林区') && !region.name.endsWith('特区')
}

/** 玄武区 → 玄武, 浦东新区 → 浦东; a one-character stem keeps its 区 (城区分局, not 城分局). */
function districtStem(name: string): string {
  const stem = name.replace(/新?区$/, '')
  return stem.length >= 2 ? stem : name
}
