import ExcelJS from 'exceljs'
import { AppError, type Message } from '../../platform/errors'
import { elementsSchemaOf, itemKinds, serviceKinds, type Elements, type ItemKind } from './catalog.schemas'

/**
 * The sheet layout of an item list, shared by export and import so that one round-trips into the
 * other: an item sheet per element shape (one row per item, one column per scalar element), and
 * one sheet per list element (one row per list entry), joined by the basic code.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Where an imported item (or one of its list entries) came from: an Excel row (header = row 1), or a JSON array position. */
export interface Origin {
  /** null for a JSON upload. */
  sheet: string | null
  row: number
}

/** One thing wrong with an upload, named the way the person who has to fix it sees it. */
export interface ImportProblem {
  sheet: string | null
  row: number
  /** The Chinese column header, e.g. 承诺时限. */
  column: string | null
  /** The element path, e.g. committedDays or materials/0/copies. */
  field: string | null
  id: string
  zh: string
  en: string
}

/** An uploaded item before it is checked against the element schema and the database. */
export interface ParsedItem {
  origin: Origin
  kind: ItemKind | null
  basicCode: string | null
  elements: Record<string, unknown>
  note?: string
  /** The list-sheet rows each list entry came from, to point a problem at its row. */
  listOrigins: Record<string, Origin[]>
  /** A cell of the item or of its list rows could not be read: its elements are incomplete. */
  broken: boolean
}

/** A published entry as exported (and, through basicCode, kind and elements, imported again). */
export interface ExportEntry {
  basicCode: string
  implementationCode: string
  kind: ItemKind
  regionCode: string
  regionName: string
  departmentName: string | null
  versionNumber: number
  publishedAt: string | null
  elements: Elements
}

// ---- cell codecs: element value ⇄ cell ----

type Cell = string | number | boolean | null
type Read = { ok: true; value: unknown } | { ok: false; id: 'value_wrong_type' | 'value_unknown'; expected: Message }

/** Marks an optional element that an empty cell leaves out (a note, a fee's basis, a step's days). */
const OMIT = Symbol('omit')

interface Codec {
  /** An empty cell is a missing required value. */
  required: boolean
  /** What an empty optional cell means. */
  empty: unknown
  read(cell: Exclude<Cell, null>): Read
  write(value: unknown): Cell
  /** Keep the cell as text in Excel, so codes keep their leading zeros. */
  textFormat?: boolean
}

const ok = (value: unknown): Read => ({ ok: true, value })
const wrongType = (zh: string, en: string): Read => ({ ok: false, id: 'value_wrong_type', expected: { zh, en } })
const SEPARATORS = /[；;\n]/
const JOINER = '；'

function text(required = true, empty: unknown = ''): Codec {
  return {
    required,
    empty,
    read: (cell) => (typeof cell === 'boolean' ? wrongType('文本', 'text') : ok(String(cell))),
    write: (value) => (typeof value === 'string' ? value : null),
  }
}

const code: Codec = { ...text(), textFormat: true }
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuid: Codec = { ...text(), read: (cell) => (typeof cell === 'string' && uuidPattern.test(cell.trim()) ? ok(cell.trim()) : wrongType('UUID 编号', 'a UUID')) }

function integer(required = true): Codec {
  return {
    required,
    empty: OMIT,
    read: (cell) => {
      if (typeof cell === 'number' && Number.isInteger(cell)) return ok(cell)
      if (typeof cell === 'string' && /^\s*-?[0-9]+\s*$/.test(cell)) return ok(Number(cell))
      return wrongType('整数', 'a whole number')
    },
    write: (value) => (typeof value === 'number' ? value : null),
  }
}

const yes = new Set(['是', 'true', '1', 'y', 'yes'])
const no = new Set(['否', 'false', '0', 'n', 'no'])
const boolean: Codec = {
  required: true,
  empty: false,
  read: (cell) => {
    if (typeof cell === 'boolean') return ok(cell)
    const word = String(cell).trim().toLowerCase()
    if (yes.has(word)) return ok(true)
    if (no.has(word)) return ok(false)
    return wrongType('“是”或“否”', '是 (yes) or 否 (no)')
  },
  write: (value) => (value === true ? '是' : value === false ? '否' : null),
}

