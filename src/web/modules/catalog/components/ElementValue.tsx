import { Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useT, type Translator } from '../../../app/i18n'
import type { Citation, Fee, Material, Step } from '../api'

export type CitationLabels = Map<string, { lawTitle: string; label: string; inForce: boolean }>

const empty = (t: Translator) => <Typography.Text type="secondary">{t('catalog.empty')}</Typography.Text>

function tags(t: Translator, values: unknown, prefix: string): ReactNode {
  const list = Array.isArray(values) ? (values as string[]) : []
  if (list.length === 0) return empty(t)
  return (
    <Space size={[4, 4]} wrap>
      {list.map((value) => (
        <Tag key={value} style={{ marginInlineEnd: 0 }}>
          {prefix ? t.dynamic(`${prefix}.${value}`, value) : value}
        </Tag>
      ))}
    </Space>
  )
}

/** Words in brackets, full-width in Chinese. */
export function paren(t: Translator, text: string): string {
  return t.lang === 'zh' ? `（${text}）` : `(${text})`
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2)
}

/** One element's value as a reader wants it: lists as lists, codes as words, money in yuan. */
export function ElementValue({ field, value, citations }: { field: string; value: unknown; citations?: CitationLabels }) {
  const t = useT()
  if (value === null || value === undefined || value === '') return empty(t)
  switch (field) {
    case 'levels':
      return tags(t, value, 'catalog.level')
    case 'level':
      return <>{t.dynamic(`catalog.level.${String(value)}`, String(value))}</>
    case 'serviceObjects':
      return tags(t, value, 'catalog.object')
    case 'channels':
      return tags(t, value, 'catalog.channel')
    case 'themes':
    case 'lifeEvents':
      return tags(t, value, '')
    case 'statutoryDays':
    case 'committedDays':
      return <>{t('catalog.days', { n: Number(value) })}</>
    case 'visits':
      return <>{t('catalog.visits', { n: Number(value) })}</>
    case 'onlineDepth':
      return <>{t.dynamic(`catalog.depth.${String(value)}`, String(value))}</>
    case 'provinceWide':
    case 'crossProvince':
      return <>{t(value ? 'common.yes' : 'common.no')}</>
    case 'result': {
      const result = value as { name: string; type: string }
      return (
        <span>
          {result.name} <Tag style={{ marginInlineStart: 4 }}>{t.dynamic(`catalog.result.${result.type}`, result.type)}</Tag>
        </span>
      )
    }
    case 'conditions': {
      const list = value as string[]
      if (list.length === 0) return empty(t)
      return (
        <ol className="catalog-list">
          {list.map((condition, i) => (
            <li key={i}>{condition}</li>
          ))}
        </ol>
      )
    }
    case 'materials': {
      const list = value as Material[]
      if (list.length === 0) return empty(t)
      return (
        <ol className="catalog-list">
          {list.map((material, i) => (
            <li key={i}>
              <Typography.Text strong>{material.name}</Typography.Text>
              <div className="catalog-sub">
                {[
                  t.dynamic(`catalog.material.original.${material.original}`, material.original),
                  t('catalog.material.copiesN', { n: material.copies }),
                  t.dynamic(`catalog.material.form.${material.form}`, material.form),
                  t(material.required ? 'catalog.material.required' : 'catalog.material.optional'),
                  t.dynamic(`catalog.material.source.${material.source}`, material.source),
                ].join(' · ')}
                {material.note ? ` · ${material.note}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )
    }
    case 'fees': {
      const list = value as Fee[]
      if (list.length === 0) return <>{t('catalog.fee.free')}</>
      return (
        <ul className="catalog-list">
          {list.map((fee, i) => (
            <li key={i}>
              {fee.name}
              {t('common.colon')}
              {t('catalog.fee.yuan', { amount: yuan(fee.amountFen) })}
              {fee.basis && <div className="catalog-sub">{fee.basis}</div>}
            </li>
          ))}
        </ul>
      )
    }
    case 'steps': {
      const list = value as Step[]
      if (list.length === 0) return empty(t)
      return (
        <ol className="catalog-list">
          {list.map((step, i) => (
            <li key={i}>
              <Typography.Text strong>{step.name}</Typography.Text>
              {step.days !== undefined && <span className="catalog-sub"> {paren(t, t('catalog.step.daysN', { n: step.days }))}</span>}
              {step.description && <div className="catalog-sub">{step.description}</div>}
            </li>
          ))}
        </ol>
      )
    }
    case 'legalBasis': {
      const list = value as Citation[]
      if (list.length === 0) return <Typography.Text type="secondary">{t('catalog.basis.none')}</Typography.Text>
      return (
        <ul className="catalog-list">
          {list.map((citation) => {
            const known = citations?.get(citation.articleId)
            return (
              <li key={`${citation.lawId}-${citation.articleId}`}>
                {known ? (
                  <>
                    《{known.lawTitle}》{known.label}
                    {!known.inForce && (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {t('catalog.basis.notInForce')}
                      </Tag>
                    )}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('catalog.basis.loading')}</Typography.Text>
                )}
              </li>
            )
          })}
        </ul>
      )
    }
    default:
      if (typeof value === 'string') return <span className="catalog-text">{value}</span>
      if (typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>
      return <pre className="detail-json">{JSON.stringify(value, null, 2)}</pre>
  }
}

/** Every citation among some element values, for loading their laws' names in one go. */
export function citationsIn(...values: unknown[]): Citation[] {
  return values.flatMap((value) => (Array.isArray(value) ? (value as Citation[]).filter((c) => c && typeof c === 'object' && 'articleId' in c) : []))
}
