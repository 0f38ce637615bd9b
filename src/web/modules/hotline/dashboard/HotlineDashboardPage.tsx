import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Button, Card, Col, DatePicker, Empty, Flex, Form, Row, Segmented, Spin, Statistic, Tooltip, Typography, theme } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useT, type Translator } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { dashboardKeys, formatCount, formatRate, hotlineLines, percentOf, useMetrics, useTrend, type AppealMetrics, type HotlineLine, type MetricsFilter, type MetricsGroup, type Rate, type TrendDay } from './api'
import { Chart, type ChartOption } from './Chart'
import { useDashboardT } from './i18n'
import type { DashboardMessageKey } from './messages'
import { SurgePanel } from './SurgePanel'
import { shanghaiToday } from '../deadline'
import './dashboard.css'

type Period = 'last7' | 'last30' | 'custom'
type Dictionary = ReturnType<typeof useDashboardT>

const DAY = 'YYYY-MM-DD'
const TOP_ORGS = 15
const colors = { appeals: '#1677ff', answered: '#13a8a8', satisfaction: '#fa8c16', satisfied: '#3fb27f', basic: '#f7c35f', dissatisfied: '#e5484d' }
const lineColors: Record<HotlineLine, string> = { '12345': '#1677ff', enterprise: '#722ed1', talent: '#13a8a8' }

/** The days a period covers, up to today in Asia/Shanghai, where the server counts appeals by day, whatever the browser's zone. */
function filterOf(period: Period, custom: [Dayjs, Dayjs] | null, line: HotlineLine | undefined): MetricsFilter {
  const today = dayjs(shanghaiToday())
  const [from, to] = period === 'custom' && custom ? custom : [today.subtract(period === 'last7' ? 6 : 29, 'day'), today]
  return { from: from.format(DAY), to: to.format(DAY), ...(line ? { line } : {}) }
}

type RateKey = 'onTimeDispatch' | 'onTimeCompletion' | 'firstCallResolution' | 'callback' | 'satisfaction'
const rateKeys: RateKey[] = ['onTimeDispatch', 'onTimeCompletion', 'firstCallResolution', 'callback', 'satisfaction']

