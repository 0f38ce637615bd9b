import { App as AntApp, Col, Form, Input, Modal, Row, TreeSelect } from 'antd'
import { useEffect, useMemo } from 'react'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { orgForest, useCreateStaff, useOrgs, type NewStaff, type OrgNode } from '../api'
import { RegionTreeSelect } from './RegionTreeSelect'

interface Values {
  username: string
  displayName: string
  regionCode?: string
  orgId?: string
  password: string
  phone?: string
}

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}

function toOptions(nodes: OrgNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: node.children ? toOptions(node.children) : undefined }))
}

/** New staff account: who, where (region, then a department of that region), initial password. */
export function CreateStaffModal({
  open,
  rootRegion,
  defaultRegion,
  onClose,
}: {
  open: boolean
  rootRegion: string
  defaultRegion: string
  onClose: () => void
}) {
  const t = useT()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateStaff()
  const idempotency = useIdempotencyKey()
  const regionCode = Form.useWatch('regionCode', form)
  const orgs = useOrgs(regionCode)
  const orgOptions = useMemo(() => toOptions(orgForest(orgs.data ?? [])), [orgs.data])

  useEffect(() => {
    if (!open) return
    create.reset()
    idempotency.reset()
    form.resetFields()
    form.setFieldsValue({ regionCode: defaultRegion })
  }, [open])

  const submit = async (values: Values) => {
    const body: NewStaff = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      regionCode: values.regionCode!,
      orgId: values.orgId!,
      password: values.password,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
    }
    try {
      await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      message.success(t('staff.created'))
      onClose()
    } catch (error) {
      showFieldError(form, error, t, ['username', 'displayName', 'regionCode', 'orgId', 'password', 'phone'])
    }
  }

  return (
    <Modal
      open={open}
      title={t('staff.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" autoComplete="off" data-testid="staff-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('staff.username')}
              extra={t('staff.usernameHint')}
              rules={[
                { required: true, message: t('staff.usernameRequired') },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, message: t('staff.usernamePattern') },
              ]}
            >
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('staff.displayName')} rules={[{ required: true, whitespace: true, message: t('staff.displayNameRequired') }]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regionCode" label={t('staff.region')} rules={[{ required: true, message: t('region.pickRequired') }]}>
              <RegionTreeSelect rootCode={rootRegion} onChange={() => form.setFieldValue('orgId', undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="orgId"
              label={t('staff.org')}
              rules={[{ required: true, message: t('staff.orgRequired') }]}
              extra={regionCode && orgs.data && orgs.data.length === 0 ? t('staff.orgNone') : undefined}
            >
              <TreeSelect
                treeData={orgOptions}
                disabled={!regionCode}
                loading={orgs.isFetching}
                placeholder={regionCode ? undefined : t('staff.orgPickRegionFirst')}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="password" label={t('staff.password')} extra={t('staff.passwordHint')} rules={[{ required: true, message: t('staff.passwordRequired') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('staff.phone')}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('staff.phonePattern') }]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
