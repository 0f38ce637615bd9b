import { beforeAll, describe, expect, it } from 'vitest'
import { loadRegionRows, type RegionRow } from '../platform/regions/region-data'
import { demoOrgs, type DemoOrg } from './demo-orgs'

const loadTimeout = 30_000

function orgsOf(orgs: DemoOrg[], regionCode: string): DemoOrg[] {
  return orgs.filter((org) => org.regionCode === regionCode)
}

function named(orgs: DemoOrg[], name: string): DemoOrg | undefined {
  return orgs.find((org) => org.name === name)
}

describe('demoOrgs for Jiangsu', () => {
  let regions: RegionRow[] = []
  let orgs: DemoOrg[] = []
  const homeRegions = () => regions.filter((r) => r.code.startsWith('32') && r.level <= 3)

  beforeAll(async () => {
    regions = await loadRegionRows({ homeProvince: '32', towns: false })
    orgs = demoOrgs(regions, '32')
  }, loadTimeout)

  it('has the size of the tiers: province and 13 cities 25 each, 95 counties 20, 9 zones 10', () => {
    expect(orgs.length).toBe(25 + 13 * 25 + 95 * 20 + 9 * 10)
  })

  it('names each organisation once per region, with unique keys', () => {
    expect(new Set(orgs.map((o) => `${o.regionCode}\u0000${o.name}`)).size).toBe(orgs.length)
    expect(new Set(orgs.map((o) => o.key)).size).toBe(orgs.length)
  })

  it('lists every parent before its child, in the same region', () => {
    const seen = new Map<string, DemoOrg>()
    const broken: DemoOrg[] = []
    for (const org of orgs) {
      const parent = org.parentKey === null ? undefined : seen.get(org.parentKey)
      if (org.parentKey !== null && parent?.regionCode !== org.regionCode) broken.push(org)
      seen.set(org.key, org)
    }
    expect(broken).toEqual([])
  })

  it('covers only the home province, and only regions that exist', () => {
    const codes = new Set(homeRegions().map((r) => r.code))
    expect(orgs.filter((o) => !codes.has(o.regionCode))).toEqual([])
  })

  it('gives the province, each city and each county one government root and a government-service office under it', () => {
    const missing = homeRegions().filter((region) => {
      const own = orgsOf(orgs, region.code)
      const roots = own.filter((o) => o.parentKey === null)
      const root = roots[0]
      const office = own.find((o) => o.kind === 'office')
      return roots.length !== 1 || root?.kind !== 'government' || office?.parentKey !== root.key
    })
    expect(missing.map((r) => r.name)).toEqual([])
  })

  it('puts the service centre under the office and the hotline only at province and city', () => {
    for (const region of homeRegions()) {
      const own = orgsOf(orgs, region.code)
      const office = own.find((o) => o.kind === 'office')
      expect(named(own, `${region.name}政务服务中心`)).toMatchObject({ kind: 'service_center', parentKey: office?.key })
      expect(own.filter((o) => o.name.includes('12345')).length).toBe(region.level <= 2 ? 1 : 0)
    }
  })

  it('spells the provincial organisations as Jiangsu does', () => {
    const province = orgsOf(orgs, '32')
    expect(province[0]).toMatchObject({ name: '江苏省人民政府', kind: 'government', parentKey: null })
    expect(named(province, '江苏省政务服务管理办公室')).toMatchObject({ kind: 'office', parentKey: '32:江苏省人民政府' })
    expect(named(province, '江苏省政务服务中心')?.parentKey).toBe('32:江苏省政务服务管理办公室')
    expect(named(province, '江苏省12345政务服务便民热线中心')?.kind).toBe('other')
    for (const name of ['江苏省市场监督管理局', '江苏省公安厅', '江苏省卫生健康委员会', '江苏省人力资源和社会保障厅', '江苏省数据局']) {
      expect(named(province, name)).toMatchObject({ kind: 'department', parentKey: '32:江苏省人民政府' })
    }
  })

  it('uses 局 at city level and 行政审批局 at county level', () => {
    const nanjing = orgsOf(orgs, '3201')
    expect(named(nanjing, '南京市政务服务管理办公室')?.kind).toBe('office')
    expect(named(nanjing, '南京市公安局')?.kind).toBe('department')
    expect(named(nanjing, '南京市公安厅')).toBeUndefined()
    expect(named(orgsOf(orgs, '320102'), '玄武区行政审批局')?.kind).toBe('office')
  })

  it('makes a district police a branch of the city bureau and a county police its own bureau', () => {
    expect(named(orgsOf(orgs, '320102'), '南京市公安局玄武分局')).toBeDefined()
    expect(named(orgsOf(orgs, '320322'), '沛县公安局')).toBeDefined()
    expect(named(orgsOf(orgs, '320583'), '昆山市公安局')).toBeDefined()
  })

  it('runs functional zones by a 管委会 with a smaller set of bureaus', () => {
    const park = orgsOf(orgs, '320576')
    expect(park[0]).toMatchObject({ name: '苏州工业园区管理委员会', kind: 'government' })
    expect(named(park, '苏州工业园区行政审批局')?.kind).toBe('office')
    expect(named(park, '苏州市公安局苏州工业园区分局')?.kind).toBe('department')
    expect(park.length).toBeLessThan(orgsOf(orgs, '320102').length)
    expect(orgs.some((o) => o.name.endsWith('管理委员会') && !regions.find((r) => r.code === o.regionCode)?.functionalZone)).toBe(false)
  })

  it('numbers sort from 1 in listing order within each region', () => {
    const bad = homeRegions().filter((region) => orgsOf(orgs, region.code).some((org, i) => org.sort !== i + 1))
    expect(bad).toEqual([])
  })
})

describe('demoOrgs for a municipality', () => {
  it(
    'skips the placeholder city and branches district police from the municipal bureau',
    async () => {
      const orgs = demoOrgs(await loadRegionRows({ homeProvince: '11', towns: false }), '11')
      expect(orgsOf(orgs, '1101')).toEqual([])
      expect(named(orgsOf(orgs, '11'), '北京市公安局')).toBeDefined()
      expect(named(orgsOf(orgs, '110101'), '北京市公安局东城分局')).toBeDefined()
    },
    loadTimeout,
  )

  it('refuses a home province missing from the regions', () => {
    expect(() => demoOrgs([{ code: '3201', name: '南京市', level: 2, functionalZone: false }], '32')).toThrow(/home province/)
  })
})
