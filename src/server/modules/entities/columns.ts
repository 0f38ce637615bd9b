import { ATTRIBUTES, attributeOf, type AttributeKey, type PeriodicKey } from './attributes'

/**
 * One market entity's facts in row form: what an explanation reads, what re-matching one changed
 * enterprise evaluates, and what the columnar registry is built from. A value the registry does
 * not hold is null (or absent); money is in fen, dates are YYYY-MM-DD.
 */
export interface EntityFacts {
  region: string | null
  industry: string | null
  registeredOn: string | null
  registeredCapital: number | null
  taxCredit: string | null
  qualifications: readonly string[]
  flags: readonly string[]
  /** Periodic values by fiscal year. */
  years: Readonly<Record<number, Partial<Record<PeriodicKey, number | null>>>>
}

/**
 * The whole registry (or a slice of it) as typed arrays, one per attribute (and per year for
 * periodic ones), indexed by the entity's position: what the columnar evaluator scans.
 * - numbers (money, integers, dates as day numbers): Float64Array, NaN where unknown;
 * - codes: indexes into the column's dictionary, -1 where unknown;
 * - sets: a bit mask per entity over the attribute's declared members (at most 32).
 */
export interface RegistryColumns {
  size: number
  numbers: Map<string, Float64Array>
  codes: Map<string, { dictionary: string[]; values: Int32Array }>
  sets: Map<string, Uint32Array>
}

/** The column of a periodic attribute's year (`revenue@2025`), or of a plain attribute (its key). */
export const columnKey = (attr: string, year?: number): string => (year === undefined ? attr : `${attr}@${year}`)

/** Days since 1970-01-01 of a YYYY-MM-DD date: how dates are compared in columns and rules. */
export const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000

/** The bit of each member of a set attribute, by its place in the declared list. */
export function memberBits(attr: AttributeKey): Map<string, number> {
  return new Map((attributeOf(attr)?.members ?? []).map((m, i) => [m.key, 1 << i]))
}

/** Builds the columns of `facts` for the given fiscal years of the periodic attributes. */
export function columnsOf(facts: readonly EntityFacts[], years: readonly number[]): RegistryColumns {
  const size = facts.length
  const columns: RegistryColumns = { size, numbers: new Map(), codes: new Map(), sets: new Map() }
  for (const attribute of ATTRIBUTES) {
    const key = attribute.key
    if (attribute.type === 'set') {
      const bits = memberBits(key)
      const masks = new Uint32Array(size)
      facts.forEach((f, i) => {
        for (const member of f[key as 'qualifications' | 'flags']) masks[i] = (masks[i]! | (bits.get(member) ?? 0)) >>> 0
      })
      columns.sets.set(key, masks)
    } else if (attribute.type === 'code') {
      const dictionary: string[] = []
      const index = new Map<string, number>()
      const values = new Int32Array(size)
      facts.forEach((f, i) => {
        const code = f[key as 'region' | 'industry' | 'taxCredit']
        if (code === null) return void (values[i] = -1)
        let at = index.get(code)
        if (at === undefined) index.set(code, (at = dictionary.push(code) - 1))
        values[i] = at
      })
      columns.codes.set(key, { dictionary, values })
    } else if ('periodic' in attribute) {
      for (const year of years) {
        const values = new Float64Array(size)
        facts.forEach((f, i) => (values[i] = f.years[year]?.[key as PeriodicKey] ?? NaN))
        columns.numbers.set(columnKey(key, year), values)
      }
    } else {
      const values = new Float64Array(size)
      facts.forEach((f, i) => {
        const v = f[key as 'registeredOn' | 'registeredCapital']
        values[i] = v === null ? NaN : typeof v === 'string' ? dayNumber(v) : v
      })
      columns.numbers.set(key, values)
    }
  }
  return columns
}
