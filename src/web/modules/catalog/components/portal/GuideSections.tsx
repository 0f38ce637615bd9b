import { CheckCircleFilled, PhoneOutlined } from '@ant-design/icons'
import { Card, Empty, Flex, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { ReactNode } from 'react'
import { useT } from '../../../../app/i18n'
import { useIsPhone } from '../../../../shared/useIsMobile'
import type { CitedArticle, Material, ServiceElements } from '../../portal-api'
import { guideLabels, isExempt, yuan } from './labels'
import './portal-catalog.css'

/** One section of the guide, with an anchor id for the contents. */
export function GuideSection({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} className="guide-section" title={<h2 className="guide-section-title">{title}</h2>} extra={extra} data-testid={id}>
      {children}
    </Card>
  )
}

/** 办理条件 */
export function Conditions({ conditions }: { conditions: string[] }) {
  const t = useT()
  if (conditions.length === 0) return <Typography.Text>{t('guide.conditions.none')}</Typography.Text>
  return (
    <ol className="guide-list">
      {conditions.map((condition, i) => (
        <li key={i}>{condition}</li>
      ))}
    </ol>
  )
}

function ExemptTag() {
  const t = useT()
  return (
    <Tag color="green" icon={<CheckCircleFilled />} className="guide-exempt" style={{ marginInlineEnd: 0 }}>
      {t('guide.material.exempt')}
    </Tag>
  )
}

/** 申请材料: a table on a wide screen, a list of cards on a phone; 免提交 where the office fetches it. */
export function Materials({ materials }: { materials: Material[] }) {
  const t = useT()
  const label = guideLabels(t)
  const isPhone = useIsPhone()
  if (materials.length === 0) return <Typography.Text>{t('guide.materials.none')}</Typography.Text>

  if (isPhone) {
    return (
      <div className="guide-materials-list" data-testid="materials-list">
        {materials.map((m, i) => (
          <div key={i} className={`guide-material${isExempt(m) ? ' guide-material-exempt' : ''}`}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Typography.Text strong>
                {i + 1}. {m.name}
              </Typography.Text>
              {isExempt(m) ? <ExemptTag /> : m.required ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('guide.material.required')}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>{t('guide.material.optional')}</Tag>}
            </Flex>
            <div className="guide-material-facts">
              {[label.original(m.original), m.copies > 0 ? t('guide.material.copiesN', { n: m.copies }) : null, label.form(m.form), label.source(m.source)].filter(Boolean).join(' · ')}
            </div>
            {m.note && <div className="guide-material-note">{m.note}</div>}
          </div>
        ))}
      </div>
    )
  }

  const columns: TableColumnsType<Material & { index: number }> = [
    { title: t('guide.material.index'), dataIndex: 'index', key: 'index', width: 56, align: 'center' },
    {
      title: t('guide.material.name'),
      key: 'name',
      render: (_, m) => (
        <div>
          <Typography.Text strong>{m.name}</Typography.Text>
          {m.note && <div className="guide-material-note">{m.note}</div>}
        </div>
      ),
    },
    { title: t('guide.material.original'), key: 'original', width: 120, render: (_, m) => label.original(m.original) },
    { title: t('guide.material.copies'), key: 'copies', width: 70, align: 'center', render: (_, m) => (m.copies > 0 ? m.copies : '—') },
    { title: t('guide.material.form'), key: 'form', width: 110, render: (_, m) => label.form(m.form) },
    {
      title: t('guide.material.requiredCol'),
      key: 'required',
      width: 90,
      render: (_, m) => (m.required ? <Typography.Text type="danger">{t('guide.material.required')}</Typography.Text> : t('guide.material.optional')),
    },
    {
      title: t('guide.material.source'),
      key: 'source',
      width: 190,
      render: (_, m) =>
        isExempt(m) ? (
          <Flex vertical gap={2} align="flex-start">
            <ExemptTag />
            <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
              {label.source(m.source)}
            </Typography.Text>
          </Flex>
        ) : (
          label.source(m.source)
        ),
    },
  ]
  return (
    <Table
      rowKey="index"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={materials.map((m, i) => ({ ...m, index: i + 1 }))}
      rowClassName={(m) => (isExempt(m) ? 'guide-row-exempt' : '')}
      scroll={{ x: 760 }}
      data-testid="materials-table"
    />
  )
}

/** 收费标准: free when there is nothing to pay; amounts in yuan. */
export function Fees({ fees }: { fees: ServiceElements['fees'] }) {
  const t = useT()
  const paid = fees.filter((f) => f.amountFen > 0)
  if (paid.length === 0) {
    return (
      <Typography.Text strong className="guide-free" data-testid="fees-free">
        {t('guide.fees.free')}
      </Typography.Text>
    )
  }
  return (
    <Table
      rowKey={(f) => f.name}
      size="small"
      bordered
      pagination={false}
      dataSource={fees}
      columns={[
        { title: t('guide.fees.name'), dataIndex: 'name', key: 'name' },
        { title: t('guide.fees.amount'), key: 'amount', width: 140, align: 'right', render: (_, f) => (f.amountFen > 0 ? t('guide.fees.yuan', { amount: yuan(f.amountFen) }) : t('guide.fees.none')) },
        { title: t('guide.fees.basis'), dataIndex: 'basis', key: 'basis', render: (basis?: string) => basis || '—' },
      ]}
      data-testid="fees-table"
    />
  )
}

/** 办理流程 */
export function Process({ steps }: { steps: ServiceElements['steps'] }) {
  const t = useT()
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('guide.steps.none')} />
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={steps.length}
      className="guide-steps"
      items={steps.map((step) => ({
        title: (
          <span>
            {step.name}
            {step.days !== undefined && <span className="guide-step-days">{step.days === 0 ? t('guide.steps.instant') : t('guide.steps.days', { n: step.days })}</span>}
          </span>
        ),
        content: step.description || undefined,
        status: 'process' as const,
      }))}
    />
  )
}

/** 设定依据: each cited article with its law, label and text as in force today. */
export function LegalBasis({ basis }: { basis: CitedArticle[] }) {
  const t = useT()
  if (basis.length === 0) return <Typography.Text type="secondary">{t('guide.basis.none')}</Typography.Text>
  return (
    <div className="guide-basis" data-testid="legal-basis">
      {basis.map((article) => (
        <div key={article.articleId} className="guide-basis-item">
          <Flex gap={6} wrap align="center" className="guide-basis-head">
            <Typography.Text strong>
              《{article.lawTitle}》{article.label}
            </Typography.Text>
            {article.docNumber && <Typography.Text type="secondary">（{article.docNumber}）</Typography.Text>}
            {!article.inForce && <Tag color="red">{t('guide.basis.notInForce')}</Tag>}
          </Flex>
          <blockquote className="guide-basis-text">{article.text}</blockquote>
        </div>
      ))}
    </div>
  )
}

/** 办理地点 / 咨询电话 */
export function PlaceAndPhone({ place, phone }: { place: string; phone: string }) {
  const t = useT()
  return (
    <dl className="guide-dl">
      <dt>{t('guide.place')}</dt>
      <dd className="guide-pre">{place || '—'}</dd>
      <dt>{t('guide.phone')}</dt>
      <dd>
        {phone ? (
          <a href={`tel:${phone.replace(/[^\d+-]/g, '')}`} className="guide-phone">
            <PhoneOutlined /> {phone}
          </a>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  )
}
