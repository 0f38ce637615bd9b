import { App as AntApp, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Typography, type FormInstance } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../../../app/api/client'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { useIsPhone } from '../../../shared/useIsMobile'
import { hotlineApi, useAppealAction, useSuggestions, type ActionFields, type AppealAction, type AppealView, type Line } from '../api'
import { MAX_CONTENT } from '../form'
import { DepartmentPicker } from './DepartmentPicker'
import { AppealStateTag } from './tags'

type FieldName = keyof ActionFields

/**
 * The fields each action's form asks for: what the server lists in `requires`, and what the
 * action's workflow effect needs that the list leaves out (the department of a dispatch, the days
 * and reason of an approved extension, the reason of an escalation or a reopening, the appeal a
 * duplicate joins).
 */
const effectFields: Record<string, FieldName[]> = {
  dispatch: ['orgId'],
  merge: ['primaryAppealId'],
  approve_extension: ['days', 'reason'],
  reopen: ['reason'],
  escalate: ['reason'],
}

const known: FieldName[] = ['orgId', 'primaryAppealId', 'service', 'reference', 'days', 'satisfaction', 'answer', 'reason']

export function fieldsOf(action: AppealAction): FieldName[] {
  const wanted = new Set<string>([...action.requires, ...(effectFields[action.key] ?? [])])
  return known.filter((field) => wanted.has(field))
}

/** Steps that send an appeal back or refuse something are shown as such. */
const dangerous = new Set(['return', 'object', 'accept_objection', 'reject_objection', 'reject_extension', 'transfer_emergency'])
const primary = new Set(['dispatch', 'reply', 'callback', 'approve_extension', 'resolve_on_call'])

export interface ActionPanelProps {
  appeal: AppealView
  /** Prefilled fields by action key (the requested days for an approval, the knowledge-base answer). */
  defaults?: Record<string, Partial<ActionFields>>
}

