import { DeleteOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Flex, Form, Input, Modal, Popconfirm, Radio, Space, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useErrorText } from '../../../../app/api/errors'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { formatLongDate } from '../../../../shared/format'
import { showFieldError } from '../../../../shared/formErrors'
import { useRemoveCalendarOverride, useSetCalendarOverride } from '../../api'
import { localDate, type DayInfo } from './calendar-days'

interface OverrideValues {
  workday: boolean
  note: string
}

/** Set a day as 休息日 or 工作日 with a note, or remove its override (system administrator of the province). */
export function EditDayModal({ open, target, onClose }: { open: boolean; target: DayInfo | null; onClose: () => void }) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<OverrideValues>()
  const save = useSetCalendarOverride()
  const remove = useRemoveCalendarOverride()

  useEffect(() => {
    if (!open || !target) return
    save.reset()
    remove.reset()
    form.resetFields()
    // an override stays as it is; otherwise the likely change is the other way round
    form.setFieldsValue({ workday: target.overridden ? target.workday : !target.workday, note: target.note ?? '' })
  }, [open, target])

  if (!target) return null
  const title = formatLongDate(localDate(target.day), t.lang)

  const submit = async (values: OverrideValues) => {
    try {
      await save.mutateAsync({ day: target.day, body: { workday: values.workday, note: values.note.trim() } })
      message.success(t('calendar.saved', { day: target.day }))
      onClose()
    } catch (error) {
      showFieldError(form, error, t, ['note', 'workday'])
    }
  }

  const removeOverride = async () => {
    try {
      await remove.mutateAsync(target.day)
      message.success(t('calendar.removed', { day: target.day }))
      onClose()
    } catch (error) {
      message.error(errorText(error))
    }
  }

  return (
    <Modal
      open={open}
      title={t('calendar.editTitle', { date: title })}
      onCancel={onClose}
      forceRender
      width={520}
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <span>
            {target.overridden && (
              <Popconfirm
                title={t('calendar.remove')}
                description={t('calendar.removeConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={removeOverride}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="calendar-remove">
                  {t('calendar.remove')}
                </Button>
              </Popconfirm>
            )}
          </span>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      }
    >
      <ErrorAlert error={save.error} />
      <Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('calendar.current')}
          {t('common.colon')}
        </Typography.Text>
        <Tag color={target.workday ? (target.kind === 'makeup' ? 'orange' : 'blue') : target.kind === 'holiday' ? 'red' : 'default'}>{t(`calendar.status.${target.kind}`)}</Tag>
        <Typography.Text type="secondary">{t(target.overridden ? 'calendar.source.override' : 'calendar.source.builtin')}</Typography.Text>
        {target.overridden && target.note && <Typography.Text> · {target.note}</Typography.Text>}
      </Typography.Paragraph>
      <Form<OverrideValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off" data-testid="calendar-form">
        <Form.Item name="workday" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: false, label: t('calendar.kind.rest') },
              { value: true, label: t('calendar.kind.work') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('calendar.note')}
          extra={t('calendar.noteHint')}
          rules={[{ required: true, whitespace: true, message: t('calendar.noteRequired') }]}
        >
          <Input maxLength={100} showCount placeholder={t('calendar.notePlaceholder')} data-testid="calendar-note" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

// ---- Deadline calculator ------------------------------------------------------------------------
