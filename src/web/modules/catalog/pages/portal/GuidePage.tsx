import { ArrowLeftOutlined, PrinterOutlined, WarningOutlined } from '@ant-design/icons'
import { Alert, Anchor, Breadcrumb, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../../../app/api/client'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { formatDateTime } from '../../../../shared/format'
import { useIsMobile, useIsPhone } from '../../../../shared/useIsMobile'
import { usePageTitle } from '../../../../shared/usePageTitle'
import { Conditions, Fees, GuideSection, LegalBasis, Materials, PlaceAndPhone, Process } from '../../components/portal/GuideSections'
import { guideLabels, isExempt, yuan } from '../../components/portal/labels'
import { isServiceElements, useGuide, type Guide, type ServiceElements } from '../../portal-api'
import '../../components/portal/portal-catalog.css'

function Fact({ label, value, unit, testId }: { label: string; value: string | number; unit?: string; testId?: string }) {
  return (
    <div className="guide-fact" data-testid={testId}>
      <div className="guide-fact-label">{label}</div>
      <div className="guide-fact-value">
        {value}
        {unit && <span className="guide-fact-unit">{unit}</span>}
      </div>
    </div>
  )
}

/** The service guide of a service item: everything a citizen needs before applying. */
function ServiceGuide({ guide, e }: { guide: Guide; e: ServiceElements }) {
  const t = useT()
  const label = guideLabels(t)
  const isMobile = useIsMobile()
  const exempt = e.materials.filter(isExempt).length
  const paid = e.fees.filter((f) => f.amountFen > 0)
  const feeTotal = paid.reduce((sum, f) => sum + f.amountFen, 0)

  const sections: { id: string; title: string }[] = [
    { id: 'guide-conditions', title: t('guide.section.conditions') },
    { id: 'guide-materials', title: t('guide.section.materials') },
    { id: 'guide-time', title: t('guide.section.time') },
    { id: 'guide-fees', title: t('guide.section.fees') },
    { id: 'guide-steps', title: t('guide.section.steps') },
    { id: 'guide-how', title: t('guide.section.how') },
    { id: 'guide-result', title: t('guide.section.result') },
    { id: 'guide-basis', title: t('guide.section.basis') },
  ]

  const body = (
    <Flex vertical gap={16}>
      <GuideSection id="guide-conditions" title={t('guide.section.conditions')}>
        <Conditions conditions={e.conditions} />
      </GuideSection>
      <GuideSection
        id="guide-materials"
        title={t('guide.section.materials')}
        extra={
          e.materials.length > 0 && (
            <Typography.Text type="secondary" className="guide-section-extra">
              {exempt > 0 ? t('guide.materials.summary', { total: e.materials.length, exempt }) : t('guide.materials.count', { total: e.materials.length })}
            </Typography.Text>
          )
        }
      >
        <Materials materials={e.materials} />
      </GuideSection>
      <GuideSection id="guide-time" title={t('guide.section.time')}>
        <Row gutter={[12, 12]}>
          <Col xs={12}>
            <Fact label={t('guide.time.statutory')} value={e.statutoryDays} unit={t('guide.unit.workingDays')} testId="guide-statutory" />
          </Col>
          <Col xs={12}>
            <Fact label={t('guide.time.committed')} value={e.committedDays} unit={t('guide.unit.workingDays')} testId="guide-committed" />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {e.committedDays < e.statutoryDays ? t('guide.time.faster', { days: e.statutoryDays - e.committedDays }) : t('guide.time.note')}
        </Typography.Paragraph>
      </GuideSection>
      <GuideSection id="guide-fees" title={t('guide.section.fees')}>
        <Fees fees={e.fees} />
      </GuideSection>
      <GuideSection id="guide-steps" title={t('guide.section.steps')}>
        <Process steps={e.steps} />
      </GuideSection>
      <GuideSection id="guide-how" title={t('guide.section.how')}>
        <PlaceAndPhone place={e.place} phone={e.phone} />
        <dl className="guide-dl">
          <dt>{t('guide.channels')}</dt>
          <dd>
            <Flex gap={6} wrap>
              {e.channels.map((c) => (
                <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
                  {label.channel(c)}
                </Tag>
              ))}
            </Flex>
          </dd>
          <dt>{t('guide.depth')}</dt>
          <dd>{t('guide.depthFull', { name: label.depth(e.onlineDepth), n: e.onlineDepth })}</dd>
          <dt>{t('guide.visits')}</dt>
          <dd>{e.visits === 0 ? t('guide.visits.zero') : t('guide.visits.n', { n: e.visits })}</dd>
        </dl>
      </GuideSection>
      <GuideSection id="guide-result" title={t('guide.section.result')}>
        <dl className="guide-dl">
          <dt>{t('guide.result.name')}</dt>
          <dd>{e.result.name}</dd>
          <dt>{t('guide.result.type')}</dt>
          <dd>{label.resultType(e.result.type)}</dd>
        </dl>
      </GuideSection>
      <GuideSection id="guide-basis" title={t('guide.section.basis')}>
        <LegalBasis basis={guide.legalBasis} />
      </GuideSection>
    </Flex>
  )

  return (
    <>
      <div className="guide-facts">
        <Fact label={t('guide.fact.committed')} value={e.committedDays} unit={t('guide.unit.workingDays')} />
        <Fact label={t('guide.fact.visits')} value={e.visits} unit={t('guide.unit.times')} testId="guide-visits" />
        <Fact label={t('guide.fact.depth')} value={label.depth(e.onlineDepth)} />
        <Fact label={t('guide.fact.fee')} value={feeTotal === 0 ? t('guide.fees.free') : t('guide.fees.yuan', { amount: yuan(feeTotal) })} testId="guide-fee" />
      </div>
      {isMobile ? (
        body
      ) : (
        <Row gutter={16} wrap={false}>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {body}
          </Col>
          <Col flex="200px" className="no-print">
            <Anchor offsetTop={16} items={sections.map((s) => ({ key: s.id, href: `#${s.id}`, title: s.title }))} className="guide-anchor" />
          </Col>
        </Row>
      )}
    </>
  )
}

/** 办事指南 (/guide/:id, by entry id or implementation code): public, phone-first, printable. */
export default function GuidePage() {
  const t = useT()
  const { id } = useParams()
  const navigate = useNavigate()
  const isPhone = useIsPhone()
  const guide = useGuide(id)
  const data = guide.data
  const e = data?.elements
  const service = e && isServiceElements(e) ? e : null
  const name = service?.name ?? (typeof e?.name === 'string' ? e.name : undefined)
  const label = guideLabels(t)
  usePageTitle(name ?? t('guide.title'))

  if (guide.error instanceof ApiError && guide.error.status === 404) {
    return (
      <div className="portal-container svc-body svc-fill">
        <Result
          status="404"
          title={t('guide.notFound')}
          subTitle={t('guide.notFoundHint')}
          extra={
            <Link to="/services">
              <Button type="primary">{t('guide.backToServices')}</Button>
            </Link>
          }
        />
      </div>
    )
  }

  return (
    <div className="portal-container svc-body svc-fill guide-page" data-testid="guide-page">
      <Breadcrumb
        className="guide-breadcrumb no-print"
        items={[{ title: <Link to="/">{t('portal.nav.home')}</Link> }, { title: <Link to="/services">{t('portal.catalog.title')}</Link> }, { title: name ?? t('guide.title') }]}
      />
      <ErrorAlert error={guide.error} onRetry={() => void guide.refetch()} />
      {!data && guide.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      )}
      {data && (
        <Flex vertical gap={16}>
          <Card className="guide-head">
            <Flex justify="space-between" align="flex-start" gap={12} wrap>
              <div style={{ minWidth: 0, flex: '1 1 320px' }}>
                <div className="guide-head-kicker">{t('guide.title')}</div>
                <h1 className="guide-name" data-testid="guide-name">
                  {name}
                </h1>
                <Flex gap={6} wrap>
                  <Tag color="blue">{label.kind(data.kind)}</Tag>
                  {service?.provinceWide && <Tag color="green">{t('portal.catalog.provinceWide')}</Tag>}
                  {service?.crossProvince && <Tag color="cyan">{t('portal.catalog.crossProvince')}</Tag>}
                </Flex>
              </div>
              <Flex gap={8} className="no-print" wrap>
                <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/services'))}>
                  {isPhone ? null : t('guide.back')}
                </Button>
                <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="guide-print">
                  {t('guide.print')}
                </Button>
              </Flex>
            </Flex>
            {data.basisUnderReview && (
              <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('guide.underReview')} description={t('guide.underReviewHint')} style={{ marginTop: 16 }} data-testid="guide-under-review" />
            )}
            <Descriptions
              className="guide-descriptions"
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              style={{ marginTop: 16 }}
              items={[
                { key: 'region', label: t('guide.region'), children: data.region.name },
                { key: 'org', label: t('guide.org'), children: data.orgName ?? service?.department ?? '—' },
                ...(service
                  ? [
                      { key: 'objects', label: t('guide.objects'), children: service.serviceObjects.map(label.object).join('、') },
                      { key: 'levels', label: t('guide.levels'), children: service.levels.map(label.level).join('、') },
                    ]
                  : []),
                { key: 'code', label: t('guide.code'), children: <span className="mono">{data.implementationCode}</span> },
                {
                  key: 'version',
                  label: t('guide.version'),
                  children: t('guide.versionText', { n: data.versionNumber, day: data.publishedAt ? formatDateTime(data.publishedAt).slice(0, 10) : '—' }),
                },
              ]}
            />
          </Card>
          {service ? (
            <ServiceGuide guide={data} e={service} />
          ) : (
            <>
              <Alert type="info" showIcon title={t('guide.notService')} />
              <GuideSection id="guide-basis" title={t('guide.section.basis')}>
                <LegalBasis basis={data.legalBasis} />
              </GuideSection>
            </>
          )}
          <Typography.Paragraph type="secondary" className="guide-print-note">
            {t('guide.printedNote', { code: data.implementationCode })}
          </Typography.Paragraph>
        </Flex>
      )}
    </div>
  )
}
