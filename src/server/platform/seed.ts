import type { Executor } from './db/database'
import { loadRegionRows } from './regions/region-data'
import { countRegions, insertRegions } from './regions/regions.repository'

/**
 * Loads the reference data every installation needs (the GB/T 2260 regions: the country down to
 * counties and the home province down to villages) unless it is already there.
 */
export async function seedReferenceData(db: Executor, options: { homeProvince: string; villages?: boolean }): Promise<{ regions: number }> {
  const existing = await countRegions(db)
  if (existing > 0) return { regions: existing }
  const rows = await loadRegionRows({ homeProvince: options.homeProvince, villages: options.villages ?? true })
  await insertRegions(db, rows)
  return { regions: rows.length }
}