/** The buttons of what this user may do with the appeal now, each opening the form its action needs. */
export function ActionPanel({ appeal, defaults }: ActionPanelProps) {
  const t = useT()
  const [open, setOpen] = useState<AppealAction | null>(null)
  const actions = appeal.actions
  if (actions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.detail.noActions')} />
  return (
    <>
      <Flex gap={8} wrap data-testid="appeal-actions">
        {actions.map((action) => (
          <Button
            key={action.key}
            type={primary.has(action.key) ? 'primary' : 'default'}
            danger={dangerous.has(action.key)}
            onClick={() => setOpen(action)}
            data-testid={`action-${action.key}`}
          >
            {t.pick(action.name)}
          </Button>
        ))}
      </Flex>
      {open && <ActionModal appeal={appeal} action={open} initial={defaults?.[open.key]} onClose={() => setOpen(null)} />}
    </>
  )
}

type FormValues = Partial<ActionFields>

/** What the form holds, as the server takes it: text trimmed, nothing empty. */
function fieldsFrom(values: FormValues, wanted: FieldName[], initial: Partial<ActionFields> | undefined): ActionFields {
  const fields: ActionFields = {}
  for (const name of wanted) {
    const value = values[name]
    if (typeof value === 'string' && value.trim()) Object.assign(fields, { [name]: value.trim() })
    if (typeof value === 'number') Object.assign(fields, { [name]: value })
  }
  if (initial?.knowledgeEntryId) fields.knowledgeEntryId = initial.knowledgeEntryId
  return fields
}

function ActionModal({ appeal, action, initial, onClose }: { appeal: AppealView; action: AppealAction; initial?: Partial<ActionFields>; onClose: () => void }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<FormValues>()
  const act = useAppealAction(appeal.id)
  const [error, setError] = useState<unknown>(null)
  const wanted = fieldsOf(action)

  const submit = async (values: FormValues) => {
    setError(null)
    try {
      await act.mutateAsync({ transition: action.key, expectedVersion: appeal.caseVersion, fields: fieldsFrom(values, wanted, initial) })
      message.success(t('hotline.detail.done', { action: t.pick(action.name) }))
      onClose()
    } catch (failure) {
      // Someone else moved the appeal: this form is about a state that is gone, so it closes and the page shows the new one.
      if (failure instanceof ApiError && failure.status === 409) {
        message.error(failure.id === 'case_stale_version' ? t('hotline.detail.stale') : t.pick(failure.body))
        onClose()
        return
      }
      if (!showFieldError(form, failure, t, wanted)) setError(failure)
    }
  }

  return (
    <Modal
      open
      title={t.pick(action.name)}
      onCancel={onClose}
      width={isPhone ? '100%' : 560}
      destroyOnHidden
      data-testid="action-form"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={dangerous.has(action.key)} loading={act.isPending} onClick={() => form.submit()} data-testid="action-submit">
            {t('hotline.act.submit')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} requiredMark="optional">
        {wanted.includes('orgId') && <DispatchField appeal={appeal} form={form} />}
        {wanted.includes('primaryAppealId') && (
          <Form.Item name="primaryAppealId" label={t('hotline.act.primary')} rules={[{ required: true, message: t('hotline.act.primaryRequired') }]}>
            <MergeTargetPicker self={appeal.id} />
          </Form.Item>
        )}
        {wanted.includes('service') && (
          <Form.Item name="service" label={t('hotline.act.service')} rules={[{ required: true, message: t('hotline.intake.serviceRequired') }]}>
            <Radio.Group optionType="button" options={(action.choices?.service ?? ['110', '119', '120']).map((value) => ({ value, label: t.dynamic(`hotline.service.${value}`, value) }))} data-testid="action-service" />
          </Form.Item>
        )}
        {wanted.includes('reference') && (
          <Form.Item name="reference" label={t('hotline.act.reference')} rules={[{ required: true, whitespace: true, message: t('hotline.act.referenceRequired') }]}>
            <Input maxLength={100} data-testid="action-reference" />
          </Form.Item>
        )}
        {wanted.includes('days') && (
          <Form.Item name="days" label={t('hotline.act.days')} rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('hotline.act.daysRequired') }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} data-testid="action-days" />
          </Form.Item>
        )}
        {wanted.includes('satisfaction') && (
          <Form.Item name="satisfaction" label={t('hotline.act.satisfaction')} rules={[{ required: true, message: t('hotline.act.satisfactionRequired') }]}>
            <Radio.Group
              options={(action.choices?.satisfaction ?? ['satisfied', 'basically_satisfied', 'dissatisfied']).map((value) => ({ value, label: t.dynamic(`hotline.satisfaction.${value}`, value) }))}
              data-testid="action-satisfaction"
            />
          </Form.Item>
        )}
        {wanted.includes('answer') && (
          <Form.Item name="answer" label={t('hotline.act.answer')} rules={[{ required: true, whitespace: true, message: t('hotline.act.answerRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={MAX_CONTENT} showCount data-testid="action-answer" />
          </Form.Item>
        )}
        {wanted.includes('reason') && (
          <Form.Item name="reason" label={t('hotline.act.reason')} rules={[{ required: true, whitespace: true, message: t('hotline.act.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount data-testid="action-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}

/**
 * 派单: a department in the dispatcher's area, proposed from the category suggestions for the
 * appeal's text (the department its likeliest category goes to in the appeal's region).
 */
function DispatchField({ appeal, form }: { appeal: AppealView; form: FormInstance<FormValues> }) {
  const t = useT()
  const { me } = useAuth()
  const suggestions = useSuggestions(`${appeal.title} ${appeal.content}`.slice(0, MAX_CONTENT), appeal.line as Line, appeal.regionCode)
  const suggested = suggestions.data?.categories.find((c) => c.key === appeal.categoryKey && c.orgId) ?? suggestions.data?.categories.find((c) => c.orgId)
  const [region, setRegion] = useState(appeal.regionCode)
  // The suggestion fills an empty choice once, when it arrives; after that the dispatcher's choice stands.
  const proposed = useRef(false)
  useEffect(() => {
    if (proposed.current || !suggested?.orgId || form.getFieldValue('orgId')) return
    proposed.current = true
    setRegion(suggested.regionCode ?? appeal.regionCode)
    form.setFieldValue('orgId', suggested.orgId)
  }, [suggested, form, appeal.regionCode])
  return (
    <Form.Item
      name="orgId"
      label={t('hotline.act.org')}
      rules={[{ required: true, message: t('hotline.act.orgRequired') }]}
      extra={
        suggested?.orgName && (
          <Typography.Link
            onClick={() => {
              setRegion(suggested.regionCode ?? appeal.regionCode)
              form.setFieldValue('orgId', suggested.orgId)
            }}
            data-testid="dispatch-suggested"
          >
            {t('hotline.act.orgSuggested', { org: suggested.orgName })}
          </Typography.Link>
        )
      }
    >
      <DepartmentPicker key={region} rootCode={me?.regionCode ?? appeal.handlingRegionCode} initialRegion={region} data-testid="action-org" />
    </Form.Item>
  )
}

/** 并单: the appeal to keep, found by its number; the one open here joins it. */
function MergeTargetPicker({ self, value, onChange }: { self: string; value?: string; onChange?: (id: string | undefined) => void }) {
  const t = useT()
  const [found, setFound] = useState<AppealView | null>(null)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const search = async (number: string) => {
    setError(null)
    setFound(null)
    onChange?.(undefined)
    if (!number.trim()) return
    setSearching(true)
    try {
      const page = await hotlineApi.list({ view: 'all', number: number.trim(), page: 1, pageSize: 1 })
      const target = page.items.find((a) => a.id !== self) ?? null
      setFound(target)
      onChange?.(target?.id)
      if (!target) setError(new ApiError(404, { id: 'appeal_not_found', zh: '没有找到该编号的其他诉求', en: 'No other appeal has this number' }))
    } catch (failure) {
      setError(failure)
    } finally {
      setSearching(false)
    }
  }
  return (
    <Flex vertical gap={8}>
      <Input.Search placeholder={t('hotline.act.primaryPlaceholder')} inputMode="numeric" enterButton loading={searching} onSearch={(number) => void search(number)} data-testid="merge-number" />
      <ErrorAlert error={error} />
      {found && value === found.id && (
        <Card size="small" data-testid="merge-target">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'number', label: t('hotline.number'), children: <span className="mono">{found.number}</span> },
              { key: 'title', label: t('hotline.title'), children: found.title },
              { key: 'state', label: t('hotline.state'), children: <AppealStateTag state={found.state} name={found.stateName} /> },
            ]}
          />
        </Card>
      )}
    </Flex>
  )
}
