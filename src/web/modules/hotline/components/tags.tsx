import { LockOutlined, WarningOutlined } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import { useAuth } from '../../../app/auth'
import { useT, type Text } from '../../../app/i18n'
import { formatDateTime } from '../../../shared/format'
import { useDeadline } from '../../platform/api'
import { deadlineTone, dispatchTone, shanghaiToday, toneColors, type DeadlineTone } from '../deadline'

const stateColors: Record<string, string> = {
  received: 'processing',
  handling: 'cyan',
  objected: 'orange',
  extension_requested: 'gold',
  answered: 'purple',
  closed: 'success',
  merged: 'default',
  transferred: 'magenta',
}

export function AppealStateTag({ state, name }: { state: string; name: Text }) {
  const t = useT()
  return (
    <Tag color={stateColors[state] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="appeal-state">
      {t.pick(name)}
    </Tag>
  )
}

const lineColors: Record<string, string> = { '12345': 'blue', enterprise: 'geekblue', talent: 'purple' }

export function LineTag({ line }: { line: string }) {
  const t = useT()
  return (
    <Tag color={lineColors[line] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`hotline.line.${line}`, line)}
    </Tag>
  )
}

export function TypeTag({ type }: { type: string }) {
  const t = useT()
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`hotline.type.${type}`, type)}
    </Tag>
  )
}

/** 督办: how many times the appeal was escalated, shown only once it has been. */
export function EscalationTag({ level }: { level: number }) {
  const t = useT()
  if (level < 1) return null
  return (
    <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="escalation">
      {t('hotline.escalation', { n: level })}
    </Tag>
  )
}

export function ConfidentialTag() {
  const t = useT()
  return (
    <Tooltip title={t('hotline.confidentialHint')}>
      <Tag icon={<LockOutlined />} color="volcano" style={{ marginInlineEnd: 0 }}>
        {t('hotline.confidential')}
      </Tag>
    </Tooltip>
  )
}

/** Today and the next working day, for the deadline colours; the calendar is asked once per day. */
export function useUrgencyClock(): { today: string; nextWorkingDay: string | undefined } {
  const { can } = useAuth()
  const today = shanghaiToday()
  const next = useDeadline(can('region.read') ? today : undefined, 1)
  return { today, nextWorkingDay: next.data?.due }
}

const toneLabel: Partial<Record<DeadlineTone, 'hotline.overdue' | 'hotline.dueSoon'>> = { overdue: 'hotline.overdue', due: 'hotline.dueSoon' }

/** 办结期限 coloured: red overdue, orange due by the next working day or reminded, green otherwise. */
export function DeadlineTag({ appeal, clock }: { appeal: { state: string; deadline: string | null; alarm: number }; clock: { today: string; nextWorkingDay: string | undefined } }) {
  const t = useT()
  if (!appeal.deadline) return <span>—</span>
  const tone = deadlineTone(appeal, clock.today, clock.nextWorkingDay)
  const label = toneLabel[tone]
  return (
    <Tag color={toneColors[tone]} style={{ marginInlineEnd: 0 }} data-testid={`deadline-${tone}`}>
      <span className="mono">{appeal.deadline}</span>
      {label && ` · ${t(label)}`}
    </Tag>
  )
}

/** 派单时限 of an appeal waiting in the queue: red once it has passed. */
export function DispatchDueTag({ appeal, now }: { appeal: { state: string; dispatchDueAt: string; dispatchedAt: string | null }; now: Date }) {
  const t = useT()
  const tone = dispatchTone(appeal, now)
  if (tone === 'none') return <span className="mono hotline-sub">{formatDateTime(appeal.dispatchDueAt).slice(5, 16)}</span>
  return (
    <Tag color={toneColors[tone]} style={{ marginInlineEnd: 0 }} data-testid={`dispatch-${tone}`}>
      <span className="mono">{formatDateTime(appeal.dispatchDueAt).slice(5, 16)}</span>
      {tone === 'overdue' && ` · ${t('hotline.dispatchOverdue')}`}
    </Tag>
  )
}
