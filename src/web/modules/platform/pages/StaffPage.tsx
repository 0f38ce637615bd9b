import { DownOutlined, UpOutlined, LockOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, SafetyOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons'
import { App as AntApp, Badge, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useErrorText } from '../../../app/api/errors'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useRoles, useStaffAction, useStaffList, type Staff, type StaffQuery, type StaffStatus } from '../api'
import { AssignRolesModal } from '../components/AssignRolesModal'
import { CreateStaffModal } from '../components/CreateStaffModal'
import { RegionTreeSelect } from '../components/RegionTreeSelect'
import { RoleTags } from '../components/tags'

interface Filters {
  q?: string
  region?: string
  status?: StaffStatus
}

const PAGE_SIZES = [10, 20, 50, 100]

/** The list query lives in the URL, so that reload, back and a shared link keep it. */
function useStaffQuery(): [StaffQuery, (next: Partial<StaffQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<StaffQuery>(() => {
    const status = params.get('status')
    const pageSize = Number(params.get('pageSize'))
    return {
      q: params.get('q') || undefined,
      region: params.get('region') || undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    }
  }, [params])
  const update = (next: Partial<StaffQuery>) => {
    const merged = { ...query, ...next }
    const search = new URLSearchParams()
    if (merged.q) search.set('q', merged.q)
    if (merged.region) search.set('region', merged.region)
    if (merged.status) search.set('status', merged.status)
    if (merged.page > 1) search.set('page', String(merged.page))
    if (merged.pageSize !== 20) search.set('pageSize', String(merged.pageSize))
    setParams(search, { replace: true })
  }
  return [query, update]
}

/** 工作人员账号: search, create, grant roles, disable / enable / unlock. */
export default function StaffPage() {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const { me, can } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  // on a phone only the first filter shows until asked for the rest
  const [moreFilters, setMoreFilters] = useState(false)
  const hideExtra = isPhone && !moreFilters
  const [query, setQuery] = useStaffQuery()
  const list = useStaffList(query)
  const roles = useRoles(can('staff.assign_roles') || can('staff.read'))
  const action = useStaffAction()
  const [form] = Form.useForm<Filters>()
  const [creating, setCreating] = useState(false)
  const [assigning, setAssigning] = useState<Staff | null>(null)

  useEffect(() => {
    form.setFieldsValue({ q: query.q, region: query.region, status: query.status })
  }, [query.q, query.region, query.status, form])

  if (!me) return null

  const run = async (staff: Staff, kind: 'disable' | 'enable' | 'unlock') => {
    try {
      await action.mutateAsync({ id: staff.id, action: kind })
      message.success(t(kind === 'disable' ? 'staff.disabled' : kind === 'enable' ? 'staff.enabled' : 'staff.unlocked'))
    } catch (error) {
      message.error(errorText(error))
    }
  }

  // 长辈模式 has larger text: the columns grow with it
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))
  const actionCount = [can('staff.assign_roles'), can('staff.manage'), can('staff.unlock')].filter(Boolean).length
  const actionWidth = w(24 + Math.max(1, actionCount) * (t.lang === 'zh' ? 80 : 112))

  const columns: TableColumnsType<Staff> = [
    {
      title: t('staff.displayName'),
      key: 'name',
      fixed: isPhone ? undefined : 'left',
      width: w(160),
      render: (_, staff) => (
        <div>
          <Typography.Text strong>{staff.displayName}</Typography.Text>
          {staff.id === me.id && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('staff.self')}
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: '0.88em' }}>
              {staff.username}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: `${t('staff.region')} / ${t('staff.org')}`,
      key: 'where',
      width: w(200),
      render: (_, staff) => (
        <div>
          <div>{staff.regionName}</div>
          <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
            {staff.orgName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('staff.roles'),
      key: 'roles',
      width: w(190),
      render: (_, staff) => <RoleTags roles={staff.roles} list={roles.data} />,
    },
    {
      title: t('staff.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: w(130),
      render: (phone: string | null) => (phone ? <span className="mono nowrap">{phone}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('staff.status'),
      key: 'status',
      width: w(110),
      render: (_, staff) => (
        <Space size={4} wrap>
          <Badge status={staff.status === 'active' ? 'success' : 'default'} text={t(staff.status === 'active' ? 'staff.status.active' : 'staff.status.disabled')} />
          {staff.locked && (
            <Tooltip title={t('staff.lockedHint')}>
              <Tag color="error" icon={<LockOutlined />}>
                {t('staff.locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('staff.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: w(160),
      render: (value: string) => <span className="mono nowrap">{formatDateTime(value).slice(0, 16)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: isPhone ? undefined : 'right',
      width: actionWidth,
      render: (_, staff) => (
        <Space size={0} wrap>
          {can('staff.assign_roles') && (
            <Button type="link" size="small" icon={<SafetyOutlined />} onClick={() => setAssigning(staff)} data-testid={`assign-${staff.username}`}>
              {t('staff.assignRoles')}
            </Button>
          )}
          {can('staff.manage') &&
            staff.id !== me.id &&
            (staff.status === 'active' ? (
              <Popconfirm
                title={t('staff.disable')}
                description={t('staff.disableConfirm', { name: staff.displayName })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => run(staff, 'disable')}
              >
                <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`disable-${staff.username}`}>
                  {t('staff.disable')}
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={t('staff.enable')}
                description={t('staff.enableConfirm', { name: staff.displayName })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(staff, 'enable')}
              >
                <Button type="link" size="small" icon={<CheckCircleOutlined />} data-testid={`enable-${staff.username}`}>
                  {t('staff.enable')}
                </Button>
              </Popconfirm>
            ))}
          {can('staff.unlock') && staff.locked && (
            <Popconfirm
              title={t('staff.unlock')}
              description={t('staff.unlockConfirm', { name: staff.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(staff, 'unlock')}
            >
              <Button type="link" size="small" icon={<UnlockOutlined />} data-testid={`unlock-${staff.username}`}>
                {t('staff.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        description={t('staff.desc')}
        extra={
          can('staff.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
              {t('staff.create')}
            </Button>
          )
        }
      />
      <Card className="filter-card">
        <Form<Filters>
          form={form}
          layout={isPhone ? 'vertical' : 'horizontal'}
          onFinish={(values) => setQuery({ q: values.q?.trim() || undefined, region: values.region, status: values.status, page: 1 })}
          data-testid="staff-filter"
        >
          <Row gutter={[16, isPhone ? 0 : 16]}>
            <Col xs={24} md={12} xl={7}>
              <Form.Item name="q" label={t('staff.keyword')}>
                <Input placeholder={t('staff.keywordPlaceholder')} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={7} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="region" label={t('staff.region')}>
                <RegionTreeSelect rootCode={me.regionCode} allowClear placeholder={t('common.all')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="status" label={t('staff.status')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  options={[
                    { value: 'active', label: t('staff.status.active') },
                    { value: 'disabled', label: t('staff.status.disabled') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields()
                      setQuery({ q: undefined, region: undefined, status: undefined, page: 1 })
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                  {isPhone && (
                    <Button type="link" onClick={() => setMoreFilters(!moreFilters)} icon={moreFilters ? <UpOutlined /> : <DownOutlined />}>
                      {t(moreFilters ? 'common.fewerFilters' : 'common.moreFilters')}
                    </Button>
                  )}
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        title={t('staff.title')}
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<Staff>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: w(950) + actionWidth }}
          size={isPhone ? 'small' : 'middle'}
          locale={{ emptyText: t('staff.empty') }}
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
          data-testid="staff-table"
        />
      </Card>
      <CreateStaffModal
        open={creating}
        rootRegion={me.regionCode}
        defaultRegion={query.region ?? me.regionCode}
        onClose={() => setCreating(false)}
      />
      <AssignRolesModal staff={assigning} onClose={() => setAssigning(null)} />
    </>
  )
}
