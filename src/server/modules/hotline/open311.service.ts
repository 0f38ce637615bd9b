import { randomBytes } from 'node:crypto'
import { actorName, regionWithin, requireAccess, requireStaff, type StaffActor } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { tokenHash } from '../../platform/auth/session'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { redactPii } from '../../platform/pii/pii'
import { provinceNamesEn } from '../../platform/regions/province-names'
import { findRegion, findRegions, type RegionRecord } from '../../platform/regions/regions.repository'
import { appealStateNames } from './appeal.workflow'
import { categories } from './appeals.service'
import type { AppealType, HotlineLine } from './appeals.tables'
import type { CategoryRecord } from './dispatch.repository'
import { submitAppeal } from './intake.service'
import { hotlineReference } from './reference'
import { GEOREPORT_V2, w3Instant, type Open311Attribute, type Open311Discovery, type Open311Receipt, type Open311Request, type Open311Service, type Open311ServiceDefinition, type Open311Token } from './open311.format'
import {
  findLiveOpen311ClientByName,
  findOpen311Client,
  findOpen311ClientByKeyHash,
  insertOpen311Client,
  open311RequestInsert,
  listOpen311Clients,
  listPublishedAppeals,
  markOpen311ClientRevoked,
  touchOpen311Client,
  type Open311ClientRow,
  type PublishedAppeal,
  type PublishedAppealFilter,
} from './open311.repository'

// ---------------------------------------------------------------------------------------------
// Clients and their keys (staff side)
// ---------------------------------------------------------------------------------------------

/** Keys carry a prefix of their own, so one pasted into the wrong place is recognisable (and never taken for a staff token). */
export const OPEN311_KEY_PREFIX = 'o311_'

export interface Open311ClientView {
  id: string
  name: string
  regionCode: string
  regionScopes: string[]
  createdAt: string
  createdBy: string
  lastUsedAt: string | null
  revokedAt: string | null
  status: 'active' | 'revoked'
}

function presentClient(row: Open311ClientRow): Open311ClientView {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    regionScopes: row.regionScopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? 'revoked' : 'active',
  }
}

const clientNotFound = () => new AppError('not_found', 'open311_client_not_found', { zh: 'Open311 接入方不存在', en: 'Open311 client not found' })

/** The Open311 clients managed in the actor's region and below. */
export async function listClients(deps: PlatformDeps, ctx: RequestContext): Promise<Open311ClientView[]> {
  const actor = requireStaff(ctx.actor)
  requireAccess(actor, 'hotline.supervise', { regionCode: actor.regionCode })
  return (await listOpen311Clients(deps.db, actor.regionCode)).map(presentClient)
}

export interface NewOpen311Client {
  name: string
  /** Cities, counties or the province (GB/T 2260) the client may file into, each with the regions below it. */
  regionScopes: string[]
}

/**
 * Registers a client and issues its API key. The key is in this answer only: the database keeps
 * its SM3 digest, the audit log neither.
 */
export async function registerClient(deps: PlatformDeps, ctx: RequestContext, input: NewOpen311Client): Promise<Open311ClientView & { apiKey: string }> {
  const actor = requireStaff(ctx.actor)
  const name = input.name.trim()
  if (name === '') throw new AppError('invalid', 'open311_client_name_required', { zh: '请填写接入方名称', en: 'The client needs a name' }, { field: 'name' })
  const regionScopes = await requireScopes(deps, actor, input.regionScopes)
  const apiKey = OPEN311_KEY_PREFIX + randomBytes(32).toString('base64url')
  return deps.db.transaction().execute(async (trx) => {
    if (await findLiveOpen311ClientByName(trx, name)) {
      throw new AppError('conflict', 'open311_client_name_taken', { zh: '已有同名的接入方', en: 'A client of that name exists' }, { field: 'name' })
    }
    const row = await insertOpen311Client(trx, { name, keyHash: tokenHash(apiKey), regionCode: commonRegion(regionScopes), regionScopes, createdAt: deps.clock.now(), createdBy: actorName(actor) })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.open311_client.register', targetType: 'open311_client', targetId: row.id, regionCode: row.regionCode, detail: { name, regionScopes } })
    return { ...presentClient(row), apiKey }
  })
}

