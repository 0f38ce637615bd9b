import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../app/api/client'
import type { AppealType, Line } from '../api'

// ---- Types of the settings API (settings.routes.ts and the Open311 client routes) ----------------

/** A row of a region's dispatch catalogue (派单目录). */
export interface DispatchEntry {
  categoryKey: string
  regionCode: string
  orgId: string
  orgName: string | null
}

/** A routing rule (派单规则), tried in `position` order. */
export interface RoutingRule {
  id: string
  position: number
  name: string
  categoryKey: string | null
  regionPrefix: string | null
  line: string | null
  keywords: string[]
  targetRegionCode: string
  targetOrgId: string
}

export interface NewRoutingRule {
  position: number
  name: string
  categoryKey?: string
  regionPrefix?: string
  line?: Line
  keywords?: string[]
  targetOrgId: string
}

export interface TrainingResult {
  id: string
  examples: number
  heldOutAccuracy: number | null
}

export interface Open311Client {
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

/** The answer to registering a client: the only time its api_key is seen. */
export interface RegisteredOpen311Client extends Open311Client {
  apiKey: string
}

// ---- Query keys and calls -------------------------------------------------------------------------

export const settingsKeys = {
  all: ['hotline-settings'] as const,
  catalogue: (regionCode: string) => ['hotline-settings', 'catalogue', regionCode] as const,
  rules: ['hotline-settings', 'rules'] as const,
  limits: ['hotline-settings', 'limits'] as const,
  clients: ['hotline-settings', 'open311-clients'] as const,
}

const enc = encodeURIComponent

export const settingsApi = {
  catalogue: (regionCode: string) => api.get<DispatchEntry[]>('/api/hotline/dispatch-catalogue', { regionCode }),
  setEntry: (body: { categoryKey: string; regionCode: string; orgId: string }) => api.put<null>('/api/hotline/dispatch-catalogue', body),
  removeEntry: (regionCode: string, categoryKey: string) => api.delete<null>(`/api/hotline/dispatch-catalogue/${enc(regionCode)}/${enc(categoryKey)}`),
  rules: () => api.get<RoutingRule[]>('/api/hotline/routing-rules'),
  addRule: (body: NewRoutingRule) => api.post<RoutingRule>('/api/hotline/routing-rules', body),
  retireRule: (id: string) => api.post<null>(`/api/hotline/routing-rules/${enc(id)}/retire`),
  limits: () => api.get<Record<string, number>>('/api/hotline/type-limits'),
  setLimit: (type: AppealType, limitDays: number) => api.put<null>(`/api/hotline/type-limits/${enc(type)}`, { limitDays }),
  train: () => api.post<TrainingResult>('/api/hotline/model/train'),
  clients: () => api.get<Open311Client[]>('/api/hotline/open311/clients'),
  registerClient: (body: { name: string; regionScopes: string[] }) => api.post<RegisteredOpen311Client>('/api/hotline/open311/clients', body),
  revokeClient: (id: string) => api.post<Open311Client>(`/api/hotline/open311/clients/${enc(id)}/revoke`),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useDispatchCatalogue(regionCode: string | undefined) {
  return useQuery({ queryKey: settingsKeys.catalogue(regionCode ?? ''), queryFn: () => settingsApi.catalogue(regionCode!), enabled: Boolean(regionCode) })
}

export function useSetDispatchEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: settingsApi.setEntry,
    onSuccess: (_, entry) => queryClient.invalidateQueries({ queryKey: settingsKeys.catalogue(entry.regionCode) }),
  })
}

export function useRemoveDispatchEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ regionCode, categoryKey }: { regionCode: string; categoryKey: string }) => settingsApi.removeEntry(regionCode, categoryKey),
    onSuccess: (_, entry) => queryClient.invalidateQueries({ queryKey: settingsKeys.catalogue(entry.regionCode) }),
  })
}

export function useRoutingRules() {
  return useQuery({ queryKey: settingsKeys.rules, queryFn: settingsApi.rules })
}

export function useAddRoutingRule() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: settingsApi.addRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.rules }) })
}

export function useRetireRoutingRule() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: settingsApi.retireRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.rules }) })
}

export function useTypeLimits() {
  return useQuery({ queryKey: settingsKeys.limits, queryFn: settingsApi.limits })
}

export function useSetTypeLimit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ type, limitDays }: { type: AppealType; limitDays: number }) => settingsApi.setLimit(type, limitDays),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.limits }),
  })
}

export function useTrainClassifier() {
  return useMutation({ mutationFn: settingsApi.train })
}

export function useOpen311Clients() {
  return useQuery({ queryKey: settingsKeys.clients, queryFn: settingsApi.clients })
}

export function useRegisterOpen311Client() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: settingsApi.registerClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.clients }) })
}

export function useRevokeOpen311Client() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: settingsApi.revokeClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.clients }) })
}
