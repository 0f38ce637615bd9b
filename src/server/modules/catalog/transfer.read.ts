import type ExcelJS from 'exceljs'
import { cellOf, importFileInvalid, loadWorkbook, type Cell } from '../../platform/spreadsheet'
import { itemKinds, type ItemKind } from './catalog.schemas'
import { hasElement, itemSheetOf, itemSheets, key, listSheets, OMIT, setPath, sheetNames, type Column, type ImportProblem, type ItemSheet, type ListSheet, type Origin, type ParsedItem } from './transfer.xlsx'

/** Reading an uploaded workbook back into items, with every problem located by sheet, row and column. */

/** Opens uploaded bytes as a workbook, or says clearly that they are not one. */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = await loadWorkbook(bytes)
  const unknown = workbook.worksheets.map((s) => s.name).filter((name) => !sheetNames.includes(name))
  if (unknown.length > 0) {
    throw importFileInvalid(`工作表名称不正确：${unknown.join('、')}；应为 ${sheetNames.join('、')}`, `Unknown sheet names: ${unknown.join(', ')}; expected ${sheetNames.join(', ')}`)
  }
  if (!itemSheets.some((layout) => workbook.getWorksheet(layout.name))) {
    throw importFileInvalid(`缺少事项工作表（${itemSheets.map((s) => s.name).join('、')}）`, `No item sheet (${itemSheets.map((s) => s.name).join(', ')})`)
  }
  return workbook
}

const isEmpty = (cell: Cell) => cell === null || (typeof cell === 'string' && cell.trim() === '')

/** The data rows of a sheet that hold anything, with their Excel row numbers. */
function dataRows(sheet: ExcelJS.Worksheet): { number: number; cells: (index: number) => Cell }[] {
  const rows: { number: number; cells: (index: number) => Cell }[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const cells = (index: number) => cellOf(row.getCell(index).value)
    if (Array.from({ length: row.cellCount }, (_, i) => cells(i + 1)).some((cell) => !isEmpty(cell))) rows.push({ number, cells })
  })
  return rows
}

/** How many item rows a workbook holds: checked against the import limit before anything is read. */
export function itemRowCount(workbook: ExcelJS.Workbook): number {
  return itemSheets.reduce((sum, layout) => {
    const sheet = workbook.getWorksheet(layout.name)
    return sum + (sheet ? dataRows(sheet).length : 0)
  }, 0)
}

/**
 * Which column each header sits in, with a problem for every unknown, repeated or missing required
 * header; `complete` is false when there was one.
 */
function headerIndex(sheet: ExcelJS.Worksheet, columns: Column[], problems: ImportProblem[]): { index: Map<Column, number>; complete: boolean } {
  const index = new Map<Column, number>()
  const before = problems.length
  const at = (column: string | null, id: string, zh: string, en: string) => problems.push({ sheet: sheet.name, row: 1, column, field: null, id, zh, en })
  sheet.getRow(1).eachCell((cell, number) => {
    const header = String(cellOf(cell.value) ?? '').trim()
    if (header === '') return
    const column = columns.find((c) => c.header === header)
    if (!column) return at(header, 'column_unknown', `「${sheet.name}」表有未知的列「${header}」`, `Sheet ${sheet.name} has an unknown column "${header}"`)
    if (index.has(column)) return at(header, 'column_duplicate', `「${sheet.name}」表的列「${header}」重复`, `Sheet ${sheet.name} repeats the column "${header}"`)
    index.set(column, number)
  })
  for (const column of columns) {
    if (!index.has(column) && column.codec.required) at(column.header, 'column_missing', `「${sheet.name}」表缺少列「${column.header}」`, `Sheet ${sheet.name} lacks the column "${column.header}"`)
  }
  return { index, complete: problems.length === before }
}

/** Reads one cell through its codec; an empty optional cell takes the codec's empty value. */
function readCell(cell: Cell, column: Column, origin: Origin, field: string, problems: ImportProblem[]): { ok: boolean; value: unknown } {
  const where = `「${origin.sheet}」表第 ${origin.row} 行「${column.header}」`
  const whereEn = `sheet ${origin.sheet} row ${origin.row} column "${column.header}"`
  if (cell === null || isEmpty(cell)) {
    if (!column.codec.required) return { ok: true, value: column.codec.empty }
    problems.push({ ...origin, column: column.header, field, id: 'value_missing', zh: `${where}不能为空`, en: `${whereEn} is required` })
    return { ok: false, value: undefined }
  }
  const read = column.codec.read(cell)
  if (read.ok) return read
  const zh = read.id === 'value_unknown' ? `${where}的值「${cell}」不在可选范围内（${read.expected.zh}）` : `${where}的值「${cell}」应为${read.expected.zh}`
  const en = read.id === 'value_unknown' ? `${whereEn}: "${cell}" is not one of ${read.expected.en}` : `${whereEn}: "${cell}" should be ${read.expected.en}`
  problems.push({ ...origin, column: column.header, field, id: read.id, zh, en })
  return { ok: false, value: undefined }
}

