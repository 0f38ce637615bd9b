import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../app/api/client'
import type {
  CatalogLink,
  CategoryCount,
  KnowledgeActions,
  KnowledgeContent,
  KnowledgeEntryDetail,
  KnowledgeEntrySummary,
  KnowledgeListQuery,
  KnowledgePage,
  KnowledgeRevisionView,
  KnowledgeSuggestion,
  NewKnowledgeEntry,
  RevisionSummary,
  StatusFilter,
} from '../../../../server/modules/hotline/knowledge.schemas'

// ---- Types of the knowledge-base API (the server's schemas are the source) -----------------------

export type {
  CatalogLink,
  CategoryCount,
  KnowledgeActions,
  KnowledgeContent,
  KnowledgeEntryDetail,
  KnowledgeEntrySummary,
  KnowledgeListQuery,
  KnowledgePage,
  KnowledgeRevisionView,
  KnowledgeSuggestion,
  NewKnowledgeEntry,
  RevisionSummary,
  StatusFilter,
}
export type KnowledgeLevel = KnowledgeEntrySummary['level']
export type KnowledgeStatus = KnowledgeEntrySummary['status']
export type RevisionStatus = RevisionSummary['status']

export const statusFilters: StatusFilter[] = ['draft', 'submitted', 'published', 'expired', 'retired']
export const knowledgeLevels: KnowledgeLevel[] = ['province', 'city', 'county']

/** What the list asks for: every filter optional, the page always set. */
export type KnowledgeQuery = Omit<KnowledgeListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }

// ---- Query keys ---------------------------------------------------------------------------------

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: (query: KnowledgeQuery) => ['knowledge', 'list', query] as const,
  entry: (id: string) => ['knowledge', 'entry', id] as const,
  revision: (entryId: string, revisionId: string) => ['knowledge', 'revision', entryId, revisionId] as const,
  categories: ['knowledge', 'categories'] as const,
  suggestions: (text: string, regionCode: string) => ['knowledge', 'suggestions', regionCode, text] as const,
}

// ---- Calls ----------------------------------------------------------------------------------------

const base = '/api/hotline/knowledge'
const enc = encodeURIComponent

export const knowledgeApi = {
  list: (query: KnowledgeQuery) => api.get<KnowledgePage>(`${base}/entries`, { ...query }),
  entry: (id: string) => api.get<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}`),
  revision: (entryId: string, revisionId: string) => api.get<KnowledgeRevisionView>(`${base}/entries/${enc(entryId)}/revisions/${enc(revisionId)}`),
  categories: () => api.get<CategoryCount[]>(`${base}/categories`),
  suggestions: (text: string, regionCode: string, signal?: AbortSignal) => api.get<KnowledgeSuggestion[]>(`${base}/suggestions`, { text, regionCode }, signal),
  create: (body: NewKnowledgeEntry, idempotencyKey: string) => api.post<KnowledgeEntryDetail>(`${base}/entries`, body, { idempotencyKey }),
  saveDraft: (id: string, body: KnowledgeContent & { expectedVersion: number }) => api.put<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}/draft`, body),
  submit: (id: string, expectedVersion: number) => api.post<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}/submit`, { expectedVersion }),
  approve: (id: string, expectedVersion: number) => api.post<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}/approve`, { expectedVersion }),
  reject: (id: string, expectedVersion: number, comment: string) => api.post<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}/reject`, { expectedVersion, comment }),
  retire: (id: string, expectedVersion: number, reason: string) => api.post<KnowledgeEntryDetail>(`${base}/entries/${enc(id)}/retire`, { expectedVersion, reason }),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useKnowledgeList(query: KnowledgeQuery) {
  return useQuery({ queryKey: knowledgeKeys.list(query), queryFn: () => knowledgeApi.list(query), placeholderData: keepPreviousData })
}

export function useKnowledgeEntry(id: string | null | undefined) {
  return useQuery({ queryKey: knowledgeKeys.entry(id ?? ''), queryFn: () => knowledgeApi.entry(id!), enabled: Boolean(id) })
}

export function useKnowledgeRevision(entryId: string, revisionId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.revision(entryId, revisionId ?? ''),
    queryFn: () => knowledgeApi.revision(entryId, revisionId!),
    enabled: Boolean(revisionId),
    // a revision past review never changes
    staleTime: Infinity,
  })
}

export function useKnowledgeCategories() {
  return useQuery({ queryKey: knowledgeKeys.categories, queryFn: knowledgeApi.categories, staleTime: 5 * 60_000 })
}

/** Suggestions for an appeal; `text` should already be debounced, as each change asks the server. */
export function useKnowledgeSuggestions(text: string, regionCode: string) {
  return useQuery({
    queryKey: knowledgeKeys.suggestions(text, regionCode),
    queryFn: ({ signal }) => knowledgeApi.suggestions(text, regionCode, signal),
    enabled: text.length > 0 && regionCode.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

/** A write changes the entry, the lists and the suggestions: all of them are asked again. */
function useKnowledgeWrite<Vars>(write: (vars: Vars) => Promise<KnowledgeEntryDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      queryClient.setQueryData(knowledgeKeys.entry(detail.entry.id), detail)
      return queryClient.invalidateQueries({ queryKey: knowledgeKeys.all })
    },
  })
}

export function useCreateKnowledge() {
  return useKnowledgeWrite(({ body, idempotencyKey }: { body: NewKnowledgeEntry; idempotencyKey: string }) => knowledgeApi.create(body, idempotencyKey))
}

export function useSaveKnowledgeDraft() {
  return useKnowledgeWrite(({ id, body }: { id: string; body: KnowledgeContent & { expectedVersion: number } }) => knowledgeApi.saveDraft(id, body))
}

export type KnowledgeStep = 'submit' | 'approve' | 'reject' | 'retire'

/** One step of the review: submit, approve, reject (with a comment) or retire (with a reason). */
export function useKnowledgeStep() {
  return useKnowledgeWrite(({ step, id, version, text }: { step: KnowledgeStep; id: string; version: number; text?: string }) => {
    switch (step) {
      case 'submit':
        return knowledgeApi.submit(id, version)
      case 'approve':
        return knowledgeApi.approve(id, version)
      case 'reject':
        return knowledgeApi.reject(id, version, text ?? '')
      case 'retire':
        return knowledgeApi.retire(id, version, text ?? '')
    }
  })
}

/** Whether a region code can own entries: a province, a city or a county. */
export function ownsEntries(code: string | undefined): boolean {
  return code !== undefined && [2, 4, 6].includes(code.length)
}
