import { regionPath } from '../../catalog/portal-api'
import type { RegionDetail } from '../../platform/api'

const SEPARATOR = ' / '

/**
 * A region as the region pickers show it, from below the home province down ("南京市 / 玄武区"), from
 * the division list the app bundles (the province's cities and counties); undefined when it lacks the code.
 */
export function bundledRegionLabel(code: string, provinceCode: string, names: ReadonlyMap<string, string>): string | undefined {
  if (!names.has(code)) return undefined
  if (code === provinceCode) return names.get(code)
  return regionPath(code)
    .filter((part) => part !== provinceCode)
    .map((part) => names.get(part) ?? part)
    .join(SEPARATOR)
}

/** The same label from the region registry, for what the bundle lacks: streets, and other provinces' regions. */
export function registryRegionLabel(region: RegionDetail, provinceCode: string | undefined): string {
  const path = [...region.ancestors, region].sort((a, b) => a.level - b.level)
  const below = path.filter((part) => part.code !== provinceCode)
  return (below.length ? below : path).map((part) => part.name).join(SEPARATOR)
}
