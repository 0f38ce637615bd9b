import ExcelJS from 'exceljs'

/** The impact report of a law change: its review tasks as CSV or a workbook. */

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
