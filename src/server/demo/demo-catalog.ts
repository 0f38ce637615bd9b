import type { Actor } from '../platform/access'
import type { PlatformDeps } from '../platform/deps'
import { seedPublishedCatalog, type PublishedClaim, type PublishedItem } from '../modules/catalog'
import type { Citation, Elements, ItemKind, Material, ServiceElements } from '../modules/catalog/catalog.schemas'
import { deptNames, demoItems, type DemoItem } from './demo-catalog-items'
import type { DemoLawIndex } from './demo-laws'
import type { DemoLawKey } from './demo-laws-texts'


// Licensing items are split into the business items a licence goes through (GB/T 39554.1 sub-items).
const licensingSubItems = ['新办', '变更', '延续', '注销'] as const
type SubItem = (typeof licensingSubItems)[number] | null

const kindCodes: Record<Exclude<DemoItem['kind'], undefined>, string> = { licensing: '01', confirmation: '07', benefit: '05', public_service: '20' }

const cityAreaCodes: Record<string, string> = {
  '3201': '025', '3202': '0510', '3203': '0516', '3204': '0519', '3205': '0512', '3206': '0513', '3207': '0518',
  '3208': '0517', '3209': '0515', '3210': '0514', '3211': '0511', '3212': '0523', '3213': '0527',
}

function citationsFor(item: DemoItem, laws: DemoLawIndex): Citation[] {
  return (item.basis ?? []).flatMap((ref) => {
    const [key, ordinal] = ref.split(':')
    const law = laws[key as DemoLawKey]
    const articleId = law?.articles[Number(ordinal)]
    return law && articleId ? [{ lawId: law.lawId, articleId }] : []
  })
}

function conditionsFor(item: DemoItem, sub: SubItem): string[] {
  const result = item.result ?? '批准文件'
  if (sub === '变更') return [`已取得有效的${result}`, '变更后的事项仍符合法定条件']
  if (sub === '延续') return [`${result}有效期届满30日前提出申请`, '持续符合法定条件，无重大违法记录']
  if (sub === '注销') return [`${result}有效期届满未延续、主体依法终止，或申请人主动申请注销`]
  return ['申请人具有合法的主体资格', `具备与${item.name}相适应的场所、设施、设备和专业人员`, '有健全的管理制度和安全保障措施', '法律、法规规定的其他条件']
}

function materialsFor(item: DemoItem, sub: SubItem): Material[] {
  const enterprise = (item.objects ?? ['enterprise']).includes('enterprise')
  const m = (name: string, source: Material['source'], original: Material['original'] = 'original', required = true): Material => ({ name, form: 'both', original, copies: 1, required, source })
  const list = [m(`${item.name}${sub && sub !== '新办' ? sub : ''}申请书`, 'applicant'), enterprise ? m('营业执照', 'e_licence', 'copy') : m('居民身份证', 'shared_data', 'copy')]
  if (sub === null || sub === '新办') list.push(m('经营场所或者设施的使用证明', 'applicant', 'copy'), m('主要负责人和专业人员的资格证明', 'applicant', 'copy', false))
  if (sub === '变更') list.push(m('变更事项的证明材料', 'applicant', 'copy'))
  if (sub === '延续' || sub === '注销') list.push(m(`原${item.result ?? '批准文件'}`, 'e_licence'))
  return list
}

function elementsFor(item: DemoItem, sub: SubItem, laws: DemoLawIndex): ServiceElements {
  const days = sub === '注销' ? 10 : (item.days ?? 20)
  const kind = item.kind ?? 'licensing'
  const online = item.anywhere ? 4 : 3
  return {
    name: sub ? `${item.name}（${sub}）` : item.name,
    department: deptNames[item.dept].guide,
    levels: ['province', 'city', 'county'],
    legalBasis: citationsFor(item, laws),
    serviceObjects: item.objects ?? ['enterprise'],
    conditions: conditionsFor(item, sub),
    materials: materialsFor(item, sub),
    statutoryDays: days,
    committedDays: Math.max(1, Math.ceil(days / 2)),
    fees: item.name === '不动产登记' ? [{ name: '不动产登记费（住宅）', amountFen: 8000, basis: '国家发展改革委、财政部关于不动产登记收费标准等有关问题的通知' }] : [],
    onlineDepth: online,
    visits: online === 4 ? 0 : 1,
    steps: [
      { name: '申请', description: '通过政务服务网、“苏服办”App或窗口提交申请材料' },
      { name: '受理', description: '材料齐全、符合法定形式的当场受理' },
      { name: '审查', description: '对申请材料进行审查，需要现场核查的组织核查', days: Math.max(1, Math.ceil(days / 2) - 1) },
      { name: '决定', description: '作出准予或者不予的书面决定' },
      { name: '送达', description: '电子证照即时签发，纸质结果可邮寄送达' },
    ],
    result: { name: item.result ?? '批准文件', type: kind === 'licensing' ? 'licence' : kind === 'confirmation' ? 'certificate' : 'other' },
    channels: ['window', 'web', 'app'],
    place: '各级政务服务中心相应窗口',
    phone: '12345',
    provinceWide: item.anywhere ?? false,
    crossProvince: (item.anywhere ?? false) && (item.objects ?? []).includes('person'),
    themes: item.themes ?? [],
    lifeEvents: item.events ?? [],
  }
}

