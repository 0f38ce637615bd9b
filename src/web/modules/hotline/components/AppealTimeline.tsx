import { Flex, Timeline, Typography } from 'antd'
import { useT, type MessageKey } from '../../../app/i18n'
import { formatDateTime } from '../../../shared/format'
import type { TimelineStep } from '../api'

const stepColors: Record<string, string> = {
  return: 'red',
  object: 'red',
  accept_objection: 'red',
  reject_extension: 'red',
  'timer.overdue': 'red',
  'timer.escalate': 'red',
  escalate: 'red',
  'timer.remind': 'orange',
  reply: 'green',
  callback: 'green',
  resolve_on_call: 'green',
}

const fieldLabels: Record<string, MessageKey> = {
  reason: 'hotline.act.reason',
  answer: 'hotline.act.answer',
  days: 'hotline.act.days',
  satisfaction: 'hotline.act.satisfaction',
  service: 'hotline.act.service',
  reference: 'hotline.act.reference',
  via: 'hotline.timeline.via',
}

/** 办理过程: every step of the appeal, who took it and for which department, with what they wrote. */
export function AppealTimeline({ steps }: { steps: TimelineStep[] }) {
  const t = useT()
  const actorOf = (actor: string) => {
    if (actor.startsWith('system:')) return t('hotline.timeline.system')
    if (actor === 'anonymous') return t('hotline.timeline.citizen')
    return actor
  }
  const valueOf = (key: string, value: unknown) => {
    if (key === 'satisfaction') return t.dynamic(`hotline.satisfaction.${String(value)}`, String(value))
    if (key === 'via') return t.dynamic(`hotline.route.${String(value)}`, String(value))
    if (key === 'service') return t.dynamic(`hotline.service.${String(value)}`, String(value))
    return String(value)
  }
  return (
    <div data-testid="appeal-timeline">
      <Timeline
        items={steps.map((step) => ({
          key: String(step.seq),
          color: stepColors[step.transition] ?? 'blue',
          content: (
            <div data-testid={`step-${step.transition}`}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{t.pick(step.name)}</Typography.Text>
                <Typography.Text type="secondary" className="mono">
                  {formatDateTime(step.at)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {actorOf(step.actor)}
                {step.orgName && ` · ${step.orgName}`}
              </Typography.Text>
              {Object.entries(step.fields).map(([key, value]) => (
                <div key={key} className="hotline-text">
                  <Typography.Text type="secondary">
                    {t.dynamic(fieldLabels[key] ?? '', key)}
                    {t('common.colon')}
                  </Typography.Text>
                  {valueOf(key, value)}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </div>
  )
}
