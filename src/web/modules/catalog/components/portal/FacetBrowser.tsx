import { Empty, Flex, Skeleton, Tabs, Tag } from 'antd'
import { useState } from 'react'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { useFacets } from '../../portal-api'
import './portal-catalog.css'

export interface FacetSelection {
  theme?: string
  lifeEvent?: string
  orgId?: string
}

function Chips({
  items,
  selected,
  onPick,
  testId,
}: {
  items: { key: string; name: string; count: number }[]
  selected: string | undefined
  onPick: (key: string | undefined) => void
  testId: string
}) {
  const t = useT()
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.catalog.facet.none')} style={{ margin: '8px 0' }} />
  return (
    <Flex gap={8} wrap className="facet-chips" data-testid={testId}>
      {items.map((item) => (
        <Tag.CheckableTag
          key={item.key}
          checked={item.key === selected}
          onChange={(checked) => onPick(checked ? item.key : undefined)}
          className="facet-chip"
        >
          {item.name}
          <span className="facet-count">{item.count}</span>
        </Tag.CheckableTag>
      ))}
    </Flex>
  )
}

/**
 * Browsing the catalogue of a region: by theme (主题), by life event (人生事件) or by department,
 * each a row of chips with how many services it holds. One chip at a time narrows the results.
 */
export function FacetBrowser({ region, value, onChange }: { region: string | undefined; value: FacetSelection; onChange: (next: FacetSelection) => void }) {
  const t = useT()
  const facets = useFacets(region)
  const [tab, setTab] = useState<string>(value.lifeEvent ? 'lifeEvent' : value.orgId ? 'org' : 'theme')

  const loading = facets.isPending ? <Skeleton active title={false} paragraph={{ rows: 2 }} /> : null
  const themes = (facets.data?.themes ?? []).map((f) => ({ key: f.name, name: f.name, count: f.count }))
  const events = (facets.data?.lifeEvents ?? []).map((f) => ({ key: f.name, name: f.name, count: f.count }))
  const orgs = (facets.data?.orgs ?? []).map((d) => ({ key: d.id, name: d.name, count: d.count }))

  return (
    <div className="facet-browser" data-testid="facet-browser">
      <ErrorAlert error={facets.error} onRetry={() => void facets.refetch()} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="small"
        items={[
          {
            key: 'theme',
            label: t('portal.catalog.byTheme'),
            children: loading ?? <Chips items={themes} selected={value.theme} onPick={(theme) => onChange({ theme })} testId="facet-themes" />,
          },
          {
            key: 'lifeEvent',
            label: t('portal.catalog.byLifeEvent'),
            children: loading ?? <Chips items={events} selected={value.lifeEvent} onPick={(lifeEvent) => onChange({ lifeEvent })} testId="facet-life-events" />,
          },
          {
            key: 'org',
            label: t('portal.catalog.byDepartment'),
            children: loading ?? <Chips items={orgs} selected={value.orgId} onPick={(orgId) => onChange({ orgId })} testId="facet-departments" />,
          },
        ]}
      />
    </div>
  )
}