/** One value of a closed set, written as its Chinese label; the code itself is read too. */
function oneOf(labels: Record<string, string>, required = true): Codec {
  const byLabel = new Map(Object.entries(labels).flatMap(([value, label]) => [[label, value], [value, value]]))
  const expected = Object.values(labels).join('、')
  return {
    required,
    empty: OMIT,
    read: (cell) => {
      const value = byLabel.get(String(cell).trim())
      return value === undefined ? { ok: false, id: 'value_unknown', expected: { zh: expected, en: Object.keys(labels).join(', ') } } : ok(value)
    },
    write: (value) => (typeof value === 'string' ? (labels[value] ?? value) : null),
  }
}

/** Several values of a closed set in one cell, separated by ；. */
function someOf(labels: Record<string, string>): Codec {
  const one = oneOf(labels)
  return {
    required: true,
    empty: [],
    read: (cell) => {
      if (typeof cell === 'boolean') return wrongType('文本', 'text')
      const values: unknown[] = []
      for (const part of splitList(cell)) {
        const read = one.read(part)
        if (!read.ok) return read
        values.push(read.value)
      }
      return ok(values)
    },
    write: (value) => (Array.isArray(value) ? value.map((v) => one.write(v)).join(JOINER) : null),
  }
}

/** Free-text values in one cell, separated by ；. */
const textList: Codec = {
  required: false,
  empty: [],
  read: (cell) => (typeof cell === 'boolean' ? wrongType('文本', 'text') : ok(splitList(cell))),
  write: (value) => (Array.isArray(value) ? value.join(JOINER) : null),
}

