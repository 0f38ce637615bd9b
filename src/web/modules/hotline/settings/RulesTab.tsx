import { PlusOutlined, StopOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useMemo, useState } from 'react'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useOrgs } from '../../platform/api'
import { lines, type Line } from '../api'
import { AppealRegionPicker } from '../components/AppealRegionPicker'
import { CategorySelect, useCategoryName } from '../components/CategorySelect'
import { DepartmentPicker } from '../components/DepartmentPicker'
import { useAddRoutingRule, useRetireRoutingRule, useRoutingRules, type RoutingRule } from './api'
import { RegionName } from './RegionName'

/** A department's name from its region's org list (cached per region). */
function OrgName({ regionCode, orgId }: { regionCode: string; orgId: string }) {
  const orgs = useOrgs(regionCode)
  return <>{orgs.data?.find((o) => o.id === orgId)?.name ?? '—'}</>
}

/** The department a rule sends to, under its region's name: 市场监督管理局 alone could be any level's. */
function RuleTarget({ rule }: { rule: RoutingRule }) {
  return (
    <Flex vertical>
      <OrgName regionCode={rule.targetRegionCode} orgId={rule.targetOrgId} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <RegionName code={rule.targetRegionCode} />
      </Typography.Text>
    </Flex>
  )
}

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

/** 派单规则: rules tried in order before the dispatch catalogue; added and retired, never edited. */
export function RulesTab({ rootCode }: { rootCode: string }) {
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
          {rule.regionPrefix && (
            <Tag color="green">
              {`${t('hotline.settings.rules.regionPrefix')}：`}
              <RegionName code={rule.regionPrefix} />
            </Tag>
          )}
          {rule.line && <Tag color="purple">{`${t('hotline.line')}：${lines.includes(rule.line as Line) ? t(`hotline.line.${rule.line as Line}`) : rule.line}`}</Tag>}
          {rule.keywords.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('hotline.settings.rules.target'), key: 'target', width: 200, render: (_, rule) => <RuleTarget rule={rule} /> },
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

