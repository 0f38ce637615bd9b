import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Badge, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import {
  catalogRegionOf,
  itemKindList,
  itemKinds,
  levelOfRegion,
  useCatalogSearch,
  useImplementations,
  useReviewTasks,
  type CatalogLevel,
  type ItemKind,
} from '../api'
import { CatalogRegionSelect } from '../components/CatalogRegionSelect'
import { CatalogExport, CatalogImport } from '../components/CatalogTransfer'
import { CreateItemDrawer } from '../components/CreateItemDrawer'
import { CatalogLevelTag, KindTag, VersionStatusTag } from '../components/tags'
import '../catalog.css'

interface Row {
  id: string
  name: string
  implementationCode: string
  kind: ItemKind
  level: CatalogLevel
  published: boolean
}

interface Query {
  region: string
  kind?: ItemKind
  q?: string
  page: number
  pageSize: number
}

const PAGE_SIZES = [10, 20, 50, 100]

/** The list query lives in the URL, so that reload, back and a shared link keep it. */
function useCatalogQuery(defaultRegion: string): [Query, (next: Partial<Query>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<Query>(() => {
    const region = params.get('region')
    const kind = params.get('kind')
    const pageSize = Number(params.get('pageSize'))
    return {
      region: region && /^(00|[0-9]{2}|[0-9]{4}|[0-9]{6})$/.test(region) ? region : defaultRegion,
      kind: kind && kind in itemKinds ? (kind as ItemKind) : undefined,
      q: params.get('q') || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    }
  }, [params, defaultRegion])
  const update = (next: Partial<Query>) => {
    const merged = { ...query, ...next }
    const search = new URLSearchParams()
    if (merged.region !== defaultRegion) search.set('region', merged.region)
    if (merged.kind) search.set('kind', merged.kind)
    if (merged.q) search.set('q', merged.q)
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.pageSize !== 20) search.set('pageSize', String(merged.pageSize))
    setParams(search, { replace: true })
  }
  return [query, update]
}