function splitList(cell: string | number): string[] {
  return String(cell)
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** Money is stored in fen; people read and type yuan. */
const yuan: Codec = {
  required: true,
  empty: OMIT,
  read: (cell) => {
    const amount = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(cell) ? Number(cell) : Number.NaN
    const fen = Math.round(amount * 100)
    return Number.isFinite(amount) && Math.abs(amount * 100 - fen) < 1e-6 ? ok(fen) : wrongType('金额（元，最多两位小数）', 'an amount in yuan with at most 2 decimals')
  },
  write: (value) => (typeof value === 'number' ? value / 100 : null),
}

/** Export-only information (implementation code, region, department, version): ignored on import. */
const info: Codec = { required: false, empty: OMIT, read: () => ok(undefined), write: (value) => (value === null || value === undefined ? null : (value as Cell)), textFormat: true }

// ---- the labels of the closed sets ----

const levelLabels = { province: '省级', city: '市级', county: '县级' }
const objectLabels = { person: '自然人', enterprise: '法人' }
const channelLabels = { window: '窗口办理', web: '网上办理', app: '移动端办理', self_service: '自助终端办理', mail: '邮寄办理' }
const resultLabels = { licence: '证照', approval: '批准文件', certificate: '证明文件', other: '其他' }
const formLabels = { paper: '纸质', electronic: '电子', both: '纸质和电子' }
const originalLabels = { original: '原件', copy: '复印件', both: '原件和复印件' }
const sourceLabels = { applicant: '申请人提交', e_licence: '电子证照免提交', shared_data: '数据共享免提交' }
const kindLabels = (kinds: readonly ItemKind[]) => Object.fromEntries(kinds.map((k) => [k, itemKinds[k].zh]))

// ---- the sheets ----

interface Column {
  header: string
  /** An element path (result/name), a list entry's field, or for a role column what it carries. */
  field: string
  codec: Codec
  role?: 'key' | 'kind' | 'info'
  width?: number
}

interface ItemSheet {
  name: string
  /** The kinds its rows may have; a sheet of one kind has no kind column. */
  kinds: readonly ItemKind[]
  columns: Column[]
}

type ListField = 'materials' | 'legalBasis' | 'fees' | 'conditions' | 'steps'

interface ListSheet {
  name: string
  field: ListField
  /** The columns after the basic code; a list of plain strings has one column with field ''. */
  columns: Column[]
}

const key: Column = { header: '基本编码', field: 'basicCode', codec: code, role: 'key', width: 14 }
const infoColumns: Column[] = [
  { header: '实施编码', field: 'implementationCode', codec: info, role: 'info', width: 22 },
  { header: '区划代码', field: 'regionCode', codec: info, role: 'info' },
  { header: '所属部门', field: 'departmentName', codec: info, role: 'info', width: 24 },
  { header: '版本号', field: 'versionNumber', codec: info, role: 'info' },
]

const serviceSheet: ItemSheet = {
  name: '事项',
  kinds: serviceKinds,
  columns: [
    key,
    { header: '事项名称', field: 'name', codec: text(), width: 30 },
    { header: '事项类型', field: 'kind', codec: oneOf(kindLabels(serviceKinds)), role: 'kind' },
    { header: '实施部门', field: 'department', codec: text(), width: 20 },
    { header: '法定时限', field: 'statutoryDays', codec: integer() },
    { header: '承诺时限', field: 'committedDays', codec: integer() },
    { header: '网办深度', field: 'onlineDepth', codec: integer() },
    { header: '跑动次数', field: 'visits', codec: integer() },
    { header: '省内通办', field: 'provinceWide', codec: boolean },
    { header: '跨省通办', field: 'crossProvince', codec: boolean },
    { header: '主题', field: 'themes', codec: textList, width: 20 },
    { header: '人生事件', field: 'lifeEvents', codec: textList, width: 20 },
    { header: '办理地点', field: 'place', codec: text(false), width: 30 },
    { header: '咨询电话', field: 'phone', codec: { ...text(false), textFormat: true } },
    { header: '办理结果', field: 'result/name', codec: text(), width: 20 },
    { header: '结果类型', field: 'result/type', codec: oneOf(resultLabels) },
    { header: '行使层级', field: 'levels', codec: someOf(levelLabels) },
    { header: '服务对象', field: 'serviceObjects', codec: someOf(objectLabels) },
    { header: '办理渠道', field: 'channels', codec: someOf(channelLabels), width: 20 },
    ...infoColumns,
  ],
}

/** The 15 elements of an inspection item; its legal basis is in the 依据 sheet. */
const inspectionSheet: ItemSheet = {
  name: '检查事项',
  kinds: ['inspection'],
  columns: [
    key,
    { header: '事项名称', field: 'name', codec: text(), width: 30 },
    { header: '检查类别', field: 'category', codec: text() },
    { header: '检查方式', field: 'method', codec: text() },
    { header: '检查对象', field: 'object', codec: text(), width: 20 },
    { header: '检查内容', field: 'content', codec: text(), width: 30 },
    { header: '实施主体', field: 'implementingBody', codec: text(), width: 20 },
    { header: '检查层级', field: 'level', codec: oneOf(levelLabels) },
    { header: '检查频次', field: 'frequency', codec: text() },
    { header: '抽查比例', field: 'ratio', codec: text() },
    { header: '检查程序', field: 'procedure', codec: text(), width: 30 },
    { header: '结果处理', field: 'handling', codec: text(), width: 30 },
    { header: '承办机构', field: 'undertakingUnit', codec: text(), width: 20 },
    { header: '对应监管事项编码', field: 'supervisionItemCode', codec: { ...text(false, null), textFormat: true }, width: 14 },
    { header: '备注', field: 'remarks', codec: text(false), width: 20 },
    ...infoColumns,
  ],
}

const supervisionSheet: ItemSheet = {
  name: '监管事项',
  kinds: ['supervision'],
  columns: [
    key,
    { header: '事项名称', field: 'name', codec: text(), width: 30 },
    { header: '实施部门', field: 'department', codec: text(), width: 20 },
    { header: '监管对象', field: 'object', codec: text(), width: 20 },
    { header: '监管内容', field: 'content', codec: text(), width: 30 },
    { header: '监管方式', field: 'method', codec: text() },
    { header: '行使层级', field: 'levels', codec: someOf(levelLabels) },
    { header: '备注', field: 'remarks', codec: text(false), width: 20 },
    ...infoColumns,
  ],
}

const listSheets: ListSheet[] = [
  {
    name: '材料',
    field: 'materials',
    columns: [
      { header: '材料名称', field: 'name', codec: text(), width: 30 },
      { header: '材料形式', field: 'form', codec: oneOf(formLabels) },
      { header: '原件或复印件', field: 'original', codec: oneOf(originalLabels) },
      { header: '份数', field: 'copies', codec: integer() },
      { header: '是否必需', field: 'required', codec: boolean },
      { header: '材料来源', field: 'source', codec: oneOf(sourceLabels) },
      { header: '备注', field: 'note', codec: text(false, OMIT), width: 20 },
    ],
  },
  {
    name: '依据',
    field: 'legalBasis',
    columns: [
      { header: '法律法规名称', field: 'lawTitle', codec: info, role: 'info', width: 30 },
      { header: '条款', field: 'articleLabel', codec: info, role: 'info' },
      { header: '法律法规ID', field: 'lawId', codec: uuid, width: 38 },
      { header: '条款ID', field: 'articleId', codec: uuid, width: 38 },
    ],
  },
  {
    name: '收费',
    field: 'fees',
    columns: [
      { header: '收费项目', field: 'name', codec: text(), width: 24 },
      { header: '金额（元）', field: 'amountFen', codec: yuan },
      { header: '收费依据', field: 'basis', codec: text(false, OMIT), width: 30 },
    ],
  },
  { name: '条件', field: 'conditions', columns: [{ header: '受理条件', field: '', codec: text(), width: 60 }] },
  {
    name: '流程',
    field: 'steps',
    columns: [
      { header: '环节名称', field: 'name', codec: text() },
      { header: '环节说明', field: 'description', codec: text(false), width: 40 },
      { header: '时限（天）', field: 'days', codec: integer(false) },
    ],
  },
]

const itemSheets = [serviceSheet, inspectionSheet, supervisionSheet]
const README = '说明'
/** Sheet names in the order a report lists them. */
export const sheetNames = [...itemSheets.map((s) => s.name), ...listSheets.map((s) => s.name), README]

function itemSheetOf(kind: ItemKind): ItemSheet {
  return itemSheets.find((sheet) => sheet.kinds.includes(kind)) ?? serviceSheet
}

function hasElement(kind: ItemKind, field: string): boolean {
  return field in elementsSchemaOf(kind).properties
}

// ---- export ----

function getPath(record: unknown, path: string): unknown {
  if (path === '') return record
  return path.split('/').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), record)
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('/')
  const last = parts.pop() as string
  let target = record
  for (const part of parts) target = (target[part] ??= {}) as Record<string, unknown>
  target[last] = value
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width ?? 12, style: c.codec.textFormat ? { numFmt: '@' } : {} }))
  sheet.getRow(1).font = { bold: true }
  return sheet
}

