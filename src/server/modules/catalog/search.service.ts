import { requireAccess } from '../../platform/access'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import type { ItemKind } from './catalog.schemas'
import type { CatalogLevel } from './catalog.tables'
import { countPublishedEntries, facetsOfRegion, findPublishedEntries } from './search.repository'

/** What a catalogue search may ask for; every filter is optional and they combine with AND. */
export interface CatalogSearchQuery {
  q?: string
  /** Exactly this region's entries ('00' the national base list, '32' the province, '3201' a city …). */
  region?: string
  kind?: ItemKind
  orgId?: string
  theme?: string
  lifeEvent?: string
  provinceWide?: boolean
  level?: CatalogLevel
  page?: number
  pageSize?: number
}

/** One published entry as a search answers it. */
export interface CatalogSearchHit {
  implementationId: string
  itemId: string
  name: string
  kind: ItemKind
  regionCode: string
  level: CatalogLevel
  implementationCode: string
  orgId: string | null
  /** The implementing department's name, for the citizen who has to go there. */
  orgName: string | null
  themes: string[]
  lifeEvents: string[]
  provinceWide: boolean
  crossProvince: boolean
}

export interface CatalogSearchPage {
  items: CatalogSearchHit[]
  total: number
}

export interface CatalogFacets {
  themes: { name: string; count: number }[]
  lifeEvents: { name: string; count: number }[]
  /** The implementing departments, for browsing by department. */
  orgs: { id: string; name: string; count: number }[]
}

export const maxSearchPageSize = 100

/**
 * Searches the published catalogue: staff with `catalog.read` (ctx given) or anyone (ctx null, the
 * citizen portal, which always names a region and falls back to the home province). Published
 * entries are public information, so staff are not limited to their own region here.
 *
 * @example await searchCatalog(deps, null, { q: '食品经营许可', region: '3201' })
 */
export async function searchCatalog(deps: Pick<PlatformDeps, 'db' | 'homeProvince'>, ctx: RequestContext | null, query: CatalogSearchQuery): Promise<CatalogSearchPage> {
  if (ctx) requireAccess(ctx.actor, 'catalog.read')
  const region = ctx ? query.region : (query.region ?? deps.homeProvince)
  const page = query.page ?? 1
  const pageSize = Math.min(query.pageSize ?? 20, maxSearchPageSize)
  const rows = await findPublishedEntries(deps.db, { ...query, region }, page, pageSize)
  // The total rides on every row; a page past the end has none, so it asks separately.
  const total = rows[0]?.total ?? (page > 1 ? await countPublishedEntries(deps.db, { ...query, region }) : 0)
  return { items: rows.map(({ total: _total, ...hit }) => hit), total }
}

/** The themes, life events and departments of a region's published entries, most used first, for browsing. */
export async function catalogFacets(deps: Pick<PlatformDeps, 'db' | 'homeProvince'>, region: string | undefined): Promise<CatalogFacets> {
  return facetsOfRegion(deps.db, region ?? deps.homeProvince)
}
