import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Flex, Form, Modal, Select, Space, Table, TreeSelect, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useMemo, useState } from 'react'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { orgForest, useOrgs, type OrgNode } from '../../platform/api'
import { useCategories } from '../api'
import { AppealRegionPicker } from '../components/AppealRegionPicker'
import { useCategoryName } from '../components/CategorySelect'
import { useDispatchCatalogue, useRemoveDispatchEntry, useSetDispatchEntry, type DispatchEntry } from './api'

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

/** 派单目录: which department answers each category in a region chosen below the user's own. */
export function CatalogueTab({ defaultRegion }: { defaultRegion: string }) {
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

