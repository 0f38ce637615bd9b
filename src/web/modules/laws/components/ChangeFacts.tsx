import { Descriptions, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../../app/i18n'
import { formatDateTime } from '../../../shared/format'
import { useIsPhone } from '../../../shared/useIsMobile'
import type { LawChangeDetail } from '../api'
import { ChangeKindTag } from './tags'

/** The facts of one law change: which law, what kind, the document, the dates, who recorded it. */
export function ChangeFacts({ change }: { change: LawChangeDetail }) {
  const t = useT()
  const isPhone = useIsPhone()
  return (
    <Descriptions
      size={isPhone ? 'small' : 'middle'}
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="change-facts"
      items={[
        {
          key: 'law',
          label: t('laws.change.law'),
          span: { xs: 1, sm: 2, lg: 3 },
          children: <Link to={`/workbench/laws/${change.lawId}`}>《{change.lawTitle}》</Link>,
        },
        { key: 'kind', label: t('laws.change.kind'), children: <ChangeKindTag kind={change.kind} /> },
        { key: 'docNumber', label: t('laws.docNumber'), children: change.docNumber ?? '—' },
        { key: 'articles', label: t('laws.change.articlesTouched'), children: change.articleCount },
        { key: 'decidedOn', label: t('laws.change.decidedOn'), children: <span className="mono">{change.decidedOn}</span> },
        { key: 'effectiveOn', label: t('laws.change.effectiveOn'), children: <span className="mono">{change.effectiveOn}</span> },
        {
          key: 'recorded',
          label: t('laws.change.recorded'),
          children: (
            <span>
              <span className="mono">{formatDateTime(change.recordedAt).slice(0, 16)}</span> · {change.recordedBy}
            </span>
          ),
        },
        ...(change.summary
          ? [
              {
                key: 'summary',
                label: t('laws.change.summary'),
                span: { xs: 1, sm: 2, lg: 3 },
                children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{change.summary}</Typography.Text>,
              },
            ]
          : []),
      ]}
    />
  )
}
