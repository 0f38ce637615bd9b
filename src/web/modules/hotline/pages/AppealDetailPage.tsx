import { ArrowLeftOutlined, EyeOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../../app/api/client'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useAppeal, useReveal, type ActionFields, type AppealDetail } from '../api'
import { ActionPanel } from '../components/ActionPanel'
import { AppealTimeline } from '../components/AppealTimeline'
import { useCategoryName } from '../components/CategorySelect'
import { AppealStateTag, ConfidentialTag, DeadlineTag, DispatchDueTag, EscalationTag, LineTag, TypeTag, useUrgencyClock } from '../components/tags'
import '../hotline.css'

/** The list this user most likely came from, for the way back. */
function useHomeList(): string {
  const { can } = useAuth()
  if (can('hotline.dispatch')) return '/workbench/hotline/dispatch'
  if (can('hotline.handle')) return '/workbench/hotline/inbox'
  return '/workbench/hotline/appeals'
}

/**
 * 诉求详情 (/workbench/hotline/appeals/:id): the appeal, its history, the duplicates merged into it,
 * and what this user may do with it now.
 */
export default function AppealDetailPage() {
  const t = useT()
  const { id } = useParams()
  const navigate = useNavigate()
  const back = useHomeList()
  const appeal = useAppeal(id)
  const gone = appeal.error instanceof ApiError && (appeal.error.status === 403 || appeal.error.status === 404)

  if (gone) {
    return (
      <Result
        status="info"
        title={t('hotline.detail.gone')}
        subTitle={t('hotline.detail.goneSub')}
        extra={
          <Link to={back}>
            <Button type="primary">{t('hotline.detail.back')}</Button>
          </Link>
        }
        data-testid="appeal-gone"
      />
    )
  }

  const data = appeal.data
  return (
    <>
      <PageHeader
        title={t('hotline.detail.title', { number: data?.number ?? '' })}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(back))}>
              {t('hotline.detail.back')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void appeal.refetch()} loading={appeal.isFetching} aria-label={t('common.refresh')} />
          </Space>
        }
      />
      <ErrorAlert error={appeal.error} onRetry={() => void appeal.refetch()} />
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]} data-testid="appeal-detail">
          <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
            <Flex vertical gap={16}>
              <AppealInfo appeal={data} />
              <Card title={t('hotline.detail.timeline')}>
                <AppealTimeline steps={data.timeline} />
              </Card>
              {data.merged.length > 0 && (
                <Card title={t('hotline.detail.merged')} data-testid="appeal-merged">
                  <Flex gap={8} wrap>
                    {data.merged.map((m) => (
                      <Link key={m.id} to={`/workbench/hotline/appeals/${m.id}`} className="mono">
                        {m.number}
                      </Link>
                    ))}
                  </Flex>
                </Card>
              )}
            </Flex>
          </Col>
          <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
            <Card title={t('hotline.detail.actions')} className="hotline-sticky">
              <ActionPanel appeal={data} defaults={defaultsOf(data)} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  )
}

/** An approval starts from the days the department asked for. */
function defaultsOf(appeal: AppealDetail): Record<string, Partial<ActionFields>> {
  const request = [...appeal.timeline].reverse().find((step) => step.transition === 'request_extension')
  const days = request?.fields.days
  return typeof days === 'number' ? { approve_extension: { days } } : {}
}

