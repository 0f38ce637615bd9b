import { Select } from 'antd'
import { useMemo } from 'react'
import { useT } from '../../../app/i18n'
import { useCategories, type Category } from '../api'

/** The categories a line uses, grouped as the dispatch catalogue groups them. */
function groupsOf(categories: Category[], line: string | undefined, pick: (text: { zh: string; en: string }) => string) {
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>()
  for (const category of categories) {
    if (line && !category.lines.includes(line)) continue
    const label = pick({ zh: category.groupZh, en: category.groupEn })
    const group = groups.get(label) ?? { label, options: [] }
    group.options.push({ value: category.key, label: pick({ zh: category.nameZh, en: category.nameEn }) })
    groups.set(label, group)
  }
  return [...groups.values()]
}

/** 诉求分类: optional; the classifier or a dispatcher decides when it is left empty. */
export function CategorySelect({
  line,
  value,
  onChange,
  id,
  size,
  'data-testid': testId,
}: {
  line?: string
  value?: string
  onChange?: (key: string | undefined) => void
  id?: string
  size?: 'large' | 'middle'
  'data-testid'?: string
}) {
  const t = useT()
  const categories = useCategories()
  const options = useMemo(() => groupsOf(categories.data ?? [], line, t.pick), [categories.data, line, t.pick])
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(key?: string) => onChange?.(key)}
      options={options}
      loading={categories.isPending}
      placeholder={t('hotline.categoryPlaceholder')}
      size={size}
      data-testid={testId}
      popupMatchSelectWidth={false}
    />
  )
}

/** The name of a category key, in the current language; the key itself while the list loads. */
export function useCategoryName(): (key: string | null | undefined) => string {
  const t = useT()
  const categories = useCategories()
  return useMemo(() => {
    const byKey = new Map((categories.data ?? []).map((c) => [c.key, c]))
    return (key) => {
      if (!key) return '—'
      const category = byKey.get(key)
      return category ? t.pick({ zh: category.nameZh, en: category.nameEn }) : key
    }
  }, [categories.data, t])
}
