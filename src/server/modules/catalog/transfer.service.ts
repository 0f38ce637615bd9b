import { actorName, requireAccess } from '../../platform/access'
import { shanghaiDay } from '../../platform/calendar/calendar'
import { recordAudit } from '../../platform/audit/audit'
import type { Executor, Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { importFileInvalid } from '../../platform/spreadsheet'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { findRegions } from '../../platform/regions/regions.repository'
import { citedArticles, resolveCitations } from '../laws'
import { basicCodeMatchesKind, basicCodeOf, citationsOf, implementationCodeOf, NATIONAL, requireValidElements } from './catalog.rules'
import { itemKinds, type Citation, type Elements, type ItemKind } from './catalog.schemas'
import { publishInTransaction } from './items.service'
import { existingItems, findImplementation, insertImplementation, insertItem, insertVersion, lastMainItem, publishedVersionsOfRegion, writeCitations, type ExistingItem, type ImplementationRecord } from './items.repository'
import { reviewTasks } from './review.service'
import type { ReviewTaskRow } from './review.repository'
import {
  catalogWorkbook,
  sheetNames,
  workbookBytes,
  XLSX_TYPE,
  type ArticleLabels,
  type ExportEntry,
  type ImportProblem,
  type ParsedItem,
} from './transfer.xlsx'
import { itemRowCount, locate, parseCatalogWorkbook, readWorkbook } from './transfer.read'
import { impactCsv, impactWorkbook, type ImpactRow } from './transfer.impact'

/** At most this many items per import: a larger list is split, so one bad row does not hold up a whole province. */
export const IMPORT_MAX_ROWS = 5000
/** Only the first problems are answered: a file with more needs fixing at its source. */
const MAX_PROBLEMS_ANSWERED = 1000

/** A file to download: the route only copies these into the answer. */
export interface FileAnswer {
  filename: string
  contentType: string
  body: Buffer | string
}

const JSON_TYPE = 'application/json; charset=utf-8'
const CSV_TYPE = 'text/csv; charset=utf-8'

// ---- export ----

/** A region's published entries with their effective elements, as JSON or as a workbook that imports back. */
export async function exportCatalog(deps: PlatformDeps, ctx: RequestContext, query: { region: string; kind?: ItemKind; format: 'json' | 'xlsx' }): Promise<FileAnswer> {
  requireAccess(ctx.actor, 'catalog.read')
  const today = shanghaiDay(deps.clock.now())
  const entries = await publishedEntries(deps.db, query.region, query.kind)
  const filename = `catalog-${query.region}${query.kind ? `-${query.kind}` : ''}-${today}.${query.format}`
  if (query.format === 'json') return { filename, contentType: JSON_TYPE, body: JSON.stringify(entries) }
  const workbook = catalogWorkbook(entries, await articleLabels(deps.db, entries, today))
  return { filename, contentType: XLSX_TYPE, body: await workbookBytes(workbook) }
}

/** The published entries of a region, with the names the export shows. */
async function publishedEntries(db: Executor, regionCode: string, kind: ItemKind | undefined): Promise<ExportEntry[]> {
  const rows = await publishedVersionsOfRegion(db, regionCode, kind)
  const regionName = await regionNames(db, [regionCode])
  const orgNames = await departmentNames(db, rows.map((r) => r.orgId))
  return rows.map((r) => ({
    basicCode: r.basicCode,
    implementationCode: r.implementationCode,
    kind: r.kind,
    regionCode: r.regionCode,
    regionName: regionName.get(r.regionCode) ?? r.regionCode,
    departmentName: r.orgId ? (orgNames.get(r.orgId) ?? null) : null,
    versionNumber: r.number,
    publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
    elements: r.effective,
  }))
}

async function regionNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map((await findRegions(db, [...new Set(codes)].filter((c) => c !== NATIONAL))).map((r) => [r.code, r.name]))
  names.set(NATIONAL, '国家基本目录')
  return names
}

async function departmentNames(db: Executor, orgIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(orgIds.filter((id): id is string => id !== null))]
  const orgs = await Promise.all(ids.map((id) => findOrg(db, id)))
  return new Map(orgs.flatMap((org) => (org ? [[org.id, org.name] as const] : [])))
}