function AppealInfo({ appeal }: { appeal: AppealDetail }) {
  const t = useT()
  const clock = useUrgencyClock()
  const categoryName = useCategoryName()
  const guess = appeal.classification
  const now = useMemo(() => new Date(), [])
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('hotline.detail.info')}</span>
          <AppealStateTag state={appeal.state} name={appeal.stateName} />
          <EscalationTag level={appeal.escalation} />
          {appeal.confidential && <ConfidentialTag />}
        </Flex>
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="appeal-title">
        {appeal.title}
      </Typography.Title>
      <Typography.Paragraph className="hotline-text" data-testid="appeal-content">
        {appeal.content}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'number', label: t('hotline.number'), children: <span className="mono" data-testid="appeal-number">{appeal.number}</span> },
          {
            key: 'kind',
            label: `${t('hotline.line')} / ${t('hotline.type')}`,
            children: (
              <Space size={4} wrap>
                <LineTag line={appeal.line} />
                <TypeTag type={appeal.type} />
                <Tag style={{ marginInlineEnd: 0 }}>{t.dynamic(`hotline.channel.${appeal.channel}`, appeal.channel)}</Tag>
              </Space>
            ),
          },
          { key: 'category', label: t('hotline.category'), children: categoryName(appeal.categoryKey) },
          {
            key: 'classification',
            label: t('hotline.classification'),
            children: guess?.categoryKey ? (
              <span>
                {categoryName(guess.categoryKey)} <span className="mono hotline-sub">{Math.round(guess.probability * 100)}%</span> · {t.dynamic(`hotline.route.${guess.route}`, guess.route)}
              </span>
            ) : (
              <span>
                {t('hotline.classificationNone')}
                {guess && ` · ${t.dynamic(`hotline.route.${guess.route}`, guess.route)}`}
              </span>
            ),
          },
          { key: 'region', label: t('hotline.region'), children: appeal.regionName ?? appeal.regionCode },
          { key: 'location', label: t('hotline.location'), children: appeal.location ?? '—' },
          { key: 'appellant', label: t('hotline.appellant'), children: <Appellant appeal={appeal} /> },
          { key: 'submitted', label: t('hotline.submittedAt'), children: formatDateTime(appeal.submittedAt) },
          { key: 'dispatchDue', label: t('hotline.dispatchDue'), children: <DispatchDueTag appeal={appeal} now={now} /> },
          { key: 'org', label: t('hotline.department'), children: <span data-testid="appeal-org">{appeal.orgName ?? t('hotline.awaitingDispatch')}</span> },
          { key: 'deadline', label: t('hotline.deadline'), children: <DeadlineTag appeal={appeal} clock={clock} /> },
          ...(appeal.answer
            ? [
                {
                  key: 'answer',
                  label: t('hotline.answer'),
                  span: { xs: 1, sm: 1, md: 2 },
                  children: (
                    <div>
                      <div className="hotline-text" data-testid="appeal-answer">
                        {appeal.answer}
                      </div>
                      <Typography.Text type="secondary">
                        {formatDateTime(appeal.answeredAt)}
                        {appeal.resolvedOnCall && ` · ${t('hotline.resolvedOnCall')}`}
                        {appeal.answeredLate && ` · ${t('hotline.answeredLate')}`}
                      </Typography.Text>
                    </div>
                  ),
                },
              ]
            : []),
          ...(appeal.satisfaction ? [{ key: 'satisfaction', label: t('hotline.satisfaction'), children: t.dynamic(`hotline.satisfaction.${appeal.satisfaction}`, appeal.satisfaction) }] : []),
          ...(appeal.emergency ? [{ key: 'emergency', label: t('hotline.emergencyRef'), children: `${t.dynamic(`hotline.service.${appeal.emergency}`, appeal.emergency)} · ${appeal.emergencyRef ?? ''}` }] : []),
        ]}
      />
    </Card>
  )
}

/** The appellant, masked; whoever holds pii.read may reveal the full details, which the server audits. */
function Appellant({ appeal }: { appeal: AppealDetail }) {
  const t = useT()
  const { can } = useAuth()
  const mayReveal = can('pii.read')
  const reveal = useReveal(appeal.id)
  if (!appeal.appellant) return <Typography.Text type="secondary">{t('hotline.detail.hidden')}</Typography.Text>
  const shown = reveal.data ?? appeal.appellant
  const any = shown.name || shown.phone
  return (
    <Flex gap={8} align="center" wrap>
      <span data-testid="appellant">{any ? [shown.name, shown.phone].filter(Boolean).join(' · ') : '—'}</span>
      {any && mayReveal && !reveal.data && (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()} data-testid="appellant-reveal">
          {t('hotline.detail.reveal')}
        </Button>
      )}
      <ErrorAlert error={reveal.error} />
    </Flex>
  )
}
