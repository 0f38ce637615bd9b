import type { Executor } from '../../platform/db/database'
import type { AppealType } from './appeals.tables'
import { activeRules, listCategories, typeLimits, type CategoryRecord, type DispatchEntry, type RoutingRule } from './dispatch.repository'
import { orgsWithin } from '../../platform/orgs/orgs.repository'
import { regionsWithin } from '../../platform/regions/regions.repository'

/** What every intake reads and rarely changes: categories, time limits, routing, and the names of regions and departments. */
export interface HotlineReference {
  categories: ReadonlyMap<string, CategoryRecord>
  limits: Readonly<Record<AppealType, number>>
  rules: readonly RoutingRule[]
  /** Dispatch catalogue entries by `category:region`. */
  entries: ReadonlyMap<string, DispatchEntry>
  /** The home province's regions down to counties: level and name by code. */
  regions: ReadonlyMap<string, { level: number; name: string }>
  /** Department names by id (the home province's). */
  orgs: ReadonlyMap<string, { name: string; regionCode: string }>
}

// Re-read at most this often, so a change made in another process shows within half a minute;
// a change made here is seen at once (forgetReference).
const TTL_MS = 30_000
let cache = new WeakMap<Executor, { loaded: Promise<HotlineReference>; at: number }>()

export function hotlineReference(db: Executor, homeProvince: string): Promise<HotlineReference> {
  const hit = cache.get(db)
  if (hit && performance.now() - hit.at < TTL_MS) return hit.loaded
  const loaded = load(db, homeProvince)
  cache.set(db, { loaded, at: performance.now() })
  loaded.catch(() => cache.delete(db))
  return loaded
}

/** After a change to categories, limits, rules or the catalogue (made through any connection or transaction). */
export function forgetReference(): void {
  cache = new WeakMap()
}

async function load(db: Executor, homeProvince: string): Promise<HotlineReference> {
  const [categories, limits, rules, entries, regions, orgs] = await Promise.all([
    listCategories(db),
    typeLimits(db),
    activeRules(db),
    db.selectFrom('hotline.dispatchEntry').select(['categoryKey', 'regionCode', 'orgId']).execute(),
    regionsWithin(db, homeProvince, 3),
    orgsWithin(db, homeProvince),
  ])
  return {
    categories: new Map(categories.map((c) => [c.key, c])),
    limits,
    rules,
    entries: new Map(entries.map((e) => [`${e.categoryKey}:${e.regionCode}`, e])),
    regions: new Map(regions.map((r) => [r.code, { level: r.level, name: r.name }])),
    orgs: new Map(orgs.map((o) => [o.id, { name: o.name, regionCode: o.regionCode }])),
  }
}
