import { Cascader } from 'antd'
import type { CSSProperties } from 'react'
import { useT } from '../../../../app/i18n'
import { regionPath, useProvinceRegions } from '../../portal-api'

/**
 * 所在地区: the home province, one of its cities or one of their counties. Choosing a city shows
 * that city's entries (changeOnSelect), so every level can be picked, not only the last.
 */
export function RegionPicker({
  provinceCode,
  value,
  onChange,
  style,
}: {
  provinceCode: string | undefined
  value: string | undefined
  onChange: (code: string) => void
  style?: CSSProperties
}) {
  const t = useT()
  const regions = useProvinceRegions(provinceCode)
  const options = regions.data ? [regions.data.option] : []
  return (
    <Cascader
      options={options}
      value={value ? regionPath(value) : undefined}
      onChange={(path) => {
        const last = path?.[path.length - 1]
        onChange(last ? String(last) : (provinceCode ?? ''))
      }}
      changeOnSelect
      allowClear={false}
      loading={regions.isPending}
      displayRender={(labels) => labels.join(' / ')}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      placeholder={t('portal.catalog.region.placeholder')}
      style={style}
      aria-label={t('portal.catalog.region')}
      data-testid="services-region"
      popupMatchSelectWidth={false}
    />
  )
}
