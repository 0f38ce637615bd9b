import { describe, expect, it } from 'vitest'
import type { Region, RegionLevel } from '../../platform/api'
import { bundledRegionLabel, registryRegionLabel } from './regionLabel'

const names = new Map([
  ['32', '江苏省'],
  ['3201', '南京市'],
  ['320102', '玄武区'],
  ['320106', '鼓楼区'],
  ['3203', '徐州市'],
  ['320302', '鼓楼区'],
])

const region = (code: string, name: string, level: RegionLevel): Region => ({ code, name, fullName: name, level, parentCode: null, functionalZone: false, hasChildren: true })

describe('region labels', () => {
  it('names a county with its city, so the two 鼓楼区 differ', () => {
    expect(bundledRegionLabel('320102', '32', names)).toBe('南京市 / 玄武区')
    expect(bundledRegionLabel('320106', '32', names)).toBe('南京市 / 鼓楼区')
    expect(bundledRegionLabel('320302', '32', names)).toBe('徐州市 / 鼓楼区')
  })

  it('names a city alone, and the province by its own name', () => {
    expect(bundledRegionLabel('3201', '32', names)).toBe('南京市')
    expect(bundledRegionLabel('32', '32', names)).toBe('江苏省')
  })

  it('leaves to the registry what the bundled list lacks', () => {
    expect(bundledRegionLabel('320102002', '32', names)).toBeUndefined()
    expect(bundledRegionLabel('3202', '32', names)).toBeUndefined()
  })

  it('names a street from the registry below the home province, whatever order its ancestors come in', () => {
    const street = { ...region('320102002', '梅园新村街道', 4), ancestors: [region('320102', '玄武区', 3), region('32', '江苏省', 1), region('3201', '南京市', 2)] }
    expect(registryRegionLabel(street, '32')).toBe('南京市 / 玄武区 / 梅园新村街道')
  })

  it('keeps the province of a region outside the home province', () => {
    const county = { ...region('110101', '东城区', 3), ancestors: [region('11', '北京市', 1), region('1101', '市辖区', 2)] }
    expect(registryRegionLabel(county, '32')).toBe('北京市 / 市辖区 / 东城区')
  })
})
