import type { Cell } from '../../platform/spreadsheet'
import ExcelJS from 'exceljs'
import type { Message } from '../../platform/errors'
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

type Read = { ok: true; value: unknown } | { ok: false; id: 'value_wrong_type' | 'value_unknown'; expected: Message }

/** Marks an optional element that an empty cell leaves out (a note, a fee's basis, a step's days). */
export const OMIT = Symbol('omit')

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

export interface Column {
  header: string
  /** An element path (result/name), a list entry's field, or for a role column what it carries. */
  field: string
  codec: Codec
  role?: 'key' | 'kind' | 'info'
  width?: number
}

export interface ItemSheet {
  name: string
  /** The kinds its rows may have; a sheet of one kind has no kind column. */
  kinds: readonly ItemKind[]
  columns: Column[]
}

type ListField = 'materials' | 'legalBasis' | 'fees' | 'conditions' | 'steps'

export interface ListSheet {
  name: string
  field: ListField
  /** The columns after the basic code; a list of plain strings has one column with field ''. */
  columns: Column[]
}

export const key: Column = { header: '基本编码', field: 'basicCode', codec: code, role: 'key', width: 14 }
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

export const listSheets: ListSheet[] = [
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

export const itemSheets = [serviceSheet, inspectionSheet, supervisionSheet]
const README = '说明'
/** Sheet names in the order a report lists them. */
export const sheetNames = [...itemSheets.map((s) => s.name), ...listSheets.map((s) => s.name), README]

export function itemSheetOf(kind: ItemKind): ItemSheet {
  return itemSheets.find((sheet) => sheet.kinds.includes(kind)) ?? serviceSheet
}

export function hasElement(kind: ItemKind, field: string): boolean {
  return field in elementsSchemaOf(kind).properties
}

// ---- export ----

function getPath(record: unknown, path: string): unknown {
  if (path === '') return record
  return path.split('/').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), record)
}

export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
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

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
