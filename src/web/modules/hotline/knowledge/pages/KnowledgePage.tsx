import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../../../app/auth'
import { useT } from '../../../../app/i18n'
import { usePreferences } from '../../../../app/preferences'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { formatDateTime } from '../../../../shared/format'
import { PageHeader } from '../../../../shared/PageHeader'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { RegionTreeSelect } from '../../../platform/components/RegionTreeSelect'
import { knowledgeLevels, statusFilters, useKnowledgeCategories, useKnowledgeList, type KnowledgeEntrySummary, type KnowledgeLevel, type KnowledgeQuery, type StatusFilter } from '../api'
import { KnowledgeDetailDrawer } from '../components/KnowledgeDetailDrawer'
import { KnowledgeEditorDrawer } from '../components/KnowledgeEditorDrawer'
import { KnowledgeLevelTag, KnowledgeStatusTags } from '../components/tags'
import { useKnowledgeT } from '../i18n'
import '../knowledge.css'

const PAGE_SIZES = [10, 20, 50, 100]

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((item) => item === value)
}

/** The search and the open entry live in the URL, so that reload, back and a shared link keep them. */
function useKnowledgeQuery(): [KnowledgeQuery, (next: Partial<KnowledgeQuery>) => void, string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<KnowledgeQuery>(() => {
    const pageSize = Number(params.get('pageSize'))
    return {
      q: params.get('q') || undefined,
      status: oneOf(statusFilters, params.get('status')),
      level: oneOf(knowledgeLevels, params.get('level')),
      categoryKey: params.get('category') || undefined,
      regionCode: params.get('region') || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    }
  }, [params])
  const write = (merged: KnowledgeQuery, entry: string | null) => {
    const search = new URLSearchParams()
    if (merged.q) search.set('q', merged.q)
    if (merged.status) search.set('status', merged.status)
    if (merged.level) search.set('level', merged.level)
    if (merged.categoryKey) search.set('category', merged.categoryKey)
    if (merged.regionCode) search.set('region', merged.regionCode)
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.pageSize !== 20) search.set('pageSize', String(merged.pageSize))
    if (entry) search.set('entry', entry)
    setParams(search, { replace: true })
  }
  const entry = params.get('entry')
  return [query, (next) => write({ ...query, ...next }, entry), entry, (id) => write(query, id)]
}

