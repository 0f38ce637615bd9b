import type ExcelJS from 'exceljs'
import { AppError } from './errors'

/** An uploaded file that cannot be read as what it should be: 400 import_file_invalid. */
export const importFileInvalid = (zh: string, en: string) => new AppError('invalid', 'import_file_invalid', { zh, en })

/** A cell's value as an import reads it. */
export type Cell = string | number | boolean | null

/**
 * Opens uploaded bytes as an Excel workbook, or says clearly that they are not one. exceljs is
 * loaded here, when a workbook is read: it is large, and modules whose index reaches an import
 * are also loaded by worker threads that never read one.
 */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw importFileInvalid('上传的文件为空', 'The uploaded file is empty')
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw importFileInvalid('上传的文件不是有效的 Excel（.xlsx）文件', 'The uploaded file is not a valid Excel (.xlsx) workbook')
  }
  return workbook
}

/** The value a cell shows: rich text joined, a formula's result, a date as YYYY-MM-DD. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result as ExcelJS.CellValue)
  if ('hyperlink' in value) return String(value.text)
  if ('error' in value) return String(value.error)
  return null
}
