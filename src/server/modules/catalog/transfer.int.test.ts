import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { buildLaw, serviceElements } from '../../../../test/factories/catalog'
import { LAW_CHANGED, type LawChangedEvent } from '../laws'
import type { Elements, InspectionElements, ItemKind, SupervisionElements } from './catalog.schemas'
import { XLSX_TYPE } from './transfer.xlsx'

let t: TestApp
let province: string
let clerk: string
let law: { lawId: string; articleIds: string[] }
let nextMain = 100

/** A basic code no test has used yet. */
function freshCode(typeCode: string): string {
  nextMain += 1
  return `${typeCode}${String(nextMain).padStart(5, '0')}000`
}

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, payload: payload as object, headers: { cookie } })
  return { status: response.statusCode, body: response.json(), headers: response.headers }
}

async function download(cookie: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } })
}

async function uploadXlsx(cookie: string, bytes: Buffer, query = '') {
  const response = await t.app.inject({ method: 'POST', url: `/api/catalog/import?format=xlsx${query}`, payload: bytes, headers: { cookie, 'content-type': XLSX_TYPE } })
  return { status: response.statusCode, body: response.json() }
}

async function counts() {
  const tables = ['catalog.item', 'catalog.implementation', 'catalog.itemVersion', 'catalog.citation'] as const
  const rows = await Promise.all(tables.map((table) => t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()))
  return rows.map((r) => Number(r.n))
}

/** The national entry of a basic code, with its draft and published versions' effective elements. */
async function nationalEntry(basicCode: string) {
  const entry = await t.deps.db
    .selectFrom('catalog.item as it')
    .innerJoin('catalog.implementation as i', 'i.itemId', 'it.id')
    .select(['i.id', 'i.currentVersionId', 'it.kind'])
    .where('it.basicCode', '=', basicCode)
    .where('i.regionCode', '=', '00')
    .executeTakeFirstOrThrow()
  const versions = await t.deps.db.selectFrom('catalog.itemVersion').select(['status', 'effective', 'number']).where('implementationId', '=', entry.id).orderBy('number').execute()
  return { ...entry, draft: versions.find((v) => v.status === 'draft')?.effective, published: versions.find((v) => v.status === 'published')?.effective, versions: versions.length }
}

async function publishedItem(kind: ItemKind, basicCode: string, elements: Elements): Promise<string> {
  const created = await call(province, 'POST', '/api/catalog/items', { kind, basicCode, elements })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  expect((await call(province, 'POST', `/api/catalog/versions/${created.body.draft.id}/publish`)).status).toBe(200)
  return created.body.implementation.id as string
}

function inspectionElements(): InspectionElements {
  return {
    name: '食品生产经营监督检查',
    category: '日常检查',
    method: '现场检查',
    object: '食品生产经营者',
    content: '检查许可条件保持情况',
    legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[3]! }],
    implementingBody: '市场监督管理部门',
    level: 'county',
    frequency: '每年一次',
    ratio: '5%',
    procedure: '双随机抽取检查对象和检查人员',
    handling: '发现问题责令整改',
    undertakingUnit: '食品安全监管科',
    supervisionItemCode: null,
    remarks: '',
  }
}

const supervisionElements = (): SupervisionElements => ({ name: '食品经营监管', department: '市场监督管理部门', object: '食品经营者', content: '经营行为', method: '检查', legalBasis: [], levels: ['city', 'county'], remarks: '无' })

/** Three published items of the three element shapes, with lists and citations. */
async function threeItems() {
  const licence = serviceElements({
    name: `食品经营许可${nextMain}`,
    legalBasis: [
      { lawId: law.lawId, articleId: law.articleIds[0]! },
      { lawId: law.lawId, articleId: law.articleIds[1]! },
    ],
    materials: [
      { name: '申请书', form: 'both', original: 'original', copies: 1, required: true, source: 'applicant' },
      { name: '营业执照', form: 'electronic', original: 'copy', copies: 0, required: false, source: 'e_licence', note: '可免提交' },
    ],
    fees: [{ name: '工本费', amountFen: 1050, basis: '收费文件' }],
    steps: [
      { name: '申请', description: '网上提交', days: 1 },
      { name: '审查', description: '' },
    ],
  })
  const items = { licensing: freshCode('01'), inspection: freshCode('06'), supervision: freshCode('30') }
  const elements = { [items.licensing]: licence as Elements, [items.inspection]: inspectionElements(), [items.supervision]: supervisionElements() }
  await publishedItem('licensing', items.licensing, licence)
  await publishedItem('inspection', items.inspection, inspectionElements())
  await publishedItem('supervision', items.supervision, supervisionElements())
  return { codes: Object.values(items), elements }
}

