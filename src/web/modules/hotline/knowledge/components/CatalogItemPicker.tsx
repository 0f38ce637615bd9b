import { useQuery } from '@tanstack/react-query'
import { Select, Spin } from 'antd'
import { useMemo, useState } from 'react'
import { useDebouncedValue } from '../../../../app/useDebouncedValue'
import { catalogApi, NATIONAL } from '../../../catalog/api'
import { useKnowledgeT } from '../i18n'
import type { CatalogLink } from '../api'

interface Props {
  value?: CatalogLink | null
  onChange?: (value: CatalogLink | null) => void
  id?: string
}

/**
 * Picks an item of the catalogue by name. It searches the national base list, so that each item
 * is offered once, however many regions claimed it.
 */
export function CatalogItemPicker({ value, onChange, id }: Props) {
  const k = useKnowledgeT()
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), 300)
  const search = useQuery({
    queryKey: ['catalog', 'search', 'knowledge-picker', q],
    queryFn: () => catalogApi.search({ q, region: NATIONAL, page: 1, pageSize: 20 }),
    enabled: q.length > 0,
    staleTime: 60_000,
  })
  const options = useMemo(() => {
    const found = new Map<string, string>()
    if (value) found.set(value.id, value.name)
    for (const hit of search.data?.items ?? []) found.set(hit.itemId, hit.name)
    return [...found].map(([itemId, name]) => ({ value: itemId, label: name }))
  }, [search.data, value])

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value?.id}
      placeholder={k('knowledge.catalogItemHint')}
      options={options}
      notFoundContent={search.isFetching ? <Spin size="small" /> : null}
      onChange={(itemId) => {
        const picked = options.find((o) => o.value === itemId)
        onChange?.(picked ? { id: picked.value, name: picked.label } : null)
      }}
      data-testid="knowledge-catalog-item"
    />
  )
}
