import { PhoneOutlined, SaveOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Button, Card, Col, Flex, Form, Input, Radio, Result, Row, Select, Switch, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useDebouncedValue } from '../../../app/useDebouncedValue'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { KnowledgeSuggestions } from '../knowledge/KnowledgeSuggestions'
import { knowledgeApi, knowledgeKeys } from '../knowledge/api'
import { appealTypes, emergencyServices, lines, useFileAppeal, useSuggestions, type AppealType, type EmergencyService, type Intake, type Line, type StaffAppeal } from '../api'
import { AppealRegionPicker } from '../components/AppealRegionPicker'
import { CategorySelect } from '../components/CategorySelect'
import { CategorySuggestions } from '../components/CategorySuggestions'
import { EmergencyAlert } from '../components/EmergencyAlert'
import { AppealStateTag } from '../components/tags'
import { MAX_CONTENT, phoneRule } from '../form'
import '../hotline.css'

type Channel = 'phone' | 'wechat' | 'app'
const channels: Channel[] = ['phone', 'wechat', 'app']

/** What happens after filing: passed on to a department, answered on the call, or handed to 110/119/120. */
type Outcome = 'pass' | 'resolve' | 'emergency'

interface IntakeForm {
  channel: Channel
  line: Line
  type: AppealType
  regionCode?: string
  categoryKey?: string
  content: string
  location?: string
  appellantName?: string
  appellantPhone?: string
  confidential: boolean
  outcome: Outcome
  answer?: string
  service?: EmergencyService
  reference?: string
}

/** Suggestions wait for a few words: shorter text matches too much to help. */
const MIN_SUGGEST_LENGTH = 6
const serverFields = ['line', 'type', 'regionCode', 'categoryKey', 'content', 'location', 'appellantName', 'appellantPhone'] as const

/** The on-call settlement the agent chose, filed in the same request as the appeal so it is never dispatched first. */
function settleOf(values: IntakeForm, knowledge: { id: string } | null): StaffAppeal['settle'] {
  if (values.outcome === 'resolve' && values.answer?.trim()) return { transition: 'resolve_on_call', answer: values.answer.trim(), ...(knowledge ? { knowledgeEntryId: knowledge.id } : {}) }
  if (values.outcome === 'emergency' && values.service && values.reference?.trim()) return { transition: 'transfer_emergency', service: values.service, reference: values.reference.trim() }
  return undefined
}

function bodyOf(values: IntakeForm, knowledge: { id: string } | null): StaffAppeal {
  const optional = (text: string | undefined) => text?.trim() || undefined
  return {
    channel: values.channel,
    line: values.line,
    type: values.type,
    regionCode: values.regionCode ?? '',
    categoryKey: values.categoryKey || undefined,
    content: values.content.trim(),
    location: optional(values.location),
    appellantName: optional(values.appellantName),
    appellantPhone: optional(values.appellantPhone),
    confidential: values.confidential,
    settle: settleOf(values, knowledge),
  }
}

/**
 * 受理登记 (/workbench/hotline/intake): the agent records a call. While the agent types, the
 * category suggestions (with the department each goes to) and the knowledge base's answers show
 * beside the form; an inquiry answered on the call closes at once, an emergency is handed over.
 */
