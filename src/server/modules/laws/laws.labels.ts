/**
 * Article labels as Chinese statutes print them: 第一条, 第十条, 第十一条, 第一百零一条,
 * 第一百一十条, 第一千零一十条, 第一千二百六十条. An article's label is derived from its ordinal, and
 * an old label (kept on a renumbering) can be read back into the ordinal it stood for.
 */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
const units = ['', '十', '百', '千'] as const

/** The largest ordinal a label can be written for (four digits: 第九千九百九十九条). */
export const MAX_ARTICLE_ORDINAL = 9999

/** 1 → 一, 10 → 十, 11 → 十一, 110 → 一百一十, 1001 → 一千零一, 1260 → 一千二百六十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ARTICLE_ORDINAL) throw new RangeError(`chineseNumeral: ${n} is not an integer in 1..${MAX_ARTICLE_ORDINAL}`)
  // 10–19 drop the leading 一 (十一, not 一十一); inside a larger number it stays (一百一十).
  if (n >= 10 && n < 20) return `十${n === 10 ? '' : digits[n - 10]}`
  const places = String(n).split('').map(Number).reverse()
  let text = ''
  let pendingZero = false
  for (let place = places.length - 1; place >= 0; place--) {
    const digit = places[place]!
    if (digit === 0) {
      // One 零 stands for any run of zeros, and only between non-zero digits.
      pendingZero = text !== ''
      continue
    }
    if (pendingZero) text += '零'
    pendingZero = false
    text += digits[digit] + units[place]!
  }
  return text
}

/** 第十二条 for 12. */
export function articleLabel(ordinal: number): string {
  return `第${chineseNumeral(ordinal)}条`
}

const digitValue = new Map<string, number>(digits.map((d, i) => [d, i]))
digitValue.set('两', 2)
const unitValue = new Map<string, number>([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
])

/** The number a Chinese numeral stands for (十一 → 11, 一千零一十 → 1010), or null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text === '') return null
  let total = 0
  let digit: number | null = null
  let lastUnit = Infinity
  for (const char of text) {
    const d = digitValue.get(char)
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null
      digit = d
      continue
    }
    const unit = unitValue.get(char)
    if (unit === undefined || unit >= lastUnit) return null
    // A bare unit at the start reads as one of it (十二 = 12).
    total += (digit === null ? (total === 0 ? 1 : NaN) : digit) * unit
    if (Number.isNaN(total) || digit === 0) return null
    digit = null
    lastUnit = unit
  }
  if (digit !== null) total += digit
  return total > 0 ? total : null
}

/** The ordinal a label such as 第一百零一条 stands for, or null for a label of another shape. */
export function articleOrdinal(label: string): number | null {
  const match = /^第(.+)条$/.exec(label)
  return match ? parseChineseNumeral(match[1]!) : null
}
