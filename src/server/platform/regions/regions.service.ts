import { requireAccess, type Actor } from '../access'
import type { Executor } from '../db/database'
import { AppError } from '../errors'
import { childRegions, findRegion, findRegions, searchRegions, type RegionRecord } from './regions.repository'

export const regionNotFound = (code: string) =>
  new AppError('not_found', 'region_not_found', { zh: `行政区划 ${code} 不存在`, en: `Region ${code} does not exist` })

/** The codes of a region's ancestors, from the province down: GB/T 2260 codes are their own path. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9].filter((length) => length < code.length).map((length) => code.slice(0, length))
}

/** The children of a region (the provinces when no parent is given); region codes are public reference data. */
export async function listChildRegions(db: Executor, actor: Actor, parentCode: string | undefined): Promise<RegionRecord[]> {
  requireAccess(actor, 'region.read')
  if (parentCode !== undefined && !(await findRegion(db, parentCode))) throw regionNotFound(parentCode)
  return childRegions(db, parentCode ?? null)
}

export async function getRegion(db: Executor, actor: Actor, code: string): Promise<RegionRecord & { ancestors: RegionRecord[] }> {
  requireAccess(actor, 'region.read')
  const region = await findRegion(db, code)
  if (!region) throw regionNotFound(code)
  return { ...region, ancestors: await findRegions(db, ancestorCodes(code)) }
}

export async function findRegionsByText(db: Executor, actor: Actor, q: string, limit: number): Promise<RegionRecord[]> {
  requireAccess(actor, 'region.read')
  return searchRegions(db, q.trim(), limit)
}

/** A region that must exist, for services that attach records to regions. */
export async function requireRegion(db: Executor, code: string): Promise<RegionRecord> {
  const region = await findRegion(db, code)
  if (!region) throw regionNotFound(code)
  return region
}
