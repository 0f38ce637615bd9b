import { DeleteOutlined, PlusOutlined, ScissorOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Col, Collapse, DatePicker, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { ApiError } from '../../../app/api/client'
import { fieldOf } from '../../../app/api/errors'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { showFieldError } from '../../../shared/formErrors'
import { useIsPhone } from '../../../shared/useIsMobile'
import { RegionTreeSelect } from '../../platform/components/RegionTreeSelect'
import { lawKinds, localLawKinds, useCreateLaw, type LawDetail, type LawKind, type NewLawBody } from '../api'
import { articleLabel, splitArticles } from './articleText'

interface Values {
  title: string
  kind: LawKind
  issuer: string
  docNumber?: string
  regionCode?: string
  promulgatedOn: Dayjs
  effectiveOn: Dayjs
  articles: { text: string }[]
}

const FIELDS = ['title', 'kind', 'issuer', 'docNumber', 'regionCode', 'promulgatedOn', 'effectiveOn'] as const

/** 新增法规: the facts of a law and its articles, one text area per article (or split from the full text). */
export function CreateLawModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated?: (law: LawDetail) => void }) {
  const t = useT()
  const { me } = useAuth()
  const { message, modal } = AntApp.useApp()
  const isPhone = useIsPhone()
  const [form] = Form.useForm<Values>()
  const create = useCreateLaw()
  const idempotency = useIdempotencyKey()
  const kind = Form.useWatch('kind', form)
  const [fullText, setFullText] = useState('')

  useEffect(() => {
    if (!open) return
    create.reset()
    idempotency.reset()
    form.resetFields()
    form.setFieldsValue({ articles: [{ text: '' }] })
    setFullText('')
  }, [open])

  const split = () => {
    const texts = splitArticles(fullText)
    if (texts.length === 0) {
      message.warning(t('laws.form.splitNone'))
      return
    }
    const apply = () => {
      form.setFieldsValue({ articles: texts.map((text) => ({ text })) })
      message.success(t('laws.form.splitDone', { count: texts.length }))
    }
    const existing = (form.getFieldValue('articles') as Values['articles'] | undefined)?.some((a) => a?.text?.trim())
    if (existing) {
      modal.confirm({ title: t('laws.form.splitReplace'), okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: apply })
    } else {
      apply()
    }
  }

  const submit = async (values: Values) => {
    const body: NewLawBody = {
      title: values.title.trim(),
      kind: values.kind,
      issuer: values.issuer.trim(),
      docNumber: values.docNumber?.trim() || null,
      ...(localLawKinds.has(values.kind) && values.regionCode ? { regionCode: values.regionCode } : {}),
      promulgatedOn: values.promulgatedOn.format('YYYY-MM-DD'),
      effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
      articles: values.articles.map((a) => a.text.trim()),
    }
    try {
      const law = await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      message.success(t('laws.form.created', { title: law.title }))
      onClose()
      onCreated?.(law)
    } catch (error) {
      // an article the server refuses is named articles/<index>
      const field = fieldOf(error)
      const match = field ? /^articles\/(\d+)/.exec(field) : null
      if (error instanceof ApiError && match) form.setFields([{ name: ['articles', Number(match[1]), 'text'], errors: [t.pick(error.body)] }])
      else showFieldError(form, error, t, FIELDS)
    }
  }

  return (
    <Modal
      open={open}
      title={t('laws.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      width={isPhone ? '100%' : 820}
      style={isPhone ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      mask={{ closable: false }}
    >
      <ErrorAlert error={create.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="law-form" scrollToFirstError>
        <Form.Item name="title" label={t('laws.title')} rules={[{ required: true, whitespace: true, message: t('laws.form.titleRequired') }, { max: 200 }]}>
          <Input maxLength={200} placeholder={t('laws.form.titlePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('laws.kind')} rules={[{ required: true, message: t('laws.form.kindRequired') }]}>
              <Select options={lawKinds.map((k) => ({ value: k, label: t.dynamic(`laws.kind.${k}`, k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuer" label={t('laws.issuer')} rules={[{ required: true, whitespace: true, message: t('laws.form.issuerRequired') }, { max: 200 }]}>
              <Input maxLength={200} placeholder={t('laws.form.issuerPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="docNumber" label={t('laws.docNumber')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('laws.form.docNumberPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          {kind && localLawKinds.has(kind) && me && (
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label={t('laws.region')} extra={t('laws.form.regionHint')}>
                <RegionTreeSelect rootCode={me.regionCode} allowClear />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="promulgatedOn" label={t('laws.promulgatedOn')} rules={[{ required: true, message: t('laws.form.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="effectiveOn"
              label={t('laws.effectiveOn')}
              dependencies={['promulgatedOn']}
              rules={[
                { required: true, message: t('laws.form.dateRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | undefined) => {
                    const promulgated = getFieldValue('promulgatedOn') as Dayjs | undefined
                    return value && promulgated && value.isBefore(promulgated, 'day') ? Promise.reject(new Error(t('laws.form.effectiveBeforePromulgated'))) : Promise.resolve()
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('laws.articles')}
        </Typography.Title>
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'paste',
              label: (
                <span>
                  <ScissorOutlined /> {t('laws.form.pasteTitle')}
                </span>
              ),
              children: (
                <Flex vertical gap={8}>
                  <Typography.Text type="secondary">{t('laws.form.pasteHint')}</Typography.Text>
                  <Input.TextArea value={fullText} onChange={(e) => setFullText(e.target.value)} autoSize={{ minRows: 4, maxRows: 12 }} aria-label={t('laws.form.pasteTitle')} />
                  <div>
                    <Button onClick={split} disabled={!fullText.trim()} icon={<ScissorOutlined />}>
                      {t('laws.form.split')}
                    </Button>
                  </div>
                </Flex>
              ),
            },
          ]}
        />
        <Form.List
          name="articles"
          rules={[
            {
              validator: async (_, articles: unknown[] | undefined) => {
                if (!articles || articles.length === 0) throw new Error(t('laws.form.articlesRequired'))
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" className="law-article-row">
                  <Typography.Text strong className="law-article-label">
                    {articleLabel(index + 1)}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[{ required: true, whitespace: true, message: t('laws.form.articleRequired') }]}
                    style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20000} aria-label={articleLabel(index + 1)} data-testid={`law-article-${index}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                    aria-label={t('laws.form.removeArticle', { label: articleLabel(index + 1) })}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ text: '' })} data-testid="law-article-add">
                {t('laws.form.addArticle')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
