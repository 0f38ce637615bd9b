import { requireAccess, type Actor } from '../../platform/access'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { requireRegion } from '../../platform/regions/regions.service'
import type { ItemKind } from './catalog.schemas'
import { coverageMatrix, regionShare, unclaimedRegions, type CoverageLevel, type CoverageMatrix, type RegionShare, type UncoveredRegion } from './coverage.repository'
import { findItem } from './items.repository'

export const itemNotFound = () => new AppError('not_found', 'item_not_found', { zh: '事项不存在', en: 'Item not found' })

/** The region a report defaults to: the actor's own, or the home province for the system. */
function ownRegion(deps: Pick<PlatformDeps, 'homeProvince'>, actor: Actor): string {
  return actor.kind === 'staff' ? actor.regionCode : deps.homeProvince
}

/** The cities or counties, inside the given region or the actor's own, that have not claimed an item. */
export async function findUnclaimedRegions(deps: PlatformDeps, ctx: RequestContext, input: { itemId: string; level: CoverageLevel; region?: string }): Promise<UncoveredRegion[]> {
  const within = input.region ?? ownRegion(deps, ctx.actor)
  requireAccess(ctx.actor, 'catalog.read', { regionCode: within })
  await requireRegion(deps.db, within)
  if (!(await findItem(deps.db, input.itemId))) throw itemNotFound()
  return unclaimedRegions(deps.db, input.itemId, input.level, within)
}

/** A region's share of the base list: the given region or the actor's own. */
export async function getRegionShare(deps: PlatformDeps, ctx: RequestContext, region: string | undefined): Promise<RegionShare & { regionCode: string }> {
  const regionCode = region ?? ownRegion(deps, ctx.actor)
  requireAccess(ctx.actor, 'catalog.read', { regionCode })
  await requireRegion(deps.db, regionCode)
  return { regionCode, ...(await regionShare(deps.db, regionCode)) }
}

/** The coverage heat map of the cities or counties under a region (by default the actor's own). */
export async function getCoverageMatrix(deps: PlatformDeps, ctx: RequestContext, input: { level: CoverageLevel; parentRegion?: string; kind?: ItemKind }): Promise<CoverageMatrix> {
  const parentRegion = input.parentRegion ?? ownRegion(deps, ctx.actor)
  requireAccess(ctx.actor, 'catalog.read', { regionCode: parentRegion })
  await requireRegion(deps.db, parentRegion)
  return coverageMatrix(deps.db, { level: input.level, parentRegion, kind: input.kind })
}
