import { EnvironmentOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Breadcrumb, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Spin, Tag, Tooltip, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsMobile } from '../../../shared/useIsMobile'
import { keys, platformApi, useRegion, useRegionSearch, type Region } from '../api'
import { RegionLevelTag } from '../components/tags'

type TreeHandle = { scrollTo: (options: { key: string; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void }

function RegionTitle({ region }: { region: Region }) {
  const t = useT()
  return (
    <span className="region-node">
      {region.name}
      <Typography.Text type="secondary" className="mono" style={{ marginInlineStart: 8, fontSize: '0.85em' }}>
        {region.code}
      </Typography.Text>
      {region.functionalZone && (
        <Tag color="purple" style={{ marginInlineStart: 6, fontSize: '0.75em', lineHeight: '16px', paddingInline: 4 }}>
          {t('region.zoneShort')}
        </Tag>
      )}
    </span>
  )
}

/** 行政区划: the tree (each level loaded when opened), a search, and the details of the chosen region. */
export default function RegionsPage() {
  const t = useT()
  const queryClient = useQueryClient()
  const isMobile = useIsMobile()
  const treeRef = useRef<TreeHandle>(null)
  const detailsRef = useRef<HTMLDivElement>(null)

  const provinces = useQuery({ queryKey: keys.regionChildren(null), queryFn: () => platformApi.regionChildren(null), staleTime: 10 * 60_000 })
  const [children, setChildren] = useState<Record<string, Region[]>>({})
  const [expanded, setExpanded] = useState<string[]>([])
  const [selected, setSelected] = useState<string | undefined>()
  const [search, setSearch] = useState('')
  const results = useRegionSearch(search)
  const detail = useRegion(selected)
  const selectedChildren = useQuery({
    queryKey: keys.regionChildren(selected ?? null),
    queryFn: () => platformApi.regionChildren(selected!),
    enabled: Boolean(selected && detail.data?.hasChildren),
    staleTime: 10 * 60_000,
  })

  const loadChildren = useCallback(
    async (code: string) => {
      const list = await queryClient.fetchQuery({
        queryKey: keys.regionChildren(code),
        queryFn: () => platformApi.regionChildren(code),
        staleTime: 10 * 60_000,
      })
      setChildren((current) => (current[code] ? current : { ...current, [code]: list }))
    },
    [queryClient],
  )

  const treeData = useMemo<DataNode[]>(() => {
    const build = (list: Region[]): DataNode[] =>
      list.map((region) => ({
        key: region.code,
        title: <RegionTitle region={region} />,
        isLeaf: !region.hasChildren,
        children: children[region.code] ? build(children[region.code]!) : undefined,
        'data-testid': `region-node-${region.code}`,
      }))
    return build(provinces.data ?? [])
  }, [provinces.data, children])

  /** Opens the tree down to a region (loading each level on the way) and selects it; `open` opens the region too. */
  const reveal = useCallback(
    async (code: string, open = false) => {
      setSelected(code)
      try {
        const region = await queryClient.fetchQuery({ queryKey: keys.region(code), queryFn: () => platformApi.region(code), staleTime: 10 * 60_000 })
        const path = [...region.ancestors].sort((a, b) => a.level - b.level)
        if (open && region.hasChildren) path.push(region)
        for (const ancestor of path) await loadChildren(ancestor.code)
        setExpanded((current) => [...new Set([...current, ...path.map((a) => a.code)])])
        window.setTimeout(() => treeRef.current?.scrollTo({ key: code, align: 'top', offset: 40 }), 50)
      } catch {
        // the details panel shows the error
      }
    },
    [queryClient, loadChildren],
  )

  const loadedKeys = useMemo(() => Object.keys(children), [children])

  // Open the tree at the user's own region the first time.
  const { me } = useAuth()
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current || !me?.regionCode || !provinces.data) return
    opened.current = true
    void reveal(me.regionCode, true)
  }, [me?.regionCode, provinces.data, reveal])

  return (
    <>
      <PageHeader title={t('region.title')} description={t('region.desc')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={t('region.tree')} styles={{ body: { paddingTop: 16 } }}>
            <Input.Search
              placeholder={t('region.searchPlaceholder')}
              allowClear
              enterButton
              onSearch={(value) => setSearch(value.trim())}
              onChange={(event) => {
                if (!event.target.value) setSearch('')
              }}
              aria-label={t('region.searchPlaceholder')}
              data-testid="region-search"
              style={{ marginBottom: 12 }}
            />
            {search && (
              <div className="region-results" role="list" aria-label={t('region.searchResults')} data-testid="region-results">
                {results.isFetching && !results.data ? (
                  <Flex justify="center" style={{ padding: 16 }}>
                    <Spin size="small" />
                  </Flex>
                ) : results.error ? (
                  <div style={{ padding: 12 }}>
                    <ErrorAlert error={results.error} />
                  </div>
                ) : (results.data ?? []).length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('region.noResults')} />
                ) : (
                  results.data!.map((region) => (
                    <button key={region.code} type="button" role="listitem" className="region-result" onClick={() => {
                        void reveal(region.code)
                        // on a phone the details are below the tree: bring them into view
                        if (isMobile) detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                      }}
                    >
                      <span style={{ minWidth: 0 }}>
                        <span>{region.name}</span>
                        <span className="mono region-result-path" style={{ marginInlineStart: 8 }}>
                          {region.code}
                        </span>
                        <div className="region-result-path">{region.fullName}</div>
                      </span>
                      <RegionLevelTag level={region.level} />
                    </button>
                  ))
                )}
              </div>
            )}
            <ErrorAlert error={provinces.error} onRetry={() => void provinces.refetch()} />
            {provinces.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : (
              <div data-testid="region-tree">
                <Tree
                  ref={treeRef as never}
                  treeData={treeData}
                  loadData={(node) => loadChildren(String(node.key))}
                  loadedKeys={loadedKeys}
                  expandedKeys={expanded}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(_keys, info) => {
                    const code = String(info.node.key)
                    setSelected(code)
                    if (!info.node.isLeaf && !expanded.includes(code)) setExpanded([...expanded, code])
                  }}
                  height={isMobile ? 360 : 560}
                  blockNode
                  showLine={{ showLeafIcon: false }}
                  aria-label={t('region.tree')}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14} ref={detailsRef} style={{ scrollMarginTop: 72 }}>
          <RegionDetails
            code={selected}
            detail={detail}
            childRegions={selectedChildren.data}
            onPick={(code) => void reveal(code)}
          />
        </Col>
      </Row>
    </>
  )
}

