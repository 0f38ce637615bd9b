import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleLabel, articleOrdinal, chineseNumeral, MAX_ARTICLE_ORDINAL, parseChineseNumeral } from './laws.labels'

describe('article labels', () => {
  it('writes ordinals the way statutes print them', () => {
    const expected: [number, string][] = [
      [1, '第一条'],
      [9, '第九条'],
      [10, '第十条'],
      [11, '第十一条'],
      [19, '第十九条'],
      [20, '第二十条'],
      [35, '第三十五条'],
      [100, '第一百条'],
      [101, '第一百零一条'],
      [110, '第一百一十条'],
      [115, '第一百一十五条'],
      [120, '第一百二十条'],
      [154, '第一百五十四条'],
      [200, '第二百条'],
      [1000, '第一千条'],
      [1001, '第一千零一条'],
      [1010, '第一千零一十条'],
      [1100, '第一千一百条'],
      [1206, '第一千二百零六条'],
      [1259, '第一千二百五十九条'],
      [1260, '第一千二百六十条'],
    ]
    for (const [ordinal, label] of expected) expect(articleLabel(ordinal)).toBe(label)
  })

  it('refuses what no article can be numbered', () => {
    for (const n of [0, -1, 1.5, MAX_ARTICLE_ORDINAL + 1]) expect(() => chineseNumeral(n)).toThrow(RangeError)
  })

  it('reads every label it writes back into its ordinal', () => {
    for (let n = 1; n <= 1260; n++) expect(articleOrdinal(articleLabel(n))).toBe(n)
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ARTICLE_ORDINAL }), (n) => articleOrdinal(articleLabel(n)) === n))
  })

  it('answers null for labels of another shape', () => {
    for (const label of ['第条', '第一条之一', '附则', '第零条', '第二零条', '第十百条', '一条']) expect(articleOrdinal(label)).toBeNull()
    expect(parseChineseNumeral('两千')).toBe(2000)
  })
})
