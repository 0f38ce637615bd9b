import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api/client'
import type { Text } from '../../app/i18n'

// ---- Types of the platform API ---------------------------------------------------------------

export type RegionLevel = 1 | 2 | 3 | 4 | 5

export interface Region {
  code: string
  name: string
  fullName: string
  level: RegionLevel
  parentCode: string | null
  functionalZone: boolean
  hasChildren: boolean
}

export interface RegionDetail extends Region {
  ancestors: Region[]
}

export type OrgKind = 'government' | 'office' | 'department' | 'service_center' | 'other'
export const orgKinds: OrgKind[] = ['government', 'office', 'department', 'service_center', 'other']

export interface Org {
  id: string
  regionCode: string
  parentId: string | null
  name: string
  kind: OrgKind
  sort: number
}

export interface RoleInfo {
  role: string
  zh: string
  en: string
  description: Text
  group: 'admin' | 'business'
  permissions: string[]
}

export type StaffStatus = 'active' | 'disabled'

export interface Staff {
  id: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  orgId: string
  orgName: string
  roles: string[]
  status: StaffStatus
  locked: boolean
  phone: string | null
  createdAt: string
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface StaffQuery {
  q?: string
  region?: string
  status?: StaffStatus
  page: number
  pageSize: number
}

export interface NewStaff {
  username: string
  displayName: string
  regionCode: string
  orgId: string
  password: string
  phone?: string
}

export type AuditResult = 'success' | 'denied' | 'failure'

export interface AuditEntry {
  seq: number
  at: string
  actorKind: string
  actorId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  regionCode: string | null
  result: AuditResult
  ip: string | null
  detail: Record<string, unknown> | null
}

export interface AuditQuery {
  actor?: string
  action?: string
  result?: AuditResult
  region?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

export interface AuditVerification {
  ok: boolean
  checked: number
  brokenAt?: number
  reason?: string
}

export interface NewOrg {
  regionCode: string
  parentId?: string
  name: string
  kind: OrgKind
  sort?: number
}

export interface OrgChanges {
  name?: string
  kind?: OrgKind
  sort?: number
}

export type ApiTokenStatus = 'active' | 'revoked' | 'expired'

/** An API token as the list shows it: never the secret, never its hash. */
export interface ApiToken {
  id: string
  name: string
  staffId: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
  status: ApiTokenStatus
}

/** The answer to issuing: the one and only time the plain token is seen. */
export interface IssuedApiToken extends ApiToken {
  token: string
}

export interface NewApiToken {
  staffId: string
  name: string
  expiresAt?: string
}

/** One day of the working calendar; `overridden` when an administrator set it, with their note. */
export interface CalendarDay {
  day: string
  workday: boolean
  overridden: boolean
  note: string | null
}

export interface CalendarOverride {
  workday: boolean
  note: string
}

/** The due date of a time limit counted in working days. */
export interface Deadline {
  from: string
  workingDays: number
  due: string
}

// ---- Query keys ---------------------------------------------------------------------------------

export const keys = {
  regionChildren: (parent: string | null) => ['regions', 'children', parent ?? 'root'] as const,
  regionSearch: (q: string) => ['regions', 'search', q] as const,
  region: (code: string) => ['regions', 'one', code] as const,
  orgs: (region: string) => ['orgs', region] as const,
  roles: ['roles'] as const,
  staffList: (query: StaffQuery) => ['staff', 'list', query] as const,
  auditList: (query: AuditQuery) => ['audit', 'list', query] as const,
  tokens: (staff?: string) => ['tokens', staff ?? 'all'] as const,
  calendarDays: (from: string, to: string) => ['calendar', 'days', from, to] as const,
  deadline: (from: string, workingDays: number) => ['calendar', 'deadline', from, workingDays] as const,
}

// ---- Calls ----------------------------------------------------------------------------------------

export const platformApi = {
  regionChildren: (parent: string | null) => api.get<Region[]>('/api/regions', { parent: parent ?? undefined }),
  searchRegions: (q: string, limit = 20) => api.get<Region[]>('/api/regions/search', { q, limit }),
  region: (code: string) => api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`),
  orgs: (region: string) => api.get<Org[]>('/api/orgs', { region }),
  createOrg: (body: NewOrg, idempotencyKey: string) => api.post<Org>('/api/orgs', body, { idempotencyKey }),
  updateOrg: (id: string, changes: OrgChanges) => api.patch<Org>(`/api/orgs/${encodeURIComponent(id)}`, changes),
  roles: () => api.get<RoleInfo[]>('/api/roles'),
  staff: (query: StaffQuery) => api.get<Page<Staff>>('/api/staff', { ...query }),
  createStaff: (body: NewStaff, idempotencyKey: string) => api.post<Staff>('/api/staff', body, { idempotencyKey }),
  setRoles: (id: string, roles: string[]) => api.put<Staff>(`/api/staff/${encodeURIComponent(id)}/roles`, { roles }),
  staffAction: (id: string, action: 'disable' | 'enable' | 'unlock') =>
    api.post<Staff>(`/api/staff/${encodeURIComponent(id)}/${action}`),
  audit: (query: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', { ...query }),
  verifyAudit: () => api.get<AuditVerification>('/api/audit/verify'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/password', { currentPassword, newPassword }),
  tokens: (staff?: string) => api.get<ApiToken[]>('/api/tokens', { staff }),
  // No Idempotency-Key here: the server would keep the answer to replay it, and the answer is the
  // plain token. The server refuses the header on this route.
  issueToken: (body: NewApiToken) => api.post<IssuedApiToken>('/api/tokens', body),
  revokeToken: (id: string) => api.post<ApiToken>(`/api/tokens/${encodeURIComponent(id)}/revoke`),
  calendarDays: (from: string, to: string) => api.get<CalendarDay[]>('/api/calendar/days', { from, to }),
  deadline: (from: string, workingDays: number) => api.get<Deadline>('/api/calendar/deadline', { from, workingDays }),
  setCalendarOverride: (day: string, body: CalendarOverride) => api.put<CalendarDay>(`/api/calendar/overrides/${encodeURIComponent(day)}`, body),
  removeCalendarOverride: (day: string) => api.delete<void>(`/api/calendar/overrides/${encodeURIComponent(day)}`),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: keys.region(code ?? ''),
    queryFn: () => platformApi.region(code!),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  })
}

export function useRegionSearch(q: string) {
  const text = q.trim()
  return useQuery({
    queryKey: keys.regionSearch(text),
    queryFn: () => platformApi.searchRegions(text),
    enabled: text.length > 0,
    staleTime: 10 * 60_000,
  })
}

export function useOrgs(region: string | undefined) {
  return useQuery({
    queryKey: keys.orgs(region ?? ''),
    queryFn: () => platformApi.orgs(region!),
    enabled: Boolean(region),
  })
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: keys.roles, queryFn: platformApi.roles, staleTime: 30 * 60_000, enabled })
}

export function useStaffList(query: StaffQuery) {
  return useQuery({ queryKey: keys.staffList(query), queryFn: () => platformApi.staff(query), placeholderData: keepPreviousData })
}

export function useAuditList(query: AuditQuery) {
  return useQuery({ queryKey: keys.auditList(query), queryFn: () => platformApi.audit(query), placeholderData: keepPreviousData })
}

export function useApiTokens(staff?: string) {
  return useQuery({ queryKey: keys.tokens(staff), queryFn: () => platformApi.tokens(staff) })
}

export function useIssueToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NewApiToken) => platformApi.issueToken(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  })
}

export function useRevokeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => platformApi.revokeToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  })
}

/** The working calendar from `from` to `to` (YYYY-MM-DD, at most 400 days apart). */
export function useCalendarDays(from: string, to: string) {
  return useQuery({ queryKey: keys.calendarDays(from, to), queryFn: () => platformApi.calendarDays(from, to), staleTime: 5 * 60_000 })
}

/** The due date after `workingDays` working days from `from`; asks only once both are given. */
export function useDeadline(from: string | undefined, workingDays: number | undefined) {
  return useQuery({
    queryKey: keys.deadline(from ?? '', workingDays ?? -1),
    queryFn: () => platformApi.deadline(from!, workingDays!),
    enabled: Boolean(from) && workingDays !== undefined && Number.isInteger(workingDays) && workingDays >= 0,
    staleTime: 5 * 60_000,
  })
}

// An override changes the days and every due date computed over them.
export function useSetCalendarOverride() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ day, body }: { day: string; body: CalendarOverride }) => platformApi.setCalendarOverride(day, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  })
}

export function useRemoveCalendarOverride() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (day: string) => platformApi.removeCalendarOverride(day),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  })
}

export function useCreateOrg() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewOrg; idempotencyKey: string }) => platformApi.createOrg(body, idempotencyKey),
    onSuccess: (org) => queryClient.invalidateQueries({ queryKey: keys.orgs(org.regionCode) }),
  })
}

export function useUpdateOrg() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: OrgChanges }) => platformApi.updateOrg(id, changes),
    onSuccess: (org) => queryClient.invalidateQueries({ queryKey: keys.orgs(org.regionCode) }),
  })
}

export function useCreateStaff() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewStaff; idempotencyKey: string }) => platformApi.createStaff(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  })
}

export function useSetRoles() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: string[] }) => platformApi.setRoles(id, roles),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  })
}

export function useStaffAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'disable' | 'enable' | 'unlock' }) => platformApi.staffAction(id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      platformApi.changePassword(currentPassword, newPassword),
  })
}

// ---- Helpers --------------------------------------------------------------------------------------

export interface OrgNode extends Org {
  children?: OrgNode[]
}

/** The flat org list as a forest, siblings by sort then name; orphans (parent elsewhere) become roots. */
export function orgForest(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of orgs) nodes.set(org.id, { ...org })
  const roots: OrgNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  const order = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'))
    for (const node of list) if (node.children) order(node.children)
  }
  order(roots)
  return roots
}
