import { ArrowLeftOutlined, ArrowRightOutlined, CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Radio, Result, Row, Skeleton, Steps, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../../app/api/client'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useLaw, useRecordLawChange, type LawChangeDetail, type LawDetail, type NewLawChangeBody } from '../api'
import { AmendEditor } from '../components/AmendEditor'
import { amendmentsOf, emptyDraft, previewAmendment, type AmendmentDraft } from '../components/amendment'
import { ChangeDiffList, diffRowsOf, type DiffRow } from '../components/ChangeDiffList'
import { ChangeFacts } from '../components/ChangeFacts'
import { ImpactReport } from '../components/ImpactReport'
import { InterpretEditor } from '../components/InterpretEditor'
import { ChangeKindTag } from '../components/tags'
import '../components/laws.css'

type Kind = NewLawChangeBody['kind']

interface Basics {
  kind: Kind
  title: string
  docNumber?: string
  decidedOn: Dayjs
  effectiveOn: Dayjs
  summary?: string
}

const BASIC_FIELDS = ['kind', 'title', 'docNumber', 'decidedOn', 'effectiveOn', 'summary'] as const

/** The day the law reads as it will after every recorded change: today, or the last change's day if later. */
function horizonOf(law: LawDetail | undefined): string {
  const today = dayjs().format('YYYY-MM-DD')
  const last = (law?.changes ?? []).reduce((max, c) => (c.effectiveOn > max ? c.effectiveOn : max), '')
  return last > today ? last : today
}

/**
 * 录入立改废释: a wizard in four steps. (1) what the change is: kind, title, document number and
 * dates; (2) what it does to the articles; (3) the old and new texts side by side for review;
 * (4) once recorded, its impact on the catalogue: the entries sent for review.
 */
export default function LawChangeWizardPage() {
  const t = useT()
  const { id } = useParams()
  const { message } = AntApp.useApp()
  const isPhone = useIsPhone()
  const today = useLaw(id)
  const horizon = horizonOf(today.data)
  const current = useLaw(today.data ? id : undefined, horizon)
  const law = current.data
  const [form] = Form.useForm<Basics>()
  const [step, setStep] = useState(0)
  const [basics, setBasics] = useState<Basics | null>(null)
  const [draft, setDraft] = useState<AmendmentDraft>(emptyDraft)
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [confirmed, setConfirmed] = useState(false)
  const [stepError, setStepError] = useState<string | null>(null)
  const [result, setResult] = useState<LawChangeDetail | null>(null)
  const record = useRecordLawChange()
  const idempotency = useIdempotencyKey()

  const repealed = Boolean(law?.repealedOn)
  const lastChangeDay = (law?.changes ?? []).reduce((max, c) => (c.effectiveOn > max ? c.effectiveOn : max), '')

  useEffect(() => {
    if (law && !form.getFieldValue('kind')) form.setFieldsValue({ kind: repealed ? 'interpret' : 'amend' })
  }, [law, repealed, form])

  useEffect(() => {
    window.scrollTo({ top: 0 })
    setStepError(null)
  }, [step])

  const articles = law?.articles ?? []

  const body = useMemo<NewLawChangeBody | null>(() => {
    if (!basics) return null
    const common = {
      kind: basics.kind,
      title: basics.title.trim(),
      docNumber: basics.docNumber?.trim() || null,
      decidedOn: basics.decidedOn.format('YYYY-MM-DD'),
      effectiveOn: basics.effectiveOn.format('YYYY-MM-DD'),
      ...(basics.summary?.trim() ? { summary: basics.summary.trim() } : {}),
    }
    if (basics.kind === 'amend') return { ...common, amendments: amendmentsOf(draft) }
    if (basics.kind === 'interpret') return { ...common, interpretations: Object.entries(notes).map(([articleId, note]) => ({ articleId, note: note.trim() })) }
    return common
  }, [basics, draft, notes])

  const preview = useMemo<DiffRow[] | { error: string }>(() => {
    if (!basics || !body) return []
    if (basics.kind === 'amend') {
      const planned = previewAmendment(articles, body.amendments ?? [], body.effectiveOn)
      return planned.ok ? planned.rows : { error: t.pick(planned.error) }
    }
    if (basics.kind === 'interpret') {
      return articles
        .filter((a) => notes[a.id] !== undefined)
        .map((a) => ({ key: a.id, effect: 'interpreted' as const, label: a.label, oldLabel: null, oldText: a.text, newText: a.text, note: notes[a.id]!.trim() }))
    }
    return articles.map((a) => ({ key: a.id, effect: 'repealed' as const, label: a.label, oldLabel: null, oldText: a.text, newText: null }))
  }, [basics, body, articles, notes, t])

  // while editing: the labels each article and each addition will have, by the server's own rules
  const editLabels = useMemo(() => {
    if (basics?.kind !== 'amend') return undefined
    const planned = previewAmendment(articles, amendmentsOf(draft), basics.effectiveOn.format('YYYY-MM-DD'))
    if (!planned.ok) return undefined
    const labels = new Map(planned.rows.map((row) => [row.key, row.label]))
    draft.additions.forEach((addition, index) => {
      const label = labels.get(`new-${index}`)
      if (label) labels.set(addition.key, label)
    })
    return labels
  }, [basics, articles, draft])

  if (today.error instanceof ApiError && today.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('laws.notFound')}
        extra={
          <Link to="/workbench/laws">
            <Button type="primary">{t('laws.backToList')}</Button>
          </Link>
        }
      />
    )
  }

  const nextFromBasics = async () => {
    try {
      const values = await form.validateFields()
      setBasics(values)
      setStep(1)
    } catch {
      // the form shows what is missing
    }
  }

  const nextFromArticles = () => {
    if (!basics) return
    if (basics.kind === 'amend') {
      const ops = amendmentsOf(draft)
      if (ops.length === 0) return setStepError(t('laws.wizard.needAmendment'))
      if (draft.additions.some((a) => !a.text.trim())) return setStepError(t('laws.wizard.emptyAddition'))
      if (Object.values(draft.edits).some((text) => !text.trim())) return setStepError(t('laws.wizard.emptyEdit'))
      if ('error' in preview) return setStepError(preview.error)
    }
    if (basics.kind === 'interpret') {
      if (Object.keys(notes).length === 0) return setStepError(t('laws.wizard.needNote'))
      if (Object.values(notes).some((note) => !note.trim())) return setStepError(t('laws.wizard.emptyNote'))
    }
    if (basics.kind === 'repeal' && !confirmed) return setStepError(t('laws.wizard.needConfirm'))
    setStep(2)
  }

  const submit = async () => {
    if (!law || !body) return
    try {
      const change = await record.mutateAsync({ lawId: law.id, body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      message.success(t('laws.wizard.recorded'))
      setResult(change)
      setStep(3)
    } catch (error) {
      // a mistake in the facts goes back to the first step, next to its field
      if (showFieldError(form, error, t, BASIC_FIELDS)) setStep(0)
    }
  }

  const steps = [
    { title: t('laws.wizard.step.basics') },
    { title: t('laws.wizard.step.articles') },
    { title: t('laws.wizard.step.review') },
    { title: t('laws.wizard.step.impact') },
  ]

  const kindOptions: { value: Kind; label: string; desc: string; disabled: boolean }[] = [
    { value: 'amend', label: t('laws.changeKind.amend'), desc: t('laws.wizard.kind.amend'), disabled: repealed },
    { value: 'repeal', label: t('laws.changeKind.repeal'), desc: t('laws.wizard.kind.repeal'), disabled: repealed },
    { value: 'interpret', label: t('laws.changeKind.interpret'), desc: t('laws.wizard.kind.interpret'), disabled: false },
  ]

  const nav = (prev: (() => void) | null, next: { label: string; onClick: () => void; loading?: boolean; icon?: ReactNode; danger?: boolean; testId: string } | null) => (
    <Flex justify="space-between" gap={8} style={{ marginTop: 20 }} className="wizard-nav">
      {prev ? (
        <Button icon={<ArrowLeftOutlined />} onClick={prev}>
          {t('laws.wizard.prev')}
        </Button>
      ) : (
        <Link to={law ? `/workbench/laws/${law.id}` : '/workbench/laws'}>
          <Button>{t('common.cancel')}</Button>
        </Link>
      )}
      {next && (
        <Button type="primary" danger={next.danger} icon={next.icon ?? <ArrowRightOutlined />} iconPlacement="end" onClick={next.onClick} loading={next.loading} data-testid={next.testId}>
          {next.label}
        </Button>
      )}
    </Flex>
  )

  const changeCount = Array.isArray(preview) ? preview.filter((r) => r.effect !== 'renumbered').length : 0

  return (
    <>
      <PageHeader
        title={t('laws.wizard.title')}
        description={law ? `《${law.title}》` : undefined}
        extra={
          law && (
            <Link to={`/workbench/laws/${law.id}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('laws.change.backToLaw')}</Button>
            </Link>
          )
        }
      />
      <ErrorAlert error={today.error ?? current.error} onRetry={() => void (today.error ? today.refetch() : current.refetch())} />
      {!law && (today.isPending || current.isPending) && (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
      {law && (
        <>
          <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isPhone ? '12px 12px 4px' : undefined } }}>
            <Steps current={step} items={steps} size="small" responsive={false} titlePlacement={isPhone ? 'vertical' : 'horizontal'} data-testid="wizard-steps" />
          </Card>

          {/* Step 1: what the change is */}
          <Card style={{ display: step === 0 ? undefined : 'none' }} title={t('laws.wizard.step.basics')} data-testid="wizard-basics">
            {repealed && <Alert type="info" showIcon title={t('laws.wizard.repealedLaw', { day: law.repealedOn ?? '' })} style={{ marginBottom: 16 }} />}
            <Form<Basics> form={form} layout="vertical" requiredMark="optional">
              <Form.Item name="kind" label={t('laws.change.kind')} rules={[{ required: true }]}>
                <Radio.Group style={{ width: '100%' }}>
                  <Row gutter={[12, 12]}>
                    {kindOptions.map((option) => (
                      <Col key={option.value} xs={24} md={8}>
                        <Radio value={option.value} disabled={option.disabled} className="wizard-kind" data-testid={`wizard-kind-${option.value}`}>
                          <Typography.Text strong>{option.label}</Typography.Text>
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                              {option.desc}
                            </Typography.Text>
                          </div>
                        </Radio>
                      </Col>
                    ))}
                  </Row>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="title" label={t('laws.change.title')} rules={[{ required: true, whitespace: true, message: t('laws.wizard.titleRequired') }, { max: 300 }]}>
                <Input maxLength={300} placeholder={t('laws.wizard.titlePlaceholder')} autoComplete="off" data-testid="wizard-title" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="docNumber" label={t('laws.docNumber')} rules={[{ max: 100 }]}>
                    <Input maxLength={100} placeholder={t('laws.wizard.docNumberPlaceholder')} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="decidedOn" label={t('laws.change.decidedOn')} rules={[{ required: true, message: t('laws.form.dateRequired') }]}>
                    <DatePicker style={{ width: '100%' }} data-testid="wizard-decided" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name="effectiveOn"
                    label={t('laws.change.effectiveOn')}
                    dependencies={['decidedOn']}
                    extra={lastChangeDay ? t('laws.wizard.notBefore', { day: lastChangeDay }) : undefined}
                    rules={[
                      { required: true, message: t('laws.form.dateRequired') },
                      ({ getFieldValue }) => ({
                        validator: (_, value: Dayjs | undefined) => {
                          const decided = getFieldValue('decidedOn') as Dayjs | undefined
                          if (value && decided && value.isBefore(decided, 'day')) return Promise.reject(new Error(t('laws.wizard.effectiveBeforeDecided')))
                          if (value && lastChangeDay && value.format('YYYY-MM-DD') < lastChangeDay) return Promise.reject(new Error(t('laws.wizard.notBefore', { day: lastChangeDay })))
                          return Promise.resolve()
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => Boolean(lastChangeDay) && d.format('YYYY-MM-DD') < lastChangeDay} data-testid="wizard-effective" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="summary" label={t('laws.change.summary')} rules={[{ max: 5000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('laws.wizard.summaryPlaceholder')} />
              </Form.Item>
            </Form>
            {nav(null, { label: t('laws.wizard.next'), onClick: () => void nextFromBasics(), testId: 'wizard-next-1' })}
          </Card>

          {/* Step 2: what it does to the articles */}
          {step === 1 && basics && (
            <Card
              title={
                <Flex gap={8} align="center" wrap>
                  <ChangeKindTag kind={basics.kind} />
                  <span>{t(basics.kind === 'amend' ? 'laws.wizard.amendTitle' : basics.kind === 'interpret' ? 'laws.wizard.interpretTitle' : 'laws.wizard.repealTitle')}</span>
                </Flex>
              }
              data-testid="wizard-articles"
            >
              {stepError && <Alert type="error" showIcon title={stepError} style={{ marginBottom: 16 }} data-testid="wizard-step-error" />}
              {basics.kind === 'amend' && (
                <>
                  <Typography.Paragraph type="secondary">{t('laws.wizard.amendHint', { day: horizon })}</Typography.Paragraph>
                  <AmendEditor articles={articles} draft={draft} labels={editLabels} onChange={setDraft} />
                </>
              )}
              {basics.kind === 'interpret' && (
                <>
                  <Typography.Paragraph type="secondary">{t('laws.wizard.interpretHint')}</Typography.Paragraph>
                  <InterpretEditor articles={articles} notes={notes} onChange={setNotes} />
                </>
              )}
              {basics.kind === 'repeal' && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    icon={<ExclamationCircleOutlined />}
                    title={t('laws.wizard.repealWarning', { title: law.title, day: basics.effectiveOn.format('YYYY-MM-DD') })}
                    description={t('laws.wizard.repealDetail', { count: articles.length })}
                    style={{ marginBottom: 16 }}
                  />
                  <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="wizard-repeal-confirm">
                    {t('laws.wizard.repealConfirm', { title: law.title })}
                  </Checkbox>
                </>
              )}
              {nav(() => setStep(0), { label: t('laws.wizard.next'), onClick: nextFromArticles, testId: 'wizard-next-2' })}
            </Card>
          )}

          {/* Step 3: review old and new */}
          {step === 2 && basics && body && (
            <Card title={t('laws.wizard.step.review')} data-testid="wizard-review">
              <ErrorAlert error={record.error} />
              <Flex vertical gap={4} style={{ marginBottom: 16 }}>
                <Flex gap={8} align="center" wrap>
                  <ChangeKindTag kind={basics.kind} />
                  <Typography.Text strong>{body.title}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">
                  {[
                    `《${law.title}》`,
                    body.docNumber,
                    t('laws.changes.decidedOn', { day: body.decidedOn }),
                    t('laws.wizard.effectiveFrom', { day: body.effectiveOn }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                {body.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{body.summary}</Typography.Paragraph>}
              </Flex>
              {'error' in preview ? (
                <Alert type="error" showIcon title={preview.error} />
              ) : (
                <>
                  <Alert type="info" showIcon title={t('laws.wizard.reviewHint', { count: changeCount })} style={{ marginBottom: 16 }} />
                  <ChangeDiffList rows={preview} />
                </>
              )}
              {nav(() => setStep(1), {
                label: t('laws.wizard.submit'),
                onClick: () => void submit(),
                loading: record.isPending,
                icon: <CheckOutlined />,
                danger: basics.kind === 'repeal',
                testId: 'wizard-submit',
              })}
            </Card>
          )}

          {/* Step 4: recorded, and what it means for the catalogue */}
          {step === 3 && result && (
            <Flex vertical gap={16} data-testid="wizard-result">
              <Card>
                <Result
                  status="success"
                  title={t('laws.wizard.doneTitle')}
                  subTitle={t('laws.wizard.doneSub', { title: result.title, day: result.effectiveOn })}
                  style={{ padding: isPhone ? '8px 0' : undefined }}
                  extra={[
                    <Link key="law" to={`/workbench/laws/${result.lawId}`}>
                      <Button type="primary">{t('laws.wizard.toLaw')}</Button>
                    </Link>,
                    <Link key="change" to={`/workbench/laws/changes/${result.id}`}>
                      <Button>{t('laws.wizard.toChange')}</Button>
                    </Link>,
                  ]}
                />
                <ChangeFacts change={result} />
              </Card>
              <ImpactReport changeId={result.id} />
              <Card title={t('laws.change.textTitle')}>
                <ChangeDiffList rows={diffRowsOf(result.articles)} />
              </Card>
            </Flex>
          )}
        </>
      )}
    </>
  )
}