async function articleLabels(db: Executor, entries: readonly ExportEntry[], today: string): Promise<ArticleLabels> {
  const ids = [...new Set(entries.flatMap((e) => citationsOf(e.elements).map((c) => c.articleId)))]
  return new Map((await citedArticles(db, ids, today)).map((a) => [a.articleId, { lawTitle: a.lawTitle, label: a.label }]))
}

// ---- import ----

export interface ImportOptions {
  format: 'json' | 'xlsx'
  dryRun: boolean
  publish: boolean
}

export interface ImportResult {
  created: number
  updated: number
  published: number
  dryRun: boolean
  /** Only a dry run answers problems; a real import with problems is refused (422 import_invalid). */
  problems: ImportProblem[]
}

/** An item that passed every check, and what importing it does. */
interface PlannedItem {
  source: ParsedItem
  kind: ItemKind
  elements: Elements
  /** The national entry of an existing item, which gets a new draft version. */
  existingEntryId: string | null
}


/**
 * Imports items into the national base list, all or nothing: every row is checked first (cells,
 * element schema, basic codes in the file and in the database, cited laws and articles), and only
 * a list without a single problem is written, in one transaction. New basic codes become new
 * items, known ones a new draft of the item's national entry; `publish` publishes them too.
 */
export async function importCatalog(deps: PlatformDeps, ctx: RequestContext, body: unknown, options: ImportOptions): Promise<ImportResult> {
  requireAccess(ctx.actor, 'catalog.edit', { regionCode: deps.homeProvince })
  const parsed = options.format === 'xlsx' ? await parseXlsxUpload(body) : parseJsonUpload(body)
  return deps.db.transaction().execute(async (trx) => {
    const { planned, problems } = await checkImport(trx, deps, parsed)
    const created = planned.filter((p) => !p.existingEntryId).length
    const counts = { created, updated: planned.length - created, published: options.publish ? planned.length : 0 }
    if (options.dryRun) return { ...counts, dryRun: true, problems: problems.slice(0, MAX_PROBLEMS_ANSWERED) }
    if (problems.length > 0) throw importInvalid(problems)
    for (const item of planned) await writeItem(trx, deps, ctx, item, options.publish)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.import', targetType: 'item', regionCode: deps.homeProvince, detail: { format: options.format, rows: planned.length, ...counts } })
    return { ...counts, dryRun: false, problems: [] }
  })
}

function importInvalid(problems: ImportProblem[]): AppError {
  return new AppError(
    'unprocessable',
    'import_invalid',
    { zh: `导入文件有 ${problems.length} 处问题，未导入任何事项`, en: `The file has ${problems.length} problem(s); nothing was imported` },
    { problems: problems.slice(0, MAX_PROBLEMS_ANSWERED), total: problems.length },
  )
}

function tooMany(rows: number): AppError {
  return new AppError('invalid', 'import_too_large', { zh: `一次最多导入 ${IMPORT_MAX_ROWS} 个事项，文件中有 ${rows} 个`, en: `At most ${IMPORT_MAX_ROWS} items per import; the file has ${rows}` })
}

async function parseXlsxUpload(body: unknown): Promise<{ items: ParsedItem[]; problems: ImportProblem[] }> {
  if (!Buffer.isBuffer(body)) throw importFileInvalid(`Excel 文件须以 ${XLSX_TYPE} 上传`, `Upload an Excel file as ${XLSX_TYPE}`)
  const workbook = await readWorkbook(body)
  const rows = itemRowCount(workbook)
  if (rows === 0) throw importFileInvalid('文件中没有事项', 'The file holds no items')
  if (rows > IMPORT_MAX_ROWS) throw tooMany(rows)
  return parseCatalogWorkbook(workbook)
}

/** A JSON upload: an array of { kind, basicCode?, elements, note? }, as the JSON export writes them (its other fields are ignored). */
function parseJsonUpload(body: unknown): { items: ParsedItem[]; problems: ImportProblem[] } {
  if (Buffer.isBuffer(body) || !Array.isArray(body)) throw importFileInvalid('JSON 导入文件须为事项数组', 'A JSON import is an array of items')
  if (body.length === 0) throw importFileInvalid('文件中没有事项', 'The file holds no items')
  if (body.length > IMPORT_MAX_ROWS) throw tooMany(body.length)
  const problems: ImportProblem[] = []
  const items = body.map((row: unknown, i) => parseJsonRow(row, { sheet: null, row: i + 1 }, problems))
  return { items, problems }
}

