import { ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Col, Empty, Flex, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useT, type MessageKey } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { appealTypes, lines, useAppealList, type AppealListView, type AppealQuery, type AppealType, type AppealView, type Line } from '../api'
import { CategorySelect, useCategoryName } from '../components/CategorySelect'
import { AppealStateTag, DeadlineTag, DispatchDueTag, EscalationTag, LineTag, TypeTag, useUrgencyClock } from '../components/tags'
import '../hotline.css'

const PAGE_SIZES = [10, 20, 50, 100]

/** The states each list may be narrowed to (the queues hold only their own). */
const stateChoices: Record<AppealListView, string[]> = {
  dispatch: ['received', 'objected', 'extension_requested'],
  inbox: ['handling', 'objected', 'extension_requested'],
  all: ['received', 'handling', 'objected', 'extension_requested', 'answered', 'closed', 'merged', 'transferred'],
}

const stateNames: Record<string, MessageKey> = {
  received: 'hotline.state.received',
  handling: 'hotline.state.handling',
  objected: 'hotline.state.objected',
  extension_requested: 'hotline.state.extension_requested',
  answered: 'hotline.state.answered',
  closed: 'hotline.state.closed',
  merged: 'hotline.state.merged',
  transferred: 'hotline.state.transferred',
}

const pages: Record<AppealListView, { title: MessageKey; desc: MessageKey; empty: MessageKey }> = {
  dispatch: { title: 'menu.hotlineDispatch', desc: 'hotline.dispatch.desc', empty: 'hotline.emptyQueue' },
  inbox: { title: 'menu.hotlineInbox', desc: 'hotline.inbox.desc', empty: 'hotline.emptyInbox' },
  all: { title: 'menu.hotlineAppeals', desc: 'hotline.appeals.desc', empty: 'hotline.empty' },
}

/** The list's filters live in the URL, so that coming back from an appeal keeps them. */
function useListQuery(view: AppealListView): [AppealQuery, (next: Partial<AppealQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<AppealQuery>(() => {
    const line = params.get('line')
    const type = params.get('type')
    const state = params.get('state')
    const pageSize = Number(params.get('pageSize'))
    return {
      view,
      line: lines.includes(line as Line) ? (line as Line) : undefined,
      type: appealTypes.includes(type as AppealType) ? (type as AppealType) : undefined,
      state: state && stateChoices[view].includes(state) ? state : undefined,
      categoryKey: params.get('category') || undefined,
      number: params.get('number') || undefined,
      q: params.get('q') || undefined,
      overdue: view === 'all' && params.get('overdue') === 'true' ? true : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    }
  }, [params, view])
  const update = (next: Partial<AppealQuery>) => {
    const merged = { ...query, page: 1, ...next }
    const search = new URLSearchParams()
    if (merged.line) search.set('line', merged.line)
    if (merged.type) search.set('type', merged.type)
    if (merged.state) search.set('state', merged.state)
    if (merged.categoryKey) search.set('category', merged.categoryKey)
    if (merged.number) search.set('number', merged.number)
    if (merged.q) search.set('q', merged.q)
    if (merged.overdue) search.set('overdue', 'true')
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.pageSize !== 20) search.set('pageSize', String(merged.pageSize))
    setParams(search, { replace: true })
  }
  return [query, update]
}

/**
 * 派单队列 (dispatch), 部门待办 (inbox) and 全部诉求 (all): one table of appeals, with the columns
 * each desk works by — the dispatch limit and the classifier's guess for dispatchers, the deadline
 * and escalations for departments.
 */
