import { PlusOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Cascader, Empty, Flex, Form, Input, Modal, Result, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useMemo, useState } from 'react'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useProvinceRegions, type RegionOption } from '../../catalog/portal-api'
import { useOpen311Clients, useRegisterOpen311Client, useRevokeOpen311Client, type Open311Client, type RegisteredOpen311Client } from './api'
import { RegionName } from './RegionName'

function findOption(option: RegionOption, code: string): RegionOption | undefined {
  if (option.value === code) return option
  for (const child of option.children ?? []) {
    const found = code.startsWith(child.value) ? findOption(child, code) : undefined
    if (found) return found
  }
  return undefined
}

/** Several cities or counties below `rootCode` (checking a city covers its counties). */
function RegionScopesPicker({ rootCode, value, onChange, id }: { rootCode: string; value?: string[][]; onChange?: (paths: string[][]) => void; id?: string }) {
  const t = useT()
  const meta = useMeta()
  const regions = useProvinceRegions(meta.data?.province.code)
  const options = useMemo(() => {
    const province = regions.data?.option
    const root = province ? findOption(province, rootCode) : undefined
    if (!root) return []
    return root.value.length === 2 ? (root.children ?? []) : [root]
  }, [regions.data, rootCode])
  return (
    <Cascader
      id={id}
      multiple
      options={options}
      value={value}
      onChange={(paths) => onChange?.(paths as string[][])}
      showCheckedStrategy={Cascader.SHOW_PARENT}
      loading={regions.isPending}
      placeholder={t('hotline.regionPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      style={{ width: '100%' }}
      maxTagCount="responsive"
      data-testid="open311-scopes"
    />
  )
}

interface ClientValues {
  name: string
  scopes?: string[][]
}

function RegisterClientModal({ open, rootCode, onClose }: { open: boolean; rootCode: string; onClose: () => void }) {
  const t = useT()
  const [form] = Form.useForm<ClientValues>()
  const register = useRegisterOpen311Client()
  const [registered, setRegistered] = useState<RegisteredOpen311Client | null>(null)

  useEffect(() => {
    if (!open) return
    register.reset()
    form.resetFields()
    setRegistered(null)
  }, [open])

  // The key leaves memory with the dialog.
  const close = () => {
    setRegistered(null)
    register.reset()
    onClose()
  }

  const submit = async (values: ClientValues) => {
    const regionScopes = [...new Set((values.scopes ?? []).map((path) => path[path.length - 1]!).filter(Boolean))]
    try {
      setRegistered(await register.mutateAsync({ name: values.name.trim(), regionScopes }))
    } catch {
      // shown by the ErrorAlert
    }
  }

  if (registered) {
    return (
      <Modal
        open={open}
        title={t('hotline.settings.open311.register')}
        onCancel={close}
        maskClosable={false}
        width={640}
        footer={
          <Button type="primary" onClick={close} data-testid="open311-done">
            {t('hotline.settings.open311.done')}
          </Button>
        }
      >
        <Result status="success" title={t('hotline.settings.open311.registered', { name: registered.name })} style={{ paddingBlock: 16 }} />
        <Alert type="warning" showIcon title={t('hotline.settings.open311.keyTitle')} description={t('hotline.settings.open311.keyWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          className="mono"
          copyable={{ text: registered.apiKey }}
          style={{ wordBreak: 'break-all', padding: '12px 16px', background: 'rgba(0, 0, 0, 0.04)', borderRadius: 6, marginBottom: 0 }}
          data-testid="open311-key"
        >
          {registered.apiKey}
        </Typography.Paragraph>
      </Modal>
    )
  }

  return (
    <Modal
      open={open}
      title={t('hotline.settings.open311.register')}
      okText={t('hotline.settings.open311.register')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={register.isPending}
      forceRender
      width={560}
    >
      <ErrorAlert error={register.error} />
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off" data-testid="open311-form">
        <Form.Item name="name" label={t('hotline.settings.open311.name')} rules={[{ required: true, whitespace: true, message: t('hotline.settings.open311.nameRequired') }]}>
          <Input maxLength={100} data-testid="open311-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('hotline.settings.open311.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('hotline.settings.open311.scopesRequired') }]}>
          <RegionScopesPicker rootCode={rootCode} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Open311 接入: the outside systems that may file appeals, each with its own api_key and regions. */
export function Open311Tab({ rootCode }: { rootCode: string }) {
  const t = useT()
  const { message, modal } = AntApp.useApp()
  const isPhone = useIsPhone()
  const clients = useOpen311Clients()
  const revoke = useRevokeOpen311Client()
  const [registering, setRegistering] = useState(false)

  const confirmRevoke = (client: Open311Client) =>
    modal.confirm({
      title: t('hotline.settings.open311.revokeTitle', { name: client.name }),
      content: t('hotline.settings.open311.revokeBody'),
      okText: t('hotline.settings.open311.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke
          .mutateAsync(client.id)
          .then(() => void message.success(t('hotline.settings.open311.revokedDone')))
          .catch(() => undefined),
    })

  const columns: ColumnsType<Open311Client> = [
    { title: t('hotline.settings.open311.name'), dataIndex: 'name', width: 180 },
    {
      title: t('hotline.settings.open311.scopes'),
      dataIndex: 'regionScopes',
      render: (scopes: string[]) => (
        <Flex gap={4} wrap>
          {scopes.map((code) => (
            <Tag key={code}>
              <RegionName code={code} />
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('hotline.settings.open311.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Open311Client['status']) => <Tag color={status === 'active' ? 'green' : 'default'}>{t(status === 'active' ? 'hotline.settings.open311.active' : 'hotline.settings.open311.revoked')}</Tag>,
    },
    { title: t('hotline.settings.open311.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string, c) => `${formatDateTime(at)} · ${c.createdBy}` },
    { title: t('hotline.settings.open311.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, client) =>
        client.status === 'active' ? (
          <Button size="small" type="link" danger icon={<StopOutlined />} onClick={() => confirmRevoke(client)} data-testid={`open311-revoke-${client.id}`}>
            {t('hotline.settings.open311.revoke')}
          </Button>
        ) : null,
    },
  ]

  return (
    <>
      <Flex justify="space-between" gap={8} wrap align="flex-start" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 300px' }}>
          {t('hotline.settings.open311.help')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="open311-register">
          {t('hotline.settings.open311.register')}
        </Button>
      </Flex>
      <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />
      <ErrorAlert error={revoke.error} />
      <Table<Open311Client>
        rowKey="id"
        columns={columns}
        dataSource={clients.data ?? []}
        loading={clients.isFetching}
        scroll={{ x: 860 }}
        size={isPhone ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.settings.open311.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }), simple: isPhone }}
        data-testid="open311-table"
      />
      <RegisterClientModal open={registering} rootCode={rootCode} onClose={() => setRegistering(false)} />
    </>
  )
}