/** One JSON row: its shape is checked here, its elements later against the kind's schema. */
function parseJsonRow(row: unknown, origin: ParsedItem['origin'], problems: ImportProblem[]): ParsedItem {
  const before = problems.length
  const problem = (field: string | null, id: string, zh: string, en: string) => problems.push({ ...origin, column: null, field, id, zh: `第 ${origin.row} 条：${zh}`, en: `Item ${origin.row}: ${en}` })
  const { kind, basicCode, elements, note } = isRecord(row) ? row : {}
  if (!isRecord(row)) problem(null, 'row_not_object', '应为一个对象', 'must be an object')
  else if (typeof kind !== 'string' || !Object.hasOwn(itemKinds, kind)) problem('kind', 'kind_unknown', `事项类型「${String(kind ?? '')}」不存在`, `unknown kind "${String(kind ?? '')}"`)
  if (basicCode !== undefined && basicCode !== null && typeof basicCode !== 'string') problem('basicCode', 'value_wrong_type', '基本编码应为文本', 'basicCode must be a string')
  if (isRecord(row) && !isRecord(elements)) problem('elements', 'value_missing', '缺少事项要素 elements', 'elements is missing or not an object')
  if (note !== undefined && (typeof note !== 'string' || note.length > 500)) problem('note', 'value_wrong_type', '版本说明应为不超过500字的文本', 'note must be a string of at most 500 characters')
  return {
    origin,
    kind: typeof kind === 'string' && Object.hasOwn(itemKinds, kind) ? (kind as ItemKind) : null,
    basicCode: typeof basicCode === 'string' ? basicCode : null,
    elements: isRecord(elements) ? elements : {},
    note: typeof note === 'string' ? note : undefined,
    listOrigins: {},
    broken: problems.length > before,
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Every check of an import, collected rather than stopped at the first, and the items that passed. */
async function checkImport(trx: Tx, deps: PlatformDeps, parsed: { items: ParsedItem[]; problems: ImportProblem[] }): Promise<{ planned: PlannedItem[]; problems: ImportProblem[] }> {
  const problems = [...parsed.problems]
  const report = (item: ParsedItem, path: string, id: string, text: { zh: string; en: string }) => {
    const { origin, column } = locate(item, path)
    problems.push({ ...origin, column, field: path, id, ...text })
  }
  const existing = await existingItems(trx, parsed.items.flatMap((i) => (i.basicCode ? [i.basicCode] : [])))
  const codeOk = checkBasicCodes(parsed.items, existing, report)
  const valid = new Map<ParsedItem, Elements>()
  for (const item of parsed.items) {
    if (!item.kind || item.broken) continue
    try {
      valid.set(item, requireValidElements(item.kind, item.elements, 'elements'))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const path = String(error.details?.field ?? 'elements').replace(/^elements\/?/, '') || 'elements'
      const { column } = locate(item, path)
      report(item, path, 'element_invalid', { zh: `「${column ?? path}」的值不符合要求（${path}）`, en: error.text.en })
    }
  }
  await checkCitations(trx, shanghaiDay(deps.clock.now()), parsed.items, report)
  problems.sort(byPlace)
  if (problems.length > 0) return { planned: [], problems }
  const planned = [...valid].map(([source, elements]) => ({ source, kind: source.kind as ItemKind, elements, existingEntryId: codeOk.get(source) ?? null }))
  return { planned, problems }
}

type Report = (item: ParsedItem, path: string, id: string, text: { zh: string; en: string }) => void

function where(item: ParsedItem): string {
  return item.origin.sheet ? `「${item.origin.sheet}」表第 ${item.origin.row} 行` : `第 ${item.origin.row} 条`
}

/**
 * Basic codes: well formed for the kind, once per file, and, when the base list has the item
 * already, of the same kind and without a draft waiting (a second draft would silently fork it).
 * Answers the national entry of each item that exists.
 */
function checkBasicCodes(items: readonly ParsedItem[], existing: Map<string, ExistingItem>, report: Report): Map<ParsedItem, string | null> {
  const found = new Map<ParsedItem, string | null>()
  const seen = new Map<string, ParsedItem>()
  for (const item of items) {
    const code = item.basicCode
    if (!code || !item.kind) continue
    const type = itemKinds[item.kind]
    const first = seen.get(code)
    if (!basicCodeMatchesKind(code, item.kind)) {
      report(item, 'basicCode', 'code_malformed', { zh: `基本编码「${code}」格式不正确：须为10位数字，以${type.zh}的类型代码 ${type.code} 开头`, en: `Basic code "${code}" is malformed: 10 digits starting with ${type.code} for ${item.kind}` })
    } else if (first) {
      report(item, 'basicCode', 'code_duplicate', { zh: `基本编码 ${code} 在文件中重复（已见于${where(first)}）`, en: `Basic code ${code} appears twice in the file (first at ${first.origin.sheet ?? 'item'} ${first.origin.row})` })
    } else {
      seen.set(code, item)
      const known = existing.get(code)
      if (known && knownItemProblem(item, known, report)) continue
      found.set(item, known?.nationalEntryId ?? null)
    }
  }
  return found
}

function knownItemProblem(item: ParsedItem, known: ExistingItem, report: Report): boolean {
  const code = item.basicCode ?? ''
  if (known.kind !== item.kind) {
    report(item, 'basicCode', 'kind_mismatch', { zh: `基本编码 ${code} 已是${itemKinds[known.kind].zh}事项，不能导入为${itemKinds[item.kind ?? known.kind].zh}`, en: `Basic code ${code} is a ${known.kind} item, not ${item.kind}` })
  } else if (!known.nationalEntryId) {
    report(item, 'basicCode', 'national_entry_missing', { zh: `事项 ${code} 没有国家基本目录条目`, en: `Item ${code} has no entry in the national base list` })
  } else if (known.hasDraft) {
    report(item, 'basicCode', 'draft_exists', { zh: `事项 ${code} 已有未发布的草稿，请先发布或处理该草稿再导入`, en: `Item ${code} already has a draft: publish or settle it before importing` })
  } else {
    return false
  }
  return true
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Every citation must name an existing article of an existing law. All are looked up at once;
 * only a citation that fails is asked of resolveCitations, for its precise reason.
 */
async function checkCitations(db: Executor, today: string, items: readonly ParsedItem[], report: Report): Promise<void> {
  const cited = items.flatMap((item) => citationsIn(item).map((citation, index) => ({ item, citation, index })))
  // A malformed id is the schema's problem (and would break the uuid comparison in SQL).
  const wellFormed = cited.filter(({ citation }) => uuidPattern.test(citation.lawId) && uuidPattern.test(citation.articleId))
  const articles = new Map((await citedArticles(db, [...new Set(wellFormed.map((c) => c.citation.articleId))], today)).map((a) => [a.articleId, a]))
  for (const { item, citation, index } of wellFormed) {
    if (articles.get(citation.articleId)?.lawId === citation.lawId) continue
    try {
      await resolveCitations(db, [citation], today)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const path = `legalBasis/${index}/${error.id === 'law_not_found' ? 'lawId' : 'articleId'}`
      report(item, path, error.id, { zh: `第 ${index + 1} 条依据：${error.text.zh}`, en: `Citation ${index + 1}: ${error.text.en}` })
    }
  }
}

/** The citations of an item whose elements may not have passed the schema yet. */
function citationsIn(item: ParsedItem): Citation[] {
  const basis = item.elements.legalBasis
  if (!Array.isArray(basis)) return []
  return basis.map((c: unknown) => (isRecord(c) && typeof c.lawId === 'string' && typeof c.articleId === 'string' ? { lawId: c.lawId, articleId: c.articleId } : { lawId: '', articleId: '' }))
}

/** Problems in the order a person works through the file: sheet by sheet, row by row. */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  const sheet = (p: ImportProblem) => (p.sheet === null ? -1 : sheetNames.indexOf(p.sheet))
  return sheet(a) - sheet(b) || a.row - b.row
}

/** The steps of createItem (new code) or of a new national draft (known code), inside the import's transaction. */
async function writeItem(trx: Tx, deps: PlatformDeps, ctx: RequestContext, item: PlannedItem, publish: boolean): Promise<void> {
  const existing = item.existingEntryId ? await findImplementation(trx, item.existingEntryId) : undefined
  const implementation = existing ?? (await newNationalEntry(trx, deps, item))
  const draft = await insertVersion(trx, {
    implementationId: implementation.id,
    parentVersionId: null,
    elements: item.elements,
    effective: item.elements,
    note: item.source.note ?? '批量导入',
    createdAt: deps.clock.now(),
    createdBy: actorName(ctx.actor),
  })
  await writeCitations(trx, draft.id, citationsOf(item.elements))
  if (publish) await publishInTransaction(trx, deps, ctx, implementation, draft)
}

async function newNationalEntry(trx: Tx, deps: PlatformDeps, item: PlannedItem): Promise<ImplementationRecord> {
  // A row without a code gets the kind's next main item, as createItem gives it; codes of the
  // file itself were checked free, and the ones already written count.
  const basicCode = item.source.basicCode ?? basicCodeOf(item.kind, (await lastMainItem(trx, itemKinds[item.kind].code)) + 1)
  const created = await insertItem(trx, { kind: item.kind, basicCode, name: item.elements.name })
  return insertImplementation(trx, {
    itemId: created.id,
    regionCode: NATIONAL,
    level: 'national',
    parentId: null,
    orgId: null,
    implementationCode: implementationCodeOf(basicCode, NATIONAL),
    name: item.elements.name,
    kind: item.kind,
    claimedAt: deps.clock.now(),
  })
}

// ---- the impact of a law change ----

const reasonLabels: Record<string, string> = { basis_changed: '法律依据已修改', basis_repealed: '法律依据已废止', parent_changed: '上级事项已变更' }
const statusLabels = { open: '待复核', resolved: '已处理' } as const

/**
 * The review tasks a law change gave rise to, in the actor's region and below (as the review-task
 * list scopes them), as JSON, CSV or a workbook.
 */
export async function lawChangeImpact(deps: PlatformDeps, ctx: RequestContext, changeId: string, format: 'json' | 'csv' | 'xlsx'): Promise<FileAnswer> {
  const rows = await impactRows(deps.db, await tasksOfChange(deps, ctx, changeId))
  const filename = `law-change-${changeId}-impact-${shanghaiDay(deps.clock.now())}.${format}`
  if (format === 'json') return { filename, contentType: JSON_TYPE, body: JSON.stringify(rows) }
  if (format === 'csv') return { filename, contentType: CSV_TYPE, body: impactCsv(rows) }
  return { filename, contentType: XLSX_TYPE, body: await workbookBytes(impactWorkbook(rows)) }
}

async function tasksOfChange(deps: PlatformDeps, ctx: RequestContext, lawChangeId: string): Promise<ReviewTaskRow[]> {
  const tasks: ReviewTaskRow[] = []
  for (let page = 1; ; page++) {
    const { items, total } = await reviewTasks(deps, ctx, { lawChangeId, page, pageSize: 1000 })
    tasks.push(...items)
    if (items.length === 0 || tasks.length >= total) return tasks
  }
}

async function impactRows(db: Executor, tasks: readonly ReviewTaskRow[]): Promise<ImpactRow[]> {
  // The national entry's task is owned by the home province; the report shows the entry's own level.
  const regionOf = (task: ReviewTaskRow) => (task.level === 'national' ? NATIONAL : task.regionCode)
  const [regions, departments] = await Promise.all([regionNames(db, tasks.map(regionOf)), departmentNames(db, tasks.map((t) => t.orgId))])
  return tasks.map((task) => {
    const detail = task.detail as { lawTitle?: string; changeTitle?: string; articles?: { label: string }[] }
    return {
      taskId: task.id,
      implementationId: task.implementationId,
      itemName: task.name,
      implementationCode: task.implementationCode,
      regionCode: regionOf(task),
      regionName: regions.get(regionOf(task)) ?? regionOf(task),
      departmentName: task.orgId ? (departments.get(task.orgId) ?? null) : null,
      reason: task.reason,
      reasonZh: reasonLabels[task.reason] ?? task.reason,
      status: task.status,
      statusZh: statusLabels[task.status],
      articles: (detail.articles ?? []).map((a) => a.label),
      lawTitle: detail.lawTitle ?? null,
      changeTitle: detail.changeTitle ?? null,
      createdAt: new Date(task.createdAt).toISOString(),
      createdOn: shanghaiDay(new Date(task.createdAt)),
      resolvedAt: task.resolvedAt ? new Date(task.resolvedAt).toISOString() : null,
      resolvedOn: task.resolvedAt ? shanghaiDay(new Date(task.resolvedAt)) : null,
      resolution: task.resolution,
    }
  })
}
