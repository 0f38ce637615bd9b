import { CheckOutlined, CopyOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons'
import { App as AntApp, Alert, Badge, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Result, Select, Table, Typography, type TableColumnsType } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useErrorText } from '../../../app/api/errors'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useDebouncedValue } from '../../../app/useDebouncedValue'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { showFieldError } from '../../../shared/formErrors'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import {
  useApiTokens,
  useIssueToken,
  useRevokeToken,
  useRoles,
  useStaffList,
  type ApiToken,
  type ApiTokenStatus,
  type IssuedApiToken,
  type NewApiToken,
} from '../api'

const statusBadge: Record<ApiTokenStatus, 'success' | 'default' | 'warning'> = { active: 'success', revoked: 'default', expired: 'warning' }
const statuses: ApiTokenStatus[] = ['active', 'expired', 'revoked']

/** Copies to the clipboard; falls back to a hidden text area where the Clipboard API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}

/** The active accounts of my region, searched on the server as one types (the staff list's own query). */
function StaffPicker({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const t = useT()
  const [typed, setTyped] = useState('')
  const q = useDebouncedValue(typed.trim())
  const staff = useStaffList({ q: q || undefined, status: 'active', page: 1, pageSize: 20 })
  const roles = useRoles()
  const adminRoles = useMemo(() => new Set((roles.data ?? []).filter((r) => r.group === 'admin').map((r) => r.role)), [roles.data])
  const options = (staff.data?.items ?? []).map((s) => {
    const admin = s.roles.some((role) => adminRoles.has(role))
    return {
      value: s.id,
      disabled: admin,
      label: (
        <span>
          {s.displayName} <span className="mono">({s.username})</span>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: '0.88em' }}>
            {admin ? t('token.accountAdmin') : s.regionName}
          </Typography.Text>
        </span>
      ),
    }
  })
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      loading={staff.isFetching}
      placeholder={t('token.accountPlaceholder')}
      notFoundContent={staff.isFetching ? t('common.loading') : undefined}
      data-testid="token-account"
    />
  )
}

interface IssueValues {
  staffId?: string
  name: string
  expiresAt?: Dayjs | null
}

/** Issue dialog: account, name, optional expiry; then the token, once, with a copy button. */
function IssueTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<IssueValues>()
  const issue = useIssueToken()
  const [issued, setIssued] = useState<IssuedApiToken | null>(null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    if (!open) return
    issue.reset()
    form.resetFields()
    setIssued(null)
    setCopied(false)
  }, [open])

  // The secret leaves memory with the dialog.
  const close = () => {
    setIssued(null)
    onClose()
  }

  const submit = async (values: IssueValues) => {
    const body: NewApiToken = {
      staffId: values.staffId!,
      name: values.name.trim(),
      ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
    }
    try {
      setIssued(await issue.mutateAsync(body))
    } catch (error) {
      showFieldError(form, error, t, ['staffId', 'name', 'expiresAt'])
    }
  }

  const copy = async () => {
    if (!issued) return
    if (await copyText(issued.token)) {
      setCopied(true)
      message.success(t('token.copied'))
    }
  }

  if (issued) {
    return (
      <Modal
        open={open}
        title={t('token.issue')}
        onCancel={close}
        maskClosable={false}
        width={640}
        footer={
          <Button type="primary" onClick={close} data-testid="token-done">
            {t('token.done')}
          </Button>
        }
      >
        <Result
          status="success"
          title={t('token.issuedTitle')}
          subTitle={t('token.issuedSub', { name: issued.name, account: `${issued.displayName} (${issued.username})` })}
          style={{ paddingBlock: 16 }}
        />
        <Alert type="warning" showIcon title={t('token.onceTitle')} description={t('token.onceWarning')} style={{ marginBottom: 16 }} />
        <div className="mono" style={{ wordBreak: 'break-all', padding: '12px 16px', background: 'rgba(0, 0, 0, 0.04)', borderRadius: 6, marginBottom: 12 }} data-testid="token-secret">
          {issued.token}
        </div>
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()} data-testid="token-copy">
          {t(copied ? 'token.copied' : 'token.copy')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('token.usage')}
        </Typography.Paragraph>
      </Modal>
    )
  }

  return (
    <Modal
      open={open}
      title={t('token.issue')}
      okText={t('token.issueSubmit')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      forceRender
      width={560}
    >
      <ErrorAlert error={issue.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" autoComplete="off" data-testid="token-form">
        <Form.Item name="staffId" label={t('token.account')} extra={t('token.accountHint')} rules={[{ required: true, message: t('token.accountRequired') }]}>
          <StaffPicker />
        </Form.Item>
        <Form.Item name="name" label={t('token.name')} extra={t('token.nameHint')} rules={[{ required: true, whitespace: true, message: t('token.nameRequired') }]}>
          <Input maxLength={100} placeholder={t('token.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('token.expiresAt')} extra={t('token.expiresHint')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => day.endOf('day').isBefore(dayjs()) || day.endOf('day').isAfter(dayjs().add(1, 'year'))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** 接口令牌: tokens of the accounts in my region, issue (shown once) and revoke. */
export default function TokensPage() {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const { me } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const list = useApiTokens()
  const revoke = useRevokeToken()
  const [issuing, setIssuing] = useState(false)

  if (!me) return null

  const run = async (token: ApiToken) => {
    try {
      await revoke.mutateAsync(token.id)
      message.success(t('token.revoked'))
    } catch (error) {
      message.error(errorText(error))
    }
  }

  // 长辈模式 has larger text: the columns grow with it
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))
  const instant = (value: string | null, empty: string) =>
    value ? <span className="mono nowrap">{formatDateTime(value).slice(0, 16)}</span> : <Typography.Text type="secondary">{empty}</Typography.Text>

  const columns: TableColumnsType<ApiToken> = [
    {
      title: t('token.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: isPhone ? undefined : 'left',
      width: w(180),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('token.account'),
      key: 'account',
      width: w(200),
      render: (_, token) => (
        <div>
          <div>
            {token.displayName}{' '}
            <Typography.Text type="secondary" className="mono" style={{ fontSize: '0.88em' }}>
              {token.username}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
            {token.regionName}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('token.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: w(150), render: (value: string) => instant(value, '—') },
    { title: t('token.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', width: w(150), render: (value: string | null) => instant(value, t('token.noExpiry')) },
    { title: t('token.lastUsed'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', width: w(150), render: (value: string | null) => instant(value, t('token.neverUsed')) },
    {
      title: t('token.status'),
      dataIndex: 'status',
      key: 'status',
      width: w(100),
      filters: statuses.map((status) => ({ text: t(`token.status.${status}`), value: status })),
      onFilter: (value, token) => token.status === value,
      render: (status: ApiTokenStatus) => <Badge status={statusBadge[status]} text={t(`token.status.${status}`)} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: isPhone ? undefined : 'right',
      width: w(t.lang === 'zh' ? 90 : 110),
      render: (_, token) =>
        token.status === 'active' ? (
          <Popconfirm
            title={t('token.revoke')}
            description={t('token.revokeConfirm', { name: token.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => run(token)}
          >
            <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`revoke-${token.id}`}>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('token.title')}
        description={t('token.desc')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="token-issue">
            {t('token.issue')}
          </Button>
        }
      />
      <Card
        title={t('token.title')}
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          scroll={{ x: w(1030) }}
          size={isPhone ? 'small' : 'middle'}
          locale={{ emptyText: t('token.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }), simple: isPhone }}
          data-testid="token-table"
        />
      </Card>
      <IssueTokenModal open={issuing} onClose={() => setIssuing(false)} />
    </>
  )
}
