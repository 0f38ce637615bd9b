import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api/client'

// ---- Types of the catalogue API (see src/server/modules/catalog/catalog.schemas.ts) -------------

/** The kinds of item with their two-digit type codes (GB/T 39554.1), in the order the forms offer them. */
export const itemKinds = {
  licensing: '01',
  benefit: '05',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  other_power: '10',
  public_service: '20',
  policy_service: '21',
  supervision: '30',
  inspection: '06',
} as const
export type ItemKind = keyof typeof itemKinds
export const itemKindList = Object.keys(itemKinds) as ItemKind[]

/** Service and policy-service items share one element schema; supervision and inspection have their own. */
export type ElementShape = 'service' | 'inspection' | 'supervision'
export function shapeOf(kind: ItemKind): ElementShape {
  if (kind === 'inspection') return 'inspection'
  if (kind === 'supervision') return 'supervision'
  return 'service'
}

/** '00' is the national base list (国家基本目录). */
export const NATIONAL = '00'
export type CatalogLevel = 'national' | 'province' | 'city' | 'county'
export type Level = 'province' | 'city' | 'county'
export type Channel = 'window' | 'web' | 'app' | 'self_service' | 'mail'

export interface Citation {
  lawId: string
  articleId: string
}

export interface Material {
  name: string
  form: 'paper' | 'electronic' | 'both'
  original: 'original' | 'copy' | 'both'
  copies: number
  required: boolean
  source: 'applicant' | 'e_licence' | 'shared_data'
  note?: string
}

export interface Fee {
  name: string
  amountFen: number
  basis?: string
}

export interface Step {
  name: string
  description: string
  days?: number
}

export interface ServiceElements {
  name: string
  department: string
  levels: Level[]
  legalBasis: Citation[]
  serviceObjects: ('person' | 'enterprise')[]
  conditions: string[]
  materials: Material[]
  statutoryDays: number
  committedDays: number
  fees: Fee[]
  onlineDepth: number
  visits: number
  steps: Step[]
  result: { name: string; type: 'licence' | 'approval' | 'certificate' | 'other' }
  channels: Channel[]
  place: string
  phone: string
  provinceWide: boolean
  crossProvince: boolean
  themes: string[]
  lifeEvents: string[]
}

export interface InspectionElements {
  name: string
  category: string
  method: string
  object: string
  content: string
  legalBasis: Citation[]
  implementingBody: string
  level: Level
  frequency: string
  ratio: string
  procedure: string
  handling: string
  undertakingUnit: string
  supervisionItemCode: string | null
  remarks: string
}

export interface SupervisionElements {
  name: string
  department: string
  object: string
  content: string
  method: string
  legalBasis: Citation[]
  levels: Level[]
  remarks: string
}

export type Elements = ServiceElements | InspectionElements | SupervisionElements
/** Elements as a bag of fields, for generic display and diffing. */
export type ElementRecord = Record<string, unknown>

export interface Implementation {
  id: string
  itemId: string
  regionCode: string
  level: CatalogLevel
  parentId: string | null
  orgId: string | null
  implementationCode: string
  currentVersionId: string | null
  name: string
  kind: ItemKind
  claimedAt: string
}

export type VersionStatus = 'draft' | 'published' | 'retired'

export interface Version {
  id: string
  implementationId: string
  number: number
  status: VersionStatus
  parentVersionId: string | null
  /** Every element for a national entry; only the overrides for a claimed one. */
  elements: ElementRecord
  /** Parent + overrides. */
  effective: ElementRecord
  note: string
  createdAt: string
  createdBy: string
  publishedAt: string | null
  retiredAt: string | null
}

export type VersionSummary = Omit<Version, 'implementationId' | 'parentVersionId' | 'elements' | 'effective'>

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export type ReviewReason = 'parent_changed' | 'basis_changed' | 'basis_repealed'
export type ReviewAction = 'adopt' | 'confirm' | 'retire'

/** What a law-change review carries: the law, the change and the touched articles this entry cites. */
export interface LawChangeDetailOfTask {
  lawTitle?: string
  changeTitle?: string
  changeKind?: 'enact' | 'amend' | 'repeal' | 'interpret'
  effectiveOn?: string
  articles?: { articleId: string; label: string; oldLabel: string | null; effect: string }[]
}

