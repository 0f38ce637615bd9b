import { ArrowLeftOutlined, EditOutlined, FileAddOutlined, NodeExpandOutlined, ReloadOutlined, SendOutlined, StopOutlined } from '@ant-design/icons'
import {
  Alert,
  App as AntApp,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Segmented,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../../app/api/client'
import { useErrorText } from '../../../app/api/errors'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import {
  NATIONAL,
  ownerRegionOf,
  useCompare,
  useImplementation,
  usePublish,
  useRetire,
  useReviewTasks,
  useStartDraft,
  useVersion,
  type ChildEntry,
  type ImplementationDetail,
  type VersionSummary,
} from '../api'
import { useRegion } from '../../platform/api'
import { ClaimWizard, useRegionsBelow } from '../components/ClaimWizard'
import { DiffTable } from '../components/DiffTable'
import { EditDraftDrawer } from '../components/EditDraftDrawer'
import { paren } from '../components/ElementValue'
import { ElementsView } from '../components/ElementsView'
import { ReviewTaskCard } from '../components/ReviewTaskCard'
import { CatalogLevelTag, KindTag, VersionStatusTag } from '../components/tags'
import '../catalog.css'

const tabKeys = ['elements', 'versions', 'changes', 'children', 'reviews'] as const
type TabKey = (typeof tabKeys)[number]

/** 事项详情: one entry with its elements, versions, what this level changed, claims below and reviews. */
export default function CatalogEntryPage() {
  const { id } = useParams()
  const t = useT()
  const detail = useImplementation(id)
  const [params, setParams] = useSearchParams()
  const tab: TabKey = (tabKeys as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'elements'

  if (detail.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    )
  }
  if (detail.error || !detail.data) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404
    return notFound ? (
      <Result
        status="404"
        title={t('error.notFoundTitle')}
        subTitle={<ErrorText error={detail.error} />}
        extra={
          <Link to="/workbench/catalog">
            <Button type="primary">{t('catalog.back')}</Button>
          </Link>
        }
      />
    ) : (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    )
  }
  return <Entry detail={detail.data} tab={tab} setTab={(next) => setParams(next === 'elements' ? {} : { tab: next }, { replace: true })} refetch={() => void detail.refetch()} fetching={detail.isFetching} />
}

function ErrorText({ error }: { error: unknown }) {
  const text = useErrorText()
  return <>{text(error)}</>
}

