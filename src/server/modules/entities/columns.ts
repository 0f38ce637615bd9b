import { ATTRIBUTES, attributeOf, type PeriodicKey } from './attributes'

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

const bitsByAttribute = new Map<string, ReadonlyMap<string, number>>()

/** The bit of each member of a set attribute, by its place in the declared list (built once per attribute). */
export function memberBits(attr: string): ReadonlyMap<string, number> {
  let bits = bitsByAttribute.get(attr)
  if (!bits) bitsByAttribute.set(attr, (bits = new Map((attributeOf(attr)?.members ?? []).map((m, i) => [m.key, 1 << i]))))
  return bits
}

/**
 * One entity's values keyed like the columns (`revenue@2025`), as the row evaluator reads them:
 * numbers (dates as day numbers), codes, and set masks; unknown values are absent or null.
 */
export type EntityRow = Record<string, number | string | null | undefined>

/** The row of one entity's facts, built once to test it against many rules. */
export function entityRow(facts: EntityFacts): EntityRow {
  const row: EntityRow = {
    region: facts.region,
    industry: facts.industry,
    taxCredit: facts.taxCredit,
    registeredOn: facts.registeredOn === null ? null : dayNumber(facts.registeredOn),
    registeredCapital: facts.registeredCapital,
  }
  for (const key of ['qualifications', 'flags'] as const) {
    const bits = memberBits(key)
    row[key] = facts[key].reduce((mask, member) => mask | (bits.get(member) ?? 0), 0)
  }
  for (const [year, values] of Object.entries(facts.years)) {
    for (const [key, value] of Object.entries(values)) row[columnKey(key, Number(year))] = value
  }
  return row
}

/** Builds the columns of `facts` for the given fiscal years of the periodic attributes. */
export function columnsOf(facts: readonly EntityFacts[], years: readonly number[]): RegistryColumns {
  const builder = new ColumnsBuilder(facts.length, years)
  facts.forEach((f, i) => builder.set(i, f))
  return builder.columns
}

/**
 * Fills the columns of a registry of `size` entities one entity at a time, so that a large
 * registry is never held as objects (the loader and the benchmark's generator stream into it).
 */
export class ColumnsBuilder {
  readonly columns: RegistryColumns
  private readonly dictionaries = new Map<string, Map<string, number>>()
  private readonly plain: { key: 'registeredOn' | 'registeredCapital'; values: Float64Array; date: boolean }[] = []
  private readonly periodic: { key: PeriodicKey; year: number; values: Float64Array }[] = []

  /** `shared`: in SharedArrayBuffers, so that worker threads read the registry without copying it. */
  constructor(size: number, readonly years: readonly number[], shared = false) {
    this.columns = { size, numbers: new Map(), codes: new Map(), sets: new Map() }
    const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes))
    const float64s = () => new Float64Array(buffer(size * 8)).fill(NaN)
    for (const attribute of ATTRIBUTES) {
      const key = attribute.key
      if (attribute.type === 'set') {
        this.columns.sets.set(key, new Uint32Array(buffer(size * 4)))
      } else if (attribute.type === 'code') {
        this.columns.codes.set(key, { dictionary: [], values: new Int32Array(buffer(size * 4)).fill(-1) })
        this.dictionaries.set(key, new Map())
      } else if ('periodic' in attribute) {
        for (const year of years) {
          const values = float64s()
          this.columns.numbers.set(columnKey(key, year), values)
          this.periodic.push({ key: attribute.key, year, values })
        }
      } else {
        const values = float64s()
        this.columns.numbers.set(key, values)
        this.plain.push({ key: key as 'registeredOn' | 'registeredCapital', values, date: attribute.type === 'date' })
      }
    }
  }

  /** Writes the entity at position `i`. */
  set(i: number, facts: EntityFacts): void {
    for (const [key, column] of this.columns.codes) {
      const code = facts[key as 'region' | 'industry' | 'taxCredit']
      if (code === null) continue
      const index = this.dictionaries.get(key)!
      let at = index.get(code)
      if (at === undefined) index.set(code, (at = column.dictionary.push(code) - 1))
      column.values[i] = at
    }
    for (const [key, masks] of this.columns.sets) {
      const bits = memberBits(key)
      let mask = 0
      for (const member of facts[key as 'qualifications' | 'flags']) mask |= bits.get(member) ?? 0
      masks[i] = mask
    }
    for (const { key, values, date } of this.plain) {
      const v = facts[key]
      if (v !== null) values[i] = date ? dayNumber(v as string) : (v as number)
    }
    for (const { key, year, values } of this.periodic) values[i] = facts.years[year]?.[key] ?? NaN
  }
}