/** Drops every row of another item from each sheet, so a test imports only what it made. */
function keepOnly(workbook: ExcelJS.Workbook, codes: readonly string[]): void {
  for (const sheet of workbook.worksheets) {
    if (sheet.name === '说明') continue
    for (let n = sheet.rowCount; n >= 2; n--) if (!codes.includes(String(sheet.getRow(n).getCell(1).value))) sheet.spliceRows(n, 1)
  }
}

async function exportedWorkbook(codes: readonly string[]): Promise<ExcelJS.Workbook> {
  const response = await download(province, '/api/catalog/export?region=00&format=xlsx')
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toBe(XLSX_TYPE)
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="catalog-00-2026-03-02\.xlsx"/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  keepOnly(workbook, codes)
  return workbook
}

const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer())

function headerColumn(sheet: ExcelJS.Worksheet, header: string): number {
  return (sheet.getRow(1).values as unknown[]).indexOf(header)
}

beforeAll(async () => {
  t = await createTestApp()
  ;[province, clerk] = await Promise.all([t.login('catalog'), t.login('clerk')])
  law = await buildLaw(t.deps.db, { title: '中华人民共和国食品安全法', articles: 5 })
})
afterAll(() => t.close())

describe('export, then import, gives the same elements', () => {
  it('as JSON: known codes get a new national draft, a new code a new item', async () => {
    const { codes, elements } = await threeItems()
    const response = await download(province, '/api/catalog/export?region=00&format=json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="catalog-00-2026-03-02\.json"/)
    const exported = (response.json() as { basicCode: string; kind: string; elements: Elements; versionNumber: number; implementationCode: string }[]).filter((row) => codes.includes(row.basicCode))
    expect(exported.map((row) => row.elements)).toEqual(codes.map((code) => elements[code]))
    expect(exported[0]).toMatchObject({ versionNumber: 1, implementationCode: `${codes[0]}00000001`, kind: 'licensing' })

    const newCode = freshCode('01')
    const rows = [...exported, { ...exported[0]!, basicCode: newCode }]
    const imported = await call(province, 'POST', '/api/catalog/import?format=json', rows)
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body).toEqual({ created: 1, updated: 3, published: 0, dryRun: false, problems: [] })
    for (const code of codes) expect((await nationalEntry(code)).draft).toEqual(elements[code])
    const created = await nationalEntry(newCode)
    expect([created.draft, created.published, created.kind]).toEqual([elements[codes[0]!], undefined, 'licensing'])

    // Each of them has a draft now: importing again would fork it, so the whole file is refused.
    const before = await counts()
    const again = await call(province, 'POST', '/api/catalog/import?format=json&publish=true', rows)
    expect([again.status, again.body.error.id]).toEqual([422, 'import_invalid'])
    expect(again.body.error.details.problems).toHaveLength(4)
    expect(again.body.error.details.problems[0]).toMatchObject({ sheet: null, row: 1, field: 'basicCode', id: 'draft_exists' })
    expect(await counts()).toEqual(before)
  })

  it('as Excel: published again, every element reads back the same', async () => {
    const { codes, elements } = await threeItems()
    const workbook = await exportedWorkbook(codes)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['事项', '检查事项', '监管事项', '材料', '依据', '收费', '条件', '流程', '说明'])
    const basis = workbook.getWorksheet('依据')!
    expect(basis.getRow(2).values).toEqual([undefined, codes[0], '中华人民共和国食品安全法', '第1条', law.lawId, law.articleIds[0]])

    const imported = await uploadXlsx(province, await bytesOf(workbook), '&publish=true')
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body).toMatchObject({ created: 0, updated: 3, published: 3 })
    for (const code of codes) {
      const entry = await nationalEntry(code)
      expect([entry.published, entry.draft, entry.versions]).toEqual([elements[code], undefined, 2])
    }
    const audit = await t.deps.db.selectFrom('platform.auditLog').select(['detail']).where('action', '=', 'catalog.import').orderBy('at', 'desc').executeTakeFirstOrThrow()
    expect(audit.detail).toMatchObject({ format: 'xlsx', created: 0, updated: 3, published: 3 })
  })
})