/** The items of a workbook, with every cell that could not be read as a problem. */
export function parseCatalogWorkbook(workbook: ExcelJS.Workbook): { items: ParsedItem[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const items: ParsedItem[] = []
  for (const layout of itemSheets) {
    const sheet = workbook.getWorksheet(layout.name)
    if (!sheet) continue
    const { index, complete } = headerIndex(sheet, layout.columns, problems)
    // Under a broken header every cell may be misread: the rows are kept (their list rows still
    // find them) but marked broken, and their cells are not reported one by one.
    const rows = dataRows(sheet).map((row) => parseItemRow(layout, index, row, complete ? problems : []))
    items.push(...rows.map((item) => ({ ...item, broken: item.broken || !complete })))
  }
  const byCode = new Map<string, ParsedItem>()
  for (const item of items) if (item.basicCode && !byCode.has(item.basicCode)) byCode.set(item.basicCode, item)
  for (const layout of listSheets) {
    const sheet = workbook.getWorksheet(layout.name)
    if (!sheet) continue
    const { index, complete } = headerIndex(sheet, [key, ...layout.columns], problems)
    for (const row of dataRows(sheet)) {
      if (complete) attachListRow(layout, index, row, byCode, problems)
      else markBroken(byCode.get(String(row.cells(index.get(key) ?? 0) ?? '').trim()))
    }
  }
  return { items, problems }
}

/** An item whose list rows sit under a broken header has incomplete elements. */
function markBroken(item: ParsedItem | undefined): void {
  if (item) item.broken = true
}

function parseItemRow(layout: ItemSheet, index: Map<Column, number>, row: { number: number; cells: (i: number) => Cell }, problems: ImportProblem[]): ParsedItem {
  const origin = { sheet: layout.name, row: row.number }
  const item: ParsedItem = { origin, kind: layout.kinds.length === 1 ? (layout.kinds[0] ?? null) : null, basicCode: null, elements: {}, listOrigins: {}, broken: false }
  for (const column of layout.columns) {
    if (column.role === 'info') continue
    const at = index.get(column)
    const read = readCell(at === undefined ? null : row.cells(at), column, origin, column.field, problems)
    if (!read.ok) {
      item.broken = true
      continue
    }
    if (column.role === 'key') item.basicCode = String(read.value).trim()
    else if (column.role === 'kind') item.kind = read.value as ItemKind
    else if (read.value !== OMIT) setPath(item.elements, column.field, read.value)
  }
  if (item.kind) for (const list of listSheets) if (hasElement(item.kind, list.field)) item.elements[list.field] = []
  return item
}

function attachListRow(layout: ListSheet, index: Map<Column, number>, row: { number: number; cells: (i: number) => Cell }, byCode: Map<string, ParsedItem>, problems: ImportProblem[]): void {
  const origin = { sheet: layout.name, row: row.number }
  const keyRead = readCell(row.cells(index.get(key) ?? 0), key, origin, 'basicCode', problems)
  if (!keyRead.ok) return
  const basicCode = String(keyRead.value).trim()
  const item = byCode.get(basicCode)
  const problem = (id: string, zh: string, en: string) => problems.push({ ...origin, column: key.header, field: 'basicCode', id, zh, en })
  if (!item) return void problem('basic_code_unknown', `「${layout.name}」表第 ${row.number} 行的基本编码 ${basicCode} 在事项表中不存在`, `Sheet ${layout.name} row ${row.number}: basic code ${basicCode} is not in an item sheet`)
  if (item.kind && !hasElement(item.kind, layout.field)) {
    return void problem('list_not_applicable', `${itemKinds[item.kind].zh}没有「${layout.name}」要素（第 ${row.number} 行）`, `A ${item.kind} item has no ${layout.field} (row ${row.number})`)
  }
  const list = (item.elements[layout.field] ??= []) as unknown[]
  const entry: Record<string, unknown> = {}
  let value: unknown = entry
  let readable = true
  for (const column of layout.columns) {
    if (column.role === 'info') continue
    const at = index.get(column)
    const read = readCell(at === undefined ? null : row.cells(at), column, origin, [layout.field, list.length, column.field].filter((p) => p !== '').join('/'), problems)
    if (!read.ok) readable = false
    else if (column.field === '') value = read.value
    else if (read.value !== OMIT) entry[column.field] = read.value
  }
  if (!readable) {
    item.broken = true
    return
  }
  list.push(value)
  ;(item.listOrigins[layout.field] ??= []).push(origin)
}

/**
 * Where an element path (as a schema error names it) is in the upload: the list-sheet row of a
 * list entry, else the item's own row; and the header of its column.
 */
export function locate(item: ParsedItem, path: string): { origin: Origin; column: string | null } {
  const [top = '', position, sub] = path.split('/')
  const list = listSheets.find((l) => l.field === top)
  if (list) {
    const listOrigin = position === undefined ? undefined : item.listOrigins[top]?.[Number(position)]
    const column = list.columns.find((c) => c.field === (sub ?? '')) ?? (sub === undefined ? undefined : list.columns.find((c) => c.field === ''))
    return { origin: listOrigin ?? item.origin, column: column?.header ?? list.name }
  }
  const columns = itemSheetOf(item.kind ?? 'licensing').columns.filter((c) => c.role !== 'info')
  const twoParts = position === undefined ? top : `${top}/${position}`
  const column = columns.find((c) => c.field === twoParts) ?? columns.find((c) => c.field === top || c.field.startsWith(`${top}/`))
  return { origin: item.origin, column: column?.header ?? null }
}
