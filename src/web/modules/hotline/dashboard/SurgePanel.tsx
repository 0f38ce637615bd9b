import { AlertOutlined } from '@ant-design/icons'
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useSurges, type SurgeReport, type SurgeView } from './api'
import { useDashboardT } from './i18n'
import './dashboard.css'

const TERMS_IN_ALERT = 5

/** 话务激增预警: one red alert per surging category and county, each opening its cluster. */
export function SurgePanel() {
  const d = useDashboardT()
  const surges = useSurges()
  const [open, setOpen] = useState<SurgeView | null>(null)
  const report = surges.data

  if (surges.error) return <ErrorAlert error={surges.error} onRetry={() => void surges.refetch()} title={d('hotline.dashboard.surge.title')} />
  if (!report) return null
  if (report.alerts.length === 0) {
    return (
      <Typography.Paragraph type="secondary" className="hotline-dashboard-calm" data-testid="surge-none">
        {d('hotline.dashboard.surge.none', { hours: report.hours })}
      </Typography.Paragraph>
    )
  }
  return (
    <section className="hotline-dashboard-surges" aria-label={d('hotline.dashboard.surge.title')} data-testid="surge-alerts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <AlertOutlined style={{ color: '#cf1322', marginInlineEnd: 8 }} />
        {d('hotline.dashboard.surge.count', { n: report.alerts.length })}
      </Typography.Title>
      <Flex vertical gap={8}>
        {report.alerts.map((alert) => (
          <SurgeAlert key={`${alert.categoryKey}:${alert.regionCode}`} alert={alert} report={report} onOpen={() => setOpen(alert)} />
        ))}
      </Flex>
      <SurgeDrawer alert={open} report={report} onClose={() => setOpen(null)} />
    </section>
  )
}

function SurgeAlert({ alert, report, onOpen }: { alert: SurgeView; report: SurgeReport; onOpen: () => void }) {
  const t = useT()
  const d = useDashboardT()
  const terms = alert.cluster.terms.slice(0, TERMS_IN_ALERT).map((term) => term.term)
  return (
    <Alert
      type="error"
      showIcon
      title={d('hotline.dashboard.surge.item', { region: alert.regionName ?? alert.regionCode, category: t.pick(alert.categoryName), hours: report.hours, count: alert.count })}
      description={
        <>
          {d('hotline.dashboard.surge.detail', { days: report.days, mean: alert.baselineMean, z: alert.z.toFixed(1) })}
          {terms.length > 0 && <div>{d('hotline.dashboard.surge.terms', { terms: terms.join(t.lang === 'zh' ? '、' : ', ') })}</div>}
        </>
      }
      action={
        <Button size="small" danger onClick={onOpen} data-testid={`surge-open-${alert.regionCode}`}>
          {d('hotline.dashboard.surge.open')}
        </Button>
      }
      data-testid="surge-alert"
    />
  )
}

/** The cluster behind a surge: how far it stands out, the terms its appeals share, and sample appeals to open. */
function SurgeDrawer({ alert, report, onClose }: { alert: SurgeView | null; report: SurgeReport; onClose: () => void }) {
  const t = useT()
  const d = useDashboardT()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const region = alert?.regionName ?? alert?.regionCode ?? ''
  return (
    <Drawer
      open={alert !== null}
      onClose={onClose}
      title={alert ? d('hotline.dashboard.surge.drawerTitle', { region, category: t.pick(alert.categoryName) }) : ''}
      size={isPhone ? '100%' : elder ? 820 : 680}
      data-testid="surge-drawer"
    >
      {alert && (
        <Flex vertical gap={20}>
          <Descriptions column={isPhone ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={d('hotline.dashboard.surge.window')} span={isPhone ? 1 : 2}>
              {formatDateTime(report.since)} – {formatDateTime(report.until)}
            </Descriptions.Item>
            <Descriptions.Item label={d('hotline.dashboard.surge.appeals')}>{alert.count}</Descriptions.Item>
            <Descriptions.Item label={d('hotline.dashboard.surge.baseline', { days: report.days })}>{alert.baselineMean}</Descriptions.Item>
            <Descriptions.Item label={d('hotline.dashboard.surge.z')} span={isPhone ? 1 : 2}>
              {alert.z.toFixed(1)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{d('hotline.dashboard.surge.rule', report.thresholds)}</Typography.Text>
          <div>
            <Typography.Title level={5}>{d('hotline.dashboard.surge.sharedTerms')}</Typography.Title>
            {alert.cluster.terms.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Flex gap={6} wrap data-testid="surge-terms">
                {alert.cluster.terms.map((term) => (
                  <Tag key={term.term} color="red" style={{ marginInlineEnd: 0 }}>
                    {term.term} · {d('hotline.dashboard.surge.termCount', { n: term.appeals })}
                  </Tag>
                ))}
              </Flex>
            )}
          </div>
          <div>
            <Typography.Title level={5}>{d('hotline.dashboard.surge.samples', { shown: alert.cluster.samples.length, total: alert.cluster.appeals })}</Typography.Title>
            <ol className="hotline-surge-samples" data-testid="surge-samples">
              {alert.cluster.samples.map((sample) => (
                <li key={sample.id}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Link to={`/workbench/hotline/appeals/${sample.id}`} onClick={onClose}>
                        {sample.title}
                      </Link>
                      <Typography.Text type="secondary" className="hotline-surge-sample-meta">
                        {sample.number} · {formatDateTime(sample.submittedAt)}
                      </Typography.Text>
                    </Flex>
                    <Tag style={{ marginInlineEnd: 0, flexShrink: 0 }}>{t.pick(sample.stateName)}</Tag>
                  </Flex>
                </li>
              ))}
            </ol>
          </div>
        </Flex>
      )}
    </Drawer>
  )
}