/** 热线运行监测: surge alerts, the period's KPIs and charts of the supervisor's region. */
export default function HotlineDashboardPage() {
  const t = useT()
  const d = useDashboardT()
  const isPhone = useIsPhone()
  const queryClient = useQueryClient()
  const [period, setPeriod] = useState<Period>('last30')
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null)
  const [line, setLine] = useState<HotlineLine | undefined>()
  const filter = useMemo(() => filterOf(period, custom, line), [period, custom, line])
  const allLines = useMemo(() => ({ from: filter.from, to: filter.to }), [filter.from, filter.to])

  const byOrg = useMetrics(filter, 'org')
  const byLine = useMetrics(allLines, 'line')
  const trend = useTrend(filter)
  const overall = byOrg.data?.overall
  const error = byOrg.error ?? byLine.error ?? trend.error

  return (
    <div className="hotline-dashboard">
      <PageHeader
        title={d('hotline.dashboard.title')}
        description={d('hotline.dashboard.scope')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all })}>
            {d('hotline.dashboard.refresh')}
          </Button>
        }
      />
      <SurgePanel />
      <Card className="filter-card">
        <Form layout={isPhone ? 'vertical' : 'inline'} className="hotline-dashboard-filters">
          <Form.Item label={d('hotline.dashboard.period')}>
            <Flex gap={8} wrap>
              <Segmented
                value={period}
                onChange={(value) => {
                  // a custom period starts from the one shown, so the page does not jump
                  if (value === 'custom' && !custom) setCustom([dayjs(filter.from), dayjs(filter.to)])
                  setPeriod(value as Period)
                }}
                options={(['last7', 'last30', 'custom'] as const).map((value) => ({ value, label: d(`hotline.dashboard.${value}`) }))}
                data-testid="dashboard-period"
              />
              {period === 'custom' && (
                <DatePicker.RangePicker
                  value={custom}
                  allowClear={false}
                  disabledDate={(day) => day.isAfter(dayjs(shanghaiToday()), 'day')}
                  onChange={(range) => setCustom(range && range[0] && range[1] ? [range[0], range[1]] : null)}
                  aria-label={d('hotline.dashboard.custom')}
                  data-testid="dashboard-range"
                />
              )}
            </Flex>
          </Form.Item>
          <Form.Item label={d('hotline.dashboard.line')}>
            <Segmented
              value={line ?? 'all'}
              onChange={(value) => setLine(value === 'all' ? undefined : (value as HotlineLine))}
              options={[{ value: 'all', label: d('hotline.dashboard.line.all') }, ...hotlineLines.map((value) => ({ value, label: d(`hotline.dashboard.line.${value}`) }))]}
              data-testid="dashboard-line"
            />
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={error} onRetry={() => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all })} />
      <KpiCards metrics={overall} loading={byOrg.isPending} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card title={d('hotline.dashboard.trend')} data-testid="dashboard-trend">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {d('hotline.dashboard.trendHint')}
            </Typography.Paragraph>
            <Spin spinning={trend.isFetching}>{trend.data && <TrendChart days={trend.data.days} />}</Spin>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={d('hotline.dashboard.satisfactionMix')} data-testid="dashboard-satisfaction">
            <Spin spinning={byOrg.isFetching}>{overall && <SatisfactionChart metrics={overall} />}</Spin>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <OrgCard groups={byOrg.data?.groups} loading={byOrg.isFetching} />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={d('hotline.dashboard.byLine')} extra={!isPhone && <Typography.Text type="secondary">{d('hotline.dashboard.byLineHint')}</Typography.Text>} data-testid="dashboard-lines">
            <Spin spinning={byLine.isFetching}>{byLine.data && <LineChart groups={byLine.data.groups} selected={line} t={t} />}</Spin>
          </Card>
        </Col>
      </Row>
    </div>
  )
}

/** 受理量 and the five rates, each with its numerator and denominator on hover. */
function KpiCards({ metrics, loading }: { metrics: AppealMetrics | undefined; loading: boolean }) {
  const t = useT()
  const d = useDashboardT()
  const help = (key: DashboardMessageKey, rate: Rate | undefined) => (rate ? d(key, { numerator: formatCount(rate.numerator, t.lang), denominator: formatCount(rate.denominator, t.lang) }) : '')
  const cards = [
    { key: 'appeals', title: d('hotline.dashboard.kpi.appeals'), value: metrics ? formatCount(metrics.appeals, t.lang) : '—', tip: metrics ? d('hotline.dashboard.kpi.appealsHelp', metrics.states) : '', sub: '' },
    ...rateKeys.map((key) => ({
      key,
      title: d(`hotline.dashboard.kpi.${key}`),
      value: formatRate(metrics?.[key].rate),
      tip: help(`hotline.dashboard.kpi.${key}Help`, metrics?.[key]),
      sub: metrics ? d('hotline.dashboard.kpi.fraction', { numerator: formatCount(metrics[key].numerator, t.lang), denominator: formatCount(metrics[key].denominator, t.lang) }) : '',
    })),
  ]
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-kpis">
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} xl={4}>
          <Card className="hotline-kpi" size="small" data-testid={`kpi-${card.key}`}>
            <Statistic
              loading={loading}
              title={
                <Tooltip title={card.tip}>
                  <span className="hotline-kpi-title">
                    {card.title} <QuestionCircleOutlined aria-hidden />
                  </span>
                </Tooltip>
              }
              value={card.value}
            />
            {card.sub && <Typography.Text type="secondary" className="hotline-kpi-sub">{card.sub}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  )
}

function useChartText() {
  const { token } = theme.useToken()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  return { fontSize: token.fontSizeSM, elder, isPhone }
}

