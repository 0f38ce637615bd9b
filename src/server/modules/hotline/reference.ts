import { createTtlCache } from '../../platform/cache'
import type { Executor, Tx } from '../../platform/db/database'
import type { PlatformDeps } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import type { AppealType, HotlineLine } from './appeals.tables'
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
// a change made here is seen at once (changeReference).
const references = createTtlCache<Executor, HotlineReference>({ ttlMs: 30_000, maxEntries: 100 })

export function hotlineReference(db: Executor, homeProvince: string): Promise<HotlineReference> {
  return references.get(db, () => load(db, homeProvince))
}

/** Writes a change to categories, limits, rules or the catalogue in a transaction, and forgets what was read before once it has committed. */
export async function changeReference<T>(deps: Pick<PlatformDeps, 'db'>, write: (trx: Tx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(write)
  } finally {
    forgetReference()
  }
}

/** After reference data was written outside changeReference (demo data). */
export function forgetReference(): void {
  references.forget()
}

/** Whether appeals may be filed or routed under this category: it is in use, and by the line when one is given. */
export function lineUses(reference: HotlineReference, key: string, line?: HotlineLine): boolean {
  const category = reference.categories.get(key)
  return category !== undefined && category.active && (line === undefined || category.lines.includes(line))
}

/** A category appeals may be filed or routed under (lineUses), or a clear error. */
export function requireCategory(reference: HotlineReference, key: string, line?: HotlineLine): string {
  if (!lineUses(reference, key, line)) {
    throw new AppError('invalid', 'category_unknown', line ? { zh: '诉求分类不存在或不属于该热线', en: 'Unknown category for this line' } : { zh: '诉求分类不存在或已停用', en: 'Unknown or retired category' }, { field: 'categoryKey' })
  }
  return key
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
