import { DeleteOutlined, EditOutlined, ExperimentOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Card, Cascader, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Result, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useMemo, useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useProvinceRegions, type RegionOption } from '../../catalog/portal-api'
import { orgForest, useOrgs, type OrgNode } from '../../platform/api'
import { appealTypes, lines, useCategories, type AppealType, type Line } from '../api'
import { AppealRegionPicker } from '../components/AppealRegionPicker'
import { CategorySelect, useCategoryName } from '../components/CategorySelect'
import { DepartmentPicker } from '../components/DepartmentPicker'
import {
  useAddRoutingRule,
  useDispatchCatalogue,
  useOpen311Clients,
  useRegisterOpen311Client,
  useRemoveDispatchEntry,
  useRetireRoutingRule,
  useRevokeOpen311Client,
  useRoutingRules,
  useSetDispatchEntry,
  useSetTypeLimit,
  useTrainClassifier,
  useTypeLimits,
  type DispatchEntry,
  type Open311Client,
  type RegisteredOpen311Client,
  type RoutingRule,
} from './api'

interface TreeNode {
  value: string
  title: string
  children?: TreeNode[]
}
const toNode = (org: OrgNode): TreeNode => ({ value: org.id, title: org.name, children: org.children?.map(toNode) })

/** A department of exactly this region (the dispatch catalogue never points elsewhere). */
function RegionOrgSelect({ regionCode, value, onChange, id, 'data-testid': testId }: { regionCode: string; value?: string; onChange?: (orgId: string | undefined) => void; id?: string; 'data-testid'?: string }) {
  const t = useT()
  const orgs = useOrgs(regionCode)
  const treeData = useMemo(() => orgForest((orgs.data ?? []).filter((o) => o.regionCode === regionCode)).map(toNode), [orgs.data, regionCode])
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(orgId?: string) => onChange?.(orgId)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={orgs.isFetching}
      placeholder={t('hotline.settings.departmentRequired')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxWidth: '92vw' } } }}
      listHeight={320}
      data-testid={testId}
    />
  )
}

/** A department's name from its region's org list (cached per region). */
function OrgName({ regionCode, orgId }: { regionCode: string; orgId: string }) {
  const orgs = useOrgs(regionCode)
  return <>{orgs.data?.find((o) => o.id === orgId)?.name ?? '—'}</>
}

// ---- 派单目录 ---------------------------------------------------------------------------------------

interface EntryValues {
  categoryKey?: string
  orgId?: string
}