interface DemoRegionOrgs {
  code: string
  name: string
  orgs: ReadonlyMap<string, string>
}

/** Which counties claim in the demo: every county of Xuzhou (Pei county among them) and Nanjing's Xuanwu. */
const claimingCounty = (code: string) => code.startsWith('3203') || code === '320102'

function orgOf(region: DemoRegionOrgs, item: DemoItem, tier: 'province' | 'city' | 'county'): string {
  // Jiangsu's counties moved licensing to one 行政审批局 (相对集中行政许可权改革).
  const name = tier === 'county' && (item.kind ?? 'licensing') === 'licensing' ? '行政审批局' : deptNames[item.dept][tier]
  const id = region.orgs.get(`${region.name}${name}`) ?? region.orgs.get(`${region.name}${tier === 'county' ? '行政审批局' : '政务服务管理办公室'}`)
  if (!id) throw new Error(`demo catalogue: no department for ${region.name}${name}`)
  return id
}

function claimsFor(item: DemoItem, index: number, province: DemoRegionOrgs, cities: DemoRegionOrgs[], counties: DemoRegionOrgs[]): PublishedClaim[] {
  const cityClaims = cities.map((city): PublishedClaim => {
    const faster = (index + Number(city.code)) % 3 === 0
    return {
      regionCode: city.code,
      orgId: orgOf(city, item, 'city'),
      overrides: { place: `${city.name}政务服务中心`, phone: `${cityAreaCodes[city.code] ?? '025'}-12345`, ...(faster ? { committedDays: Math.max(1, Math.ceil((item.days ?? 20) / 4)) } : {}) },
      claims: counties
        .filter((county) => county.code.startsWith(city.code))
        .map((county) => ({ regionCode: county.code, orgId: orgOf(county, item, 'county'), overrides: { place: `${county.name}政务服务中心`, ...(county.code === '320322' ? { committedDays: 1 } : {}) } })),
    }
  })
  return [{ regionCode: province.code, orgId: orgOf(province, item, 'province'), overrides: { place: `${province.name}政务服务中心`, phone: '025-12345' }, claims: cityClaims }]
}

async function regionsWithOrgs(deps: PlatformDeps, codes: (code: string) => boolean, level: number): Promise<DemoRegionOrgs[]> {
  const regions = await deps.db.selectFrom('platform.region').select(['code', 'name']).where('level', '=', level).where('code', 'like', `${deps.homeProvince}%`).orderBy('code').execute()
  const wanted = regions.filter((r) => codes(r.code))
  if (wanted.length === 0) return []
  const orgs = await deps.db.selectFrom('platform.org').select(['id', 'name', 'regionCode']).where('regionCode', 'in', wanted.map((r) => r.code)).execute()
  return wanted.map((r) => ({ ...r, orgs: new Map(orgs.filter((o) => o.regionCode === r.code).map((o) => [o.name, o.id])) }))
}

/** The demo base list as published items with their claims down to the demo counties. */
export async function demoCatalog(deps: PlatformDeps, laws: DemoLawIndex): Promise<PublishedItem[]> {
  const [province] = await regionsWithOrgs(deps, () => true, 1)
  if (!province) return []
  const cities = await regionsWithOrgs(deps, () => true, 2)
  const counties = await regionsWithOrgs(deps, claimingCounty, 3)
  return demoItems.flatMap((item, index) => {
    const kind: ItemKind = item.kind ?? 'licensing'
    const subs: SubItem[] = kind === 'licensing' ? [...licensingSubItems] : [null]
    const claims = claimsFor(item, index, province, cities, counties)
    return subs.map((sub, s) => ({
      kind,
      basicCode: `${kindCodes[item.kind ?? 'licensing']}${String(index + 1).padStart(5, '0')}${String(sub ? s + 1 : 0).padStart(3, '0')}`,
      elements: elementsFor(item, sub, laws) as Elements,
      claims,
    }))
  })
}

const system: Actor = { kind: 'system', name: 'demo-seed' }

/** Seeds the demo catalogue once: nothing happens when the base list already has items. */
export async function seedDemoCatalog(deps: PlatformDeps, laws: DemoLawIndex): Promise<{ items: number; implementations: number }> {
  return seedPublishedCatalog(deps, { actor: system, ip: null }, await demoCatalog(deps, laws))
}