/** Revokes a client's key at once: the next request with it is refused. */
export async function revokeClient(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<Open311ClientView> {
  const actor = requireStaff(ctx.actor)
  const at = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row = await findOpen311Client(trx, id)
    if (!row) throw clientNotFound()
    requireAccess(actor, 'hotline.supervise', { regionCode: row.regionCode })
    if (row.revokedAt || !(await markOpen311ClientRevoked(trx, id, at, actorName(actor)))) {
      throw new AppError('conflict', 'open311_client_already_revoked', { zh: '该接入方的密钥已被撤销', en: 'The client’s key is already revoked' })
    }
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.open311_client.revoke', targetType: 'open311_client', targetId: id, regionCode: row.regionCode, detail: { name: row.name, regionScopes: row.regionScopes } })
    return presentClient({ ...row, revokedAt: at, revokedBy: actorName(actor) })
  })
}

const provinceCityOrCounty = /^[0-9]{2}([0-9]{2}([0-9]{2})?)?$/

/** The scopes as given, each a province, city or county of the home province that the actor supervises. */
async function requireScopes(deps: PlatformDeps, actor: StaffActor, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)].sort()
  const found = new Set((await findRegions(deps.db, unique)).map((r) => r.code))
  const bad = unique.find((code) => !provinceCityOrCounty.test(code) || !found.has(code) || !regionWithin(code, deps.homeProvince))
  if (bad !== undefined || unique.length === 0) {
    throw new AppError('invalid', 'open311_scope_invalid', { zh: `接入范围须为本省的省、市或县级行政区划：${bad ?? ''}`, en: `Each scope must be the province, a city or a county of the province: ${bad ?? ''}` }, { field: 'regionScopes' })
  }
  for (const code of unique) requireAccess(actor, 'hotline.supervise', { regionCode: code })
  return unique
}

/** The narrowest province, city or county holding every scope: the supervisors there manage the client. */
function commonRegion(scopes: readonly string[]): string {
  const [first = ''] = scopes
  let length = first.length
  for (const code of scopes) while (!code.startsWith(first.slice(0, length))) length--
  const level = [6, 4, 2].find((l) => l <= length) ?? 2
  return first.slice(0, level)
}

// ---------------------------------------------------------------------------------------------
// GeoReport v2 (clients' side)
// ---------------------------------------------------------------------------------------------

/** When the service list or definitions last changed in a way clients must refresh for. */
export const OPEN311_CHANGESET = '2026-11-28T06:40:00+08:00'

const lineNames: Record<HotlineLine, string> = { '12345': '12345政务服务便民热线', enterprise: '一企来企业服务热线', talent: '尚贤人才服务热线' }

