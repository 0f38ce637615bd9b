import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Static } from 'typebox'
import { api } from '../../app/api/client'
import type {
  ActionInput,
  AppealDetailSchema,
  AppealViewSchema,
  CategorySchema,
  IntakeSchema,
  PublicAppealInput,
  PublicProgressSchema,
  PublicReceiptSchema,
  StaffAppealInput,
  SuggestionSchema,
} from '../../../server/modules/hotline/appeals.schemas'

// ---- Types of the hotline API (the server's schemas are the source) ------------------------------

export type Line = '12345' | 'enterprise' | 'talent'
export type AppealType = 'inquiry' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise'
export type EmergencyService = '110' | '119' | '120'
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied'

export const lines: Line[] = ['12345', 'enterprise', 'talent']
export const appealTypes: AppealType[] = ['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise']
export const emergencyServices: EmergencyService[] = ['110', '119', '120']

export type AppealView = Static<typeof AppealViewSchema>
export type AppealDetail = Static<typeof AppealDetailSchema>
export type AppealAction = AppealView['actions'][number]
export type TimelineStep = AppealDetail['timeline'][number]
export type Category = Static<typeof CategorySchema>
export type Intake = Static<typeof IntakeSchema>
export type Suggestions = Static<typeof SuggestionSchema>
export type Emergency = Suggestions['emergencies'][number]
// The server's AppealTypeSchema is a union built from a mapped array, which Static reads as never: the type is named here.
export type PublicAppeal = Omit<Static<typeof PublicAppealInput>, 'type'> & { type: AppealType }
export type StaffAppeal = Omit<Static<typeof StaffAppealInput>, 'type'> & { type: AppealType }
export type Receipt = Static<typeof PublicReceiptSchema>
export type Progress = Static<typeof PublicProgressSchema>
export type ActionFields = NonNullable<Static<typeof ActionInput>['fields']>

/** The dispatch queue, a department's inbox, or every appeal in the user's scope. */
export type AppealListView = 'dispatch' | 'inbox' | 'all'

export interface AppealQuery {
  view: AppealListView
  state?: string
  line?: Line
  categoryKey?: string
  type?: AppealType
  number?: string
  q?: string
  overdue?: boolean
  page: number
  pageSize: number
}

export interface AppealPage {
  items: AppealView[]
  total: number
}

/** A notice as GET /api/workflow/notices answers (src/server/modules/workflow/notices.routes.ts). */
export interface Notice {
  id: string
  caseId: string
  seq: number
  kind: string
  regionCode: string
  orgId: string | null
  escalation: number
  createdAt: string
  readAt: string | null
}

// ---- Query keys and calls -----------------------------------------------------------------------

export const hotlineKeys = {
  all: ['hotline'] as const,
  categories: ['hotline', 'categories'] as const,
  list: (query: AppealQuery) => ['hotline', 'list', query] as const,
  appeal: (id: string) => ['hotline', 'appeal', id] as const,
  suggestions: (text: string, line: Line, regionCode: string | undefined) => ['hotline', 'suggestions', line, regionCode ?? '', text] as const,
  progress: (number: string, code: string) => ['hotline-public', 'progress', number, code] as const,
  notices: ['hotline', 'notices'] as const,
}

const enc = encodeURIComponent

export const hotlineApi = {
  categories: () => api.get<Category[]>('/api/public/hotline/categories'),
  submitPublic: (body: PublicAppeal, idempotencyKey: string) => api.post<Receipt>('/api/public/hotline/appeals', body, { idempotencyKey }),
  progress: (number: string, code: string) => api.get<Progress>(`/api/public/hotline/appeals/${enc(number)}`, { code }),
  file: (body: StaffAppeal, idempotencyKey: string) => api.post<Intake>('/api/hotline/appeals', body, { idempotencyKey }),
  suggestions: (text: string, line: Line, regionCode?: string) => api.post<Suggestions>('/api/hotline/suggestions', { text, line, regionCode }),
  list: (query: AppealQuery) => api.get<AppealPage>('/api/hotline/appeals', { ...query }),
  appeal: (id: string) => api.get<AppealDetail>(`/api/hotline/appeals/${enc(id)}`),
  act: (id: string, transition: string, expectedVersion: number, fields: ActionFields) =>
    api.post<AppealView>(`/api/hotline/appeals/${enc(id)}/actions`, { transition, expectedVersion, fields }),
  reveal: (id: string) => api.post<{ name: string | null; phone: string | null }>(`/api/hotline/appeals/${enc(id)}/reveal`),
  /** The appeal of a workflow case (a notice names its case), or undefined. */
  appealOfCase: async (caseId: string) => (await api.get<{ items: { id: string }[] }>('/api/hotline/appeals', { caseId, pageSize: 1 })).items[0]?.id,
  unreadNotices: () => api.get<Notice[]>('/api/workflow/notices', { unread: true, limit: 20 }),
  readNotice: (id: string) => api.post<void>(`/api/workflow/notices/${enc(id)}/read`),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useCategories() {
  return useQuery({ queryKey: hotlineKeys.categories, queryFn: hotlineApi.categories, staleTime: 30 * 60_000 })
}

export function useAppealList(query: AppealQuery) {
  return useQuery({ queryKey: hotlineKeys.list(query), queryFn: () => hotlineApi.list(query), placeholderData: keepPreviousData })
}

export function useAppeal(id: string | undefined) {
  return useQuery({ queryKey: hotlineKeys.appeal(id ?? ''), queryFn: () => hotlineApi.appeal(id!), enabled: Boolean(id) })
}

/** Category and department suggestions; `text` should already be debounced, as each change asks the server. */
export function useSuggestions(text: string, line: Line, regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: hotlineKeys.suggestions(text, line, regionCode),
    queryFn: () => hotlineApi.suggestions(text, line, regionCode),
    enabled: enabled && text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

export function useProgress(number: string, code: string) {
  return useQuery({ queryKey: hotlineKeys.progress(number, code), queryFn: () => hotlineApi.progress(number, code), enabled: Boolean(number && code), retry: false })
}

/** A step on an appeal changes it and every list it is in. */
export function useAppealAction(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ transition, expectedVersion, fields }: { transition: string; expectedVersion: number; fields: ActionFields }) => hotlineApi.act(id, transition, expectedVersion, fields),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hotlineKeys.all }),
  })
}

export function useFileAppeal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: StaffAppeal; idempotencyKey: string }) => hotlineApi.file(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hotline', 'list'] }),
  })
}

export function useSubmitPublicAppeal() {
  return useMutation({ mutationFn: ({ body, idempotencyKey }: { body: PublicAppeal; idempotencyKey: string }) => hotlineApi.submitPublic(body, idempotencyKey) })
}

export function useReveal(id: string) {
  return useMutation({ mutationFn: () => hotlineApi.reveal(id) })
}

/** The signed-in staff member's unread notices, asked for again every `refetchInterval` ms. */
export function useUnreadNotices(refetchInterval: number) {
  return useQuery({ queryKey: hotlineKeys.notices, queryFn: hotlineApi.unreadNotices, refetchInterval })
}

export function useReadNotice() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: hotlineApi.readNotice, onSuccess: () => queryClient.invalidateQueries({ queryKey: hotlineKeys.notices }) })
}