function EntryModal({ regionCode, entry, missing, onClose }: { regionCode: string; entry: DispatchEntry | 'new' | null; missing: { value: string; label: string }[]; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const categoryName = useCategoryName()
  const [form] = Form.useForm<EntryValues>()
  const save = useSetDispatchEntry()
  const open = entry !== null
  const editing = entry !== null && entry !== 'new' ? entry : null

  useEffect(() => {
    if (!open) return
    save.reset()
    form.resetFields()
    if (editing) form.setFieldsValue({ categoryKey: editing.categoryKey, orgId: editing.orgId })
  }, [open, editing])

  const submit = async (values: EntryValues) => {
    try {
      await save.mutateAsync({ categoryKey: values.categoryKey!, regionCode, orgId: values.orgId! })
      message.success(t('hotline.settings.saved'))
      onClose()
    } catch {
      // shown by the ErrorAlert
    }
  }

  return (
    <Modal
      open={open}
      title={t(editing ? 'hotline.settings.catalogue.edit' : 'hotline.settings.catalogue.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'catalogue-entry-save' } as Record<`data-${string}`, string>}
      confirmLoading={save.isPending}
      forceRender
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="catalogue-entry-form">
        <Form.Item name="categoryKey" label={t('hotline.category')} rules={[{ required: true, message: t('hotline.settings.catalogue.categoryRequired') }]}>
          {editing ? (
            <Typography.Text strong>{categoryName(editing.categoryKey)}</Typography.Text>
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={missing}
              notFoundContent={t('hotline.settings.catalogue.noMissing')}
              placeholder={t('hotline.categoryPlaceholder')}
              data-testid="catalogue-entry-category"
            />
          )}
        </Form.Item>
        <Form.Item name="orgId" label={t('hotline.settings.department')} extra={t('hotline.settings.catalogue.orgHint')} rules={[{ required: true, message: t('hotline.settings.departmentRequired') }]}>
          <RegionOrgSelect regionCode={regionCode} data-testid="catalogue-entry-org" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function CatalogueTab({ defaultRegion }: { defaultRegion: string }) {
  const t = useT()
  const { message, modal } = AntApp.useApp()
  const isPhone = useIsPhone()
  const [regionCode, setRegionCode] = useState<string | undefined>(defaultRegion)
  const catalogue = useDispatchCatalogue(regionCode)
  const categories = useCategories()
  const categoryName = useCategoryName()
  const remove = useRemoveDispatchEntry()
  const [editing, setEditing] = useState<DispatchEntry | 'new' | null>(null)

  const missing = useMemo(() => {
    const present = new Set((catalogue.data ?? []).map((e) => e.categoryKey))
    return (categories.data ?? []).filter((c) => !present.has(c.key)).map((c) => ({ value: c.key, label: t.pick({ zh: c.nameZh, en: c.nameEn }) }))
  }, [catalogue.data, categories.data, t])

  const rows = useMemo(() => [...(catalogue.data ?? [])].sort((a, b) => categoryName(a.categoryKey).localeCompare(categoryName(b.categoryKey), 'zh-CN')), [catalogue.data, categoryName])

  const confirmRemove = (entry: DispatchEntry) =>
    modal.confirm({
      title: t('hotline.settings.catalogue.removeTitle', { category: categoryName(entry.categoryKey) }),
      content: t('hotline.settings.catalogue.removeBody'),
      okText: t('hotline.settings.catalogue.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync({ regionCode: entry.regionCode, categoryKey: entry.categoryKey })
          .then(() => void message.success(t('hotline.settings.catalogue.removed')))
          .catch(() => undefined),
    })

  const columns: ColumnsType<DispatchEntry> = [
    { title: t('hotline.category'), dataIndex: 'categoryKey', render: (key: string) => categoryName(key), width: 220 },
    { title: t('hotline.settings.department'), dataIndex: 'orgName', render: (name: string | null, entry) => <span data-testid={`catalogue-org-${entry.categoryKey}`}>{name ?? '—'}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, entry) => (
        <Space size={4} wrap>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(entry)} data-testid={`catalogue-edit-${entry.categoryKey}`}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => confirmRemove(entry)} data-testid={`catalogue-remove-${entry.categoryKey}`}>
            {t('hotline.settings.catalogue.remove')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Typography.Paragraph type="secondary">{t('hotline.settings.catalogue.help')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('hotline.settings.region')}</Typography.Text>
        <div style={{ minWidth: 220, flex: isPhone ? '1 1 100%' : '0 1 320px' }}>
          <AppealRegionPicker rootCode={defaultRegion} value={regionCode} onChange={(code) => setRegionCode(code ?? defaultRegion)} data-testid="catalogue-region" />
        </div>
        <Button type="primary" icon={<PlusOutlined />} disabled={!regionCode || missing.length === 0} onClick={() => setEditing('new')} data-testid="catalogue-add">
          {t('hotline.settings.catalogue.add')}
        </Button>
      </Flex>
      <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      <ErrorAlert error={remove.error} />
      <Table<DispatchEntry>
        rowKey="categoryKey"
        columns={columns}
        dataSource={rows}
        loading={catalogue.isFetching}
        scroll={{ x: 560 }}
        size={isPhone ? 'small' : 'middle'}
        locale={{ emptyText: t('hotline.settings.catalogue.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }), simple: isPhone }}
        data-testid="catalogue-table"
      />
      {regionCode && <EntryModal regionCode={regionCode} entry={editing} missing={missing} onClose={() => setEditing(null)} />}
    </>
  )
}

// ---- 派单规则 ---------------------------------------------------------------------------------------

interface RuleValues {
  position?: number
  name: string
  categoryKey?: string
  regionPrefix?: string
  line?: Line
  keywords?: string[]
  targetOrgId?: string
}

function RuleModal({ open, nextPosition, rootCode, onClose }: { open: boolean; nextPosition: number; rootCode: string; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<RuleValues>()
  const add = useAddRoutingRule()

  useEffect(() => {
    if (!open) return
    add.reset()
    form.resetFields()
    form.setFieldsValue({ position: nextPosition })
  }, [open])

  const submit = async (values: RuleValues) => {
    const keywords = (values.keywords ?? []).map((k) => k.trim()).filter(Boolean)
    if (!values.categoryKey && !values.regionPrefix && !values.line && keywords.length === 0) {
      form.setFields([{ name: 'keywords', errors: [t('hotline.settings.rules.needCondition')] }])
      return
    }
    try {
      await add.mutateAsync({
        position: values.position!,
        name: values.name.trim(),
        ...(values.categoryKey ? { categoryKey: values.categoryKey } : {}),
        ...(values.regionPrefix ? { regionPrefix: values.regionPrefix } : {}),
        ...(values.line ? { line: values.line } : {}),
        ...(keywords.length ? { keywords } : {}),
        targetOrgId: values.targetOrgId!,
      })
      message.success(t('hotline.settings.rules.added'))
      onClose()
    } catch {
      // shown by the ErrorAlert
    }
  }

  return (
    <Modal
      open={open}
      title={t('hotline.settings.rules.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      forceRender
      width={600}
    >
      <ErrorAlert error={add.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" autoComplete="off" data-testid="rule-form">
        <Flex gap={12} wrap>
          <Form.Item name="position" label={t('hotline.settings.rules.position')} rules={[{ required: true, message: t('hotline.settings.rules.positionRequired') }]} style={{ width: 120 }}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="name" label={t('hotline.settings.rules.name')} rules={[{ required: true, whitespace: true, message: t('hotline.settings.rules.nameRequired') }]} style={{ flex: '1 1 240px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary">{t('hotline.settings.rules.needCondition')}</Typography.Text>
        <Form.Item name="categoryKey" label={t('hotline.category')} style={{ marginTop: 8 }}>
          <CategorySelect />
        </Form.Item>
        <Form.Item name="regionPrefix" label={t('hotline.settings.rules.regionPrefix')}>
          <AppealRegionPicker />
        </Form.Item>
        <Form.Item name="line" label={t('hotline.line')}>
          <Select allowClear options={lines.map((line) => ({ value: line, label: t(`hotline.line.${line}`) }))} />
        </Form.Item>
        <Form.Item name="keywords" label={t('hotline.settings.rules.keywords')} extra={t('hotline.settings.rules.keywordsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} maxCount={50} />
        </Form.Item>
        <Form.Item name="targetOrgId" label={t('hotline.settings.rules.target')} rules={[{ required: true, message: t('hotline.settings.departmentRequired') }]}>
          <DepartmentPicker rootCode={rootCode} initialRegion={rootCode} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function RulesTab({ rootCode }: { rootCode: string }) {
  const t = useT()
  const { message, modal } = AntApp.useApp()
  const isPhone = useIsPhone()
  const rules = useRoutingRules()
  const retire = useRetireRoutingRule()
  const categoryName = useCategoryName()
  const [adding, setAdding] = useState(false)
  const rows = useMemo(() => [...(rules.data ?? [])].sort((a, b) => a.position - b.position), [rules.data])
  const nextPosition = rows.length ? Math.min(100000, rows[rows.length - 1]!.position + 10) : 10

  const confirmRetire = (rule: RoutingRule) =>
    modal.confirm({
      title: t('hotline.settings.rules.retireTitle', { name: rule.name }),
      content: t('hotline.settings.rules.retireBody'),
      okText: t('hotline.settings.rules.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        retire
          .mutateAsync(rule.id)
          .then(() => void message.success(t('hotline.settings.rules.retired')))
          .catch(() => undefined),
    })

  const columns: ColumnsType<RoutingRule> = [
    { title: t('hotline.settings.rules.position'), dataIndex: 'position', width: 80 },
    { title: t('hotline.settings.rules.name'), dataIndex: 'name', width: 180 },
    {
      title: t('hotline.settings.rules.conditions'),
      key: 'conditions',
      render: (_, rule) => (
        <Flex gap={4} wrap>
          {rule.categoryKey && <Tag color="blue">{`${t('hotline.category')}：${categoryName(rule.categoryKey)}`}</Tag>}
          {rule.regionPrefix && <Tag color="green">{`${t('hotline.settings.rules.regionPrefix')}：${rule.regionPrefix}`}</Tag>}
          {rule.line && <Tag color="purple">{`${t('hotline.line')}：${lines.includes(rule.line as Line) ? t(`hotline.line.${rule.line as Line}`) : rule.line}`}</Tag>}
          {rule.keywords.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('hotline.settings.rules.target'), key: 'target', width: 200, render: (_, rule) => <OrgName regionCode={rule.targetRegionCode} orgId={rule.targetOrgId} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, rule) => (
        <Button size="small" type="link" danger icon={<StopOutlined />} onClick={() => confirmRetire(rule)} data-testid={`rule-retire-${rule.id}`}>
          {t('hotline.settings.rules.retire')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <Flex justify="space-between" gap={8} wrap align="flex-start" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 300px' }}>
          {t('hotline.settings.rules.help')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
          {t('hotline.settings.rules.add')}
        </Button>
      </Flex>
      <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      <ErrorAlert error={retire.error} />
      <Table<RoutingRule>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={rules.isFetching}
        scroll={{ x: 860 }}
        size={isPhone ? 'small' : 'middle'}
        locale={{ emptyText: t('hotline.settings.rules.empty') }}
        pagination={false}
        data-testid="rule-table"
      />
      <RuleModal open={adding} nextPosition={nextPosition} rootCode={rootCode} onClose={() => setAdding(false)} />
    </>
  )
}

// ---- 办理时限 ---------------------------------------------------------------------------------------

function LimitsTab({ isProvince }: { isProvince: boolean }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const isPhone = useIsPhone()
  const limits = useTypeLimits()
  const save = useSetTypeLimit()
  const [draft, setDraft] = useState<Partial<Record<AppealType, number | null>>>({})

  const rows = appealTypes.map((type) => ({ type, limitDays: limits.data?.[type] }))
  const valueOf = (type: AppealType) => (type in draft ? draft[type] : limits.data?.[type])

  const submit = async (type: AppealType) => {
    const limitDays = valueOf(type)
    if (typeof limitDays !== 'number') return
    try {
      await save.mutateAsync({ type, limitDays })
      setDraft(({ [type]: _, ...rest }) => rest)
      message.success(t('hotline.settings.saved'))
    } catch {
      // shown by the ErrorAlert
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('hotline.settings.limits.help')}</Typography.Paragraph>
      {!isProvince && <Alert type="info" showIcon title={t('hotline.settings.limits.provinceOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={limits.error} onRetry={() => void limits.refetch()} />
      <ErrorAlert error={save.error} />
      <Table
        rowKey="type"
        dataSource={rows}
        loading={limits.isFetching}
        pagination={false}
        size={isPhone ? 'small' : 'middle'}
        scroll={{ x: 420 }}
        data-testid="limits-table"
        columns={[
          { title: t('hotline.type'), dataIndex: 'type', width: 140, render: (type: AppealType) => t(`hotline.type.${type}`) },
          {
            title: t('hotline.settings.limits.days'),
            key: 'limit',
            render: (_, row) => {
              const value = valueOf(row.type)
              const changed = row.type in draft && value !== row.limitDays
              return (
                <Space wrap>
                  <InputNumber
                    min={1}
                    max={60}
                    precision={0}
                    value={value ?? null}
                    onChange={(next) => setDraft((current) => ({ ...current, [row.type]: next }))}
                    suffix={t('hotline.settings.limits.daysUnit')}
                    style={{ width: 160 }}
                    aria-label={`${t(`hotline.type.${row.type}`)} ${t('hotline.settings.limits.days')}`}
                    data-testid={`limit-${row.type}`}
                  />
                  <Button type="primary" size="small" disabled={!changed || typeof value !== 'number'} loading={save.isPending && save.variables?.type === row.type} onClick={() => void submit(row.type)} data-testid={`limit-save-${row.type}`}>
                    {t('common.save')}
                  </Button>
                </Space>
              )
            },
          },
        ]}
      />
    </>
  )
}

// ---- 分类模型 ---------------------------------------------------------------------------------------

function ModelTab() {
  const t = useT()
  const train = useTrainClassifier()
  const result = train.data
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hotline.settings.model.help')}</Typography.Paragraph>
      <Button type="primary" icon={<ExperimentOutlined />} loading={train.isPending} onClick={() => train.mutate()} style={{ marginBottom: 16 }} data-testid="model-train">
        {t('hotline.settings.model.train')}
      </Button>
      <ErrorAlert error={train.error} />
      {result && (
        <Card size="small" title={t('hotline.settings.model.trained')} data-testid="model-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('hotline.settings.model.examples')}>{result.examples}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.settings.model.accuracy')}>
              {result.heldOutAccuracy === null ? t('hotline.settings.model.noAccuracy') : `${(result.heldOutAccuracy * 100).toFixed(1)}%`}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  )
}

// ---- Open311 接入 -----------------------------------------------------------------------------------

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

function Open311Tab({ rootCode }: { rootCode: string }) {
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
            <Tag key={code}>{code}</Tag>
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

// ---- The page ---------------------------------------------------------------------------------------

/** 热线配置: the dispatch catalogue, routing rules, time limits, the classifier and Open311 clients. */
export default function HotlineSettingsPage() {
  const t = useT()
  const { me } = useAuth()
  const meta = useMeta()
  const [tab, setTab] = useState('catalogue')
  if (!me) return null
  const isProvince = Boolean(meta.data) && me.regionCode === meta.data?.province.code

  return (
    <>
      <PageHeader title={t('hotline.settings.title')} description={t('hotline.settings.desc')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'catalogue', label: t('hotline.settings.tab.catalogue'), children: <CatalogueTab defaultRegion={me.regionCode} /> },
            { key: 'rules', label: t('hotline.settings.tab.rules'), children: <RulesTab rootCode={me.regionCode} /> },
            { key: 'limits', label: t('hotline.settings.tab.limits'), children: <LimitsTab isProvince={isProvince} /> },
            { key: 'model', label: t('hotline.settings.tab.model'), children: <ModelTab /> },
            { key: 'open311', label: t('hotline.settings.tab.open311'), children: <Open311Tab rootCode={me.regionCode} /> },
          ]}
          data-testid="hotline-settings-tabs"
        />
      </Card>
    </>
  )
}
