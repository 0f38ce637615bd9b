import { ArrowLeftOutlined, EditOutlined, HistoryOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Descriptions, Divider, Empty, Flex, Input, Result, Row, Skeleton, Spin, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../../app/api/client'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useLaw, useLawChanges, type LawArticle } from '../api'
import { ArticleHistoryDrawer } from '../components/ArticleHistoryDrawer'
import { ChangesTimeline } from '../components/ChangesTimeline'
import { RegionName } from '../components/ImpactReport'
import { LawKindTag, LawStatusTag } from '../components/tags'
import '../components/laws.css'

const DAY = /^\d{4}-\d{2}-\d{2}$/

interface RemovedArticle {
  id: string
  label: string
  text: string | null
  removedOn: string
  changeTitle: string
}

/** A law: its facts, its articles as in force on a chosen day with each article's history, and its changes. */
export default function LawDetailPage() {
  const t = useT()
  const { id } = useParams()
  const { can } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const [params, setParams] = useSearchParams()
  const onParam = params.get('on') ?? ''
  const on = DAY.test(onParam) ? onParam : ''
  const law = useLaw(id, on)
  const [historyOf, setHistoryOf] = useState<{ id: string; label: string } | null>(null)
  const [filter, setFilter] = useState('')
  const data = law.data
  const asOf = data?.on ?? on

  // Articles removed by an amendment in force by the chosen day: listed struck through after the others.
  const removingChanges = useMemo(() => (data?.changes ?? []).filter((c) => c.kind === 'amend' && c.effectiveOn <= asOf).map((c) => c.id), [data?.changes, asOf])
  const changeDetails = useLawChanges(removingChanges)
  const removed = useMemo<RemovedArticle[]>(() => {
    const standing = new Set((data?.articles ?? []).map((a) => a.id))
    return changeDetails.flatMap((q) =>
      (q.data?.articles ?? [])
        .filter((a) => a.effect === 'removed' && !standing.has(a.articleId))
        .map((a) => ({ id: a.articleId, label: a.oldLabel ?? a.label, text: a.oldText, removedOn: q.data!.effectiveOn, changeTitle: q.data!.title })),
    )
  }, [changeDetails, data?.articles])

  const setOn = (day: string | null) => {
    const next = new URLSearchParams(params)
    if (day) next.set('on', day)
    else next.delete('on')
    setParams(next, { replace: true })
  }

  if (law.error instanceof ApiError && law.error.status === 404) {
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

  const needle = filter.trim()
  const articles = needle ? (data?.articles ?? []).filter((a) => a.text.includes(needle) || a.label.includes(needle)) : (data?.articles ?? [])
  const shownRemoved = needle ? removed.filter((a) => (a.text ?? '').includes(needle) || a.label.includes(needle)) : removed
  const today = dayjs().format('YYYY-MM-DD')
  // changes recorded but not yet in force on the day shown: offer the text they will give
  const later = (data?.changes ?? []).filter((c) => c.kind !== 'enact' && c.effectiveOn > asOf).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))
  const pending = data?.status === 'repealed' ? undefined : later[0]
  const pendingCount = later.length

  const articleItem = (article: LawArticle) => (
    <div key={article.id} className={`law-article${article.inForce ? '' : ' law-article-off'}`} data-testid={`article-${article.ordinal}`}>
      <Flex className="law-article-head" justify="space-between" align="center" gap={8}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{article.label}</Typography.Text>
          {!article.inForce && data && <Tag color={data.status === 'repealed' ? 'default' : 'gold'}>{t(data.status === 'repealed' ? 'laws.article.repealed' : 'laws.article.notYet')}</Tag>}
        </Flex>
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf({ id: article.id, label: article.label })} data-testid={`article-history-${article.ordinal}`}>
          {isPhone ? null : t('laws.article.history')}
        </Button>
      </Flex>
      <div className="law-text">{article.text}</div>
    </div>
  )

  return (
    <>
      <PageHeader
        title={data?.title ?? t('laws.pageTitle')}
        description={data ? [data.issuer, data.docNumber].filter(Boolean).join(' · ') : undefined}
        extra={
          <>
            <Link to="/workbench/laws">
              <Button icon={<ArrowLeftOutlined />}>{t('laws.backToList')}</Button>
            </Link>
            {can('law.edit') && data && (
              <Link to={`/workbench/laws/${data.id}/change`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="law-change-start">
                  {t('laws.change.start')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <ErrorAlert error={law.error} onRetry={() => void law.refetch()} />
      {!data && law.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {data && (
        <>
          <Card style={{ marginBottom: 16 }} data-testid="law-facts">
            <Descriptions
              size={isPhone ? 'small' : 'middle'}
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'kind', label: t('laws.kind'), children: <LawKindTag kind={data.kind} /> },
                {
                  key: 'status',
                  label: on && on !== today ? t('laws.statusOn', { day: data.on }) : t('laws.status'),
                  children: <LawStatusTag status={data.status} />,
                },
                { key: 'issuer', label: t('laws.issuer'), children: data.issuer },
                { key: 'docNumber', label: t('laws.docNumber'), children: data.docNumber ?? '—' },
                { key: 'promulgatedOn', label: t('laws.promulgatedOn'), children: <span className="mono">{data.promulgatedOn}</span> },
                { key: 'effectiveOn', label: t('laws.effectiveOn'), children: <span className="mono">{data.effectiveOn}</span> },
                ...(data.repealedOn ? [{ key: 'repealedOn', label: t('laws.repealedOn'), children: <span className="mono">{data.repealedOn}</span> }] : []),
                ...(data.regionCode ? [{ key: 'region', label: t('laws.region'), children: <RegionName code={data.regionCode} /> }] : []),
                { key: 'articleCount', label: t('laws.articleCount'), children: data.articleCount },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card
                title={t('laws.articles')}
                extra={
                  !isPhone && (
                    <Typography.Text type="secondary">{t('laws.article.count', { count: data.articles.length })}</Typography.Text>
                  )
                }
                data-testid="law-articles"
              >
                <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{t('laws.asOf')}</Typography.Text>
                  <DatePicker
                    value={dayjs(asOf)}
                    onChange={(value) => setOn(value ? value.format('YYYY-MM-DD') : null)}
                    allowClear={false}
                    style={{ width: elder ? 180 : 150 }}
                    aria-label={t('laws.asOf')}
                    data-testid="law-as-of"
                  />
                  <Button onClick={() => setOn(null)} disabled={!on || on === today}>
                    {t('laws.today')}
                  </Button>
                  <Input
                    prefix={<SearchOutlined />}
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                    placeholder={t('laws.article.filter')}
                    allowClear
                    style={{ flex: '1 1 200px', maxWidth: 320 }}
                    aria-label={t('laws.article.filter')}
                  />
                </Flex>
                {pending && (
                  <Alert
                    type="info"
                    showIcon
                    title={t('laws.pendingNotice', { count: pendingCount, day: pending.effectiveOn })}
                    action={
                      <Button size="small" onClick={() => setOn(pending.effectiveOn)} data-testid="law-show-pending">
                        {t('laws.pendingShow')}
                      </Button>
                    }
                    style={{ marginBottom: 12 }}
                    data-testid="law-pending"
                  />
                )}
                {data.status === 'not_yet' && (
                  <Alert type="info" showIcon title={t('laws.notYetNotice', { day: data.effectiveOn })} style={{ marginBottom: 12 }} />
                )}
                {data.status === 'repealed' && data.repealedOn && (
                  <Alert type="warning" showIcon title={t('laws.repealedNotice', { day: data.repealedOn })} style={{ marginBottom: 12 }} />
                )}
                <Spin spinning={law.isFetching}>
                  {articles.length === 0 && shownRemoved.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={needle ? t('laws.article.noMatch') : t('laws.article.none')} />
                  ) : (
                    <div>
                      {articles.map(articleItem)}
                      {shownRemoved.length > 0 && (
                        <Divider titlePlacement="start" plain style={{ margin: '16px 0 0' }}>
                          <Typography.Text type="secondary">{t('laws.article.removedTitle', { count: shownRemoved.length })}</Typography.Text>
                        </Divider>
                      )}
                      {shownRemoved.map((article) => (
                        <div key={article.id} className="law-article law-article-removed" data-testid="article-removed">
                          <Flex className="law-article-head" justify="space-between" align="center" gap={8}>
                            <Flex gap={6} align="center" wrap>
                              <Typography.Text strong delete>
                                {article.label}
                              </Typography.Text>
                              <Tag color="red">{t('laws.article.removedOn', { day: article.removedOn })}</Tag>
                            </Flex>
                            <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf({ id: article.id, label: article.label })}>
                              {isPhone ? null : t('laws.article.history')}
                            </Button>
                          </Flex>
                          {article.text && <div className="law-text">{article.text}</div>}
                          <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
                            {article.changeTitle}
                          </Typography.Text>
                        </div>
                      ))}
                    </div>
                  )}
                </Spin>
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('laws.changes.title')} className="sticky-card" data-testid="law-changes">
                <ChangesTimeline changes={data.changes} onShowDay={(day) => setOn(day)} />
              </Card>
            </Col>
          </Row>
          <ArticleHistoryDrawer lawId={data.id} article={historyOf} onClose={() => setHistoryOf(null)} />
        </>
      )}
    </>
  )
}
