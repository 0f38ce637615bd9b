import { useQueryClient } from '@tanstack/react-query'
import { TreeSelect } from 'antd'
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { keys, platformApi, useRegion, type Region } from '../../platform/api'
import { NATIONAL } from '../api'

interface Props {
  value?: string
  onChange?: (code: string) => void
  /** The top of the tree; the home province when not given. */
  rootCode?: string
  /** Offer the national base list ('00') above the province. */
  national?: boolean
  /** The deepest catalogue level offered: 'city' stops at cities, 'county' (default) goes to counties. */
  deepest?: 'city' | 'county'
  style?: CSSProperties
  id?: string
  'aria-label'?: string
  'data-testid'?: string
}

interface Node {
  id: string
  pId: string
  value: string
  title: string
  isLeaf: boolean
}

const TOP = '__top__'

/**
 * A catalogue level or region: the national base list, the province, a city, a county, loaded a
 * level at a time. Only the levels that keep a catalogue are offered (no townships).
 */
export function CatalogRegionSelect({ value, onChange, rootCode, national, deepest = 'county', style, id, ...rest }: Props) {
  const t = useT()
  const queryClient = useQueryClient()
  const meta = useMeta()
  const root = rootCode ?? meta.data?.province.code
  const rootRegion = useRegion(root)
  const [regions, setRegions] = useState<Map<string, Region>>(() => new Map())
  const [loaded, setLoaded] = useState<Set<string>>(() => new Set())
  const maxLength = deepest === 'city' ? 4 : 6

  const load = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({ queryKey: keys.regionChildren(code), queryFn: () => platformApi.regionChildren(code), staleTime: 10 * 60_000 })
      setRegions((current) => {
        const next = new Map(current)
        for (const region of children) if (region.code.length <= maxLength) next.set(region.code, region)
        return next
      })
      setLoaded((current) => new Set(current).add(code))
    },
    [queryClient, maxLength],
  )

  useEffect(() => {
    if (!rootRegion.data) return
    const top = rootRegion.data
    setRegions((current) => new Map(current).set(top.code, top))
  }, [rootRegion.data])

  // the levels down to the value, so that the picker shows its name
  useEffect(() => {
    if (!root || !value || value === NATIONAL || regions.has(value)) return
    const path = [2, 4].map((n) => value.slice(0, n)).filter((code) => code.length >= root.length && code.length < value.length && code.startsWith(root))
    void Promise.all(path.filter((code) => !loaded.has(code)).map(load)).catch(() => undefined)
  }, [root, value, regions, loaded, load])

  const treeData = useMemo<Node[]>(() => {
    const nodes: Node[] = []
    if (national) nodes.push({ id: NATIONAL, pId: TOP, value: NATIONAL, title: t('catalog.national'), isLeaf: true })
    for (const region of regions.values()) {
      const isRoot = region.code === root
      if (!isRoot && !regions.has(region.parentCode ?? '')) continue
      nodes.push({
        id: region.code,
        pId: isRoot ? TOP : (region.parentCode ?? TOP),
        value: region.code,
        title: region.name,
        isLeaf: region.code.length >= maxLength || !region.hasChildren,
      })
    }
    return nodes
  }, [national, regions, root, maxLength, t])

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ width: '100%', ...style }}
      value={value}
      onChange={(next: string) => next && onChange?.(next)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: TOP }}
      treeData={treeData}
      loadData={(node) => {
        const code = String(node.value)
        return loaded.has(code) || code === NATIONAL ? Promise.resolve() : load(code)
      }}
      treeLoadedKeys={[...loaded]}
      treeDefaultExpandedKeys={root ? [root] : []}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('catalog.regionPick')}
      loading={rootRegion.isPending}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260, maxWidth: '92vw' } } }}
      listHeight={360}
    />
  )
}
