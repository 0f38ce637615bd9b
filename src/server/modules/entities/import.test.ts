import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { usccCheckCharacter } from '../../platform/identity/identity-codes'
import { parseEntities, readImportTable } from './import'

const uscc = (body: string) => body + usccCheckCharacter(body)
const A = uscc('91320102MA1XY4A12')
const B = uscc('92320583MA2AB3C4R')
const regions = new Set(['320102', '320583'])
const isRegion = (code: string) => regions.has(code)

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\n')}\n`)
const header = '统一社会信用代码,企业名称,所在地区,所属行业,成立日期,注册资本（元）,纳税信用等级,资质,2025年营业收入（元）,employees2025'

async function parsed(lines: string[], name = 'entities.csv') {
  return parseEntities(await readImportTable(csv(lines), name), isRegion)
}

describe('importing market entities', () => {
  it('reads a CSV into enterprises: money in yuan to fen, dates, qualifications by name or key, values by year', async () => {
    const { entities, problems } = await parsed([header, `${A},南京某科技有限公司,320102,i6510,2021-03-01,"1,000,000.50",a,高新技术企业、tech_sme,8000000,45`, `${B},苏州某商行,320583,F5123,,,,,,`])
    expect(problems).toEqual([])
    expect(entities[0]).toEqual({ uscc: A, name: '南京某科技有限公司', region: '320102', industry: 'I6510', registeredOn: '2021-03-01', registeredCapital: 100_000_050, taxCredit: 'A', qualifications: ['high_tech', 'tech_sme'], flags: [], years: { 2025: { revenue: 800_000_000, employees: 45 } } })
    expect(entities[1]).toMatchObject({ uscc: B, region: '320583', industry: 'F5123', registeredOn: null, registeredCapital: null, years: {} })
  })

  it('reports every bad cell by line and column, and then returns no enterprise', async () => {
    const badCheck = A.slice(0, 17) + (A[17] === '0' ? '1' : '0')
    const { entities, problems } = await parsed([header, `${badCheck},甲,320102,C3911,2021-02-30,abc,Z,独角兽,1,x`, `${B},乙,999999,,,,,,,`, `${B},丙,320583,,,,,,,`])
    expect(entities).toEqual([])
    expect(problems.map((p) => `${p.line} ${p.column} ${p.id}`)).toEqual([
      '2 统一社会信用代码 uscc_invalid',
      '2 成立日期 import_value_invalid',
      '2 注册资本（元） import_value_invalid',
      '2 纳税信用等级 import_value_invalid',
      '2 资质 import_value_invalid',
      '2 employees2025 import_value_invalid',
      '3 所在地区 import_value_invalid',
      '4 统一社会信用代码 uscc_repeated',
    ])
    expect(problems[0]!.message.zh).toBe(`统一社会信用代码“${badCheck}”校验位不对`)
  })

  it('refuses unknown and missing columns before reading any row', async () => {
    const { problems } = await parsed(['统一社会信用代码,企业名称,利润,营业收入', `${A},甲,1,2`])
    expect(problems.map((p) => `${p.line} ${p.column} ${p.id}`)).toEqual(['1 利润 import_unknown_column', '1 营业收入 import_unknown_column', '1 所在地区 import_missing_column'])
  })

  it('reads the first sheet of an Excel workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('企业')
    sheet.addRow(['统一社会信用代码', '企业名称', '所在地区', '成立日期', '2024年从业人数'])
    sheet.addRow([A, '南京某科技有限公司', '320102', new Date(Date.UTC(2021, 2, 1)), 12])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const { entities, problems } = parseEntities(await readImportTable(bytes, 'entities.xlsx'), isRegion)
    expect(problems).toEqual([])
    expect(entities[0]).toMatchObject({ uscc: A, registeredOn: '2021-03-01', years: { 2024: { employees: 12 } } })
  })

  it('refuses a file that is neither CSV nor Excel, or empty', async () => {
    await expect(readImportTable(Buffer.from('x'), 'entities.txt')).rejects.toMatchObject({ id: 'import_file_invalid' })
    await expect(readImportTable(Buffer.alloc(0), 'entities.csv')).rejects.toMatchObject({ id: 'import_file_invalid' })
    await expect(readImportTable(Buffer.from('not a zip'), 'entities.xlsx')).rejects.toMatchObject({ id: 'import_file_invalid' })
  })
})
