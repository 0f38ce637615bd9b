import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api/client'
import type {
  ArticleEffect,
  ArticleHistory,
  ArticleVersion,
  ChangedArticle,
  LawArticle,
  LawChangeDetail,
  LawChangeSummary,
  LawDetail,
  LawKind,
  LawSummary,
  NewLawBody,
  NewLawChangeBody,
} from '../../../server/modules/laws/laws.schemas'

// ---- Types of the laws API (the server's schemas are the source) ---------------------------------

export type { ArticleEffect, ArticleHistory, ArticleVersion, ChangedArticle, LawArticle, LawChangeDetail, LawChangeSummary, LawDetail, LawKind, LawSummary, NewLawBody, NewLawChangeBody }

export type LawStatus = LawSummary['status']
export type LawChangeKind = LawChangeSummary['kind']
export type Amendment = NonNullable<NewLawChangeBody['amendments']>[number]

/** The kinds in the order the legal hierarchy reads them. */
export const lawKinds: LawKind[] = ['law', 'administrative_regulation', 'local_regulation', 'department_rule', 'local_government_rule', 'normative_document']

/** Kinds made by a region rather than the state: they may name the region they apply in. */
export const localLawKinds: ReadonlySet<LawKind> = new Set<LawKind>(['local_regulation', 'local_government_rule', 'normative_document'])

export interface Page<T> {
  items: T[]
  total: number
}

export interface LawQuery {
  q?: string
  kind?: LawKind
  page: number
  pageSize: number
}

/** What a review task created by a law change says about it (review.service.ts, reviewLawChange). */
export interface ImpactDetail {
  lawTitle?: string
  changeTitle?: string
  changeKind?: LawChangeKind
  effectiveOn?: string
  articles?: { articleId: string; label: string; oldLabel: string | null; effect: ArticleEffect }[]
}

export type ReviewReason = 'parent_changed' | 'basis_changed' | 'basis_repealed'

/** A catalogue review task, as GET /api/catalog/review-tasks lists it. */
export interface ImpactTask {
  id: string
  implementationId: string
  versionId: string
  regionCode: string
  orgId: string | null
  reason: ReviewReason
  lawChangeId: string | null
  detail: ImpactDetail | null
  status: 'open' | 'resolved'
  resolution: string | null
  createdAt: string
  name?: string
  implementationCode?: string
  level?: string
}

// ---- Query keys ---------------------------------------------------------------------------------

export const lawKeys = {
  list: (query: LawQuery) => ['laws', 'list', query] as const,
  law: (id: string, on: string) => ['laws', 'one', id, on] as const,
  change: (changeId: string) => ['laws', 'change', changeId] as const,
  history: (lawId: string, articleId: string) => ['laws', 'history', lawId, articleId] as const,
  impact: (changeId: string) => ['laws', 'impact', changeId] as const,
}

// ---- Calls ----------------------------------------------------------------------------------------

const enc = encodeURIComponent

/** The most review tasks one page of the API gives. */
export const IMPACT_PAGE_SIZE = 100

export const lawsApi = {
  list: (query: LawQuery) => api.get<Page<LawSummary>>('/api/laws', { ...query }),
  law: (id: string, on?: string) => api.get<LawDetail>(`/api/laws/${enc(id)}`, { on }),
  create: (body: NewLawBody, idempotencyKey: string) => api.post<LawDetail>('/api/laws', body, { idempotencyKey }),
  recordChange: (lawId: string, body: NewLawChangeBody, idempotencyKey: string) =>
    api.post<LawChangeDetail>(`/api/laws/${enc(lawId)}/changes`, body, { idempotencyKey }),
  change: (changeId: string) => api.get<LawChangeDetail>(`/api/laws/changes/${enc(changeId)}`),
  history: (lawId: string, articleId: string) => api.get<ArticleHistory>(`/api/laws/${enc(lawId)}/articles/${enc(articleId)}/history`),
  /** Every catalogue review task a law change created, page by page. */
  impact: async (changeId: string): Promise<Page<ImpactTask>> => {
    const first = await api.get<Page<ImpactTask>>('/api/catalog/review-tasks', { lawChangeId: changeId, page: 1, pageSize: IMPACT_PAGE_SIZE })
    const items = [...first.items]
    // Large changes touch hundreds of entries: read on, but not without end.
    for (let page = 2; items.length < first.total && page <= 20; page++) {
      const next = await api.get<Page<ImpactTask>>('/api/catalog/review-tasks', { lawChangeId: changeId, page, pageSize: IMPACT_PAGE_SIZE })
      if (next.items.length === 0) break
      items.push(...next.items)
    }
    return { items, total: first.total }
  },
}

/** The impact report of a law change as a file (CSV or Excel), for a plain download link. */
export function impactExportUrl(changeId: string, format: 'csv' | 'xlsx'): string {
  return `/api/catalog/law-changes/${enc(changeId)}/impact?format=${format}`
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useLaws(query: LawQuery) {
  return useQuery({ queryKey: lawKeys.list(query), queryFn: () => lawsApi.list(query), placeholderData: keepPreviousData })
}

/** A law as it read on `on` (YYYY-MM-DD; the server's today when empty). */
export function useLaw(id: string | undefined, on = '') {
  return useQuery({
    queryKey: lawKeys.law(id ?? '', on),
    queryFn: () => lawsApi.law(id!, on || undefined),
    enabled: Boolean(id),
    placeholderData: (previous, query) => (query?.queryKey[2] === id ? previous : undefined),
  })
}

export function useLawChange(changeId: string | undefined) {
  return useQuery({ queryKey: lawKeys.change(changeId ?? ''), queryFn: () => lawsApi.change(changeId!), enabled: Boolean(changeId), staleTime: 5 * 60_000 })
}

/** The details of several changes at once (to find the articles they removed). */
export function useLawChanges(changeIds: string[]) {
  return useQueries({
    queries: changeIds.map((changeId) => ({ queryKey: lawKeys.change(changeId), queryFn: () => lawsApi.change(changeId), staleTime: 5 * 60_000 })),
  })
}

export function useArticleHistory(lawId: string | undefined, articleId: string | undefined) {
  return useQuery({
    queryKey: lawKeys.history(lawId ?? '', articleId ?? ''),
    queryFn: () => lawsApi.history(lawId!, articleId!),
    enabled: Boolean(lawId && articleId),
  })
}

/** The catalogue entries a law change sent for review; asks only those who may read the catalogue. */
export function useChangeImpact(changeId: string | undefined, enabled = true) {
  return useQuery({ queryKey: lawKeys.impact(changeId ?? ''), queryFn: () => lawsApi.impact(changeId!), enabled: Boolean(changeId) && enabled })
}

export function useCreateLaw() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewLawBody; idempotencyKey: string }) => lawsApi.create(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['laws', 'list'] }),
  })
}

export function useRecordLawChange() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ lawId, body, idempotencyKey }: { lawId: string; body: NewLawChangeBody; idempotencyKey: string }) =>
      lawsApi.recordChange(lawId, body, idempotencyKey),
    onSuccess: (change) => {
      queryClient.setQueryData(lawKeys.change(change.id), change)
      // the law's texts, status and timeline, the list's status and every article history may have moved
      void queryClient.invalidateQueries({ queryKey: ['laws', 'one', change.lawId] })
      void queryClient.invalidateQueries({ queryKey: ['laws', 'list'] })
      void queryClient.invalidateQueries({ queryKey: ['laws', 'history', change.lawId] })
      // review tasks appeared in the catalogue
      void queryClient.invalidateQueries({ queryKey: ['catalog'] })
    },
  })
}