describe('a file with one bad row imports nothing', () => {
  it('names the sheet, row and field of a bad number and of a citation to a missing article', async () => {
    const { codes } = await threeItems()
    const extra = await threeItems()
    const workbook = await exportedWorkbook([codes[0]!, extra.codes[0]!, codes[1]!])
    const items = workbook.getWorksheet('事项')!
    expect(items.getRow(3).getCell(1).value).toBe(extra.codes[0])
    items.getRow(3).getCell(headerColumn(items, '承诺时限')).value = 'abc'
    const basis = workbook.getWorksheet('依据')!
    basis.addRow([codes[1], '', '', law.lawId, crypto.randomUUID()])
    const before = await counts()

    const answer = await uploadXlsx(province, await bytesOf(workbook))
    expect([answer.status, answer.body.error.id]).toEqual([422, 'import_invalid'])
    const problems = answer.body.error.details.problems as { sheet: string; row: number; column: string; field: string; id: string; zh: string; en: string }[]
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.field, p.id])).toEqual([
      ['事项', 3, '承诺时限', 'committedDays', 'value_wrong_type'],
      ['依据', basis.rowCount, '条款ID', 'legalBasis/1/articleId', 'article_not_found'],
    ])
    expect(problems[0]).toMatchObject({ zh: '「事项」表第 3 行「承诺时限」的值「abc」应为整数', en: expect.stringContaining('should be a whole number') })
    expect(await counts()).toEqual(before)
  })

  it('reports every bad JSON row, with its field, and writes none of the good ones', async () => {
    const before = await counts()
    const good = { kind: 'licensing', elements: serviceElements({ name: '新事项' }) }
    const rows = [
      good,
      { kind: 'licensing', elements: serviceElements({ legalBasis: [{ lawId: law.lawId, articleId: crypto.randomUUID() }] }) },
      { kind: 'licensing', elements: serviceElements({ legalBasis: [{ lawId: crypto.randomUUID(), articleId: law.articleIds[0]! }] }) },
      { kind: 'licensing', elements: { ...serviceElements(), committedDays: 'abc' } },
      { kind: 'permit', elements: serviceElements() },
    ]
    const answer = await call(province, 'POST', '/api/catalog/import', rows)
    expect([answer.status, answer.body.error.id, answer.body.error.details.total]).toEqual([422, 'import_invalid', 4])
    expect(answer.body.error.details.problems.map((p: { row: number; field: string; column: string | null; id: string }) => [p.row, p.field, p.column, p.id])).toEqual([
      [2, 'legalBasis/0/articleId', '条款ID', 'article_not_found'],
      [3, 'legalBasis/0/lawId', '法律法规ID', 'law_not_found'],
      [4, 'committedDays', '承诺时限', 'element_invalid'],
      [5, 'kind', null, 'kind_unknown'],
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses a basic code twice in the file, a malformed one and one of another kind', async () => {
    const { codes } = await threeItems()
    const code = freshCode('01')
    const rows = [
      { kind: 'licensing', basicCode: code, elements: serviceElements() },
      { kind: 'licensing', basicCode: code, elements: serviceElements({ name: '同码事项' }) },
      { kind: 'licensing', basicCode: '2000001000', elements: serviceElements() },
      { kind: 'public_service', basicCode: codes[0], elements: serviceElements() },
    ]
    const before = await counts()
    const answer = await call(province, 'POST', '/api/catalog/import', rows)
    expect(answer.status).toBe(422)
    expect(answer.body.error.details.problems.map((p: { row: number; id: string; zh: string }) => [p.row, p.id])).toEqual([
      [2, 'code_duplicate'],
      [3, 'code_malformed'],
      [4, 'code_malformed'],
    ])
    expect(answer.body.error.details.problems[0].zh).toBe(`基本编码 ${code} 在文件中重复（已见于第 1 条）`)

    const inExcel = await exportedWorkbook([codes[0]!])
    const sheet = inExcel.getWorksheet('事项')!
    sheet.addRow((sheet.getRow(2).values as unknown[]).slice(1))
    const twice = await uploadXlsx(province, await bytesOf(inExcel))
    expect(twice.body.error.details.problems).toEqual([expect.objectContaining({ sheet: '事项', row: 3, column: '基本编码', id: 'code_duplicate', zh: `基本编码 ${codes[0]} 在文件中重复（已见于「事项」表第 2 行）` })])
    expect(await counts()).toEqual(before)
  })

  it('answers a dry run with the report and writes nothing either way', async () => {
    const before = await counts()
    const valid = await call(province, 'POST', '/api/catalog/import?dryRun=true&publish=true', [{ kind: 'public_service', elements: serviceElements({ name: '试导入' }) }])
    expect(valid.body).toEqual({ created: 1, updated: 0, published: 1, dryRun: true, problems: [] })
    const invalid = await call(province, 'POST', '/api/catalog/import?dryRun=true', [{ kind: 'public_service', elements: { name: '缺要素' } }])
    expect(invalid.status).toBe(200)
    expect(invalid.body.problems).toEqual([expect.objectContaining({ row: 1, id: 'element_invalid' })])
    expect(await counts()).toEqual(before)
  })
})