export interface ReviewTask {
  id: string
  implementationId: string
  versionId: string
  regionCode: string
  orgId: string | null
  reason: ReviewReason
  lawChangeId: string | null
  parentVersionId: string | null
  detail: LawChangeDetailOfTask | null
  status: 'open' | 'resolved'
  resolution: string | null
  createdAt: string
  resolvedAt: string | null
  resolvedBy: string | null
  name?: string
  implementationCode?: string
  level?: string
}

export interface CitedArticle {
  lawId: string
  lawTitle: string
  lawKind: string
  docNumber: string | null
  articleId: string
  label: string
  text: string
  inForce: boolean
}

export interface ChildEntry {
  id: string
  regionCode: string
  regionName: string
  level: CatalogLevel
  published: boolean
  openTasks: number
}

export interface ImplementationDetail {
  implementation: Implementation
  basicCode: string
  region: { code: string; name: string }
  orgName: string | null
  parent: { id: string; regionCode: string; name: string; currentVersionId: string | null } | null
  current: Version | null
  draft: Version | null
  versions: VersionSummary[]
  regionChanges: FieldChange[]
  legalBasis: CitedArticle[]
  openTasks: ReviewTask[]
  children: ChildEntry[]
}

export interface SearchHit {
  implementationId: string
  itemId: string
  name: string
  kind: ItemKind
  regionCode: string
  level: CatalogLevel
  implementationCode: string
  orgId: string | null
  themes: string[]
  lifeEvents: string[]
  provinceWide: boolean
  crossProvince: boolean
}

export interface Paged<T> {
  items: T[]
  total: number
}

export interface ImplementationQuery {
  region: string
  kind?: ItemKind
  page: number
  pageSize: number
}

export interface SearchQuery {
  q: string
  region?: string
  kind?: ItemKind
  page: number
  pageSize: number
}

export interface TaskQuery {
  status?: 'open' | 'resolved'
  region?: string
  implementationId?: string
  lawChangeId?: string
  mine?: boolean
  page: number
  pageSize: number
}

export type CoverageLevel = 'city' | 'county'

/** A cell: 0 not claimed, 1 claimed (not published), 2 published, 3 open review. */
export type CoverageCell = 0 | 1 | 2 | 3

export interface CoverageMatrix {
  regions: { code: string; name: string }[]
  items: { id: string; basicCode: string; name: string }[]
  /** cells[region][item] */
  cells: CoverageCell[][]
}

export interface UncoveredRegion {
  code: string
  name: string
  functionalZone: boolean
}

export interface NewItem {
  kind: ItemKind
  basicCode?: string
  elements: ElementRecord
  note?: string
}

export interface NewClaim {
  regionCode: string
  orgId: string
  overrides?: ElementRecord
  note?: string
}

export interface Created {
  implementation: Implementation
  draft: Version
}

// Laws, for the legal-basis picker (the laws module's API).
export interface LawSummary {
  id: string
  title: string
  kind: string
  issuer: string
  docNumber: string | null
  status: 'in_force' | 'not_yet' | 'repealed'
  articleCount: number
}

export interface LawArticle {
  id: string
  ordinal: number
  label: string
  text: string
  inForce: boolean
}

export interface LawDetail extends LawSummary {
  articles: LawArticle[]
}

// ---- Query keys ---------------------------------------------------------------------------------

export const catalogKeys = {
  all: ['catalog'] as const,
  implementations: (query: ImplementationQuery) => ['catalog', 'implementations', query] as const,
  search: (query: SearchQuery) => ['catalog', 'search', query] as const,
  detail: (id: string) => ['catalog', 'detail', id] as const,
  version: (id: string) => ['catalog', 'version', id] as const,
  compare: (from: string, to: string) => ['catalog', 'compare', from, to] as const,
  tasks: (query: TaskQuery) => ['catalog', 'tasks', query] as const,
  matrix: (level: CoverageLevel, parentRegion: string, kind?: ItemKind) => ['catalog', 'coverage', 'matrix', level, parentRegion, kind ?? ''] as const,
  unclaimed: (itemId: string, level: CoverageLevel, region: string) => ['catalog', 'coverage', 'unclaimed', itemId, level, region] as const,
  laws: (q: string) => ['laws', 'list', q] as const,
  law: (id: string) => ['laws', 'one', id] as const,
}

// ---- Calls ----------------------------------------------------------------------------------------

const enc = encodeURIComponent

