import { useQueryClient } from '@tanstack/react-query'
import { TreeSelect } from 'antd'
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react'
import { useT } from '../../../app/i18n'
import { keys, platformApi, useRegion, type Region } from '../api'

interface Props {
  /** The top of the tree: the user's own region (they act within it). */
  rootCode: string
  value?: string
  onChange?: (code: string | undefined) => void
  allowClear?: boolean
  placeholder?: string
  style?: CSSProperties
  id?: string
  disabled?: boolean
  'aria-label'?: string
  'data-testid'?: string
}

const TOP = '__top__'

interface SimpleNode {
  id: string
  pId: string
  value: string
  title: string
  isLeaf: boolean
}

/**
 * A region picker below `rootCode`, loading each level when it is opened. A value deeper than
 * what is loaded gets its path loaded, so that the picker shows its name and not its code.
 */
export function RegionTreeSelect({ rootCode, value, onChange, allowClear, placeholder, style, id, disabled, ...rest }: Props) {
  const t = useT()
  const queryClient = useQueryClient()
  const root = useRegion(rootCode)
  const [regions, setRegions] = useState<Map<string, Region>>(() => new Map())
  const [loadedParents, setLoadedParents] = useState<Set<string>>(() => new Set())

  const add = useCallback((list: Region[], parent?: string) => {
    setRegions((current) => {
      const next = new Map(current)
      for (const region of list) next.set(region.code, region)
      return next
    })
    if (parent) setLoadedParents((current) => new Set(current).add(parent))
  }, [])

  const loadChildren = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({
        queryKey: keys.regionChildren(code),
        queryFn: () => platformApi.regionChildren(code),
        staleTime: 10 * 60_000,
      })
      add(children, code)
    },
    [queryClient, add],
  )

  useEffect(() => {
    if (root.data) add([root.data])
  }, [root.data, add])

  // A value not yet in the tree: load the levels between the root and it.
  useEffect(() => {
    if (!value || regions.has(value) || !root.data) return
    let cancelled = false
    void (async () => {
      try {
        const detail = await queryClient.fetchQuery({ queryKey: keys.region(value), queryFn: () => platformApi.region(value), staleTime: 10 * 60_000 })
        const path = [...detail.ancestors].sort((a, b) => a.level - b.level)
        const rootIndex = path.findIndex((region) => region.code === rootCode)
        if (rootIndex < 0) return
        for (const ancestor of path.slice(rootIndex)) {
          if (cancelled) return
          await loadChildren(ancestor.code)
        }
      } catch {
        // the picker then shows the code; nothing else to do
      }
    })()
    return () => {
      cancelled = true
    }
  }, [value, regions, root.data, rootCode, queryClient, loadChildren])

  const treeData = useMemo<SimpleNode[]>(
    () =>
      [...regions.values()]
        .filter((region) => region.code === rootCode || regions.has(region.parentCode ?? ''))
        .map((region) => ({
          id: region.code,
          pId: region.code === rootCode ? TOP : (region.parentCode ?? TOP),
          value: region.code,
          title: region.name,
          isLeaf: !region.hasChildren,
        })),
    [regions, rootCode],
  )

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ width: '100%', ...style }}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: TOP }}
      treeData={treeData}
      loadData={(node) => {
        const code = String(node.value)
        return loadedParents.has(code) ? Promise.resolve() : loadChildren(code)
      }}
      treeLoadedKeys={[...loadedParents]}
      treeDefaultExpandedKeys={[rootCode]}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('region.pick')}
      loading={root.isPending}
      disabled={disabled}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxWidth: '92vw' } } }}
      listHeight={360}
    />
  )
}
