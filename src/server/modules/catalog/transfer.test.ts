import { describe, expect, it } from 'vitest'
import { serviceElements } from '../../../../test/factories/catalog'
import type { Elements, InspectionElements, SupervisionElements } from './catalog.schemas'
import { impactCsv, type ImpactRow } from './transfer.impact'
import { locate, parseCatalogWorkbook, readWorkbook } from './transfer.read'
import { catalogWorkbook, workbookBytes, type ExportEntry } from './transfer.xlsx'

const lawId = '11111111-1111-4111-8111-111111111111'
const articleId = '22222222-2222-4222-8222-222222222222'

const licence = serviceElements({
  legalBasis: [{ lawId, articleId }],
  conditions: ['条件一', '条件二'],
  materials: [
    { name: '申请书', form: 'both', original: 'original', copies: 1, required: true, source: 'applicant' },
    { name: '营业执照', form: 'electronic', original: 'copy', copies: 0, required: false, source: 'e_licence', note: '可免提交' },
  ],
  fees: [{ name: '工本费', amountFen: 1234, basis: '收费文件' }, { name: '加急费', amountFen: 0 }],
  steps: [
    { name: '申请', description: '提交申请', days: 1 },
    { name: '审查', description: '' },
  ],
  themes: ['市场准入', '食品'],
  channels: ['window', 'web', 'mail'],
  phone: '025-12345',
  place: '',
})

const inspection: InspectionElements = {
  name: '食品生产经营监督检查',
  category: '日常检查',
  method: '现场检查',
  object: '食品生产经营者',
  content: '检查许可条件保持情况',
  legalBasis: [{ lawId, articleId }],
  implementingBody: '市场监督管理部门',
  level: 'county',
  frequency: '每年一次',
  ratio: '5%',
  procedure: '双随机抽取',
  handling: '责令整改',
  undertakingUnit: '食品安全监管科',
  supervisionItemCode: null,
  remarks: '',
}

const supervision: SupervisionElements = { name: '食品经营监管', department: '市场监督管理部门', object: '食品经营者', content: '经营行为', method: '检查', legalBasis: [], levels: ['city', 'county'], remarks: '备注' }

function entry(basicCode: string, kind: ExportEntry['kind'], elements: Elements): ExportEntry {
  return { basicCode, implementationCode: `${basicCode}00000001`, kind, regionCode: '00', regionName: '国家基本目录', departmentName: null, versionNumber: 1, publishedAt: null, elements }
}

const entries = [entry('0100001000', 'licensing', licence), entry('0600001000', 'inspection', inspection), entry('3000001000', 'supervision', supervision)]
const labels = new Map([[articleId, { lawTitle: '食品安全法', label: '第35条' }]])

async function roundTrip(edit?: (workbook: Awaited<ReturnType<typeof readWorkbook>>) => void) {
  const workbook = await readWorkbook(await workbookBytes(catalogWorkbook(entries, labels)))
  edit?.(workbook)
  return parseCatalogWorkbook(await readWorkbook(await workbookBytes(workbook)))
}

describe('the item list workbook', () => {
  it('reads back exactly the elements it was written from, for every element shape', async () => {
    const { items, problems } = await roundTrip()
    expect(problems).toEqual([])
    expect(items.map((i) => [i.basicCode, i.kind])).toEqual([
      ['0100001000', 'licensing'],
      ['0600001000', 'inspection'],
      ['3000001000', 'supervision'],
    ])
    expect(items.map((i) => i.elements)).toEqual([licence, inspection, supervision])
    expect(items[0]?.listOrigins.materials).toEqual([
      { sheet: '材料', row: 2 },
      { sheet: '材料', row: 3 },
    ])
  })

  it('names the sheet, the Excel row and the column of every unreadable cell', async () => {
    const { items, problems } = await roundTrip((workbook) => {
      const sheet = workbook.getWorksheet('事项')!
      const header = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name)
      sheet.getRow(2).getCell(header('承诺时限')).value = 'abc'
      sheet.getRow(2).getCell(header('事项类型')).value = '行政审批'
      sheet.getRow(2).getCell(header('事项名称')).value = null
      workbook.getWorksheet('材料')!.getRow(3).getCell(6).value = '也许'
    })
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.field, p.id])).toEqual([
      ['事项', 2, '事项名称', 'name', 'value_missing'],
      ['事项', 2, '事项类型', 'kind', 'value_unknown'],
      ['事项', 2, '承诺时限', 'committedDays', 'value_wrong_type'],
      ['材料', 3, '是否必需', 'materials/1/required', 'value_wrong_type'],
    ])
    expect(problems[2]?.zh).toBe('「事项」表第 2 行「承诺时限」的值「abc」应为整数')
    expect(items[0]?.broken).toBe(true)
  })

  it('reports unknown and missing columns, and list rows of unknown items', async () => {
    const { problems } = await roundTrip((workbook) => {
      const sheet = workbook.getWorksheet('检查事项')!
      sheet.getRow(1).getCell(3).value = '检查种类'
      workbook.getWorksheet('收费')!.getRow(2).getCell(1).value = '0100009000'
    })
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.id])).toEqual([
      ['检查事项', 1, '检查种类', 'column_unknown'],
      ['检查事项', 1, '检查类别', 'column_missing'],
      ['收费', 2, '基本编码', 'basic_code_unknown'],
    ])
  })

  it('refuses what is not a workbook of this layout', async () => {
    await expect(readWorkbook(Buffer.from('not a zip'))).rejects.toMatchObject({ id: 'import_file_invalid' })
    await expect(readWorkbook(Buffer.alloc(0))).rejects.toMatchObject({ id: 'import_file_invalid' })
    const stranger = catalogWorkbook([], labels)
    stranger.getWorksheet('事项')!.name = 'Sheet1'
    await expect(readWorkbook(await workbookBytes(stranger))).rejects.toMatchObject({ id: 'import_file_invalid', text: { zh: expect.stringContaining('Sheet1') } })
  })

  it('points a schema error at the list row and column it came from', async () => {
    const { items } = await roundTrip()
    const [licensing] = items
    expect(locate(licensing!, 'materials/1/copies')).toEqual({ origin: { sheet: '材料', row: 3 }, column: '份数' })
    expect(locate(licensing!, 'result/type')).toEqual({ origin: { sheet: '事项', row: 2 }, column: '结果类型' })
    expect(locate(licensing!, 'conditions/0')).toEqual({ origin: { sheet: '条件', row: 2 }, column: '受理条件' })
  })
})

describe('the impact report as CSV', () => {
  it('starts with a byte-order mark, quotes what needs quoting and defuses formulas', () => {
    const row: ImpactRow = {
      taskId: 't',
      implementationId: 'i',
      itemName: '=HYPERLINK("x")',
      implementationCode: '010000100032000001',
      regionCode: '32',
      regionName: '江苏省',
      departmentName: '市场监督管理局, 省级',
      reason: 'basis_changed',
      reasonZh: '法律依据已修改',
      status: 'open',
      statusZh: '待复核',
      articles: ['第2条', '第3条'],
      lawTitle: '食品安全法',
      changeTitle: '修正',
      createdAt: '2026-03-02T02:00:00.000Z',
      createdOn: '2026-03-02',
      resolvedAt: null,
      resolvedOn: null,
      resolution: null,
    }
    const csv = impactCsv([row])
    expect(csv.startsWith('\uFEFF事项名称,实施编码,')).toBe(true)
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",010000100032000001,32,江苏省,"市场监督管理局, 省级",法律依据已修改,待复核,第2条、第3条,2026-03-02,,`)
  })
})