function RegionDetails({
  code,
  detail,
  childRegions,
  onPick,
}: {
  code: string | undefined
  detail: ReturnType<typeof useRegion>
  childRegions: Region[] | undefined
  onPick: (code: string) => void
}) {
  const t = useT()
  const shownChildren = 48
  return (
    <Card title={t('region.details')} data-testid="region-details" className="sticky-card">
      {!code ? (
        <Empty image={<EnvironmentOutlined style={{ fontSize: 48, color: '#c0c8d4' }} />} description={t('region.selectHint')} />
      ) : detail.error ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !detail.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Breadcrumb
            items={[...detail.data.ancestors]
              .sort((a, b) => a.level - b.level)
              .map((ancestor) => ({
                key: ancestor.code,
                title: (
                  <a onClick={() => onPick(ancestor.code)} role="link">
                    {ancestor.name}
                  </a>
                ),
              }))
              .concat([{ key: detail.data.code, title: <strong>{detail.data.name}</strong> }])}
          />
          <Descriptions
            bordered
            column={1}
            size="middle"
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'code', label: t('region.code'), children: <span className="mono">{detail.data.code}</span> },
              { key: 'name', label: t('region.name'), children: detail.data.name },
              { key: 'fullName', label: t('region.fullName'), children: detail.data.fullName },
              { key: 'level', label: t('region.level'), children: <RegionLevelTag level={detail.data.level} /> },
              {
                key: 'zone',
                label: t('region.functionalZone'),
                children: detail.data.functionalZone ? (
                  <Tooltip title={t('region.functionalZoneHint')}>
                    <Tag color="purple">{t('common.yes')}</Tag>
                  </Tooltip>
                ) : (
                  t('common.no')
                ),
              },
              {
                key: 'parent',
                label: t('region.parent'),
                children: detail.data.parentCode ? (
                  (() => {
                    const parent = detail.data.ancestors.find((a) => a.code === detail.data.parentCode)
                    return <a onClick={() => onPick(detail.data.parentCode!)}>{parent ? `${parent.name}（${parent.code}）` : detail.data.parentCode}</a>
                  })()
                ) : (
                  t('common.none')
                ),
              },
              {
                key: 'children',
                label: t('region.hasChildren'),
                children: !detail.data.hasChildren ? (
                  t('common.none')
                ) : !childRegions ? (
                  <Spin size="small" />
                ) : (
                  <Flex wrap gap={6}>
                    <Typography.Text type="secondary" style={{ width: '100%' }}>
                      {t('common.total', { total: childRegions.length })}
                    </Typography.Text>
                    {childRegions.slice(0, shownChildren).map((child) => (
                      <Tag key={child.code} style={{ cursor: 'pointer', margin: 0 }} onClick={() => onPick(child.code)}>
                        {child.name}
                      </Tag>
                    ))}
                    {childRegions.length > shownChildren && <Tag style={{ margin: 0 }}>…</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Card>
  )
}