/** Bars of appeals filed and answered per day, the satisfaction rate as a line on its own axis. */
function TrendChart({ days }: { days: TrendDay[] }) {
  const d = useDashboardT()
  const { fontSize, elder, isPhone } = useChartText()
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontSize },
      color: [colors.appeals, colors.answered, colors.satisfaction],
      tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize } },
      legend: { top: 0, textStyle: { fontSize } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((day) => day.day.slice(5)), axisLabel: { fontSize, hideOverlap: true } },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { fontSize } },
        { type: 'value', min: 0, max: 100, axisLabel: { fontSize, formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: d('hotline.dashboard.series.appeals'), type: 'bar', barMaxWidth: 18, data: days.map((day) => day.appeals) },
        { name: d('hotline.dashboard.series.answered'), type: 'bar', barMaxWidth: 18, data: days.map((day) => day.answered) },
        {
          name: d('hotline.dashboard.series.satisfaction'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: days.map((day) => percentOf(day.satisfaction.rate)),
          tooltip: { valueFormatter: (value: number | null) => (value === null || value === undefined ? '—' : `${value.toFixed(1)}%`) },
        },
      ],
    }),
    [days, d, fontSize],
  )
  return <Chart option={option} style={{ height: isPhone ? 260 : elder ? 380 : 320 }} testId="dashboard-trend-chart" />
}

/** 满意 / 基本满意 / 不满意 of the callbacks, as a ring with the rate in the middle. */
function SatisfactionChart({ metrics }: { metrics: AppealMetrics }) {
  const d = useDashboardT()
  const { fontSize, elder } = useChartText()
  const counts = metrics.satisfactionCounts
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontSize },
      color: [colors.satisfied, colors.basic, colors.dissatisfied],
      tooltip: { trigger: 'item', confine: true, textStyle: { fontSize }, formatter: (p: { name: string; value: number; percent: number }) => d('hotline.dashboard.pieItem', { name: p.name, value: p.value, percent: `${p.percent.toFixed(1)}%` }) },
      legend: { bottom: 0, textStyle: { fontSize } },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: { show: true, position: 'center', formatter: () => formatRate(metrics.satisfaction.rate), fontSize: fontSize * 1.8, fontWeight: 'bold' },
          labelLine: { show: false },
          emphasis: { label: { show: true } },
          data: [
            { name: d('hotline.dashboard.satisfied'), value: counts.satisfied },
            { name: d('hotline.dashboard.basicallySatisfied'), value: counts.basicallySatisfied },
            { name: d('hotline.dashboard.dissatisfied'), value: counts.dissatisfied },
          ],
        },
      ],
    }),
    [counts, metrics.satisfaction.rate, d, fontSize],
  )
  if (metrics.satisfaction.denominator === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('hotline.dashboard.noData')} />
  return <Chart option={option} style={{ height: elder ? 360 : 300 }} testId="dashboard-satisfaction-chart" />
}

type OrgMeasure = 'appeals' | 'onTimeCompletion' | 'satisfaction'

/** The busiest departments, by appeals or by one of their rates; hover shows the parts. */
function OrgCard({ groups, loading }: { groups: MetricsGroup[] | undefined; loading: boolean }) {
  const t = useT()
  const d = useDashboardT()
  const { fontSize, elder, isPhone } = useChartText()
  const [measure, setMeasure] = useState<OrgMeasure>('appeals')
  const top = useMemo(() => (groups ?? []).filter((g) => g.key !== null).slice(0, TOP_ORGS), [groups])
  const option = useMemo<ChartOption>(() => orgOption(top, measure, { t, d, fontSize, labelWidth: isPhone ? 96 : 150 }), [top, measure, t, d, fontSize, isPhone])
  const measureLabel = (m: OrgMeasure) => (m === 'appeals' ? d('hotline.dashboard.kpi.appeals') : d(`hotline.dashboard.kpi.${m}`))
  const picker = (
    <Segmented
      size="small"
      value={measure}
      onChange={(value) => setMeasure(value as OrgMeasure)}
      options={(['appeals', 'onTimeCompletion', 'satisfaction'] as const).map((value) => ({ value, label: measureLabel(value) }))}
      aria-label={d('hotline.dashboard.byOrgMetric')}
      data-testid="dashboard-org-measure"
    />
  )
  // On a phone the picker goes under the title: beside it, it would squeeze the title to nothing.
  return (
    <Card title={d('hotline.dashboard.byOrg')} extra={!isPhone && picker} className="hotline-dashboard-orgs" data-testid="dashboard-orgs">
      {isPhone && <div style={{ marginBottom: 12 }}>{picker}</div>}
      <Spin spinning={loading}>
        {groups && top.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('hotline.dashboard.noData')} />
        ) : (
          <Chart option={option} style={{ height: Math.max(240, top.length * (elder ? 34 : isPhone ? 26 : 28) + 40) }} testId="dashboard-orgs-chart" />
        )}
      </Spin>
    </Card>
  )
}