export const appealTypeNames: Record<AppealType, string> = { inquiry: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' }
const appealTypes = Object.keys(appealTypeNames) as AppealType[]

/** Merged into another, transferred to 110/119/120 or closed after the callback: nothing more will happen to it. */
const closedStates = ['closed', 'merged', 'transferred']

/** The attributes every service asks for: what the hotline needs beyond the spec's fields. */
const appealAttributes: Open311Attribute[] = [
  {
    variable: true,
    code: 'appeal_type',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: '填写所选项的 key，如 complaint。 Send the key of one value, e.g. complaint.',
    order: 1,
    description: '诉求类型：咨询、求助、投诉、举报、建议或表扬，决定办理时限。 The kind of appeal; it sets the time limit.',
    values: appealTypes.map((key) => ({ key, name: appealTypeNames[key] })),
  },
  {
    variable: true,
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'true 或 false，默认 false。 true or false; false when left out.',
    order: 2,
    description: '是否保密：保密的诉求不向承办部门显示诉求人信息，也不公开其内容和位置。 Keep the appellant from the handling department and the request’s text and place from the public.',
    values: [
      { key: 'true', name: '保密' },
      { key: 'false', name: '不保密' },
    ],
  },
]

const notFound = (id: string, zh: string, en: string, field: string) => new AppError('not_found', id, { zh, en }, { field })

/** The endpoint as Service Discovery describes it. */
export async function discovery(deps: PlatformDeps, endpointUrl: string): Promise<Open311Discovery> {
  const province = (await hotlineReference(deps.db, deps.homeProvince)).regions.get(deps.homeProvince)?.name ?? ''
  const provinceEn = provinceNamesEn[deps.homeProvince] ?? ''
  return {
    changeset: OPEN311_CHANGESET,
    contact: `${province}12345政务服务便民热线：反映问题请拨打 12345；接口问题请联系所在地12345热线管理机构。 ${provinceEn} 12345 government service hotline: call 12345; for the API, contact your local hotline office.`,
    key_service: 'api_key 由所在地12345热线督办人员登记发放，每个接入方限定可提交诉求的行政区划。 API keys are issued by the hotline supervisors of your city or county, each limited to the regions it may file into.',
    endpoints: [{ specification: GEOREPORT_V2, url: endpointUrl, changeset: OPEN311_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  }
}

/** Every active appeal category of every line, as a service. */
export async function serviceList(deps: PlatformDeps, jurisdictionId: string | undefined): Promise<Open311Service[]> {
  if (jurisdictionId !== undefined) await jurisdiction(deps, jurisdictionId)
  return (await categories(deps)).map(serviceOf)
}

function serviceOf(category: CategoryRecord): Open311Service {
  return {
    service_code: category.key,
    service_name: category.nameZh,
    description: `${category.groupZh}·${category.nameZh}（${category.nameEn}），由${category.lines.map((l) => lineNames[l]).join('、')}受理`,
    metadata: appealAttributes.length > 0,
    type: 'realtime',
    keywords: category.keywords.join(','),
    group: category.groupZh,
  }
}

/** The attributes a service asks for when a request is filed. */
export async function serviceDefinition(deps: PlatformDeps, serviceCode: string, jurisdictionId: string | undefined): Promise<Open311ServiceDefinition> {
  if (jurisdictionId !== undefined) await jurisdiction(deps, jurisdictionId)
  await requireService(deps, serviceCode)
  return { service_code: serviceCode, attributes: appealAttributes }
}

async function requireService(deps: PlatformDeps, serviceCode: string): Promise<CategoryRecord> {
  const category = (await hotlineReference(deps.db, deps.homeProvince)).categories.get(serviceCode)
  if (!category || !category.active) throw notFound('service_code_not_found', `服务类型 ${serviceCode} 不存在`, `service_code ${serviceCode} was not found`, 'service_code')
  return category
}

/** A jurisdiction is a region of the home province down to a county, named by its GB/T 2260 code. */
async function jurisdiction(deps: PlatformDeps, code: string): Promise<RegionRecord> {
  const region = provinceCityOrCounty.test(code) && regionWithin(code, deps.homeProvince) ? await findRegion(deps.db, code) : undefined
  if (!region) throw notFound('jurisdiction_not_found', `jurisdiction_id ${code} 不是本省的行政区划代码`, `jurisdiction_id ${code} was not found (a GB/T 2260 code of the province, its cities or counties)`, 'jurisdiction_id')
  return region
}

/** A POST requests as it arrives, in the specification's names; `attributes` holds the attribute[code] fields. */
export interface ServiceRequestInput {
  api_key?: string
  jurisdiction_id?: string
  service_code?: string
  lat?: number
  long?: number
  address_string?: string
  address_id?: string
  email?: string
  device_id?: string
  account_id?: string
  first_name?: string
  last_name?: string
  phone?: string
  description?: string
  media_url?: string
  attributes: Readonly<Record<string, string | readonly string[]>>
}

/**
 * Files a request as an appeal of the `open311` channel, in the client's name: the key first
 * (403), then what is missing or malformed (400, every problem at once), then what does not exist
 * (404) or lies outside the client's regions (403). Realtime: the appeal's number comes back at once.
 */
export async function fileServiceRequest(deps: PlatformDeps, ip: string | null, input: ServiceRequestInput): Promise<Open311Receipt[]> {
  const client = await authenticateClient(deps, input.api_key)
  const request = checkRequest(input)
  const region = await jurisdiction(deps, request.jurisdictionId)
  if (region.level < 2) throw problems([{ id: 'jurisdiction_too_wide', zh: 'jurisdiction_id 须为市或县级行政区划代码', en: 'jurisdiction_id must be a city or a county, not the province', field: 'jurisdiction_id' }])
  if (!client.regionScopes.some((scope) => regionWithin(region.code, scope))) {
    throw new AppError('forbidden', 'jurisdiction_out_of_scope', { zh: `该 api_key 不能向 ${region.fullName} 提交诉求`, en: `This api_key may not file requests in jurisdiction ${region.code}` }, { field: 'jurisdiction_id' })
  }
  const category = await requireService(deps, request.serviceCode)
  const ctx: RequestContext = { actor: { kind: 'system', name: `open311:${client.name}` }, ip }
  // email and device_id are not kept: the hotline calls appellants back by phone, so they would be personal data kept for no use.
  const intake = await submitAppeal(deps, ctx, 'open311', {
    line: category.lines.includes('12345') ? '12345' : (category.lines[0] ?? '12345'),
    type: request.type,
    categoryKey: category.key,
    regionCode: region.code,
    content: request.description,
    location: input.address_string,
    latitude: input.lat,
    longitude: input.long,
    appellantName: appellantName(input.first_name, input.last_name),
    appellantPhone: input.phone,
    confidential: request.confidential,
  }, (appeal) => open311RequestInsert({ appealId: appeal.id, clientId: client.id, regionCode: region.code, mediaUrl: input.media_url ?? null, filedAt: appeal.submittedAt }))
  const { limits } = await hotlineReference(deps.db, deps.homeProvince)
  const urgent = intake.emergencies.map((e) => e.service)
  const warning = urgent.length > 0 ? `内容可能涉及紧急情况，如有危险请立即拨打 ${urgent.join('/')}。` : ''
  return [{ service_request_id: intake.appeal.number, service_notice: noticeOf(request.type, limits) + warning, account_id: input.account_id ?? null }]
}

/** The live client holding the key; every use checks revocation. */
async function authenticateClient(deps: PlatformDeps, apiKey: string | undefined): Promise<Open311ClientRow> {
  // Unauthenticated rather than forbidden: the platform audits every 'forbidden' refusal, and anyone
  // may send wrong keys; they must not be a way to flood the audit chain (the answer is 403 all the same).
  if (apiKey === undefined) throw new AppError('unauthenticated', 'api_key_missing', { zh: '缺少 api_key，无法提交诉求', en: "api_key was not provided -- can't proceed with create_request." })
  const client = apiKey.startsWith(OPEN311_KEY_PREFIX) ? await findOpen311ClientByKeyHash(deps.db, tokenHash(apiKey)) : undefined
  if (!client || client.revokedAt) throw new AppError('unauthenticated', 'api_key_invalid', { zh: 'api_key 无效或已被撤销，无法提交诉求', en: "Invalid api_key received -- can't proceed with create_request." })
  const now = deps.clock.now()
  // Writing on every request would turn each filing into two writes; a minute's precision is plenty.
  if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000) await touchOpen311Client(deps.db, client.id, now)
  return client
}

interface Problem {
  id: string
  zh: string
  en: string
  field: string
}

/** One 400 carrying every problem found, since the specification's error answer is a list. */
function problems(list: readonly Problem[]): AppError {
  const [first] = list
  return new AppError('invalid', first?.id ?? 'open311_request_invalid', { zh: first?.zh ?? '请求不正确', en: first?.en ?? 'Invalid request' }, { field: first?.field, problems: list })
}

interface CheckedRequest {
  jurisdictionId: string
  serviceCode: string
  type: AppealType
  confidential: boolean
  description: string
}

// Control characters cannot be shown, and several cannot even be written in XML.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

function checkRequest(input: ServiceRequestInput): CheckedRequest {
  const found: Problem[] = []
  const missing = (field: string, zh: string) => found.push({ id: `${field}_missing`, zh: `缺少 ${field}：${zh}`, en: `${field} was not provided`, field })
  if (input.jurisdiction_id === undefined) missing('jurisdiction_id', '诉求所在市或县的行政区划代码')
  if (input.service_code === undefined) missing('service_code', '服务类型（诉求分类）')
  if (input.description === undefined || input.description.trim() === '') missing('description', '诉求内容')
  const type = appealTypes.find((t) => t === single(input.attributes.appeal_type))
  if (type === undefined) {
    found.push({ id: 'attribute_invalid', zh: `attribute[appeal_type] 必填，取值为 ${appealTypes.join('、')} 之一`, en: `attribute[appeal_type] is required: one of ${appealTypes.join(', ')}`, field: 'attribute[appeal_type]' })
  }
  const confidential = single(input.attributes.confidential)
  if (confidential !== undefined && confidential !== 'true' && confidential !== 'false') {
    found.push({ id: 'attribute_invalid', zh: 'attribute[confidential] 须为 true 或 false', en: 'attribute[confidential] must be true or false', field: 'attribute[confidential]' })
  }
  found.push(...locationProblems(input), ...textProblems(input))
  if (found.length > 0 || input.jurisdiction_id === undefined || input.service_code === undefined || input.description === undefined || type === undefined) throw problems(found)
  return { jurisdictionId: input.jurisdiction_id, serviceCode: input.service_code, type, confidential: confidential === 'true', description: input.description }
}

/** A single-value attribute's value; several values (attribute[code][]=…) are no single value. */
function single(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  return value.length === 1 ? value[0] : ''
}

/** The specification asks for a location: lat & long, or an address (we keep no address registry, so no address_id). */
function locationProblems(input: ServiceRequestInput): Problem[] {
  const hasLat = input.lat !== undefined
  if (hasLat !== (input.long !== undefined)) return [{ id: 'location_invalid', zh: 'lat 与 long 须同时提供', en: 'lat and long must both be sent', field: hasLat ? 'long' : 'lat' }]
  if (hasLat || input.address_string !== undefined) return []
  if (input.address_id !== undefined) return [{ id: 'address_id_unsupported', zh: '本平台没有地址库，不支持 address_id；请提供 lat/long 或 address_string', en: 'address_id is not supported here: send lat & long or address_string', field: 'address_id' }]
  return [{ id: 'location_missing', zh: '请提供位置：lat/long 或 address_string', en: 'A location is required: lat & long, or address_string', field: 'lat' }]
}

function textProblems(input: ServiceRequestInput): Problem[] {
  const found: Problem[] = []
  for (const field of ['description', 'address_string', 'first_name', 'last_name'] as const) {
    if (controlCharacters.test(input[field] ?? '')) found.push({ id: 'text_invalid', zh: `${field} 含有控制字符`, en: `${field} contains control characters`, field })
  }
  if (input.media_url !== undefined && !isWebUrl(input.media_url)) found.push({ id: 'media_url_invalid', zh: 'media_url 须为 http 或 https 网址', en: 'media_url must be an http or https URL', field: 'media_url' })
  return found
}

function isWebUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol)
  } catch {
    return false
  }
}