/** 热线百科: search and filter the entries, open one to read, edit and review it; editors create new ones. */
export default function KnowledgePage() {
  const t = useT()
  const k = useKnowledgeT()
  const { can, me } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const [query, setQuery, openEntry, setOpenEntry] = useKnowledgeQuery()
  const list = useKnowledgeList(query)
  const categories = useKnowledgeCategories()
  const [text, setText] = useState(query.q ?? '')
  const [creating, setCreating] = useState(false)
  // On a phone the rarer filters fold away, so that the list starts on the first screen.
  const [moreFilters, setMoreFilters] = useState(false)
  const canEdit = can('knowledge.edit')
  const filtered = Boolean(query.q || query.status || query.level || query.categoryKey || query.regionCode)

  useEffect(() => setText(query.q ?? ''), [query.q])

  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))

  const titleCell = (entry: KnowledgeEntrySummary) => (
    <div style={{ minWidth: 0 }}>
      <Typography.Link strong onClick={() => setOpenEntry(entry.id)} data-testid={`knowledge-link-${entry.id}`}>
        {entry.title}
      </Typography.Link>
      {isPhone && (
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          <KnowledgeLevelTag level={entry.level} />
          <KnowledgeStatusTags entry={entry} />
        </Flex>
      )}
      <Typography.Text type="secondary" ellipsis style={{ fontSize: '0.88em', display: 'block' }}>
        {[isPhone ? entry.regionName : null, entry.catalogItem?.name, entry.keywords.slice(0, 4).join('、') || null].filter(Boolean).join(' · ')}
      </Typography.Text>
    </div>
  )

  const columns: TableColumnsType<KnowledgeEntrySummary> = isPhone
    ? [{ title: k('knowledge.title'), key: 'title', render: (_, entry) => titleCell(entry) }]
    : [
        { title: k('knowledge.title'), key: 'title', width: w(320), render: (_, entry) => titleCell(entry) },
        {
          title: k('knowledge.status'),
          key: 'status',
          width: w(170),
          render: (_, entry) => (
            <Flex gap={4} wrap>
              <KnowledgeStatusTags entry={entry} />
            </Flex>
          ),
        },
        {
          title: k('knowledge.region'),
          key: 'region',
          width: w(150),
          render: (_, entry) => (
            <Flex gap={4} align="center" wrap>
              <KnowledgeLevelTag level={entry.level} />
              <span>{entry.regionName}</span>
            </Flex>
          ),
        },
        { title: k('knowledge.org'), dataIndex: 'orgName', key: 'org', width: w(200), render: (name: string | null) => name ?? '—' },
        { title: k('knowledge.category'), dataIndex: 'categoryKey', key: 'category', width: w(170), render: (key: string | null) => (key ? <span className="mono">{key}</span> : '—') },
        {
          title: k('knowledge.validUntil'),
          dataIndex: 'validUntil',
          key: 'validUntil',
          width: w(110),
          render: (day: string, entry) => <Typography.Text type={entry.expired ? 'danger' : undefined}>{day}</Typography.Text>,
        },
        { title: k('knowledge.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: w(170), render: (at: string) => <span className="mono nowrap">{formatDateTime(at)}</span> },
      ]

  return (
    <>
      <PageHeader
        title={k('knowledge.pageTitle')}
        description={k('knowledge.desc')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="knowledge-create">
              {k('knowledge.create')}
            </Button>
          )
        }
      />
      <Card className="filter-card">
        <Flex gap={12} wrap align="center">
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setQuery({ q: value.trim() || undefined, page: 1 })}
            placeholder={k('knowledge.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            style={{ flex: '1 1 320px', maxWidth: 560 }}
            aria-label={k('knowledge.searchPlaceholder')}
            data-testid="knowledge-search"
          />
          <Select<StatusFilter>
            value={query.status}
            onChange={(status) => setQuery({ status, page: 1 })}
            allowClear
            placeholder={k('knowledge.allStatuses')}
            options={statusFilters.map((status) => ({ value: status, label: k(`knowledge.status.${status}`) }))}
            style={{ width: isPhone ? '100%' : w(140) }}
            aria-label={k('knowledge.status')}
            data-testid="knowledge-status-filter"
          />
          {isPhone && (
            <Button type="link" onClick={() => setMoreFilters((open) => !open)} style={{ paddingInline: 0 }}>
              {moreFilters ? t('common.fewerFilters') : t('common.moreFilters')}
            </Button>
          )}
          {(!isPhone || moreFilters) && (
            <>
              <Select<KnowledgeLevel>
                value={query.level}
                onChange={(level) => setQuery({ level, page: 1 })}
                allowClear
                placeholder={k('knowledge.allLevels')}
                options={knowledgeLevels.map((level) => ({ value: level, label: k(`knowledge.level.${level}`) }))}
                style={{ width: isPhone ? '100%' : w(120) }}
                aria-label={k('knowledge.level')}
                data-testid="knowledge-level-filter"
              />
              <Select<string>
                value={query.categoryKey}
                onChange={(categoryKey) => setQuery({ categoryKey, page: 1 })}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={k('knowledge.allCategories')}
                options={(categories.data ?? []).map((c) => ({ value: c.key, label: `${c.key}（${c.count}）` }))}
                style={{ width: isPhone ? '100%' : w(220) }}
                aria-label={k('knowledge.category')}
                data-testid="knowledge-category-filter"
              />
              {me && (
                <RegionTreeSelect
                  rootCode={me.regionCode.length > 6 ? me.regionCode.slice(0, 6) : me.regionCode}
                  value={query.regionCode}
                  onChange={(regionCode) => setQuery({ regionCode, page: 1 })}
                  allowClear
                  placeholder={k('knowledge.allRegions')}
                  style={{ width: isPhone ? '100%' : w(180) }}
                  aria-label={k('knowledge.region')}
                  data-testid="knowledge-region-filter"
                />
              )}
            </>
          )}
          {filtered && (
            <Button
              onClick={() => {
                setText('')
                setQuery({ q: undefined, status: undefined, level: undefined, categoryKey: undefined, regionCode: undefined, page: 1 })
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </Flex>
      </Card>
      <Card
        title={k('knowledge.listTitle')}
        extra={
          <Space size={4}>
            {list.data && !isPhone && <Typography.Text type="secondary">{t('common.total', { total: list.data.total })}</Typography.Text>}
            <Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />
          </Space>
        }
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<KnowledgeEntrySummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={isPhone ? undefined : { x: w(1300) }}
          locale={{ emptyText: filtered ? k('knowledge.emptySearch') : k('knowledge.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !isPhone,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ page: pageSize !== query.pageSize ? 1 : page, pageSize }),
            simple: isPhone,
          }}
          data-testid="knowledge-table"
        />
      </Card>
      <KnowledgeDetailDrawer id={openEntry} onClose={() => setOpenEntry(null)} />
      {canEdit && <KnowledgeEditorDrawer open={creating} onClose={() => setCreating(false)} onSaved={(detail) => setOpenEntry(detail.entry.id)} />}
    </>
  )
}