/** 事项清单: one level's entries (the national base list, the province, a city, a county), searchable. */
export default function CatalogBrowserPage() {
  const t = useT()
  const { me, can } = useAuth()
  const meta = useMeta()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const ownRegion = catalogRegionOf(me?.regionCode ?? '')
  const [query, setQuery] = useCatalogQuery(ownRegion)
  const [text, setText] = useState(query.q ?? '')
  const [creating, setCreating] = useState(false)
  useEffect(() => setText(query.q ?? ''), [query.q])

  const searching = Boolean(query.q)
  const list = useImplementations({ region: query.region, kind: query.kind, page: query.page, pageSize: query.pageSize }, !searching && Boolean(me))
  const search = useCatalogSearch({ q: query.q ?? '', region: query.region, kind: query.kind, page: query.page, pageSize: query.pageSize }, searching)
  const result = searching ? search : list
  // open reviews of the user's region and below, by entry
  const tasks = useReviewTasks({ status: 'open', page: 1, pageSize: 200 }, Boolean(me))
  const openCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const task of tasks.data?.items ?? []) counts.set(task.implementationId, (counts.get(task.implementationId) ?? 0) + 1)
    return counts
  }, [tasks.data])

  const rows = useMemo<Row[]>(() => {
    if (searching) {
      return (search.data?.items ?? []).map((hit) => ({ id: hit.implementationId, name: hit.name, implementationCode: hit.implementationCode, kind: hit.kind, level: hit.level, published: true }))
    }
    return (list.data?.items ?? []).map((m) => ({ id: m.id, name: m.name, implementationCode: m.implementationCode, kind: m.kind, level: m.level, published: m.currentVersionId !== null }))
  }, [searching, search.data, list.data])

  if (!me) return null
  // new items join the national list, which the home province keeps
  const canCreate = can('catalog.edit') && Boolean(meta.data?.province.code.startsWith(me.regionCode))
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))

  const columns: TableColumnsType<Row> = [
    {
      title: t('catalog.col.name'),
      key: 'name',
      render: (_, row) => (
        <div>
          <Link to={`/workbench/catalog/items/${row.id}`} className="catalog-item-link" data-testid={`item-link-${row.implementationCode}`}>
            {row.name}
          </Link>
          {isPhone && (
            <div>
              <Typography.Text type="secondary" className="mono catalog-sub">
                {row.implementationCode}
              </Typography.Text>
            </div>
          )}
          {isPhone && (
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <KindTag kind={row.kind} />
              <VersionStatusTag status={row.published ? 'published' : 'unpublished'} />
              {(openCounts.get(row.id) ?? 0) > 0 && <Badge count={t('catalog.openReviews', { n: openCounts.get(row.id)! })} color="orange" />}
            </Space>
          )}
        </div>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t('catalog.col.code'),
            dataIndex: 'implementationCode',
            key: 'code',
            width: w(200),
            render: (code: string) => <span className="mono nowrap">{code}</span>,
          },
          { title: t('catalog.kind'), dataIndex: 'kind', key: 'kind', width: w(150), render: (kind: ItemKind) => <KindTag kind={kind} /> },
          {
            title: t('catalog.col.status'),
            key: 'status',
            width: w(190),
            render: (_: unknown, row: Row) => (
              <Space size={4} wrap>
                <VersionStatusTag status={row.published ? 'published' : 'unpublished'} />
                {(openCounts.get(row.id) ?? 0) > 0 && (
                  <Badge count={t('catalog.openReviews', { n: openCounts.get(row.id)! })} color="orange" data-testid={`open-reviews-${row.id}`} />
                )}
              </Space>
            ),
          },
        ]),
  ]

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        description={t('catalog.desc')}
        extra={
          <Space wrap>
            <CatalogExport region={query.region} kind={query.kind} />
            {canCreate && <CatalogImport />}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="catalog-create">
                {t('catalog.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="filter-card">
        <Form layout={isPhone ? 'vertical' : 'horizontal'} onFinish={() => setQuery({ q: text.trim() || undefined, page: 1 })} data-testid="catalog-filter">
          <Row gutter={[16, isPhone ? 0 : 16]}>
            <Col xs={24} md={12} xl={7}>
              <Form.Item label={t('catalog.region')}>
                <CatalogRegionSelect national value={query.region} onChange={(region) => setQuery({ region, page: 1 })} aria-label={t('catalog.region')} data-testid="catalog-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('catalog.kind')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.kind}
                  onChange={(kind?: ItemKind) => setQuery({ kind, page: 1 })}
                  options={itemKindList.map((value) => ({ value, label: t.dynamic(`catalog.kind.${value}`, value) }))}
                  aria-label={t('catalog.kind')}
                  data-testid="catalog-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={24} xl={11}>
              <Form.Item label={t('catalog.keyword')} extra={isPhone ? undefined : t('catalog.searchHint')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    value={text}
                    onChange={(event) => {
                      setText(event.target.value)
                      if (event.target.value === '' && query.q) setQuery({ q: undefined, page: 1 })
                    }}
                    placeholder={t('catalog.keywordPlaceholder')}
                    allowClear
                    aria-label={t('catalog.keyword')}
                    data-testid="catalog-q"
                  />
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    {t('common.search')}
                  </Button>
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{query.region === '00' ? t('catalog.national') : t('catalog.title')}</span>
            <CatalogLevelTag level={levelOfRegion(query.region)} />
          </Flex>
        }
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void result.refetch()} aria-label={t('common.refresh')} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={result.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={isPhone ? undefined : { x: w(820) }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(searching ? 'catalog.empty.search' : 'catalog.empty.list')} /> }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: !isPhone,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ page: pageSize !== query.pageSize ? 1 : page, pageSize }),
            simple: isPhone,
          }}
          data-testid="catalog-table"
        />
      </Card>
      {canCreate && <CreateItemDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  )
}
