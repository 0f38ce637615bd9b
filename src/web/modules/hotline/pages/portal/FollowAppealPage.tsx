import { SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Skeleton, Steps, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useLocation } from 'react-router'
import { ApiError } from '../../../../app/api/client'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { formatDateTime } from '../../../../shared/format'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { usePageTitle } from '../../../../shared/usePageTitle'
import { useProgress, type Progress } from '../../api'
import { PortalBand } from '../../components/PortalBand'
import { AppealStateTag } from '../../components/tags'
import '../../hotline.css'

interface Lookup {
  number: string
  code: string
}

/** The number and code handed over by the receipt (in the router state, never in the address). */
function lookupOf(state: unknown): Lookup | null {
  if (typeof state !== 'object' || state === null) return null
  const { number, code } = state as Partial<Record<keyof Lookup, unknown>>
  return typeof number === 'string' && typeof code === 'string' ? { number, code } : null
}

/**
 * 办件查询 (/hotline/follow): the appellant looks an appeal up with its number and 6-digit query
 * code and sees where it stands, who handles it and the answer.
 */
export default function FollowAppealPage() {
  const t = useT()
  const isPhone = useIsPhone()
  usePageTitle(t('hotline.portal.followTitle'))
  const location = useLocation()
  const [lookup, setLookup] = useState<Lookup | null>(() => lookupOf(location.state))
  const progress = useProgress(lookup?.number ?? '', lookup?.code ?? '')
  const notFound = progress.error instanceof ApiError && progress.error.status === 404

  const onFinish = (values: Lookup) => {
    const next = { number: values.number.trim(), code: values.code.trim() }
    if (lookup && next.number === lookup.number && next.code === lookup.code) void progress.refetch()
    else setLookup(next)
  }

  return (
    <div className="hotline-fill">
      <PortalBand active="follow" />
      <div className="portal-container hotline-body">
        <Card style={{ marginBottom: 16 }}>
          <Form<Lookup> layout={isPhone ? 'vertical' : 'inline'} size="large" initialValues={lookup ?? undefined} onFinish={onFinish} data-testid="follow-form">
            <Form.Item
              name="number"
              label={t('hotline.number')}
              rules={[
                { required: true, message: t('hotline.portal.numberRequired') },
                { pattern: /^\s*\d{6,20}\s*$/, message: t('hotline.portal.numberPattern') },
              ]}
              style={{ flex: '1 1 240px' }}
            >
              <Input inputMode="numeric" maxLength={20} data-testid="follow-number" />
            </Form.Item>
            <Form.Item name="code" label={t('hotline.queryCode')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('hotline.portal.codeRequired') }]} style={{ flex: '0 1 180px' }}>
              <Input inputMode="numeric" maxLength={6} autoComplete="off" data-testid="follow-code" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={progress.isFetching} block={isPhone} data-testid="follow-submit">
                {t('hotline.portal.follow')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        {notFound ? <Alert type="warning" showIcon title={t('hotline.portal.notFound')} data-testid="follow-not-found" /> : <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
        {lookup && progress.isPending && !progress.error && <Skeleton active />}
        {progress.data && !progress.error && <ProgressView progress={progress.data} />}
      </div>
    </div>
  )
}

/** The four stages a citizen recognises; merged and transferred appeals show their history only. */
const stages: Record<string, number> = { received: 0, handling: 1, objected: 1, extension_requested: 1, answered: 2, closed: 3 }

function ProgressView({ progress }: { progress: Progress }) {
  const t = useT()
  const isPhone = useIsPhone()
  const stage = stages[progress.state]
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span className="mono">{progress.number}</span>
          <AppealStateTag state={progress.state} name={progress.stateName} />
        </Flex>
      }
      data-testid="follow-progress"
    >
      {progress.mergedWith && <Alert type="info" showIcon title={t('hotline.portal.merged', { number: progress.mergedWith })} style={{ marginBottom: 16 }} data-testid="follow-merged" />}
      {stage !== undefined && (
        <Steps
          current={stage}
          status={progress.state === 'closed' ? 'finish' : 'process'}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          size="small"
          style={{ marginBottom: 20 }}
          items={[{ title: t('hotline.portal.stage.received') }, { title: t('hotline.portal.stage.handling') }, { title: t('hotline.portal.stage.answered') }, { title: t('hotline.portal.stage.closed') }]}
        />
      )}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={14}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'title', label: t('hotline.title'), children: progress.title },
              { key: 'type', label: t('hotline.type'), children: `${t.dynamic(`hotline.line.${progress.line}`, progress.line)} · ${t.dynamic(`hotline.type.${progress.type}`, progress.type)}` },
              { key: 'submitted', label: t('hotline.submittedAt'), children: formatDateTime(progress.submittedAt) },
              { key: 'state', label: t('hotline.state'), children: <span data-testid="follow-state">{t.pick(progress.stateName)}</span> },
              { key: 'org', label: t('hotline.department'), children: progress.orgName ?? '—' },
              { key: 'deadline', label: t('hotline.deadline'), children: progress.deadline ?? '—' },
              ...(progress.satisfaction ? [{ key: 'satisfaction', label: t('hotline.satisfaction'), children: t.dynamic(`hotline.satisfaction.${progress.satisfaction}`, progress.satisfaction) }] : []),
            ]}
          />
        </Col>
        <Col xs={24} md={10}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('hotline.portal.progress')}
          </Typography.Title>
          <Timeline
            items={progress.steps.map((step, index) => ({
              key: `${index}`,
              color: index === progress.steps.length - 1 ? 'blue' : 'green',
              title: formatDateTime(step.at),
              content: t.pick(step.name),
            }))}
          />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('hotline.answer')}</Typography.Title>
      {progress.answer ? (
        <div className="hotline-answer" data-testid="follow-answer">
          <Typography.Paragraph className="hotline-text" style={{ marginBottom: 4 }}>
            {progress.answer}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('hotline.answeredAt')}
            {t('common.colon')}
            {formatDateTime(progress.answeredAt)}
          </Typography.Text>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('hotline.portal.noAnswer')}</Typography.Text>
      )}
    </Card>
  )
}