describe('files that are not an item list', () => {
  it('answers 400 import_file_invalid with a clear message', async () => {
    const garbage = await uploadXlsx(province, Buffer.from('PK not really a workbook'))
    expect([garbage.status, garbage.body.error.id, garbage.body.error.zh]).toEqual([400, 'import_file_invalid', '上传的文件不是有效的 Excel（.xlsx）文件'])
    expect((await uploadXlsx(province, Buffer.alloc(0))).body.error.id).toBe('import_file_invalid')

    const stranger = new ExcelJS.Workbook()
    stranger.addWorksheet('Sheet1').addRow(['a', 'b'])
    const wrongSheets = await uploadXlsx(province, await bytesOf(stranger))
    expect([wrongSheets.status, wrongSheets.body.error.id]).toEqual([400, 'import_file_invalid'])
    expect(wrongSheets.body.error.zh).toContain('Sheet1')

    const empty = new ExcelJS.Workbook()
    empty.addWorksheet('事项').addRow(['基本编码', '事项名称'])
    expect((await uploadXlsx(province, await bytesOf(empty))).body.error).toMatchObject({ id: 'import_file_invalid', zh: '文件中没有事项' })

    expect((await call(province, 'POST', '/api/catalog/import?format=json', { items: [] })).body.error.id).toBe('import_file_invalid')
    expect((await call(province, 'POST', '/api/catalog/import?format=json', [])).body.error.id).toBe('import_file_invalid')
    const mismatched = await t.app.inject({ method: 'POST', url: '/api/catalog/import?format=json', payload: Buffer.from('x'), headers: { cookie: province, 'content-type': XLSX_TYPE } })
    expect([mismatched.statusCode, mismatched.json().error.id]).toEqual([400, 'import_file_invalid'])
  })

  it('takes at most 5,000 items at once', async () => {
    const rows = Array.from({ length: 5001 }, () => ({ kind: 'licensing', elements: {} }))
    const answer = await call(province, 'POST', '/api/catalog/import', rows)
    expect([answer.status, answer.body.error.id]).toEqual([400, 'import_too_large'])
  })
})

