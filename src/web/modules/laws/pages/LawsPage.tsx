import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { lawKinds, useLaws, type LawKind, type LawQuery, type LawSummary } from '../api'
import { CreateLawModal } from '../components/CreateLawModal'
import { LawKindTag, LawStatusTag } from '../components/tags'

const PAGE_SIZES = [10, 20, 50, 100]

/** The search lives in the URL, so that reload, back and a shared link keep it. */
function useLawQuery(): [LawQuery, (next: Partial<LawQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<LawQuery>(() => {
    const kind = params.get('kind')
    const pageSize = Number(params.get('pageSize'))
    return {
      q: params.get('q') || undefined,
      kind: lawKinds.includes(kind as LawKind) ? (kind as LawKind) : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    }
  }, [params])
  const update = (next: Partial<LawQuery>) => {
    const merged = { ...query, ...next }
    const search = new URLSearchParams()
    if (merged.q) search.set('q', merged.q)
    if (merged.kind) search.set('kind', merged.kind)
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.pageSize !== 20) search.set('pageSize', String(merged.pageSize))
    setParams(search, { replace: true })
  }
  return [query, update]
}

/** 法律法规库: full-text search over the laws, by kind; 新增法规 for law editors. */
export default function LawsPage() {
  const t = useT()
  const { can } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const [query, setQuery] = useLawQuery()
  const list = useLaws(query)
  const [text, setText] = useState(query.q ?? '')
  const [creating, setCreating] = useState(false)
  const canEdit = can('law.edit')

  useEffect(() => setText(query.q ?? ''), [query.q])

  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))

  const titleCell = (law: LawSummary) => (
    <div style={{ minWidth: 0 }}>
      <Link to={`/workbench/laws/${law.id}`} data-testid={`law-link-${law.id}`}>
        <Typography.Text strong style={{ color: 'inherit' }}>
          {law.title}
        </Typography.Text>
      </Link>
      {isPhone && (
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          <LawKindTag kind={law.kind} />
          <LawStatusTag status={law.status} />
        </Flex>
      )}
      {isPhone && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
            {[law.issuer, law.docNumber, t('laws.effectiveOnShort', { day: law.effectiveOn })].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    </div>
  )

  const columns: TableColumnsType<LawSummary> = isPhone
    ? [{ title: t('laws.title'), key: 'title', render: (_, law) => titleCell(law) }]
    : [
        { title: t('laws.title'), key: 'title', render: (_, law) => titleCell(law) },
        { title: t('laws.kind'), dataIndex: 'kind', key: 'kind', width: w(130), render: (kind: LawKind) => <LawKindTag kind={kind} /> },
        { title: t('laws.issuer'), dataIndex: 'issuer', key: 'issuer', width: w(190) },
        { title: t('laws.docNumber'), dataIndex: 'docNumber', key: 'docNumber', width: w(170), render: (value: string | null) => value ?? '—' },
        {
          title: t('laws.dates'),
          key: 'dates',
          width: w(170),
          render: (_, law) => (
            <div className="mono nowrap" style={{ fontSize: '0.92em' }}>
              <div>
                <Typography.Text type="secondary">{t('laws.promulgatedShort')}</Typography.Text> {law.promulgatedOn}
              </div>
              <div>
                <Typography.Text type="secondary">{t('laws.effectiveShort')}</Typography.Text> {law.effectiveOn}
              </div>
              {law.repealedOn && (
                <div>
                  <Typography.Text type="secondary">{t('laws.repealedShort')}</Typography.Text> {law.repealedOn}
                </div>
              )}
            </div>
          ),
        },
        { title: t('laws.status'), dataIndex: 'status', key: 'status', width: w(100), render: (status: LawSummary['status']) => <LawStatusTag status={status} /> },
        { title: t('laws.articleCount'), dataIndex: 'articleCount', key: 'articleCount', width: w(80), align: 'right' },
      ]

  return (
    <>
      <PageHeader
        title={t('laws.pageTitle')}
        description={t('laws.desc')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="law-create">
              {t('laws.create')}
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
            placeholder={t('laws.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            style={{ flex: '1 1 320px', maxWidth: 560 }}
            aria-label={t('laws.searchPlaceholder')}
            data-testid="law-search"
          />
          <Select<LawKind>
            value={query.kind}
            onChange={(kind) => setQuery({ kind, page: 1 })}
            allowClear
            placeholder={t('laws.allKinds')}
            options={lawKinds.map((kind) => ({ value: kind, label: t.dynamic(`laws.kind.${kind}`, kind) }))}
            style={{ width: isPhone ? '100%' : w(180) }}
            aria-label={t('laws.kind')}
            data-testid="law-kind"
          />
          {(query.q || query.kind) && (
            <Button
              onClick={() => {
                setText('')
                setQuery({ q: undefined, kind: undefined, page: 1 })
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </Flex>
      </Card>
      <Card
        title={t('laws.listTitle')}
        extra={
          <Space size={4}>
            {list.data && !isPhone && <Typography.Text type="secondary">{t('common.total', { total: list.data.total })}</Typography.Text>}
            <Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />
          </Space>
        }
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<LawSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={isPhone ? undefined : { x: w(1100) }}
          locale={{ emptyText: query.q || query.kind ? t('laws.emptySearch') : t('laws.empty') }}
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
          data-testid="law-table"
        />
      </Card>
      {canEdit && <CreateLawModal open={creating} onClose={() => setCreating(false)} onCreated={(law) => navigate(`/workbench/laws/${law.id}`)} />}
    </>
  )
}
