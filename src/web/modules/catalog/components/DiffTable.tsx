import { Empty, Flex, Table, Typography } from 'antd'
import { useT } from '../../../app/i18n'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useCitationLabels, type FieldChange, type ItemKind } from '../api'
import { fieldLabel } from '../elements'
import { citationsIn, ElementValue } from './ElementValue'

/**
 * What changed between two versions, element by element: field, before, after. On a phone each
 * change is a block of its own, the before above the after.
 */
export function DiffTable({
  kind,
  changes,
  beforeTitle,
  afterTitle,
  emptyText,
  testId = 'diff-table',
}: {
  kind: ItemKind
  changes: FieldChange[]
  beforeTitle?: string
  afterTitle?: string
  emptyText?: string
  testId?: string
}) {
  const t = useT()
  const isPhone = useIsPhone()
  const citations = useCitationLabels(citationsIn(...changes.flatMap((c) => (c.field === 'legalBasis' ? [c.before, c.after] : []))))
  const before = beforeTitle ?? t('catalog.diff.before')
  const after = afterTitle ?? t('catalog.diff.after')

  if (changes.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('catalog.diff.none')} data-testid={testId} />
  }

  if (isPhone) {
    return (
      <Flex vertical gap={12} data-testid={testId}>
        {changes.map((change) => (
          <div key={change.field} className="catalog-diff-block" data-testid={`diff-${change.field}`}>
            <Typography.Text strong>{fieldLabel(t, change.field, kind)}</Typography.Text>
            <div className="catalog-diff-before">
              <Typography.Text type="secondary">{before}</Typography.Text>
              <ElementValue field={change.field} value={change.before} citations={citations} />
            </div>
            <div className="catalog-diff-after">
              <Typography.Text type="secondary">{after}</Typography.Text>
              <ElementValue field={change.field} value={change.after} citations={citations} />
            </div>
          </div>
        ))}
      </Flex>
    )
  }

  return (
    <Table<FieldChange>
      rowKey="field"
      size="middle"
      pagination={false}
      dataSource={changes}
      data-testid={testId}
      onRow={(change) => ({ 'data-testid': `diff-${change.field}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('catalog.diff.field'), dataIndex: 'field', key: 'field', width: 160, render: (field: string) => <Typography.Text strong>{fieldLabel(t, field, kind)}</Typography.Text> },
        {
          title: before,
          key: 'before',
          onCell: () => ({ className: 'catalog-diff-before' }),
          render: (_, change) => <ElementValue field={change.field} value={change.before} citations={citations} />,
        },
        {
          title: after,
          key: 'after',
          onCell: () => ({ className: 'catalog-diff-after' }),
          render: (_, change) => <ElementValue field={change.field} value={change.after} citations={citations} />,
        },
      ]}
    />
  )
}
