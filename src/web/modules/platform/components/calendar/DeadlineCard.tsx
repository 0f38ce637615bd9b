import { CalendarOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Flex, Form, InputNumber, Space, Spin, Typography } from 'antd'
import { type Dayjs } from 'dayjs'
import { useT } from '../../../../app/i18n'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { useDeadline } from '../../api'
import { dateAndWeekday, daysBetween } from './calendar-days'

const PRESETS = [3, 5, 7, 10, 15, 20]

interface DeadlineCardProps {
  deadline: ReturnType<typeof useDeadline>
  from: Dayjs | null
  setFrom: (from: Dayjs | null) => void
  workingDays: number | null
  setWorkingDays: (n: number | null) => void
  onShow: (day: string) => void
}

/** 期限计算: the due date of a time limit in working days, for window clerks explaining 办理时限. */
export function DeadlineCard({ deadline, from, setFrom, workingDays, setWorkingDays, onShow }: DeadlineCardProps) {
  const t = useT()
  const result = from && workingDays !== null ? deadline.data : undefined
  return (
    <Card title={t('calendar.deadline')} data-testid="deadline-card">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('calendar.deadlineFrom')} style={{ marginBottom: 12 }}>
          <DatePicker value={from} onChange={setFrom} allowClear={false} style={{ width: '100%' }} data-testid="deadline-from" />
        </Form.Item>
        <Form.Item label={t('calendar.deadlineDays')} style={{ marginBottom: 8 }}>
          <Space.Compact style={{ width: '100%' }}>
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              value={workingDays}
              onChange={(value) => setWorkingDays(typeof value === 'number' ? value : null)}
              style={{ width: '100%' }}
              data-testid="deadline-days"
            />
            <Space.Addon>{t('calendar.workingDaysUnit')}</Space.Addon>
          </Space.Compact>
        </Form.Item>
        <Flex wrap gap={6} style={{ marginBottom: 16 }}>
          {PRESETS.map((n) => (
            <Button key={n} size="small" type={workingDays === n ? 'primary' : 'default'} onClick={() => setWorkingDays(n)}>
              {n}
            </Button>
          ))}
        </Flex>
      </Form>
      <ErrorAlert error={deadline.error} onRetry={() => void deadline.refetch()} />
      <div style={{ padding: '12px 16px', borderRadius: 8, background: 'rgba(21, 96, 189, 0.06)', minHeight: 88 }} aria-live="polite">
        <Typography.Text type="secondary">{t('calendar.deadlineDue')}</Typography.Text>
        {deadline.isFetching && !result ? (
          <div style={{ paddingTop: 8 }}>
            <Spin size="small" />
          </div>
        ) : result ? (
          <>
            <Flex wrap gap="0 0.5em" align="baseline" style={{ fontSize: '1.4em', fontWeight: 600, margin: '2px 0' }} data-testid="deadline-due" data-due={result.due}>
              {dateAndWeekday(result.due, t.lang).map((part) => (
                <span key={part} className="nowrap">
                  {part}
                </span>
              ))}
            </Flex>
            <Flex justify="space-between" align="center" wrap gap={4}>
              <Typography.Text type="secondary">{t('calendar.deadlineSpan', { days: daysBetween(result.from, result.due) })}</Typography.Text>
              <Button type="link" size="small" icon={<CalendarOutlined />} onClick={() => onShow(result.due)} style={{ paddingInline: 0 }}>
                {t('calendar.deadlineShow')}
              </Button>
            </Flex>
          </>
        ) : (
          <div style={{ fontSize: '1.4em', margin: '2px 0' }}>—</div>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: '0.9em' }}>
        {t('calendar.deadlineRule')}
      </Typography.Paragraph>
    </Card>
  )
}

// ---- The page ---------------------------------------------------------------------------------------