/** The appellant's name as the hotline writes it: a Chinese name family name first and unspaced, any other given name first. */
function appellantName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [first?.trim(), last?.trim()].filter((p): p is string => p !== undefined && p !== '')
  if (parts.length === 0) return undefined
  const han = /^[\p{Script=Han}·]+$/u
  return parts.every((p) => han.test(p)) ? parts.reverse().join('') : parts.join(' ')
}

function noticeOf(type: AppealType, limits: Readonly<Record<AppealType, number>>): string {
  return `${appealTypeNames[type]}类诉求已受理，承办单位将在${limits[type]}个工作日内答复。`
}

/** GET requests' arguments, in the specification's names. */
export interface ServiceRequestQuery {
  jurisdiction_id?: string
  service_request_id?: string
  service_code?: string
  start_date?: string
  end_date?: string
  status?: string
}

/** The specification's default and maximum: the most recent 90 days, at most 1000 requests. */
export const REQUEST_WINDOW_DAYS = 90
export const MAX_REQUESTS = 1000
const dayMs = 86_400_000

/** Requests filed through Open311, newest first; a list of ids overrides every other optional argument. */
export async function findServiceRequests(deps: PlatformDeps, query: ServiceRequestQuery): Promise<Open311Request[]> {
  const region = query.jurisdiction_id === undefined ? undefined : await jurisdiction(deps, query.jurisdiction_id)
  const numbers = query.service_request_id === undefined ? undefined : listOf(query.service_request_id)
  if (numbers && numbers.length > MAX_REQUESTS) {
    throw problems([{ id: 'service_request_id_too_many', zh: `一次最多查询 ${MAX_REQUESTS} 个诉求`, en: `At most ${MAX_REQUESTS} service_request_id at once`, field: 'service_request_id' }])
  }
  const filter: PublishedAppealFilter = numbers
    ? { numbers, regionPrefix: region?.code, limit: MAX_REQUESTS }
    : { ...requestWindow(deps.clock.now(), query), categoryKeys: query.service_code === undefined ? undefined : listOf(query.service_code), states: statusFilter(query.status), regionPrefix: region?.code, limit: MAX_REQUESTS }
  return presentRequests(deps, await listPublishedAppeals(deps.db, filter))
}

