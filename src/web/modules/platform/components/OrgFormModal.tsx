import { App as AntApp, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd'
import { useEffect, useMemo } from 'react'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { orgForest, orgKinds, useCreateOrg, useUpdateOrg, type Org, type OrgKind, type OrgNode } from '../api'

export type OrgFormTarget = { mode: 'create'; parentId?: string } | { mode: 'edit'; org: Org }

interface Values {
  name: string
  kind: OrgKind
  parentId?: string
  sort?: number
}

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}

function toOptions(nodes: OrgNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: node.children ? toOptions(node.children) : undefined }))
}

/** Creates a department in a region (name, kind, parent, order) or edits one (name, kind, order). */
export function OrgFormModal({
  target,
  regionCode,
  regionName,
  orgs,
  onClose,
}: {
  target: OrgFormTarget | null
  regionCode: string
  regionName?: string
  orgs: Org[]
  onClose: () => void
}) {
  const t = useT()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateOrg()
  const update = useUpdateOrg()
  const idempotency = useIdempotencyKey()
  const open = target !== null
  const editing = target?.mode === 'edit' ? target.org : null
  const mutation = editing ? update : create

  const parentOptions = useMemo(() => toOptions(orgForest(orgs)), [orgs])

  useEffect(() => {
    if (!target) return
    create.reset()
    update.reset()
    idempotency.reset()
    form.resetFields()
    if (target.mode === 'edit') form.setFieldsValue({ name: target.org.name, kind: target.org.kind, sort: target.org.sort })
    else form.setFieldsValue({ parentId: target.parentId, kind: 'department', sort: 0 })
  }, [target])

  const submit = async (values: Values) => {
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, changes: { name: values.name.trim(), kind: values.kind, sort: values.sort ?? 0 } })
        message.success(t('org.updated'))
      } else {
        const body = {
          regionCode,
          name: values.name.trim(),
          kind: values.kind,
          sort: values.sort ?? 0,
          ...(values.parentId ? { parentId: values.parentId } : {}),
        }
        await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
        idempotency.reset()
        message.success(t('org.created'))
      }
      onClose()
    } catch (error) {
      // the alert at the top of the form shows the message; a named field gets it too
      showFieldError(form, error, t, ['name', 'kind', 'parentId', 'sort'])
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('org.edit') : t('org.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      forceRender
      width={560}
    >
      {regionName && !editing && (
        <p style={{ marginTop: 0, color: '#6b7785' }}>
          {t('org.region')}
          {t('common.colon')}
          {regionName}
        </p>
      )}
      <ErrorAlert error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="org-form">
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { min: 2, max: 100, message: t('org.nameLength') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <Select options={orgKinds.map((kind) => ({ value: kind, label: t.dynamic(`org.kind.${kind}`, kind) }))} />
        </Form.Item>
        {!editing && (
          <Form.Item name="parentId" label={t('org.parent')} extra={t('org.parentHint')}>
            <TreeSelect treeData={parentOptions} allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
        )}
        <Form.Item name="sort" label={t('org.sort')} extra={t('org.sortHint')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
