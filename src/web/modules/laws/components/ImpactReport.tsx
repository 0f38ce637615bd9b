import { DownloadOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useRegion } from '../../platform/api'
import { impactExportUrl, useChangeImpact, type ImpactTask, type ReviewReason } from '../api'
import './laws.css'

const NATIONAL = '00'

/** A region's full name (the national base list for 00), looked up once and cached. */
export function RegionName({ code }: { code: string }) {
  const t = useT()
  const region = useRegion(code === NATIONAL ? undefined : code)
  if (code === NATIONAL) return <>{t('laws.impact.national')}</>
  return <>{region.data?.fullName ?? code}</>
}

const reasonColors: Partial<Record<ReviewReason, string>> = { basis_changed: 'orange', basis_repealed: 'red', parent_changed: 'blue' }

export function ReasonTag({ reason }: { reason: ReviewReason }) {
  const t = useT()
  return (
    <Tag color={reasonColors[reason] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`laws.impact.reason.${reason}`, reason)}
    </Tag>
  )
}

interface RegionGroup {
  regionCode: string
  total: number
  changed: number
  repealed: number
}

/**
 * The impact of a law change on the catalogue: the entries given a review task because they
 * cite a touched article, counted by region and reason, each linked to its page, and the report
 * as a file.
 */
