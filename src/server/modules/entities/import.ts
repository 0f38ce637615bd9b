import { parse } from 'csv-parse/sync'
import { isValidDay } from '../../platform/calendar/calendar'
import type { Message } from '../../platform/errors'
import { cellOf, importFileInvalid, loadWorkbook } from '../../platform/spreadsheet'
import { validateUscc } from '../../platform/identity/identity-codes'
import { ATTRIBUTES, attributeOf, type AttributeDef, type PeriodicKey } from './attributes'
import type { EntityFacts } from './columns'

/** An enterprise as an import or a generator gives it: its facts, USCC and name. */
export interface NewEntity extends EntityFacts {
  uscc: string
  name: string
}

/** A problem of one cell (or of the header row, line 1) of an import, located as a clerk would find it. */
export interface ImportProblem {
  line: number
  column: string
  id: string
  message: Message
}

export interface ImportTable {
  headers: string[]
  rows: { line: number; cells: string[] }[]
}

export const IMPORT_LIMIT = 50_000

/** Reads an uploaded CSV (UTF-8, with or without a BOM) or Excel (.xlsx, first sheet) file as a header row and data rows. */
export async function readImportTable(bytes: Buffer, fileName: string): Promise<ImportTable> {
  if (bytes.length === 0) throw importFileInvalid('上传的文件为空', 'The uploaded file is empty')
  let lines: string[][]
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = await loadWorkbook(bytes)
    const sheet = workbook.worksheets[0]
    if (!sheet) throw importFileInvalid('工作簿没有工作表', 'The workbook has no sheet')
    lines = []
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      lines[number - 1] = Array.from({ length: row.cellCount }, (_, i) => String(cellOf(row.getCell(i + 1).value) ?? ''))
    })
    lines = Array.from(lines, (l) => l ?? [])
  } else if (/\.csv$/i.test(fileName)) {
    try {
      lines = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
    } catch (error) {
      throw importFileInvalid(`CSV 格式有误：${(error as Error).message}`, `The CSV is malformed: ${(error as Error).message}`)
    }
  } else {
    throw importFileInvalid('只接受 .csv 或 .xlsx 文件', 'Only .csv and .xlsx files are taken')
  }
  const [header, ...rest] = lines
  if (!header || header.every((h) => h.trim() === '')) throw importFileInvalid('第 1 行应为表头', 'Line 1 must hold the headers')
  const rows = rest.map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''))
  if (rows.length > IMPORT_LIMIT) throw importFileInvalid(`一次最多导入 ${IMPORT_LIMIT.toLocaleString()} 行，本文件有 ${rows.length.toLocaleString()} 行`, `At most ${IMPORT_LIMIT.toLocaleString()} rows an import; this file has ${rows.length.toLocaleString()}`)
  return { headers: header.map((h) => h.trim()), rows }
}

type Field = { kind: 'uscc' } | { kind: 'name' } | { kind: 'attribute'; attribute: AttributeDef; year?: number }

/**
 * The column a header names: 统一社会信用代码 / uscc, 企业名称 / name, an attribute by its Chinese
 * label or key (注册资本（元） / registeredCapital), a periodic one with its year
 * (2025年营业收入（元） / revenue2025).
 */
export function fieldOfHeader(header: string): Field | undefined {
  const h = header.replace(/[（(].*?[）)]/g, '').replace(/\s/g, '')
  if (h === '统一社会信用代码' || h === 'uscc') return { kind: 'uscc' }
  if (h === '企业名称' || h === 'name') return { kind: 'name' }
  const zhYear = /^(\d{4})年(.+)$/.exec(h)
  const keyYear = /^([a-zA-Z]+)(\d{4})$/.exec(h)
  const [year, label] = zhYear ? [zhYear[1], zhYear[2]] : keyYear ? [keyYear[2], keyYear[1]] : [undefined, h]
  const attribute = ATTRIBUTES.find((a) => a.label.zh === label || a.key === label)
  // A periodic attribute needs its year, and only a periodic one may have one.
  if (!attribute || 'periodic' in attribute !== (year !== undefined)) return undefined
  return { kind: 'attribute', attribute: attribute as AttributeDef, year: year === undefined ? undefined : Number(year) }
}

/**
 * Checks every row of an import and returns the enterprises it holds, or every problem found
 * (an import with any problem changes nothing). `isRegion` says whether a region code exists.
 * Money is written in yuan (up to two decimals), dates YYYY-MM-DD, several qualifications or
 * flags separated by 、 , or ; (by key or by their Chinese names).
 */
