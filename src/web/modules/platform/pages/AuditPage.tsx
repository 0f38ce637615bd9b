import { DownOutlined, UpOutlined, ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Button, Card, Col, DatePicker, Form, Input, Modal, Result, Row, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useErrorText } from '../../../app/api/errors'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { platformApi, useAuditList, type AuditEntry, type AuditQuery, type AuditResult } from '../api'
import { RegionTreeSelect } from '../components/RegionTreeSelect'

interface Filters {
  actor?: string
  action?: string
  result?: AuditResult
  region?: string
  range?: [Dayjs | null, Dayjs | null] | null
}

const resultColors: Record<AuditResult, string> = { success: 'success', denied: 'warning', failure: 'error' }

/** 审计日志: the hash-chained log, filtered and paged, with an integrity check. */
export default function AuditPage() {
  const t = useT()
  const errorText = useErrorText()
  const { me } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  // on a phone only the first filter shows until asked for the rest
  const [moreFilters, setMoreFilters] = useState(false)
  const hideExtra = isPhone && !moreFilters
  const [form] = Form.useForm<Filters>()
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 })
  const list = useAuditList(query)
  const verify = useMutation({ mutationFn: platformApi.verifyAudit })
  const [verifyOpen, setVerifyOpen] = useState(false)

  if (!me) return null

  const search = (values: Filters) => {
    const [from, to] = values.range ?? [null, null]
    setQuery({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      result: values.result,
      region: values.region,
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
      page: 1,
      pageSize: query.pageSize,
    })
  }

  // 长辈模式 has larger text: the columns grow with it
  const w = (px: number) => Math.round(px * (elder ? 1.3 : 1))
  const actorKind = (kind: string) => t.dynamic(`audit.actorKind.${kind}`, kind)

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: w(80), render: (seq: number) => <span className="mono">{seq}</span> },
    { title: t('audit.time'), dataIndex: 'at', key: 'at', width: w(190), render: (at: string) => <span className="mono nowrap">{formatDateTime(at)}</span> },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: w(170),
      render: (_, entry) => (
        <div>
          <div>{entry.actorName ?? entry.actorId ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {actorKind(entry.actorKind)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', width: w(190), render: (action: string) => <span className="mono">{action}</span> },
    {
      title: t('audit.target'),
      key: 'target',
      width: w(220),
      ellipsis: true,
      render: (_, entry) =>
        entry.targetType ? (
          <span>
            <Tag style={{ marginInlineEnd: 4 }}>{entry.targetType}</Tag>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: '0.85em' }}>
              {entry.targetId}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.region'), dataIndex: 'regionCode', key: 'region', width: w(110), render: (code: string | null) => <span className="mono">{code ?? '—'}</span> },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      width: w(90),
      render: (result: AuditResult) => <Tag color={resultColors[result]}>{t.dynamic(`audit.result.${result}`, result)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: w(140), render: (ip: string | null) => <span className="mono">{ip ?? '—'}</span> },
  ]

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.desc')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => {
              setVerifyOpen(true)
              verify.mutate()
            }}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <Card className="filter-card">
        <Form<Filters> form={form} layout={isPhone ? 'vertical' : 'horizontal'} onFinish={search} data-testid="audit-filter">
          <Row gutter={[16, isPhone ? 0 : 16]}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input placeholder={t('audit.actorPlaceholder')} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="action" label={t('audit.action')}>
                <Input placeholder={t('audit.actionPlaceholder')} allowClear className="mono" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="result" label={t('audit.result')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  options={(['success', 'denied', 'failure'] as const).map((result) => ({ value: result, label: t(`audit.result.${result}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={7} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="region" label={t('audit.region')}>
                <RegionTreeSelect rootCode={me.regionCode} allowClear placeholder={t('common.all')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16} xl={12} style={hideExtra ? { display: 'none' } : undefined}>
              <Form.Item name="range" label={t('audit.timeRange')}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={12}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields()
                      setQuery({ page: 1, pageSize: query.pageSize })
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                  {isPhone && (
                    <Button type="link" onClick={() => setMoreFilters(!moreFilters)} icon={moreFilters ? <UpOutlined /> : <DownOutlined />}>
                      {t(moreFilters ? 'common.fewerFilters' : 'common.moreFilters')}
                    </Button>
                  )}
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        title={t('audit.title')}
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<AuditEntry>
          rowKey="seq"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size={isPhone ? 'small' : 'middle'}
          scroll={{ x: w(1190) }}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{
            rowExpandable: (entry) => Boolean(entry.detail && Object.keys(entry.detail).length > 0),
            expandedRowRender: (entry) => (
              <div>
                <Typography.Text type="secondary">{t('audit.detail')}</Typography.Text>
                <pre className="detail-json mono">{JSON.stringify(entry.detail, null, 2)}</pre>
              </div>
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !isPhone,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ ...query, page: pageSize !== query.pageSize ? 1 : page, pageSize }),
            simple: isPhone,
          }}
          data-testid="audit-table"
        />
      </Card>
      <Modal
        open={verifyOpen}
        title={t('audit.verifyTitle')}
        onCancel={() => setVerifyOpen(false)}
        footer={
          <Button type="primary" onClick={() => setVerifyOpen(false)}>
            {t('common.close')}
          </Button>
        }
        width={560}
      >
        {verify.isPending ? (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin size="large" />
          </div>
        ) : verify.error ? (
          <Result status="warning" title={t('error.loadFailed')} subTitle={errorText(verify.error)} />
        ) : verify.data?.ok ? (
          <Result status="success" title={t('audit.verifyOk')} subTitle={t('audit.verifyOkSub', { checked: verify.data.checked })} data-testid="verify-result" />
        ) : verify.data ? (
          <Result
            status="error"
            title={t('audit.verifyBroken')}
            subTitle={t('audit.verifyBrokenSub', { seq: verify.data.brokenAt ?? '?', checked: verify.data.checked })}
            data-testid="verify-result"
          >
            {verify.data.reason && <Typography.Paragraph>{t('audit.verifyReason', { reason: verify.data.reason })}</Typography.Paragraph>}
            <Typography.Paragraph type="danger" strong>
              {t('audit.verifyAdvice')}
            </Typography.Paragraph>
          </Result>
        ) : null}
      </Modal>
    </>
  )
}