export function ImpactReport({ changeId }: { changeId: string }) {
  const t = useT()
  const { can } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const allowed = can('catalog.read')
  const impact = useChangeImpact(changeId, allowed)
  const [region, setRegion] = useState<string | undefined>(undefined)
  const tasks = useMemo(
    () => [...(impact.data?.items ?? [])].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN')),
    [impact.data],
  )

  const groups = useMemo<RegionGroup[]>(() => {
    const byRegion = new Map<string, RegionGroup>()
    for (const task of tasks) {
      const group = byRegion.get(task.regionCode) ?? { regionCode: task.regionCode, total: 0, changed: 0, repealed: 0 }
      group.total++
      if (task.reason === 'basis_repealed') group.repealed++
      else group.changed++
      byRegion.set(task.regionCode, group)
    }
    return [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode))
  }, [tasks])

  const shown = region ? tasks.filter((task) => task.regionCode === region) : tasks
  const changed = tasks.filter((task) => task.reason !== 'basis_repealed').length
  const repealed = tasks.length - changed
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))

  const exportButtons = (
    <Space wrap size={8}>
      <a href={impactExportUrl(changeId, 'csv')} download data-testid="impact-export-csv">
        <Button icon={<DownloadOutlined />} size={isPhone ? 'small' : 'middle'}>
          {t('laws.impact.exportCsv')}
        </Button>
      </a>
      <a href={impactExportUrl(changeId, 'xlsx')} download data-testid="impact-export-xlsx">
        <Button icon={<FileExcelOutlined />} size={isPhone ? 'small' : 'middle'}>
          {t('laws.impact.exportXlsx')}
        </Button>
      </a>
    </Space>
  )

  if (!allowed) {
    return (
      <Card title={t('laws.impact.title')}>
        <Alert type="info" showIcon title={t('laws.impact.noAccess')} />
      </Card>
    )
  }

  const columns: TableColumnsType<ImpactTask> = [
    {
      title: t('laws.impact.entry'),
      key: 'name',
      render: (_, task) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/workbench/catalog/items/${task.implementationId}`} data-testid={`impact-entry-${task.implementationId}`}>
            {task.name ?? task.implementationId}
          </Link>
          {task.implementationCode && (
            <div>
              <Typography.Text type="secondary" className="mono" style={{ fontSize: '0.86em' }}>
                {task.implementationCode}
              </Typography.Text>
            </div>
          )}
          {isPhone && (
            <Flex gap={4} wrap style={{ marginTop: 4 }}>
              <ReasonTag reason={task.reason} />
              <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>
                <RegionName code={task.regionCode} />
              </Typography.Text>
            </Flex>
          )}
        </div>
      ),
    },
    ...(isPhone
      ? []
      : [
          { title: t('laws.impact.region'), key: 'region', width: w(200), render: (_: unknown, task: ImpactTask) => <RegionName code={task.regionCode} /> },
          {
            title: t('laws.impact.reason'),
            key: 'reason',
            width: w(130),
            filters: (['basis_changed', 'basis_repealed'] as ReviewReason[]).map((reason) => ({ text: t.dynamic(`laws.impact.reason.${reason}`, reason), value: reason })),
            onFilter: (value: unknown, task: ImpactTask) => task.reason === value,
            render: (_: unknown, task: ImpactTask) => <ReasonTag reason={task.reason} />,
          },
          {
            title: t('laws.impact.articles'),
            key: 'articles',
            width: w(200),
            render: (_: unknown, task: ImpactTask) => (task.detail?.articles ?? []).map((a) => a.oldLabel ?? a.label).join('、') || '—',
          },
          {
            title: t('laws.impact.status'),
            key: 'status',
            width: w(100),
            render: (_: unknown, task: ImpactTask) => (
              <Tag color={task.status === 'open' ? 'processing' : 'success'} style={{ marginInlineEnd: 0 }}>
                {t(task.status === 'open' ? 'laws.impact.open' : 'laws.impact.resolved')}
              </Tag>
            ),
          },
        ]),
  ]

  return (
    <Card
      title={t('laws.impact.title')}
      extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void impact.refetch()} aria-label={t('common.refresh')} />}
      data-testid="impact-report"
    >
      <ErrorAlert error={impact.error} onRetry={() => void impact.refetch()} />
      {impact.data && tasks.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('laws.impact.none')} data-testid="impact-none" />
      )}
      {(impact.isPending || tasks.length > 0) && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic className="law-impact-stat" title={t('laws.impact.entries')} value={impact.data?.total ?? 0} loading={impact.isPending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic className="law-impact-stat" title={t('laws.impact.regions')} value={groups.length} loading={impact.isPending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic className="law-impact-stat" title={t('laws.impact.reason.basis_changed')} value={changed} loading={impact.isPending} styles={{ content: { color: '#d46b08' } }} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic className="law-impact-stat" title={t('laws.impact.reason.basis_repealed')} value={repealed} loading={impact.isPending} styles={{ content: { color: '#cf1322' } }} />
            </Col>
          </Row>
          <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('laws.impact.hint')}</Typography.Text>
            {exportButtons}
          </Flex>
          {groups.length > 1 && (
            <Table<RegionGroup>
              rowKey="regionCode"
              size="small"
              pagination={false}
              style={{ marginBottom: 16 }}
              dataSource={groups}
              data-testid="impact-by-region"
              onRow={(group) => ({ onClick: () => setRegion(region === group.regionCode ? undefined : group.regionCode), style: { cursor: 'pointer' } })}
              rowClassName={(group) => (group.regionCode === region ? 'ant-table-row-selected' : '')}
              columns={
                isPhone
                  ? [
                      {
                        title: t('laws.impact.region'),
                        key: 'region',
                        render: (_, group) => (
                          <div>
                            <RegionName code={group.regionCode} />
                            <div>
                              <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>
                                {t('laws.impact.reason.basis_changed')} {group.changed} · {t('laws.impact.reason.basis_repealed')} {group.repealed}
                              </Typography.Text>
                            </div>
                          </div>
                        ),
                      },
                      { title: t('laws.impact.count'), dataIndex: 'total', key: 'total', align: 'right', width: w(64) },
                    ]
                  : [
                      { title: t('laws.impact.region'), key: 'region', render: (_, group) => <RegionName code={group.regionCode} /> },
                      { title: t('laws.impact.entries'), dataIndex: 'total', key: 'total', align: 'right', width: w(110) },
                      { title: t('laws.impact.reason.basis_changed'), dataIndex: 'changed', key: 'changed', align: 'right', width: w(110) },
                      { title: t('laws.impact.reason.basis_repealed'), dataIndex: 'repealed', key: 'repealed', align: 'right', width: w(110) },
                    ]
              }
            />
          )}
          {groups.length > 1 && (
            <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
              <Typography.Text>{t('laws.impact.region')}</Typography.Text>
              <Select
                value={region}
                onChange={setRegion}
                allowClear
                placeholder={t('common.all')}
                style={{ minWidth: 220 }}
                options={groups.map((group) => ({ value: group.regionCode, label: <RegionName code={group.regionCode} /> }))}
                aria-label={t('laws.impact.region')}
              />
            </Flex>
          )}
          <Table<ImpactTask>
            rowKey="id"
            size={isPhone ? 'small' : 'middle'}
            columns={columns}
            dataSource={shown}
            loading={impact.isFetching}
            pagination={shown.length > 20 ? { pageSize: 20, simple: isPhone, showTotal: (total) => t('common.total', { total }) } : false}
            scroll={isPhone ? undefined : { x: w(820) }}
            data-testid="impact-table"
          />
          {impact.data && impact.data.total > tasks.length && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('laws.impact.partial', { shown: tasks.length, total: impact.data.total })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  )
}
