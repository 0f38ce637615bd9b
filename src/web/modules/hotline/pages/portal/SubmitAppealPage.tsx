import { CheckCircleFilled, SendOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Result, Row, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useIdempotencyKey } from '../../../../app/api/idempotency'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { showFieldError } from '../../../../shared/formErrors'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { usePageTitle } from '../../../../shared/usePageTitle'
import { appealTypes, lines, useSubmitPublicAppeal, type AppealType, type Line, type PublicAppeal, type Receipt } from '../../api'
import { AppealRegionPicker } from '../../components/AppealRegionPicker'
import { CategorySelect } from '../../components/CategorySelect'
import { EmergencyAlert } from '../../components/EmergencyAlert'
import { PortalBand } from '../../components/PortalBand'
import { MAX_CONTENT, phoneRule } from '../../form'
import '../../hotline.css'

interface AppealForm {
  line: Line
  type: AppealType
  regionCode?: string
  categoryKey?: string
  content: string
  location?: string
  appellantName?: string
  appellantPhone?: string
  confidential: boolean
}

const serverFields = ['line', 'type', 'regionCode', 'categoryKey', 'content', 'location', 'appellantName', 'appellantPhone'] as const

/** What the form holds, as the server takes it: empty optional fields left out. */
function bodyOf(values: AppealForm): PublicAppeal {
  const optional = (text: string | undefined) => text?.trim() || undefined
  return {
    line: values.line,
    type: values.type,
    regionCode: values.regionCode ?? '',
    categoryKey: values.categoryKey || undefined,
    content: values.content.trim(),
    location: optional(values.location),
    appellantName: optional(values.appellantName),
    appellantPhone: optional(values.appellantPhone),
    confidential: values.confidential,
  }
}

/**
 * 我要咨询投诉 (/hotline): a citizen files an appeal and gets its number and query code. A retried or
 * double-clicked submit carries the same Idempotency-Key, so it files once.
 */
export default function SubmitAppealPage() {
  const t = useT()
  const isPhone = useIsPhone()
  usePageTitle(t('hotline.portal.title'))
  const [form] = Form.useForm<AppealForm>()
  const line = Form.useWatch('line', form)
  const submit = useSubmitPublicAppeal()
  const idempotency = useIdempotencyKey()
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  const [error, setError] = useState<unknown>(null)

  const onFinish = async (values: AppealForm) => {
    setError(null)
    const body = bodyOf(values)
    try {
      const filed = await submit.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      setReceipt(filed)
      window.scrollTo({ top: 0 })
    } catch (failure) {
      if (!showFieldError(form, failure, t, serverFields)) setError(failure)
    }
  }

  const another = () => {
    form.resetFields()
    setReceipt(null)
  }

  return (
    <div className="hotline-fill">
      <PortalBand active="submit" />
      <div className="portal-container hotline-body">
        {receipt ? (
          <ReceiptView receipt={receipt} onAnother={another} />
        ) : (
          <Card>
            <ErrorAlert error={error} />
            <Form<AppealForm>
              form={form}
              layout="vertical"
              size="large"
              requiredMark="optional"
              initialValues={{ line: '12345', confidential: false }}
              onFinish={(values) => void onFinish(values)}
              data-testid="appeal-form"
              scrollToFirstError
            >
              <Form.Item name="line" label={t('hotline.line')} extra={t('hotline.portal.lineHint')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  onChange={() => form.setFieldValue('categoryKey', undefined)}
                  options={lines.map((value) => ({ value, label: t.dynamic(`hotline.line.${value}`, value) }))}
                />
              </Form.Item>
              <Form.Item name="type" label={t('hotline.type')} rules={[{ required: true, message: t('hotline.typeRequired') }]}>
                <Radio.Group optionType="button" options={appealTypes.map((value) => ({ value, label: t.dynamic(`hotline.type.${value}`, value) }))} data-testid="appeal-type" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="regionCode" label={t('hotline.region')} rules={[{ required: true, message: t('hotline.regionRequired') }]}>
                    <AppealRegionPicker size="large" data-testid="appeal-region" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="categoryKey" label={t('hotline.category')}>
                    <CategorySelect line={line} size="large" data-testid="appeal-category" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="content" label={t('hotline.content')} rules={[{ required: true, whitespace: true, message: t('hotline.contentRequired') }]}>
                <Input.TextArea autoSize={{ minRows: isPhone ? 4 : 5, maxRows: 12 }} maxLength={MAX_CONTENT} showCount placeholder={t('hotline.contentPlaceholder')} data-testid="appeal-content" />
              </Form.Item>
              <Form.Item name="location" label={t('hotline.location')}>
                <Input maxLength={200} placeholder={t('hotline.locationPlaceholder')} data-testid="appeal-location" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="appellantName" label={t('hotline.appellantName')}>
                    <Input maxLength={50} autoComplete="name" data-testid="appeal-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="appellantPhone" label={t('hotline.appellantPhone')} extra={t('hotline.phoneHint')} rules={[phoneRule(t('hotline.phonePattern'))]}>
                    <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="appeal-phone" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="confidential" label={t('hotline.confidentialSwitch')} valuePropName="checked" extra={t('hotline.confidentialHint')}>
                <Switch data-testid="appeal-confidential" />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('hotline.portal.privacy')}</Typography.Paragraph>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} block={isPhone} data-testid="appeal-submit">
                {t('hotline.portal.submit')}
              </Button>
            </Form>
          </Card>
        )}
      </div>
    </div>
  )
}

/** The receipt: the number and the query code, large and copyable, since the code is shown only once. */
function ReceiptView({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const copyable = { tooltips: [t('hotline.portal.copy'), t('hotline.portal.copied')] }
  return (
    <Card data-testid="appeal-receipt">
      <EmergencyAlert emergencies={receipt.emergencies} audience="citizen" />
      <Result
        status="success"
        icon={<CheckCircleFilled />}
        title={t('hotline.portal.receiptTitle')}
        subTitle={t('hotline.portal.receiptSub')}
        style={{ padding: '16px 0' }}
      />
      <Flex vertical gap={12} className="hotline-receipt-box">
        <Row gutter={[16, 12]}>
          <Col xs={24} sm={14}>
            <div className="hotline-sub">{t('hotline.number')}</div>
            <Typography.Text className="hotline-receipt-value" copyable={copyable} data-testid="receipt-number">
              {receipt.number}
            </Typography.Text>
          </Col>
          <Col xs={24} sm={10}>
            <div className="hotline-sub">{t('hotline.queryCode')}</div>
            <Typography.Text className="hotline-receipt-value" copyable={copyable} data-testid="receipt-code">
              {receipt.queryCode}
            </Typography.Text>
          </Col>
        </Row>
        <Alert type="warning" showIcon title={t('hotline.portal.receiptKeep')} />
      </Flex>
      <Descriptions
        column={1}
        style={{ marginTop: 16 }}
        items={[
          { key: 'state', label: t('hotline.state'), children: <span data-testid="receipt-state">{t.pick(receipt.stateName)}</span> },
          { key: 'deadline', label: t('hotline.deadline'), children: receipt.deadline ?? '—' },
        ]}
      />
      <Flex gap={12} wrap style={{ marginTop: 16 }}>
        <Button type="primary" size="large" onClick={() => navigate('/hotline/follow', { state: { number: receipt.number, code: receipt.queryCode } })} data-testid="receipt-follow">
          {t('hotline.portal.followNow')}
        </Button>
        <Button size="large" onClick={onAnother}>
          {t('hotline.portal.another')}
        </Button>
      </Flex>
    </Card>
  )
}