/** Law title and article label of each cited article, for the 依据 sheet's reader. */
export type ArticleLabels = ReadonlyMap<string, { lawTitle: string; label: string }>

/** The workbook of published entries, in the layout import reads back. */
export function catalogWorkbook(entries: readonly ExportEntry[], articles: ArticleLabels): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  const sheets = new Map([...itemSheets, ...listSheets].map((layout) => [layout.name, addSheet(workbook, layout.name, 'field' in layout ? [key, ...layout.columns] : layout.columns)]))
  for (const entry of entries) {
    const layout = itemSheetOf(entry.kind)
    sheets.get(layout.name)?.addRow(layout.columns.map((column) => itemCell(entry, column)))
    for (const list of listSheets) {
      const values = (entry.elements as unknown as Record<string, unknown>)[list.field]
      if (!Array.isArray(values)) continue
      for (const value of values) sheets.get(list.name)?.addRow([entry.basicCode, ...list.columns.map((column) => listCell(value, column, articles))])
    }
  }
  addReadme(workbook)
  return workbook
}

function itemCell(entry: ExportEntry, column: Column): Cell {
  if (column.role === 'key') return entry.basicCode
  if (column.role === 'kind') return itemKinds[entry.kind].zh
  if (column.role === 'info') return column.codec.write((entry as unknown as Record<string, unknown>)[column.field])
  return column.codec.write(getPath(entry.elements, column.field))
}

function listCell(value: unknown, column: Column, articles: ArticleLabels): Cell {
  if (column.role !== 'info') return column.codec.write(getPath(value, column.field))
  const article = articles.get(String(getPath(value, 'articleId')))
  return (column.field === 'lawTitle' ? article?.lawTitle : article?.label) ?? null
}