export function parseEntities(table: ImportTable, isRegion: (code: string) => boolean): { entities: NewEntity[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const fields = table.headers.map((header) => fieldOfHeader(header))
  table.headers.forEach((header, i) => {
    if (header !== '' && !fields[i]) problems.push({ line: 1, column: header, id: 'import_unknown_column', message: { zh: `不认识的列“${header}”`, en: `Unknown column "${header}"` } })
  })
  for (const required of ['uscc', 'name', 'region'] as const) {
    const present = fields.some((f) => f && (f.kind === required || (f.kind === 'attribute' && f.attribute.key === required)))
    if (!present) {
      const label = required === 'uscc' ? '统一社会信用代码' : required === 'name' ? '企业名称' : attributeOf('region')!.label.zh
      problems.push({ line: 1, column: label, id: 'import_missing_column', message: { zh: `缺少必填列“${label}”`, en: `The required column "${label}" is missing` } })
    }
  }
  if (problems.length > 0) return { entities: [], problems }

  const seen = new Map<string, number>()
  const entities: NewEntity[] = []
  for (const { line, cells } of table.rows) {
    const entity: NewEntity = { uscc: '', name: '', region: null, industry: null, registeredOn: null, registeredCapital: null, taxCredit: null, qualifications: [], flags: [], years: {} }
    const years: Record<number, Partial<Record<PeriodicKey, number | null>>> = {}
    const problem = (column: string, id: string, zh: string, en: string) => problems.push({ line, column, id, message: { zh, en } })
    fields.forEach((field, i) => {
      const text = cells[i] ?? ''
      const column = table.headers[i]!
      if (!field) return
      if (field.kind === 'uscc') {
        const checked = validateUscc(text)
        if (!checked.ok) return problem(column, 'uscc_invalid', `统一社会信用代码“${text}”${checked.reason === 'format' ? '格式不对（18 位）' : '校验位不对'}`, `USCC "${text}" ${checked.reason === 'format' ? 'is not 18 characters of the GB 32100 alphabet' : 'has a wrong check character'}`)
        entity.uscc = text.toUpperCase()
        const before = seen.get(entity.uscc)
        if (before !== undefined) problem(column, 'uscc_repeated', `与第 ${before} 行的统一社会信用代码重复`, `Repeats the USCC of line ${before}`)
        seen.set(entity.uscc, line)
        return
      }
      if (field.kind === 'name') {
        if (text === '' || text.length > 200) return problem(column, 'name_invalid', '企业名称必填，不超过 200 字', 'A name is required, at most 200 characters')
        entity.name = text
        return
      }
      if (text === '') return
      const { attribute, year } = field
      const value = parseValue(attribute, text, isRegion)
      if (!value.ok) return problem(column, value.id, value.message.zh, value.message.en)
      if (year !== undefined) years[year] = { ...years[year], [attribute.key]: value.value as number }
      else Object.assign(entity, { [attribute.key]: value.value })
    })
    if (entity.region === null && !problems.some((p) => p.line === line)) problem(attributeOf('region')!.label.zh, 'region_missing', '所在地区必填', 'The region is required')
    entity.years = years
    entities.push(entity)
  }
  return problems.length > 0 ? { entities: [], problems } : { entities, problems }
}

type Parsed = { ok: true; value: number | string | string[] } | { ok: false; id: string; message: Message }

function parseValue(attribute: AttributeDef, text: string, isRegion: (code: string) => boolean): Parsed {
  const wrong = (zh: string, en: string): Parsed => ({ ok: false, id: 'import_value_invalid', message: { zh: `${attribute.label.zh}：${zh}`, en: `${attribute.label.en}: ${en}` } })
  switch (attribute.type) {
    case 'money': {
      if (!/^-?\d{1,13}(\.\d{1,2})?$/.test(text.replaceAll(',', ''))) return wrong(`“${text}”不是金额（元，最多两位小数）`, `"${text}" is not an amount in yuan (up to two decimals)`)
      return { ok: true, value: Math.round(Number(text.replaceAll(',', '')) * 100) }
    }
    case 'integer':
      return /^\d{1,9}$/.test(text) ? { ok: true, value: Number(text) } : wrong(`“${text}”不是非负整数`, `"${text}" is not a whole number`)
    case 'date': {
      return isValidDay(text) ? { ok: true, value: text } : wrong(`“${text}”不是日期（YYYY-MM-DD）`, `"${text}" is not a date (YYYY-MM-DD)`)
    }
    case 'code':
      if (attribute.codes === 'region') return /^\d{6}$/.test(text) && isRegion(text) ? { ok: true, value: text } : wrong(`没有县级区划代码“${text}”`, `"${text}" is not a county-level region code`)
      if (attribute.codes === 'industry') return /^[A-T]\d{2,4}$/.test(text.toUpperCase()) ? { ok: true, value: text.toUpperCase() } : wrong(`“${text}”不是国民经济行业代码（如 C3911）`, `"${text}" is not a GB/T 4754 code (such as C3911)`)
      return attribute.members!.some((m) => m.key === text.toUpperCase()) ? { ok: true, value: text.toUpperCase() } : wrong(`应为 ${attribute.members!.map((m) => m.key).join('、')}`, `One of ${attribute.members!.map((m) => m.key).join(', ')}`)
    case 'set': {
      const keys: string[] = []
      for (const part of text.split(/[、,，;；]/).map((p) => p.trim()).filter(Boolean)) {
        const member = attribute.members!.find((m) => m.key === part || m.label.zh === part)
        if (!member) return wrong(`不认识“${part}”`, `Unknown "${part}"`)
        if (!keys.includes(member.key)) keys.push(member.key)
      }
      return { ok: true, value: keys }
    }
  }
}
