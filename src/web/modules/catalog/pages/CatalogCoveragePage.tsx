import { ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Flex, Form, Row, Segmented, Select, Space, Spin, Tag, Typography, theme } from 'antd'
import { useMemo, useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { catalogRegionOf, itemKindList, useCoverageMatrix, useUnclaimed, type CoverageLevel, type CoverageMatrix, type ItemKind } from '../api'
import { CatalogRegionSelect } from '../components/CatalogRegionSelect'
import { Chart } from '../components/Chart'
import '../catalog.css'

/** Beyond this many regions a chart scrolls inside its card rather than stretching the page. */
const SCROLL_ROWS = 24

/** Cell colours: not claimed, claimed (draft), published, under review. */
const stateColors = ['#e8ecf2', '#f7c35f', '#3fb27f', '#e5484d'] as const

interface Share {
  code: string
  name: string
  published: number
  draft: number
  review: number
  claimed: number
}

/** What the colours mean, drawn by the page so that it wraps and grows with elder mode. */
function Legend({ states, names }: { states: number[]; names: string[] }) {
  return (
    <Flex gap={12} wrap style={{ marginBottom: 8 }} className="catalog-legend">
      {states.map((state) => (
        <span key={state} className="catalog-legend-item">
          <span className="catalog-legend-swatch" style={{ background: stateColors[state] }} />
          {names[state]}
        </span>
      ))}
    </Flex>
  )
}

/** Each region's share of the base items: published, claimed but not published, under review. */
function sharesOf(matrix: CoverageMatrix): Share[] {
  const total = matrix.items.length || 1
  return matrix.regions
    .map((region, r) => {
      const row = matrix.cells[r] ?? []
      const count = (state: number) => row.filter((cell) => cell === state).length
      const published = count(2)
      const draft = count(1)
      const review = count(3)
      return { code: region.code, name: region.name, published: published / total, draft: draft / total, review: review / total, claimed: (published + draft + review) / total }
    })
    .sort((a, b) => b.claimed - a.claimed || b.published - a.published || a.code.localeCompare(b.code))
}

/** 认领覆盖: which cities or counties have claimed which base items, as a heat map and as shares. */
export default function CatalogCoveragePage() {
  const t = useT()
  const { me } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const { token } = theme.useToken()
  const own = catalogRegionOf(me?.regionCode ?? '')
  const [level, setLevel] = useState<CoverageLevel>(own.length <= 2 ? 'city' : 'county')
  const [parent, setParent] = useState<string>(own)
  const [kind, setKind] = useState<ItemKind | undefined>()
  const [itemId, setItemId] = useState<string | undefined>()
  const matrix = useCoverageMatrix(level, parent || undefined, kind)
  const unclaimed = useUnclaimed(itemId, level, parent || undefined)
  const data = matrix.data
  const shares = useMemo(() => (data ? sharesOf(data) : []), [data])
  const chosenItem = data?.items.find((item) => item.id === itemId)

  const fontSize = token.fontSizeSM
  const stateNames = [0, 1, 2, 3].map((s) => t.dynamic(`catalog.coverage.state.${s}`, String(s)))

  const heatOption = useMemo(() => {
    if (!data || data.items.length === 0 || data.regions.length === 0) return null
    const points: [number, number, number][] = []
    data.cells.forEach((row, r) => row.forEach((cell, i) => points.push([i, r, cell])))
    const zoom = data.items.length > (isPhone ? 8 : 40)
    const shown = isPhone ? 8 : 40
    return {
      textStyle: { fontSize },
      tooltip: {
        position: 'top',
        confine: true,
        textStyle: { fontSize },
        formatter: (p: { value: [number, number, number] }) => {
          const [i, r, s] = p.value
          return t('catalog.coverage.tooltip', { region: data.regions[r]?.name ?? '', item: data.items[i]?.name ?? '', state: stateNames[s] ?? '' })
        },
      },
      // the items along the top, so that a long list of regions scrolls under them
      grid: { left: 8, right: 16, top: 8, bottom: zoom ? 36 : 8, containLabel: true },
      xAxis: {
        type: 'category',
        position: 'top',
        data: data.items.map((item) => item.name),
        splitArea: { show: true },
        // upright names: at 40 columns a slanted label runs into its neighbours
        axisLabel: { rotate: 90, fontSize, interval: 0, width: elder ? 130 : 100, overflow: 'truncate' },
      },
      yAxis: { type: 'category', data: data.regions.map((region) => region.name), inverse: true, splitArea: { show: true }, axisLabel: { fontSize } },
      // each cell coloured by its state; the legend above the chart explains the colours
      visualMap: { type: 'piecewise', show: false, dimension: 2, pieces: stateColors.map((color, state) => ({ value: state, color })) },
      dataZoom: zoom
        ? [
            { type: 'slider', xAxisIndex: 0, startValue: 0, endValue: shown - 1, height: 18, bottom: 4 },
            // dragging inside the chart would hold a phone's page scroll: there the slider alone
            ...(isPhone ? [] : [{ type: 'inside', xAxisIndex: 0, startValue: 0, endValue: shown - 1, zoomOnMouseWheel: false, moveOnMouseWheel: true }]),
          ]
        : [],
      series: [
        {
          type: 'heatmap',
          data: points,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: token.colorPrimary, borderWidth: 2 } },
        },
      ],
    }
  }, [data, isPhone, elder, fontSize, token.colorPrimary, t, stateNames.join()])

  const shareOption = useMemo(() => {
    if (!data || data.items.length === 0 || shares.length === 0) return null
    const pct = (x: number) => Math.round(x * 1000) / 10
    const bar = (key: 'published' | 'draft' | 'review', state: number) => ({
      name: stateNames[state],
      type: 'bar',
      stack: 'share',
      barMaxWidth: 22,
      itemStyle: { color: stateColors[state] },
      data: shares.map((s) => pct(s[key])),
    })
    return {
      textStyle: { fontSize },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        textStyle: { fontSize },
        valueFormatter: (value: number) => `${value}%`,
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, interval: isPhone || elder ? 50 : 25, axisLabel: { formatter: '{value}%', fontSize } },
      yAxis: { type: 'category', data: shares.map((s) => s.name), inverse: true, axisLabel: { fontSize } },
      series: [bar('published', 2), bar('review', 3), bar('draft', 1)],
    }
  }, [data, shares, isPhone, elder, fontSize, t, stateNames.join()])

  if (!me) return null
  const zoomed = (data?.items.length ?? 0) > (isPhone ? 8 : 40)
  const rowHeight = elder ? 34 : 28

  return (
    <>
      <PageHeader
        title={t('catalog.coverage.title')}
        description={t('catalog.coverage.desc')}
      />
      <Card className="filter-card">
        <Form layout={isPhone ? 'vertical' : 'horizontal'}>
          <Row gutter={[16, isPhone ? 0 : 16]}>
            {/* a county has no cities below it: only its own row at county level */}
            <Col xs={24} md={12} xl={7} style={own.length >= 6 ? { display: 'none' } : undefined}>
              <Form.Item label={t('catalog.coverage.level')}>
                <Segmented
                  value={level}
                  onChange={(value) => {
                    setLevel(value as CoverageLevel)
                    setItemId(undefined)
                  }}
                  options={[
                    { value: 'city', label: t('catalog.coverage.city') },
                    { value: 'county', label: t('catalog.coverage.county') },
                  ]}
                  data-testid="coverage-level"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('catalog.coverage.parent')}>
                <CatalogRegionSelect
                  rootCode={own}
                  deepest="city"
                  value={parent}
                  onChange={(code) => {
                    setParent(code)
                    setItemId(undefined)
                  }}
                  aria-label={t('catalog.coverage.parent')}
                  data-testid="coverage-parent"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={9}>
              <Form.Item label={t('catalog.kind')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={kind}
                  onChange={(value?: ItemKind) => {
                    setKind(value)
                    setItemId(undefined)
                  }}
                  options={itemKindList.map((value) => ({ value, label: t.dynamic(`catalog.kind.${value}`, value) }))}
                  aria-label={t('catalog.kind')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('catalog.coverage.heatmap')}
            extra={
              <Space size={4}>
                {!isPhone && data && <Typography.Text type="secondary">{t('catalog.coverage.summary', { regions: data.regions.length, items: data.items.length })}</Typography.Text>}
                <Button type="text" icon={<ReloadOutlined />} onClick={() => void matrix.refetch()} aria-label={t('common.refresh')} />
              </Space>
            }
            data-testid="coverage-heatmap"
          >
            <Spin spinning={matrix.isFetching}>
              {data && data.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.coverage.empty')} />
              ) : data && data.regions.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.coverage.noRegions')} />
              ) : (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                    {t('catalog.coverage.heatmapHint')}
                  </Typography.Paragraph>
                  <Legend states={[0, 1, 2, 3]} names={stateNames} />
                  {heatOption && (
                    <div className="catalog-chart-scroll" style={{ maxHeight: SCROLL_ROWS * rowHeight + 160 }}>
                      <Chart
                        option={heatOption}
                        style={{ height: Math.max(240, (data?.regions.length ?? 0) * rowHeight + (zoomed ? 50 : 16) + (elder ? 110 : 90)), width: '100%' }}
                        onClick={(params) => {
                          if (params.componentType !== 'series') return
                          const [i] = params.value as [number, number, number]
                          setItemId(data?.items[i]?.id)
                        }}
                        testId="coverage-heatmap-chart"
                      />
                    </div>
                  )}
                </>
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={t('catalog.coverage.item')} data-testid="coverage-unclaimed">
              <Select
                showSearch={{ optionFilterProp: 'title' }}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('catalog.coverage.pickItem')}
                value={itemId}
                onChange={(value?: string) => setItemId(value)}
                options={(data?.items ?? []).map((item) => ({ value: item.id, title: item.name, label: `${item.name} · ${item.basicCode}` }))}
                data-testid="coverage-item"
              />
              {chosenItem && (
                <div style={{ marginTop: 12 }}>
                  <ErrorAlert error={unclaimed.error} />
                  {unclaimed.isPending ? (
                    <Spin />
                  ) : unclaimed.data && unclaimed.data.length === 0 ? (
                    <Typography.Text type="success">{t('catalog.coverage.allClaimed')}</Typography.Text>
                  ) : (
                    unclaimed.data && (
                      <>
                        <Typography.Text strong>{t('catalog.coverage.unclaimed', { name: chosenItem.name, n: unclaimed.data.length })}</Typography.Text>
                        <Space size={[6, 6]} wrap style={{ marginTop: 8, maxHeight: 360, overflowY: 'auto' }} data-testid="coverage-unclaimed-list">
                          {unclaimed.data.map((region) => (
                            <Tag key={region.code} style={{ marginInlineEnd: 0 }}>
                              {region.name}
                              {region.functionalZone && <span className="catalog-sub"> · {t('catalog.coverage.zone')}</span>}
                            </Tag>
                          ))}
                        </Space>
                      </>
                    )
                  )}
                </div>
              )}
            </Card>
            <Card title={t('catalog.coverage.share')} data-testid="coverage-share">
              {shareOption ? (
                <>
                  <Legend states={[2, 3, 1]} names={stateNames} />
                  <div className="catalog-chart-scroll" style={{ maxHeight: SCROLL_ROWS * rowHeight + 160 }}>
                    <Chart option={shareOption} style={{ height: Math.max(200, shares.length * rowHeight + 70), width: '100%' }} testId="coverage-share-chart" />
                  </div>
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.coverage.empty')} />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  )
}