function orgOption(top: MetricsGroup[], measure: OrgMeasure, { t, d, fontSize, labelWidth }: { t: Translator; d: Dictionary; fontSize: number; labelWidth: number }): ChartOption {
  const isRate = measure !== 'appeals'
  const valueOf = (g: MetricsGroup) => (measure === 'appeals' ? g.metrics.appeals : percentOf(g.metrics[measure].rate))
  const detailOf = (g: MetricsGroup) => {
    if (measure === 'appeals') return formatCount(g.metrics.appeals, t.lang)
    const rate = g.metrics[measure]
    return `${formatRate(rate.rate)} (${d('hotline.dashboard.kpi.fraction', { numerator: rate.numerator, denominator: rate.denominator })})`
  }
  return {
    textStyle: { fontSize },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      textStyle: { fontSize },
      formatter: (params: { dataIndex: number }[]) => {
        const g = top[params[0]?.dataIndex ?? -1]
        return g ? `${t.pick(g.name)}<br/>${detailOf(g)}` : ''
      },
    },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: isRate ? { type: 'value', min: 0, max: 100, axisLabel: { fontSize, formatter: '{value}%' } } : { type: 'value', minInterval: 1, axisLabel: { fontSize } },
    yAxis: { type: 'category', inverse: true, data: top.map((g) => t.pick(g.name)), axisLabel: { fontSize, width: labelWidth, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: measure === 'satisfaction' ? colors.satisfied : measure === 'onTimeCompletion' ? colors.answered : colors.appeals },
        label: { show: true, position: 'right', fontSize, formatter: (p: { value: number | null }) => (p.value === null ? '—' : isRate ? `${p.value.toFixed(1)}%` : String(p.value)) },
        data: top.map(valueOf),
      },
    ],
  }
}

/** Appeals per line over the period, the filtered line pulled out of the ring. */
function LineChart({ groups, selected, t }: { groups: MetricsGroup[]; selected: HotlineLine | undefined; t: Translator }) {
  const d = useDashboardT()
  const { fontSize, elder, isPhone } = useChartText()
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontSize },
      tooltip: { trigger: 'item', confine: true, textStyle: { fontSize }, formatter: (p: { name: string; value: number; percent: number }) => d('hotline.dashboard.pieItem', { name: p.name, value: formatCount(p.value, t.lang), percent: `${p.percent.toFixed(1)}%` }) },
      legend: { bottom: 0, textStyle: { fontSize } },
      series: [
        {
          type: 'pie',
          radius: ['0%', '65%'],
          center: ['50%', '45%'],
          // a phone has no room for labels outside the pie: the legend and the tooltip name the slices
          label: { show: !isPhone, fontSize, formatter: '{b}\n{d}%' },
          data: groups.map((g) => {
            const key = g.key as HotlineLine
            return { name: t.pick(g.name), value: g.metrics.appeals, selected: key === selected, itemStyle: { color: lineColors[key] } }
          }),
          selectedMode: 'single',
          selectedOffset: 12,
        },
      ],
    }),
    [groups, selected, t, d, fontSize, isPhone],
  )
  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('hotline.dashboard.noData')} />
  return <Chart option={option} style={{ height: elder ? 360 : 300 }} testId="dashboard-lines-chart" />
}
