import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { isFunctionalZoneCode, loadRegionRows, parseCsvLine, type RegionRow } from './region-data'

// Loading streams a 37 MB file; allow for a busy CI machine.
const loadTimeout = 30_000

const countWhere = (rows: RegionRow[], test: (row: RegionRow) => boolean): number => rows.filter(test).length

const inProvince = (province: string) => (row: RegionRow) => row.code.startsWith(province)

function byCode(rows: RegionRow[]): Map<string, RegionRow> {
  return new Map(rows.map((row) => [row.code, row]))
}

describe('loadRegionRows for Jiangsu', () => {
  let rows: RegionRow[] = []
  let index = new Map<string, RegionRow>()
  const row = (code: string): RegionRow | undefined => index.get(code)

  beforeAll(async () => {
    rows = await loadRegionRows({ homeProvince: '32' })
    index = byCode(rows)
  }, loadTimeout)

  it('has the Jiangsu counts of GB/T 2260 and the town/village data', () => {
    const jiangsu = rows.filter(inProvince('32'))
    expect(countWhere(jiangsu, (r) => r.level === 1)).toBe(1)
    expect(countWhere(jiangsu, (r) => r.level === 2)).toBe(13)
    expect(countWhere(jiangsu, (r) => r.level === 3)).toBe(104)
    expect(countWhere(jiangsu, (r) => r.level === 3 && r.functionalZone)).toBe(9)
    expect(countWhere(jiangsu, (r) => r.level === 3 && !r.functionalZone)).toBe(95)
    expect(countWhere(jiangsu, (r) => r.level === 4)).toBe(1487)
    expect(countWhere(jiangsu, (r) => r.level === 5)).toBe(21958)
  })

  it('covers the whole country down to counties, and towns and villages only at home', () => {
    expect(countWhere(rows, (r) => r.level === 1)).toBe(31)
    expect(countWhere(rows, (r) => r.level === 3)).toBe(2978)
    expect(countWhere(rows, (r) => r.level >= 4 && !r.code.startsWith('32'))).toBe(0)
  })

  it('has unique codes of the length of their level', () => {
    expect(index.size).toBe(rows.length)
    const lengths = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 }
    expect(rows.filter((r) => r.code.length !== lengths[r.level])).toEqual([])
  })

  it('links every row to a parent one level up, listed before it, whose code it extends', () => {
    const position = new Map(rows.map((r, i) => [r.code, i]))
    const broken = rows.filter((r) => {
      if (r.parentCode === null) return r.level !== 1
      const parent = index.get(r.parentCode)
      return (
        parent === undefined ||
        parent.level !== r.level - 1 ||
        !r.code.startsWith(parent.code) ||
        (position.get(parent.code) ?? Infinity) >= (position.get(r.code) ?? -1)
      )
    })
    expect(broken).toEqual([])
  })

  it('builds full names from the ancestors, skipping placeholder cities', () => {
    expect(row('32')?.fullName).toBe('江苏省')
    expect(row('3201')?.fullName).toBe('江苏省南京市')
    expect(row('320102')?.fullName).toBe('江苏省南京市玄武区')
    expect(row('320102002')?.fullName).toBe('江苏省南京市玄武区梅园新村街道')
    expect(row('320102002001')?.fullName).toBe('江苏省南京市玄武区梅园新村街道梅园新村社区居委会')
    expect(row('110101')?.fullName).toBe('北京市东城区')
    expect(row('310115')?.fullName).toBe('上海市浦东新区')
    expect(row('500229')?.fullName).toBe('重庆市城口县')
    expect(row('429004')?.fullName).toBe('湖北省仙桃市')
    expect(row('659001')?.fullName).toBe('新疆维吾尔自治区石河子市')
  })

  it('keeps the placeholder cities themselves as rows', () => {
    expect(row('1101')).toMatchObject({ name: '市辖区', fullName: '北京市市辖区', level: 2, parentCode: '11' })
    expect(row('5002')).toMatchObject({ name: '县', fullName: '重庆市县', level: 2 })
    expect(row('110101')?.parentCode).toBe('1101')
  })

  it('does not repeat a county named like its city (东莞市 under 东莞市)', () => {
    expect(row('441900')?.fullName).toBe('广东省东莞市')
  })

  it('marks exactly the development zones as functional zones', () => {
    const zones = rows.filter((r) => r.functionalZone)
    expect(zones.every((r) => r.level === 3 && r.code[4] === '7')).toBe(true)
    expect(
      zones
        .filter(inProvince('32'))
        .map((r) => r.code)
        .sort(),
    ).toEqual(['320371', '320576', '320671', '320771', '320871', '320971', '321071', '321171', '321371'])
    expect(row('320576')).toMatchObject({ name: '苏州工业园区', fullName: '江苏省苏州市苏州工业园区', functionalZone: true })
    expect(row('320102')?.functionalZone).toBe(false)
    // Towns inside a zone are ordinary towns.
    expect(rows.some((r) => r.level === 4 && r.functionalZone)).toBe(false)
  })
})

describe('loadRegionRows options', () => {
  it(
    'leaves villages out when villages is false',
    async () => {
      const rows = await loadRegionRows({ homeProvince: '32', villages: false })
      expect(countWhere(rows, (r) => r.level === 5)).toBe(0)
      expect(countWhere(rows, (r) => r.level === 4)).toBe(1487)
    },
    loadTimeout,
  )

  it(
    'leaves towns and villages out when towns is false',
    async () => {
      const rows = await loadRegionRows({ homeProvince: '32', towns: false })
      expect(countWhere(rows, (r) => r.level >= 4)).toBe(0)
      expect(countWhere(rows, (r) => r.level === 3)).toBe(2978)
    },
    loadTimeout,
  )

  it('refuses villages without their towns', async () => {
    await expect(loadRegionRows({ homeProvince: '32', towns: false, villages: true })).rejects.toThrow(/villages need towns/)
  })

  it(
    'loads another home province (Zhejiang)',
    async () => {
      const rows = await loadRegionRows({ homeProvince: '33' })
      const zhejiang = rows.filter(inProvince('33'))
      expect(countWhere(zhejiang, (r) => r.level === 2)).toBe(11)
      expect(countWhere(zhejiang, (r) => r.level === 3)).toBe(90)
      expect(countWhere(zhejiang, (r) => r.level === 4)).toBe(1387)
      expect(countWhere(zhejiang, (r) => r.level === 5)).toBe(25547)
      expect(countWhere(rows, (r) => r.level >= 4 && !r.code.startsWith('33'))).toBe(0)
      expect(byCode(rows).get('330106')?.fullName).toBe('浙江省杭州市西湖区')
    },
    loadTimeout,
  )

  it('rejects an unknown home province', async () => {
    await expect(loadRegionRows({ homeProvince: '99' })).rejects.toBeInstanceOf(AppError)
    await expect(loadRegionRows({ homeProvince: '3' })).rejects.toBeInstanceOf(AppError)
  })
})

describe('isFunctionalZoneCode', () => {
  it('looks at the fifth digit of county-level codes only', () => {
    expect(isFunctionalZoneCode('320576')).toBe(true)
    expect(isFunctionalZoneCode('320506')).toBe(false)
    expect(isFunctionalZoneCode('320576001')).toBe(false)
  })
})

describe('parseCsvLine', () => {
  it('splits quoted and unquoted fields', () => {
    expect(parseCsvLine('320102,"玄武区",3201,32\r')).toEqual(['320102', '玄武区', '3201', '32'])
    expect(parseCsvLine('1,"a,b","say ""hi"""')).toEqual(['1', 'a,b', 'say "hi"'])
  })
})