function Entry({ detail, tab, setTab, refetch, fetching }: { detail: ImplementationDetail; tab: TabKey; setTab: (tab: TabKey) => void; refetch: () => void; fetching: boolean }) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const { me, can } = useAuth()
  const meta = useMeta()
  const isPhone = useIsPhone()
  const m = detail.implementation
  const [editing, setEditing] = useState(false)
  const [claiming, setClaiming] = useState(false)
  const [retiring, setRetiring] = useState(false)
  const startDraft = useStartDraft()
  const publish = usePublish()

  const owner = ownerRegionOf(m.regionCode, meta.data?.province.code)
  const canEdit = Boolean(me && can('catalog.edit') && meta.data && owner.startsWith(me.regionCode))
  const below = useRegionsBelow(m.regionCode)
  const claimable = below.regions.filter((r) => me && r.code.startsWith(me.regionCode))
  const canClaim = Boolean(detail.current && can('catalog.edit') && claimable.length > 0)
  const lawTasks = detail.openTasks.filter((task) => task.reason !== 'parent_changed')
  const parentTasks = detail.openTasks.filter((task) => task.reason === 'parent_changed')
  const retired = !detail.current && !detail.draft && detail.versions.length > 0

  const newDraft = async () => {
    try {
      await startDraft.mutateAsync(m.id)
      message.success(t('catalog.draftStarted'))
      setEditing(true)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const publishDraft = async () => {
    if (!detail.draft) return
    try {
      const version = await publish.mutateAsync(detail.draft.id)
      message.success(t('catalog.published', { n: version.number }))
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const actions = (
    <>
      {canEdit && detail.draft && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="entry-edit-draft">
          {t('catalog.action.editDraft')}
        </Button>
      )}
      {canEdit && detail.draft && (
        <Popconfirm
          title={t('catalog.action.publish')}
          description={<div style={{ maxWidth: 320 }}>{t('catalog.publishConfirm', { n: detail.draft.number })}</div>}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={publishDraft}
          okButtonProps={{ ...({ 'data-testid': 'entry-publish-ok' } as object) }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="entry-publish">
            {t('catalog.action.publish')}
          </Button>
        </Popconfirm>
      )}
      {canEdit && !detail.draft && detail.current && (
        <Button icon={<FileAddOutlined />} onClick={() => void newDraft()} loading={startDraft.isPending} data-testid="entry-new-draft">
          {t('catalog.action.newDraft')}
        </Button>
      )}
      {canClaim && (
        <Button icon={<NodeExpandOutlined />} onClick={() => setClaiming(true)} data-testid="entry-claim">
          {t('catalog.action.claim')}
        </Button>
      )}
      {canEdit && detail.current && (
        <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)} data-testid="entry-retire">
          {t('catalog.action.retire')}
        </Button>
      )}
    </>
  )

  const reviewCount = detail.openTasks.length

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/workbench/catalog" className="catalog-back">
          <ArrowLeftOutlined /> {t('catalog.back')}
        </Link>
      </div>
      <PageHeader
        title={m.name}
        description={
          <Space size={[6, 6]} wrap>
            <KindTag kind={m.kind} />
            <CatalogLevelTag level={m.level} />
            {detail.current && <VersionStatusTag status="published" />}
            {detail.draft && <VersionStatusTag status={detail.current ? 'draft' : 'unpublished'} />}
            {retired && <VersionStatusTag status="retired" />}
            {reviewCount > 0 && <Badge count={t('catalog.openReviews', { n: reviewCount })} color="orange" />}
          </Space>
        }
        extra={actions}
      />
      {lawTasks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('catalog.basisAlert')}
          description={t('catalog.basisAlertDesc')}
          action={
            tab !== 'reviews' ? (
              <Button size="small" onClick={() => setTab('reviews')}>
                {t('catalog.tab.reviews')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="basis-alert"
        />
      )}
      {parentTasks.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('catalog.parentAlert')}
          action={
            tab !== 'reviews' ? (
              <Button size="small" onClick={() => setTab('reviews')}>
                {t('catalog.tab.reviews')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {retired && <Alert type="error" showIcon title={t('catalog.retiredAlert')} style={{ marginBottom: 16 }} />}

      <Card className="filter-card" data-testid="entry-header">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            { key: 'basic', label: t('catalog.basicCode'), children: <span className="mono">{detail.basicCode}</span> },
            { key: 'code', label: t('catalog.implementationCode'), children: <span className="mono" data-testid="entry-code">{m.implementationCode}</span> },
            { key: 'region', label: t('catalog.entryRegion'), children: m.regionCode === NATIONAL ? t('catalog.national') : detail.region.name },
            { key: 'org', label: t('catalog.entryOrg'), children: detail.orgName ?? '—' },
            {
              key: 'parent',
              label: t('catalog.parentEntry'),
              children: detail.parent ? (
                <Link to={`/workbench/catalog/items/${detail.parent.id}`} data-testid="entry-parent">
                  <RegionLabel code={detail.parent.regionCode} /> · {detail.parent.name}
                </Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'version',
              label: t('catalog.currentVersion'),
              children: detail.current ? `${t('catalog.versionN', { n: detail.current.number })} · ${formatDateTime(detail.current.publishedAt).slice(0, 16)}` : '—',
            },
          ]}
        />
      </Card>

      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          tabBarExtraContent={isPhone ? undefined : <Button type="text" icon={<ReloadOutlined />} loading={fetching} onClick={refetch} aria-label={t('common.refresh')} />}
          items={[
            { key: 'elements', label: t('catalog.tab.elements'), children: <ElementsTab detail={detail} /> },
            { key: 'versions', label: t('catalog.tab.versions'), children: <VersionsTab detail={detail} /> },
            { key: 'changes', label: t('catalog.tab.changes'), children: <ChangesTab detail={detail} /> },
            {
              key: 'children',
              label: (
                <span>
                  {t('catalog.tab.children')}
                  {detail.children.length > 0 && <span className="catalog-tab-count">{detail.children.length}</span>}
                </span>
              ),
              children: <ChildrenTab detail={detail} />,
            },
            {
              key: 'reviews',
              label: (
                <span>
                  {t('catalog.tab.reviews')}
                  {reviewCount > 0 && <Badge count={reviewCount} size="small" color="orange" style={{ marginInlineStart: 6 }} />}
                </span>
              ),
              children: <ReviewsTab detail={detail} canResolve={canEdit} />,
            },
          ]}
          data-testid="entry-tabs"
        />
      </Card>

      {canEdit && detail.draft && <EditDraftDrawer detail={detail} open={editing} onClose={() => setEditing(false)} />}
      {canClaim && <ClaimWizard detail={detail} open={claiming} onClose={() => setClaiming(false)} />}
      {canEdit && <RetireModal id={m.id} name={m.name} open={retiring} onClose={() => setRetiring(false)} />}
    </>
  )
}

function ElementsTab({ detail }: { detail: ImplementationDetail }) {
  const t = useT()
  const both = Boolean(detail.current && detail.draft)
  const [which, setWhich] = useState<'current' | 'draft'>('current')
  // a retired entry shows its last version, read on its own
  const last = useVersion(!detail.current && !detail.draft ? detail.versions[0]?.id : undefined)
  const version = (which === 'draft' ? detail.draft : detail.current) ?? detail.current ?? detail.draft ?? last.data ?? null
  const claimed = detail.implementation.parentId !== null
  const overridden = useMemo(() => new Set(claimed && version ? Object.keys(version.elements) : []), [claimed, version])

  if (last.isLoading) return <Spin />
  if (!version) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.retiredAlert')} />
  return (
    <Flex vertical gap={12}>
      {both && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{t('catalog.show')}</Typography.Text>
          <Segmented
            value={which}
            onChange={(value) => setWhich(value as 'current' | 'draft')}
            options={[
              { value: 'current', label: `${t('catalog.showPublished')} · ${t('catalog.versionN', { n: detail.current!.number })}` },
              { value: 'draft', label: `${t('catalog.showDraft')} · ${t('catalog.versionN', { n: detail.draft!.number })}` },
            ]}
            data-testid="elements-which"
          />
        </Flex>
      )}
      {!detail.current && detail.draft && <Alert type="warning" showIcon title={t('catalog.draftOnly')} />}
      {version === last.data && <Typography.Text type="secondary">{t('catalog.retiredShown', { n: version.number })}</Typography.Text>}
      {claimed && overridden.size > 0 && <Typography.Text type="secondary">{t('catalog.overriddenHint')}</Typography.Text>}
      <ElementsView kind={detail.implementation.kind} elements={version.effective} overridden={overridden} />
      {version === detail.current && detail.legalBasis.length > 0 && (
        <Card size="small" title={t('catalog.field.legalBasis')} data-testid="cited-articles">
          <Flex vertical gap={12}>
            {detail.legalBasis.map((article) => (
              <div key={article.articleId}>
                <Typography.Text strong>
                  《{article.lawTitle}》{article.label}
                </Typography.Text>
                {article.docNumber && <Typography.Text type="secondary"> {paren(t, article.docNumber)}</Typography.Text>}
                {!article.inForce && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t('catalog.basis.notInForce')}
                  </Tag>
                )}
                <Typography.Paragraph className="catalog-article-text">{article.text}</Typography.Paragraph>
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  )
}

function VersionsTab({ detail }: { detail: ImplementationDetail }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [selected, setSelected] = useState<string[]>(() => detail.versions.slice(0, 2).map((v) => v.id))
  useEffect(() => {
    setSelected((current) => (current.every((id) => detail.versions.some((v) => v.id === id)) ? current : detail.versions.slice(0, 2).map((v) => v.id)))
  }, [detail.versions])
  // older first, so that the diff reads from the earlier version to the later one
  const [older, newer] = [...selected]
    .map((id) => detail.versions.find((v) => v.id === id)!)
    .filter(Boolean)
    .sort((a, b) => a.number - b.number)
  const compare = useCompare(older?.id, newer?.id)

  const columns: TableColumnsType<VersionSummary> = [
    { title: t('catalog.version.number'), dataIndex: 'number', key: 'number', width: 90, render: (n: number) => t('catalog.versionN', { n }) },
    { title: t('catalog.version.status'), dataIndex: 'status', key: 'status', width: 100, render: (status: VersionSummary['status']) => <VersionStatusTag status={status} /> },
    { title: t('catalog.version.note'), dataIndex: 'note', key: 'note', render: (note: string) => note || '—' },
    ...(isPhone
      ? []
      : [
          { title: t('catalog.version.createdBy'), dataIndex: 'createdBy', key: 'by', width: 130 },
          { title: t('catalog.version.publishedAt'), dataIndex: 'publishedAt', key: 'at', width: 170, render: (at: string | null) => <span className="mono nowrap">{at ? formatDateTime(at).slice(0, 16) : '—'}</span> },
        ]),
  ]

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('catalog.compareHint')}</Typography.Text>
      <Table<VersionSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        pagination={false}
        columns={columns}
        dataSource={detail.versions}
        rowSelection={{
          selectedRowKeys: selected,
          hideSelectAll: true,
          onChange: (keys) => setSelected((keys as string[]).slice(-2)),
          getCheckboxProps: (version) => ({ 'aria-label': t('catalog.versionN', { n: version.number }) }) as object,
        }}
        data-testid="versions-table"
      />
      {older && newer && (
        <Card size="small" title={t('catalog.compareTitle', { from: older.number, to: newer.number })} data-testid="version-compare">
          <ErrorAlert error={compare.error} />
          {compare.isPending ? <Spin /> : compare.data && <DiffTable kind={detail.implementation.kind} changes={compare.data.changes} testId="version-diff" />}
        </Card>
      )}
    </Flex>
  )
}

/** A catalogue region by name: the national base list, or a region looked up by code. */
function RegionLabel({ code }: { code: string }) {
  const t = useT()
  const region = useRegion(code === NATIONAL ? undefined : code)
  return <>{code === NATIONAL ? t('catalog.national') : (region.data?.name ?? code)}</>
}

function ChangesTab({ detail }: { detail: ImplementationDetail }) {
  const t = useT()
  const parentCode = detail.parent?.regionCode
  const parentRegion = useRegion(parentCode && parentCode !== NATIONAL ? parentCode : undefined)
  const parentRegionName = parentCode === NATIONAL ? t('catalog.national') : parentRegion.data?.name
  if (!detail.parent) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.changes.national')} />
  return (
    <Flex vertical gap={12}>
      {detail.regionChanges.length > 0 && (
        <Typography.Text type="secondary">
          {t('catalog.changes.desc', { parent: `${parentRegionName || detail.parent.regionCode} · ${detail.parent.name}` })}
        </Typography.Text>
      )}
      <DiffTable
        kind={detail.implementation.kind}
        changes={detail.regionChanges}
        beforeTitle={t('catalog.diff.parent')}
        afterTitle={t('catalog.diff.here')}
        emptyText={t('catalog.changes.none')}
        testId="region-changes"
      />
    </Flex>
  )
}

function ChildrenTab({ detail }: { detail: ImplementationDetail }) {
  const t = useT()
  const isPhone = useIsPhone()
  if (detail.children.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.children.none')} />
  const columns: TableColumnsType<ChildEntry> = [
    {
      title: t('catalog.children.region'),
      key: 'region',
      render: (_, child) => (
        <Link to={`/workbench/catalog/items/${child.id}`} data-testid={`child-${child.regionCode}`}>
          {child.regionName}
        </Link>
      ),
    },
    ...(isPhone ? [] : [{ title: t('catalog.col.level'), dataIndex: 'level', key: 'level', width: 100, render: (level: ChildEntry['level']) => <CatalogLevelTag level={level} /> }]),
    { title: t('catalog.children.status'), key: 'status', width: 110, render: (_, child) => <VersionStatusTag status={child.published ? 'published' : 'unpublished'} /> },
    {
      title: t('catalog.children.tasks'),
      dataIndex: 'openTasks',
      key: 'tasks',
      width: 100,
      render: (n: number) => (n > 0 ? <Badge count={n} color="orange" /> : <Typography.Text type="secondary">0</Typography.Text>),
    },
  ]
  return <Table<ChildEntry> rowKey="id" size={isPhone ? 'small' : 'middle'} pagination={false} columns={columns} dataSource={detail.children} data-testid="children-table" />
}

function ReviewsTab({ detail, canResolve }: { detail: ImplementationDetail; canResolve: boolean }) {
  const t = useT()
  // settled reviews of entries the user keeps
  const history = useReviewTasks({ implementationId: detail.implementation.id, status: 'resolved', page: 1, pageSize: 50 }, canResolve)
  return (
    <Flex vertical gap={12} data-testid="entry-reviews">
      {detail.openTasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.reviews.none')} />
      ) : (
        detail.openTasks.map((task) => <ReviewTaskCard key={task.id} task={{ ...task, name: task.name ?? detail.implementation.name }} kind={detail.implementation.kind} showEntry={false} canResolve={canResolve} />)
      )}
      {(history.data?.items.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('catalog.reviews.resolved')}
          </Typography.Title>
          {history.data!.items.map((task) => (
            <ReviewTaskCard key={task.id} task={task} kind={detail.implementation.kind} showEntry={false} canResolve={false} />
          ))}
        </>
      )}
    </Flex>
  )
}

function RetireModal({ id, name, open, onClose }: { id: string; name: string; open: boolean; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const retire = useRetire()
  const [form] = Form.useForm<{ reason: string }>()
  useEffect(() => {
    if (!open) return
    retire.reset()
    form.resetFields()
  }, [open])
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await retire.mutateAsync({ id, reason: reason.trim() })
      message.success(t('catalog.retired'))
      onClose()
    } catch {
      // the alert shows it
    }
  }
  return (
    <Modal
      open={open}
      title={`${t('catalog.retireTitle')} · ${name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('catalog.action.retire')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={retire.isPending}
      forceRender
    >
      <Alert type="warning" showIcon title={t('catalog.retireWarning')} style={{ marginBottom: 12 }} />
      <ErrorAlert error={retire.error} />
      <Form form={form} name="retire" layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('catalog.retireReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('catalog.retireReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="retire-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