export const catalogApi = {
  implementations: (query: ImplementationQuery) => api.get<Paged<Implementation>>('/api/catalog/implementations', { ...query }),
  search: (query: SearchQuery) => api.get<Paged<SearchHit>>('/api/catalog/search', { ...query }),
  detail: (id: string) => api.get<ImplementationDetail>(`/api/catalog/implementations/${enc(id)}`),
  version: (id: string) => api.get<Version>(`/api/catalog/versions/${enc(id)}`),
  compare: (from: string, to: string) => api.get<{ from: Version; to: Version; changes: FieldChange[] }>(`/api/catalog/versions/${enc(from)}/compare`, { to }),
  createItem: (body: NewItem, idempotencyKey: string) => api.post<Created>('/api/catalog/items', body, { idempotencyKey }),
  claim: (parentId: string, body: NewClaim, idempotencyKey: string) => api.post<Created>(`/api/catalog/implementations/${enc(parentId)}/claims`, body, { idempotencyKey }),
  startDraft: (implementationId: string) => api.post<Version>(`/api/catalog/implementations/${enc(implementationId)}/drafts`),
  saveDraft: (versionId: string, body: { elements: ElementRecord; note?: string }) => api.put<Version>(`/api/catalog/versions/${enc(versionId)}`, body),
  publish: (versionId: string) => api.post<Version>(`/api/catalog/versions/${enc(versionId)}/publish`),
  retire: (implementationId: string, reason: string) => api.post<Implementation>(`/api/catalog/implementations/${enc(implementationId)}/retire`, { reason }),
  tasks: (query: TaskQuery) => api.get<Paged<ReviewTask>>('/api/catalog/review-tasks', { ...query }),
  resolveTask: (id: string, body: { action: ReviewAction; note?: string }) => api.post<ReviewTask>(`/api/catalog/review-tasks/${enc(id)}/resolve`, body),
  matrix: (level: CoverageLevel, parentRegion: string, kind?: ItemKind) => api.get<CoverageMatrix>('/api/catalog/coverage/matrix', { level, parentRegion, kind }),
  unclaimed: (itemId: string, level: CoverageLevel, region: string) => api.get<UncoveredRegion[]>('/api/catalog/coverage/unclaimed', { itemId, level, region }),
  laws: (q: string) => api.get<Paged<LawSummary>>('/api/laws', { q, pageSize: 20, page: 1 }),
  law: (id: string) => api.get<LawDetail>(`/api/laws/${enc(id)}`),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useImplementations(query: ImplementationQuery, enabled = true) {
  return useQuery({ queryKey: catalogKeys.implementations(query), queryFn: () => catalogApi.implementations(query), placeholderData: keepPreviousData, enabled })
}

export function useCatalogSearch(query: SearchQuery, enabled = true) {
  return useQuery({ queryKey: catalogKeys.search(query), queryFn: () => catalogApi.search(query), placeholderData: keepPreviousData, enabled })
}

export function useImplementation(id: string | undefined) {
  return useQuery({ queryKey: catalogKeys.detail(id ?? ''), queryFn: () => catalogApi.detail(id!), enabled: Boolean(id) })
}

export function useVersion(id: string | null | undefined) {
  return useQuery({ queryKey: catalogKeys.version(id ?? ''), queryFn: () => catalogApi.version(id!), enabled: Boolean(id), staleTime: 5 * 60_000 })
}

export function useCompare(from: string | undefined, to: string | undefined) {
  return useQuery({ queryKey: catalogKeys.compare(from ?? '', to ?? ''), queryFn: () => catalogApi.compare(from!, to!), enabled: Boolean(from && to && from !== to) })
}

export function useReviewTasks(query: TaskQuery, enabled = true) {
  return useQuery({ queryKey: catalogKeys.tasks(query), queryFn: () => catalogApi.tasks(query), placeholderData: keepPreviousData, enabled })
}

export function useCoverageMatrix(level: CoverageLevel, parentRegion: string | undefined, kind?: ItemKind) {
  return useQuery({
    queryKey: catalogKeys.matrix(level, parentRegion ?? '', kind),
    queryFn: () => catalogApi.matrix(level, parentRegion!, kind),
    enabled: Boolean(parentRegion),
    placeholderData: keepPreviousData,
  })
}

export function useUnclaimed(itemId: string | undefined, level: CoverageLevel, region: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.unclaimed(itemId ?? '', level, region ?? ''),
    queryFn: () => catalogApi.unclaimed(itemId!, level, region!),
    enabled: Boolean(itemId && region),
  })
}