describe('who may import and export', () => {
  it('lets a reader export but not import', async () => {
    const before = await counts()
    const attempt = await call(clerk, 'POST', '/api/catalog/import', [{ kind: 'licensing', elements: serviceElements() }])
    expect([attempt.status, attempt.body.error.id]).toEqual([403, 'access_denied'])
    expect((await uploadXlsx(clerk, Buffer.from('x'))).status).toBe(403)
    expect((await download(clerk, '/api/catalog/export?region=00&format=xlsx')).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/export?region=00' })).statusCode).toBe(401)
    expect(await counts()).toEqual(before)
  })
})

describe('the impact report of a law change', () => {
  async function publishChange(articleId: string, label: string): Promise<string> {
    const event: LawChangedEvent = { changeId: crypto.randomUUID(), lawId: law.lawId, lawTitle: '中华人民共和国食品安全法', kind: 'amend', title: '修正', effectiveOn: '2026-03-01', articles: [{ articleId, effect: 'changed', label, oldLabel: null }] }
    await t.deps.db.transaction().execute((trx) => t.deps.events.publish(trx, t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, LAW_CHANGED, event))
    return event.changeId
  }

  it('lists exactly the review tasks of the change, in the actor’s region, as JSON, CSV and Excel', async () => {
    const cited = await publishedItem('licensing', freshCode('01'), serviceElements({ name: '影响事项', legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[4]! }] }))
    await publishedItem('licensing', freshCode('01'), serviceElements({ name: '无关事项', legalBasis: [{ lawId: law.lawId, articleId: law.articleIds[2]! }] }))
    const org = await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', '32').where('name', '=', '江苏省市场监督管理局').executeTakeFirstOrThrow()
    const claim = await call(province, 'POST', `/api/catalog/implementations/${cited}/claims`, { regionCode: '32', orgId: org.id, overrides: { committedDays: 8 } })
    expect(claim.status).toBe(201)
    await call(province, 'POST', `/api/catalog/versions/${claim.body.draft.id}/publish`)
    const changeId = await publishChange(law.articleIds[4]!, '第5条')
    await publishChange(law.articleIds[2]!, '第3条')

    const report = await download(province, `/api/catalog/law-changes/${changeId}/impact?format=json`)
    expect(report.statusCode).toBe(200)
    const rows = report.json() as { taskId: string; implementationId: string }[]
    const tasks = await call(province, 'GET', `/api/catalog/review-tasks?lawChangeId=${changeId}&pageSize=200`)
    expect(rows.map((r) => r.taskId).sort()).toEqual(tasks.body.items.map((task: { id: string }) => task.id).sort())
    expect(rows.map((r) => r.implementationId).sort()).toEqual([cited, claim.body.implementation.id].sort())
    const byEntry = new Map(rows.map((r) => [r.implementationId, r]))
    expect(byEntry.get(claim.body.implementation.id)).toMatchObject({
      itemName: '影响事项',
      regionCode: '32',
      regionName: '江苏省',
      departmentName: '江苏省市场监督管理局',
      reason: 'basis_changed',
      reasonZh: '法律依据已修改',
      statusZh: '待复核',
      articles: ['第5条'],
      createdOn: '2026-03-02',
      resolvedOn: null,
    })
    expect(byEntry.get(cited)).toMatchObject({ regionCode: '00', regionName: '国家基本目录', departmentName: null })

    const csv = await download(province, `/api/catalog/law-changes/${changeId}/impact?format=csv`)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toContain(`law-change-${changeId}-impact-2026-03-02.csv`)
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('事项名称,实施编码,区划代码,区划名称,实施部门,复核原因,状态,涉及条款,创建日期,处理日期,处理结果')
    const provinceCode = await implementationCode(claim.body.implementation.id)
    expect(lines).toContain(`影响事项,${provinceCode},32,江苏省,江苏省市场监督管理局,法律依据已修改,待复核,第5条,2026-03-02,,`)

    const xlsx = await download(province, `/api/catalog/law-changes/${changeId}/impact?format=xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(workbook.getWorksheet('复核任务')?.actualRowCount).toBe(3)

    // A window clerk in Xuanwu sees the tasks of Xuanwu only: none of these.
    expect((await download(clerk, `/api/catalog/law-changes/${changeId}/impact`)).json()).toEqual([])
  })
})

async function implementationCode(implementationId: string): Promise<string> {
  return (await t.deps.db.selectFrom('catalog.implementation').select('implementationCode').where('id', '=', implementationId).executeTakeFirstOrThrow()).implementationCode
}
