import { Tag } from 'antd'
import { useT } from '../../../app/i18n'
import type { CatalogLevel, ItemKind, ReviewReason, VersionStatus } from '../api'

const kindColors: Record<ItemKind, string> = {
  licensing: 'blue',
  benefit: 'green',
  confirmation: 'cyan',
  reward: 'gold',
  adjudication: 'purple',
  other_power: 'geekblue',
  public_service: 'processing',
  policy_service: 'lime',
  supervision: 'volcano',
  inspection: 'orange',
}

export function KindTag({ kind }: { kind: ItemKind }) {
  const t = useT()
  return (
    <Tag color={kindColors[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`catalog.kind.${kind}`, kind)}
    </Tag>
  )
}

const levelColors: Record<CatalogLevel, string> = { national: 'red', province: 'orange', city: 'blue', county: 'cyan' }

export function CatalogLevelTag({ level }: { level: CatalogLevel }) {
  const t = useT()
  return (
    <Tag color={levelColors[level] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`catalog.catLevel.${level}`, level)}
    </Tag>
  )
}

const statusColors: Record<VersionStatus | 'unpublished', string> = { published: 'success', draft: 'warning', retired: 'default', unpublished: 'warning' }

export function VersionStatusTag({ status }: { status: VersionStatus | 'unpublished' }) {
  const t = useT()
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`catalog.status.${status}`, status)}
    </Tag>
  )
}

const reasonColors: Record<ReviewReason, string> = { parent_changed: 'blue', basis_changed: 'orange', basis_repealed: 'red' }

export function ReasonTag({ reason }: { reason: ReviewReason }) {
  const t = useT()
  return (
    <Tag color={reasonColors[reason] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`catalog.reason.${reason}`, reason)}
    </Tag>
  )
}