export function useLawSearch(q: string, enabled = true) {
  const text = q.trim()
  return useQuery({ queryKey: catalogKeys.laws(text), queryFn: () => catalogApi.laws(text), enabled, staleTime: 60_000, placeholderData: keepPreviousData })
}

export function useLaw(id: string | undefined) {
  return useQuery({ queryKey: catalogKeys.law(id ?? ''), queryFn: () => catalogApi.law(id!), enabled: Boolean(id), staleTime: 10 * 60_000 })
}

/** The laws a list of citations names, each loaded once: article id → "《title》label" and its law. */
export function useCitationLabels(citations: readonly Citation[]): Map<string, { lawTitle: string; label: string; inForce: boolean }> {
  const lawIds = [...new Set(citations.map((c) => c.lawId))]
  const results = useQueries({
    queries: lawIds.map((id) => ({ queryKey: catalogKeys.law(id), queryFn: () => catalogApi.law(id), staleTime: 10 * 60_000 })),
  })
  const labels = new Map<string, { lawTitle: string; label: string; inForce: boolean }>()
  for (const result of results) {
    const law = result.data
    if (!law) continue
    for (const article of law.articles) labels.set(article.id, { lawTitle: law.title, label: article.label, inForce: article.inForce })
  }
  return labels
}

/** Every write changes lists, details, tasks and coverage: they are all asked again. */
function useInvalidateCatalog() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: catalogKeys.all })
}

export function useCreateItem() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewItem; idempotencyKey: string }) => catalogApi.createItem(body, idempotencyKey),
    onSuccess: invalidate,
  })
}

export function useClaim() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ parentId, body, idempotencyKey }: { parentId: string; body: NewClaim; idempotencyKey: string }) => catalogApi.claim(parentId, body, idempotencyKey),
    onSuccess: invalidate,
  })
}

export function useStartDraft() {
  const invalidate = useInvalidateCatalog()
  return useMutation({ mutationFn: (implementationId: string) => catalogApi.startDraft(implementationId), onSuccess: invalidate })
}

export function useSaveDraft() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ versionId, elements, note }: { versionId: string; elements: ElementRecord; note?: string }) => catalogApi.saveDraft(versionId, { elements, note }),
    onSuccess: invalidate,
  })
}

export function usePublish() {
  const invalidate = useInvalidateCatalog()
  return useMutation({ mutationFn: (versionId: string) => catalogApi.publish(versionId), onSuccess: invalidate })
}

export function useRetire() {
  const invalidate = useInvalidateCatalog()
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => catalogApi.retire(id, reason), onSuccess: invalidate })
}

export function useResolveTask() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: ReviewAction; note?: string }) => catalogApi.resolveTask(id, { action, note: note || undefined }),
    onSuccess: invalidate,
  })
}

// ---- Helpers --------------------------------------------------------------------------------------

/** The catalogue level of a region code: '00' national, 2 digits a province, 4 a city, 6 a county. */
export function levelOfRegion(code: string): CatalogLevel {
  if (code === NATIONAL) return 'national'
  if (code.length === 2) return 'province'
  if (code.length === 4) return 'city'
  return 'county'
}

/** The catalogue region a staff region works at: a township's or village's county. */
export function catalogRegionOf(code: string): string {
  return code.length > 6 ? code.slice(0, 6) : code
}

/** The region an entry's writes are checked against: the national list is kept by the home province. */
export function ownerRegionOf(regionCode: string, homeProvince: string | undefined): string {
  return regionCode === NATIONAL ? (homeProvince ?? NATIONAL) : regionCode
}

/** Whether two element values are the same (jsonb keeps no key order, so keys are sorted first). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

/** Multiple choices whose order carries no meaning. */
const setFields = new Set(['levels', 'serviceObjects', 'channels'])
const sortedIfArray = (value: unknown) => (Array.isArray(value) ? [...(value as string[])].sort() : value)

/** Whether an element is the same in two versions; a multiple choice ticked in another order is. */
export function sameElement(field: string, a: unknown, b: unknown): boolean {
  return setFields.has(field) ? sameValue(sortedIfArray(a), sortedIfArray(b)) : sameValue(a, b)
}

/** The fields of `edited` that differ from `base`: what a claim sends as its overrides, a save as its patch. */
export function changedFields(base: ElementRecord, edited: ElementRecord): ElementRecord {
  return Object.fromEntries(Object.entries(edited).filter(([field, value]) => !sameElement(field, base[field], value)))
}