function addReadme(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(README)
  sheet.getColumn(1).width = 100
  const lines = [
    '「事项」「检查事项」「监管事项」每行一个事项；「材料」「依据」「收费」「条件」「流程」每行一条，用基本编码对应到事项，行的先后即顺序。',
    '多个取值写在同一单元格时用“；”分隔（行使层级、服务对象、办理渠道、主题、人生事件）。是否类的列填“是”或“否”。',
    '实施编码、区划代码、所属部门、版本号、法律法规名称、条款仅供查看，导入时不读取；依据以法律法规ID和条款ID为准。',
    '导入写入国家基本目录：新的基本编码新增事项草稿，已有的基本编码为该事项新增一个草稿版本。',
  ]
  for (const line of lines) sheet.addRow([line])
}

// ---- import ----

const fileInvalid = (zh: string, en: string) => new AppError('invalid', 'import_file_invalid', { zh, en })

/** Opens uploaded bytes as a workbook, or says clearly that they are not one. */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw fileInvalid('上传的文件为空', 'The uploaded file is empty')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw fileInvalid('上传的文件不是有效的 Excel（.xlsx）文件', 'The uploaded file is not a valid Excel (.xlsx) workbook')
  }
  const unknown = workbook.worksheets.map((s) => s.name).filter((name) => !sheetNames.includes(name))
  if (unknown.length > 0) {
    throw fileInvalid(`工作表名称不正确：${unknown.join('、')}；应为 ${sheetNames.join('、')}`, `Unknown sheet names: ${unknown.join(', ')}; expected ${sheetNames.join(', ')}`)
  }
  if (!itemSheets.some((layout) => workbook.getWorksheet(layout.name))) {
    throw fileInvalid(`缺少事项工作表（${itemSheets.map((s) => s.name).join('、')}）`, `No item sheet (${itemSheets.map((s) => s.name).join(', ')})`)
  }
  return workbook
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result as ExcelJS.CellValue)
  if ('hyperlink' in value) return String(value.text)
  if ('error' in value) return String(value.error)
  return null
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

// ---- the impact report of a law change ----

/** One review task of a law change, as the impact report lists it. */
export interface ImpactRow {
  taskId: string
  implementationId: string
  itemName: string
  implementationCode: string
  regionCode: string
  regionName: string
  departmentName: string | null
  reason: string
  reasonZh: string
  status: 'open' | 'resolved'
  statusZh: string
  articles: string[]
  lawTitle: string | null
  changeTitle: string | null
  createdAt: string
  createdOn: string
  resolvedAt: string | null
  resolvedOn: string | null
  resolution: string | null
}

const impactColumns: { header: string; width: number; value: (row: ImpactRow) => string }[] = [
  { header: '事项名称', width: 30, value: (r) => r.itemName },
  { header: '实施编码', width: 22, value: (r) => r.implementationCode },
  { header: '区划代码', width: 10, value: (r) => r.regionCode },
  { header: '区划名称', width: 14, value: (r) => r.regionName },
  { header: '实施部门', width: 24, value: (r) => r.departmentName ?? '' },
  { header: '复核原因', width: 16, value: (r) => r.reasonZh },
  { header: '状态', width: 8, value: (r) => r.statusZh },
  { header: '涉及条款', width: 20, value: (r) => r.articles.join('、') },
  { header: '创建日期', width: 12, value: (r) => r.createdOn },
  { header: '处理日期', width: 12, value: (r) => r.resolvedOn ?? '' },
  { header: '处理结果', width: 24, value: (r) => r.resolution ?? '' },
]

/** A cell a spreadsheet would run as a formula is prefixed, so an exported name cannot run code (CSV injection). */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** CSV with a UTF-8 byte-order mark and CRLF lines: what Excel needs to open Chinese text correctly. */
export function impactCsv(rows: readonly ImpactRow[]): string {
  const lines = [impactColumns.map((c) => c.header), ...rows.map((row) => impactColumns.map((c) => c.value(row)))]
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`
}

export function impactWorkbook(rows: readonly ImpactRow[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('复核任务', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = impactColumns.map((c) => ({ header: c.header, key: c.header, width: c.width, style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) sheet.addRow(impactColumns.map((c) => c.value(row)))
  return workbook
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