/** One request, as a list of one as the specification has it. */
export async function findServiceRequest(deps: PlatformDeps, serviceRequestId: string, jurisdictionId: string | undefined): Promise<Open311Request[]> {
  const region = jurisdictionId === undefined ? undefined : await jurisdiction(deps, jurisdictionId)
  const rows = await listPublishedAppeals(deps.db, { numbers: [serviceRequestId], regionPrefix: region?.code, limit: 1 })
  if (rows.length === 0) throw notFound('service_request_not_found', `诉求 ${serviceRequestId} 不存在`, `service_request_id ${serviceRequestId} was not found`, 'service_request_id')
  return presentRequests(deps, rows)
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A request's id from its token. Requests are filed in real time, so a token is only the request's internal id. */
export async function requestIdFromToken(deps: PlatformDeps, token: string, jurisdictionId: string | undefined): Promise<Open311Token[]> {
  const region = jurisdictionId === undefined ? undefined : await jurisdiction(deps, jurisdictionId)
  const rows = uuid.test(token) ? await listPublishedAppeals(deps.db, { ids: [token.toLowerCase()], regionPrefix: region?.code, limit: 1 }) : []
  if (rows.length === 0) throw notFound('token_not_found', `令牌 ${token} 不存在`, `token ${token} was not found`, 'token')
  return rows.map((row) => ({ service_request_id: row.number, token }))
}

function listOf(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))]
}

