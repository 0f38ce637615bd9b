import { useMeta } from '../../../app/meta'
import { useProvinceRegions } from '../../catalog/portal-api'
import { useRegion } from '../../platform/api'
import { bundledRegionLabel, registryRegionLabel } from './regionLabel'

/**
 * A region's name path below the home province ("南京市 / 玄武区", as the pickers show it): a
 * county's name alone can be ambiguous (南京 and 徐州 both have a 鼓楼区). The code while unknown.
 */
export function useRegionLabel(code: string): string {
  const meta = useMeta()
  const provinceCode = meta.data?.province.code
  const regions = useProvinceRegions(provinceCode)
  const bundled = regions.data && provinceCode ? bundledRegionLabel(code, provinceCode, regions.data.names) : undefined
  // Asked only once the bundle has answered without it, so a city or a county costs no request.
  const registry = useRegion(regions.isSuccess && !bundled ? code : undefined)
  if (bundled) return bundled
  return registry.data ? registryRegionLabel(registry.data, provinceCode) : code
}

/** A region's name where a user would otherwise read its code (320102 → 南京市 / 玄武区). */
export function RegionName({ code }: { code: string }) {
  const label = useRegionLabel(code)
  return <>{label}</>
}