export default function IntakePage() {
  const t = useT()
  const { me } = useAuth()
  const isPhone = useIsPhone()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<IntakeForm>()
  const file = useFileAppeal()
  const idempotency = useIdempotencyKey()
  const [filed, setFiled] = useState<Intake | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [knowledge, setKnowledge] = useState<{ id: string; title: string } | null>(null)

  const home = me && me.regionCode.length <= 6 ? me.regionCode : undefined
  const line = Form.useWatch('line', form) ?? '12345'
  const regionCode = Form.useWatch('regionCode', form)
  const categoryKey = Form.useWatch('categoryKey', form)
  const outcome = Form.useWatch('outcome', form) ?? 'pass'
  const content = Form.useWatch('content', form) ?? ''
  const settled = useDebouncedValue(content.trim().slice(0, MAX_CONTENT), 300)
  const asked = settled.length >= MIN_SUGGEST_LENGTH
  const suggestions = useSuggestions(settled, line, regionCode, asked)
  const emergencies = asked ? (suggestions.data?.emergencies ?? []) : []

  const applyKnowledge = async (entry: { id: string; title: string }) => {
    try {
      const detail = await queryClient.fetchQuery({ queryKey: knowledgeKeys.entry(entry.id), queryFn: () => knowledgeApi.entry(entry.id) })
      form.setFieldsValue({ outcome: 'resolve', answer: (detail.published ?? detail.shown).body })
      setKnowledge(entry)
    } catch (failure) {
      setError(failure)
    }
  }

  const transferEmergency = () => form.setFieldsValue({ outcome: 'emergency', service: emergencies[0]?.service as EmergencyService | undefined })

  const onFinish = async (values: IntakeForm) => {
    setError(null)
    const body = bodyOf(values, knowledge)
    let intake: Intake
    try {
      intake = await file.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
    } catch (failure) {
      if (!showFieldError(form, failure, t, serverFields)) setError(failure)
      return
    }
    setFiled(intake)
  }

  const next = () => {
    form.resetFields()
    setKnowledge(null)
    setFiled(null)
    setError(null)
  }

  if (!me) return null

  return (
    <>
      <PageHeader title={t('hotline.intake.title')} description={t('hotline.intake.desc')} />
      {filed ? (
        <IntakeResult filed={filed} onNext={next} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={
                <Flex gap={6} align="center">
                  <PhoneOutlined />
                  {t('hotline.intake.form')}
                </Flex>
              }
            >
              <ErrorAlert error={error} />
              <Form<IntakeForm>
                form={form}
                layout="vertical"
                requiredMark="optional"
                initialValues={{ channel: 'phone', line: '12345', regionCode: home, confidential: false, outcome: 'pass' }}
                onFinish={(values) => void onFinish(values)}
                data-testid="intake-form"
                scrollToFirstError
              >
                <Row gutter={16}>
                  <Col xs={24} md={10}>
                    <Form.Item name="channel" label={t('hotline.channel')} rules={[{ required: true }]}>
                      <Radio.Group optionType="button" options={channels.map((value) => ({ value, label: t.dynamic(`hotline.channel.${value}`, value) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item name="line" label={t('hotline.line')} rules={[{ required: true }]}>
                      <Radio.Group
                        optionType="button"
                        onChange={() => form.setFieldValue('categoryKey', undefined)}
                        options={lines.map((value) => ({ value, label: t.dynamic(`hotline.line.${value}`, value) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name="type" label={t('hotline.type')} rules={[{ required: true, message: t('hotline.typeRequired') }]}>
                      <Select options={appealTypes.map((value) => ({ value, label: t.dynamic(`hotline.type.${value}`, value) }))} data-testid="intake-type" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item name="regionCode" label={t('hotline.region')} rules={[{ required: true, message: t('hotline.regionRequired') }]}>
                      <AppealRegionPicker rootCode={home} data-testid="intake-region" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="content" label={t('hotline.content')} rules={[{ required: true, whitespace: true, message: t('hotline.contentRequired') }]}>
                  <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={MAX_CONTENT} showCount placeholder={t('hotline.contentPlaceholder')} data-testid="intake-content" />
                </Form.Item>
                <EmergencyAlert
                  emergencies={emergencies}
                  audience="agent"
                  action={
                    outcome !== 'emergency' && (
                      <Button size="small" danger onClick={transferEmergency} data-testid="intake-emergency">
                        {t('hotline.emergencyTransfer')}
                      </Button>
                    )
                  }
                />
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="categoryKey" label={t('hotline.category')}>
                      <CategorySelect line={line} data-testid="intake-category" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="location" label={t('hotline.location')}>
                      <Input maxLength={200} placeholder={t('hotline.locationPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name="appellantName" label={t('hotline.appellantName')}>
                      <Input maxLength={50} data-testid="intake-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name="appellantPhone" label={t('hotline.appellantPhone')} rules={[phoneRule(t('hotline.phonePattern'))]}>
                      <Input inputMode="tel" maxLength={20} data-testid="intake-phone" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="confidential" label={t('hotline.confidential')} valuePropName="checked" tooltip={t('hotline.confidentialHint')}>
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="outcome" label={t('hotline.intake.mode')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={(['pass', 'resolve', 'emergency'] as const).map((value) => ({ value, label: t(`hotline.intake.mode.${value}`) }))}
                    data-testid="intake-outcome"
                  />
                </Form.Item>
                {outcome === 'resolve' && (
                  <Form.Item
                    name="answer"
                    label={t('hotline.intake.answer')}
                    extra={knowledge ? t('hotline.intake.fromKnowledge', { title: knowledge.title }) : undefined}
                    rules={[{ required: true, whitespace: true, message: t('hotline.intake.answerRequired') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={MAX_CONTENT} onChange={() => setKnowledge(null)} data-testid="intake-answer" />
                  </Form.Item>
                )}
                {outcome === 'emergency' && (
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item name="service" label={t('hotline.intake.service')} rules={[{ required: true, message: t('hotline.intake.serviceRequired') }]}>
                        <Radio.Group optionType="button" options={emergencyServices.map((value) => ({ value, label: t(`hotline.service.${value}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="reference" label={t('hotline.intake.reference')} rules={[{ required: true, whitespace: true, message: t('hotline.intake.referenceRequired') }]}>
                        <Input maxLength={100} data-testid="intake-reference" />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={file.isPending} block={isPhone} data-testid="intake-submit">
                  {t('hotline.intake.submit')}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16} className="hotline-sticky">
              <CategorySuggestions
                asked={asked}
                suggestions={suggestions.data}
                loading={suggestions.isFetching}
                error={suggestions.error}
                chosen={categoryKey}
                onChoose={(key) => form.setFieldValue('categoryKey', key)}
              />
              <KnowledgeSuggestions text={settled} regionCode={regionCode ?? me.regionCode} onUse={(entry) => void applyKnowledge(entry)} />
            </Flex>
          </Col>
        </Row>
      )}
    </>
  )
}

/** What became of the call: the number, and where the appeal went (a department, the queue, closed, handed over). */
function IntakeResult({ filed: intake, onNext }: { filed: Intake; onNext: () => void }) {
  const t = useT()
  const { appeal } = intake
  const outcome = () => {
    if (appeal.state === 'closed') return t('hotline.intake.closed')
    if (appeal.state === 'transferred') return t('hotline.intake.transferred')
    if (appeal.orgName) return t('hotline.intake.dispatchedTo', { org: appeal.orgName, via: t.dynamic(`hotline.route.${intake.route?.via ?? 'dispatcher'}`, '') })
    return t('hotline.intake.waiting')
  }
  return (
    <Card data-testid="intake-result">
      <Result
        status="success"
        title={t('hotline.intake.filed', { number: appeal.number })}
        subTitle={
          <Flex vertical gap={8} align="center">
            <AppealStateTag state={appeal.state} name={appeal.stateName} />
            <Typography.Text data-testid="intake-outcome-text">{outcome()}</Typography.Text>
            {intake.duplicate && <Typography.Text type="warning">{t('hotline.intake.duplicate')}</Typography.Text>}
          </Flex>
        }
        extra={
          <Flex gap={8} justify="center" wrap>
            <Link to={`/workbench/hotline/appeals/${appeal.id}`}>
              <Button data-testid="intake-open">{t('hotline.intake.open')}</Button>
            </Link>
            <Button type="primary" onClick={onNext} data-testid="intake-next">
              {t('hotline.intake.next')}
            </Button>
          </Flex>
        }
      />
      <EmergencyAlert emergencies={appeal.state === 'received' ? intake.emergencies : []} audience="agent" />
    </Card>
  )
}