const w3DateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function instantOf(text: string, field: string): Date {
  const at = new Date(text)
  if (!w3DateTime.test(text) || Number.isNaN(at.getTime())) {
    throw problems([{ id: 'date_invalid', zh: `${field} 须为带时区的 ISO 8601 时间，如 2026-03-01T00:00:00+08:00`, en: `${field} must be a w3 datetime with a timezone, e.g. 2010-01-01T00:00:00Z`, field }])
  }
  return at
}

/** The range of requested_datetime searched: the most recent 90 days unless asked, never more than 90 days. */
function requestWindow(now: Date, query: ServiceRequestQuery): { submittedFrom: Date; submittedTo: Date } {
  const span = REQUEST_WINDOW_DAYS * dayMs
  const from = query.start_date === undefined ? undefined : instantOf(query.start_date, 'start_date')
  const to = query.end_date === undefined ? undefined : instantOf(query.end_date, 'end_date')
  if (from && to && (to < from || to.getTime() - from.getTime() > span)) {
    throw problems([{ id: 'date_range_invalid', zh: `end_date 须不早于 start_date，且相隔不超过 ${REQUEST_WINDOW_DAYS} 天`, en: `end_date must not precede start_date, and the range may not span more than ${REQUEST_WINDOW_DAYS} days`, field: 'end_date' }])
  }
  const submittedTo = to ?? (from ? new Date(from.getTime() + span) : now)
  return { submittedFrom: from ?? new Date(submittedTo.getTime() - span), submittedTo }
}

