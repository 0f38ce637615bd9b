import { Alert, App as AntApp, Button, Col, Drawer, Flex, Form, Input, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { itemKindList, itemKinds, shapeOf, useCreateItem, type ItemKind } from '../api'
import { blankElements, fromFormValues, toFormValues } from '../elements'
import { ElementsForm } from './ElementsForm'
import { showElementError } from './formHelpers'

interface Head {
  kind: ItemKind
  basicCode?: string
  note?: string
}

/** 新增事项: a new item of the national base list (kind, optional basic code, its elements), saved as a draft. */
export function CreateItemDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const navigate = useNavigate()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const [form] = Form.useForm()
  const create = useCreateItem()
  const idempotency = useIdempotencyKey()
  const [kind, setKind] = useState<ItemKind>('licensing')

  useEffect(() => {
    if (!open) return
    create.reset()
    idempotency.reset()
    form.resetFields()
    setKind('licensing')
    form.setFieldsValue({ kind: 'licensing', ...toFormValues('licensing', blankElements('licensing')) })
  }, [open])

  const changeKind = (next: ItemKind) => {
    // another shape of elements: start its fields afresh, keeping the name
    if (shapeOf(next) !== shapeOf(kind)) {
      const name = form.getFieldValue('name') as string | undefined
      const head = { kind: next, basicCode: form.getFieldValue('basicCode') as string | undefined, note: form.getFieldValue('note') as string | undefined }
      form.resetFields()
      form.setFieldsValue({ ...toFormValues(next, blankElements(next)), ...head, name })
    }
    setKind(next)
  }

  const submit = async (values: Head & Record<string, unknown>) => {
    const body = {
      kind: values.kind,
      basicCode: values.basicCode?.trim() || undefined,
      elements: fromFormValues(values.kind, values),
      note: values.note?.trim() || undefined,
    }
    try {
      const created = await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      message.success(t('catalog.created'))
      onClose()
      navigate(`/workbench/catalog/items/${created.implementation.id}`)
    } catch (error) {
      showElementError(form, error, t, ['basicCode', 'kind', 'note'])
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('catalog.createTitle')}
      size={isPhone ? '100%' : elder ? 1040 : 880}
      destroyOnHidden={false}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="create-item-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
      data-testid="create-item-drawer"
    >
      <Alert type="info" showIcon title={t('catalog.createHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={create.error} />
      <Form form={form} name="createItem" layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError data-testid="create-item-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('catalog.kind')} rules={[{ required: true }]}>
              <Select onChange={changeKind} options={itemKindList.map((value) => ({ value, label: `${itemKinds[value]} ${t.dynamic(`catalog.kind.${value}`, value)}` }))} data-testid="create-item-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="basicCode"
              label={t('catalog.basicCode')}
              extra={t('catalog.basicCodeHint')}
              rules={[{ pattern: new RegExp(`^${itemKinds[kind]}[0-9]{8}$`), message: t('catalog.basicCodePattern', { code: itemKinds[kind] }) }]}
            >
              <Input maxLength={10} className="mono" placeholder={`${itemKinds[kind]}00000000`} />
            </Form.Item>
          </Col>
        </Row>
        <ElementsForm kind={kind} form={form} />
        <Form.Item name="note" label={t('catalog.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('catalog.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