export default function AppealListPage({ view }: { view: AppealListView }) {
  const t = useT()
  const navigate = useNavigate()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const [query, setQuery] = useListQuery(view)
  const list = useAppealList(query)
  const clock = useUrgencyClock()
  const categoryName = useCategoryName()
  const [number, setNumber] = useState(query.number ?? '')
  const [text, setText] = useState(query.q ?? '')
  // On a phone the number and the keyword come first; the other filters open on request.
  const [moreFilters, setMoreFilters] = useState(false)
  const allFilters = !isPhone || moreFilters
  useEffect(() => setNumber(query.number ?? ''), [query.number])
  useEffect(() => setText(query.q ?? ''), [query.q])
  const now = new Date()
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))
  const page = pages[view]

  const appealCell = (appeal: AppealView) => (
    <div style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <Link to={`/workbench/hotline/appeals/${appeal.id}`} className="mono" data-testid={`appeal-link-${appeal.number}`} onClick={(event) => event.stopPropagation()}>
          {appeal.number}
        </Link>
        <EscalationTag level={appeal.escalation} />
      </Flex>
      <Typography.Text className="hotline-ellipsis" title={appeal.title}>
        {appeal.title}
      </Typography.Text>
      {isPhone && (
        <Space size={4} wrap style={{ marginTop: 4 }}>
          <AppealStateTag state={appeal.state} name={appeal.stateName} />
          {view === 'dispatch' ? <DispatchDueTag appeal={appeal} now={now} /> : <DeadlineTag appeal={appeal} clock={clock} />}
        </Space>
      )}
    </div>
  )

  const classificationCell = (appeal: AppealView) => {
    if (appeal.categoryKey) return categoryName(appeal.categoryKey)
    const guess = appeal.classification
    if (!guess?.categoryKey) return <Typography.Text type="secondary">{t('hotline.classificationNone')}</Typography.Text>
    return (
      <span data-testid="classification">
        <Typography.Text type={guess.confident ? undefined : 'secondary'}>{categoryName(guess.categoryKey)}</Typography.Text>{' '}
        <span className="hotline-sub mono">{Math.round(guess.probability * 100)}%</span>
      </span>
    )
  }

  const columns: TableColumnsType<AppealView> = [
    { title: t('hotline.col.appeal'), key: 'appeal', render: (_, appeal) => appealCell(appeal) },
    ...(isPhone
      ? []
      : [
          {
            title: `${t('hotline.line')} / ${t('hotline.type')}`,
            key: 'kind',
            width: w(150),
            render: (_: unknown, appeal: AppealView) => (
              <Space size={4} wrap>
                <LineTag line={appeal.line} />
                <TypeTag type={appeal.type} />
              </Space>
            ),
          },
          { title: view === 'dispatch' ? t('hotline.classification') : t('hotline.category'), key: 'category', width: w(150), render: (_: unknown, appeal: AppealView) => classificationCell(appeal) },
          { title: t('hotline.region'), dataIndex: 'regionName', key: 'region', width: w(110), render: (name: string | null, appeal: AppealView) => name ?? appeal.regionCode },
          {
            title: t('hotline.state'),
            key: 'state',
            width: w(120),
            render: (_: unknown, appeal: AppealView) => <AppealStateTag state={appeal.state} name={appeal.stateName} />,
          },
          ...(view === 'all' ? [{ title: t('hotline.department'), dataIndex: 'orgName', key: 'org', width: w(170), render: (name: string | null) => name ?? '—' }] : []),
          { title: t('hotline.submittedAt'), dataIndex: 'submittedAt', key: 'submitted', width: w(150), render: (at: string) => <span className="mono nowrap">{formatDateTime(at).slice(0, 16)}</span> },
          view === 'dispatch'
            ? { title: t('hotline.dispatchDue'), key: 'due', width: w(170), render: (_: unknown, appeal: AppealView) => <DispatchDueTag appeal={appeal} now={now} /> }
            : { title: t('hotline.deadline'), key: 'deadline', width: w(170), render: (_: unknown, appeal: AppealView) => <DeadlineTag appeal={appeal} clock={clock} /> },
        ]),
  ]

  return (
    <>
      <PageHeader title={t(page.title)} description={t(page.desc)} />
      <Card className="filter-card">
        <Form layout="vertical" onFinish={() => setQuery({ number: number.trim() || undefined, q: text.trim() || undefined })} data-testid="appeal-filter">
          <Row gutter={[16, 0]}>
            {allFilters && (
              <>
                <Col xs={12} md={8} xl={4}>
                  <Form.Item label={t('hotline.line')}>
                    <Select allowClear placeholder={t('common.all')} value={query.line} onChange={(line?: Line) => setQuery({ line, categoryKey: undefined })} options={lines.map((value) => ({ value, label: t.dynamic(`hotline.line.${value}`, value) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Form.Item label={t('hotline.type')}>
                    <Select allowClear placeholder={t('common.all')} value={query.type} onChange={(type?: AppealType) => setQuery({ type })} options={appealTypes.map((value) => ({ value, label: t.dynamic(`hotline.type.${value}`, value) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8} xl={5}>
                  <Form.Item label={t('hotline.category')}>
                    <CategorySelect line={query.line} value={query.categoryKey} onChange={(categoryKey) => setQuery({ categoryKey })} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Form.Item label={t('hotline.state')}>
                    <Select allowClear placeholder={t('common.all')} value={query.state} onChange={(state?: string) => setQuery({ state })} options={stateChoices[view].map((value) => ({ value, label: t(stateNames[value]!) }))} data-testid="filter-state" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24} md={8} xl={7}>
              <Form.Item label={t('hotline.filter.number')}>
                <Input value={number} onChange={(event) => setNumber(event.target.value)} allowClear inputMode="numeric" data-testid="filter-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16} xl={view === 'all' ? 16 : 20}>
              <Form.Item label={t('hotline.filter.q')}>
                <Input value={text} onChange={(event) => setText(event.target.value)} allowClear placeholder={t('hotline.filter.qPlaceholder')} data-testid="filter-q" />
              </Form.Item>
            </Col>
            {view === 'all' && allFilters && (
              <Col xs={24} md={8} xl={4}>
                <Form.Item label={isPhone ? undefined : ' '}>
                  <Checkbox checked={query.overdue === true} onChange={(event) => setQuery({ overdue: event.target.checked || undefined })} data-testid="filter-overdue">
                    {t('hotline.filter.overdue')}
                  </Checkbox>
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8} xl={4}>
              <Form.Item label={isPhone ? undefined : ' '}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block data-testid="filter-submit">
                  {t('common.search')}
                </Button>
              </Form.Item>
            </Col>
            {isPhone && (
              <Col xs={24}>
                <Button type="link" onClick={() => setMoreFilters(!moreFilters)} style={{ padding: 0 }}>
                  {t(moreFilters ? 'common.fewerFilters' : 'common.moreFilters')}
                </Button>
              </Col>
            )}
          </Row>
        </Form>
      </Card>
      <Card
        title={t('common.total', { total: list.data?.total ?? 0 })}
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<AppealView>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={isPhone ? undefined : { x: w(view === 'all' ? 1180 : 1000) }}
          onRow={(appeal) => ({ onClick: () => navigate(`/workbench/hotline/appeals/${appeal.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(page.empty)} /> }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !isPhone,
            pageSizeOptions: PAGE_SIZES,
            simple: isPhone,
            onChange: (pageNumber, pageSize) => setQuery({ page: pageSize === query.pageSize ? pageNumber : 1, pageSize }),
          }}
          data-testid="appeal-table"
        />
      </Card>
    </>
  )
}