function statusFilter(status: string | undefined): PublishedAppealFilter['states'] {
  if (status === undefined) return undefined
  const asked = listOf(status.toLowerCase())
  if (asked.length === 0 || asked.some((s) => s !== 'open' && s !== 'closed')) {
    throw problems([{ id: 'status_invalid', zh: 'status 须为 open、closed 或以逗号分隔的两者', en: 'status must be open, closed, or both comma delimited', field: 'status' }])
  }
  if (asked.length === 2) return undefined
  return { in: closedStates, exclude: asked[0] === 'open' }
}

/**
 * The requests as the public may see them: never who filed them; a confidential one without its text and place.
 * Department names and time limits come from the hotline's in-memory reference; the regions' full names are read (the reference keeps short names only).
 */
async function presentRequests(deps: PlatformDeps, rows: readonly PublishedAppeal[]): Promise<Open311Request[]> {
  const [{ orgs, limits }, regions] = await Promise.all([
    hotlineReference(deps.db, deps.homeProvince),
    findRegions(deps.db, [...new Set(rows.map((r) => r.regionCode))]),
  ])
  const regionNames = new Map(regions.map((r) => [r.code, r.fullName]))
  return rows.map((row) => {
    const hidden = row.confidential
    const regionName = regionNames.get(row.regionCode) ?? null
    const place = hidden || row.location === null ? null : redactPii(row.location)
    return {
      service_request_id: row.number,
      status: closedStates.includes(row.state) ? 'closed' : 'open',
      status_notes: appealStateNames.get(row.state)?.zh ?? null,
      service_name: row.categoryName,
      service_code: row.categoryKey,
      description: hidden ? null : redactPii(row.content),
      agency_responsible: row.orgId ? (orgs.get(row.orgId)?.name ?? null) : null,
      service_notice: noticeOf(row.type, limits),
      requested_datetime: w3Instant(row.submittedAt),
      updated_datetime: w3Instant(row.updatedAt),
      // A deadline is a working day in Shanghai: the request is due by the end of it.
      expected_datetime: row.deadline ? `${row.deadline}T23:59:59+08:00` : null,
      address: [place, regionName].filter((p) => p !== null).join(', ') || null,
      address_id: null,
      zipcode: null,
      lat: hidden ? null : row.latitude,
      long: hidden ? null : row.longitude,
      media_url: hidden ? null : row.mediaUrl,
    }
  })
}

/** The appeal's last recorded step; a closed one's is its closing, as the specification wants. */
