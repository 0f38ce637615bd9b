import { CalendarOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Empty, Flex, Timeline, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../../app/i18n'
import type { LawChangeKind, LawChangeSummary } from '../api'
import { ChangeKindTag } from './tags'

const dotColors: Record<LawChangeKind, string> = { enact: 'blue', amend: 'orange', repeal: 'red', interpret: 'purple' }

/** 立改废释: a law's changes, newest first, each opening its text comparison and impact. */
export function ChangesTimeline({ changes, onShowDay }: { changes: LawChangeSummary[]; onShowDay?: (day: string) => void }) {
  const t = useT()
  const ordered = [...changes].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.localeCompare(a.recordedAt))
  if (ordered.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('laws.changes.empty')} />
  return (
    <Timeline
      data-testid="changes-timeline"
      items={ordered.map((change) => ({
        key: change.id,
        color: dotColors[change.kind] ?? 'gray',
        content: (
          <div data-testid={`change-${change.id}`}>
            <Flex gap={6} align="center" wrap style={{ marginBottom: 4 }}>
              <ChangeKindTag kind={change.kind} />
              <span className="mono">{change.effectiveOn}</span>
              <Typography.Text type="secondary">{t('laws.changes.takesEffect')}</Typography.Text>
            </Flex>
            <Link to={`/workbench/laws/changes/${change.id}`}>
              <Typography.Text strong style={{ color: 'inherit' }}>
                {change.title}
              </Typography.Text>
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {[change.docNumber, t('laws.changes.decidedOn', { day: change.decidedOn }), t('laws.changes.articleCount', { count: change.articleCount })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </div>
            {change.summary && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }}>
                {change.summary}
              </Typography.Paragraph>
            )}
            <Flex gap={0} wrap>
              <Link to={`/workbench/laws/changes/${change.id}`}>
                <Button type="link" size="small" style={{ paddingInline: 0, marginInlineEnd: 12 }}>
                  {t('laws.changes.open')} <RightOutlined />
                </Button>
              </Link>
              {onShowDay && (
                <Button type="link" size="small" icon={<CalendarOutlined />} style={{ paddingInline: 0 }} onClick={() => onShowDay(change.effectiveOn)}>
                  {t('laws.changes.showDay')}
                </Button>
              )}
            </Flex>
          </div>
        ),
      }))}
    />
  )
}
