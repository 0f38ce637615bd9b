import { CalendarOutlined, DeleteOutlined, EditOutlined, LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { App as AntApp, Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Space, Spin, Tag, Tooltip, Typography, theme } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { memo, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { useErrorText } from '../../../app/api/errors'
import { useAuth } from '../../../app/auth'
import { useT, type Lang, type Translator } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatLongDate } from '../../../shared/format'
import { showFieldError } from '../../../shared/formErrors'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useCalendarDays, useDeadline, useRemoveCalendarOverride, useSetCalendarOverride, type CalendarDay } from '../api'

/** The last year of the State Council arrangements built into the server (chinese-days); later years are Monday–Friday until entered. */
const BUILT_IN_LAST_YEAR = 2026
const MIN_YEAR = 2000
const MAX_YEAR = 2100

// ---- Dates as 'YYYY-MM-DD' strings, computed in UTC so that the browser's time zone never shifts a day ----

const pad = (n: number) => String(n).padStart(2, '0')
const dayKey = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
const localDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!)
}
/** ['2025年10月11日', '星期六'] / ['11 October 2025', 'Saturday']: two parts, so that a narrow card breaks between them. */
const dateAndWeekday = (day: string, lang: Lang) => {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB'
  const date = localDate(day)
  return [
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date),
    new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date),
  ]
}
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * How a day reads on the calendar: a working day, an ordinary weekend, a public holiday (休: a run
 * of days off that takes in at least one weekday, weekends inside it included, as the State
 * Council's 放假 N 天 counts them) or a make-up working day (班: a weekend day worked).
 */
type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

interface DayInfo extends CalendarDay {
  kind: DayKind
}

function classify(days: CalendarDay[]): Map<string, DayInfo> {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day))
  const result = new Map<string, DayInfo>()
  let run: CalendarDay[] = []
  const closeRun = () => {
    const holiday = run.some((d) => !isWeekend(d.day))
    for (const d of run) result.set(d.day, { ...d, kind: holiday ? 'holiday' : 'weekend' })
    run = []
  }
  for (const d of sorted) {
    if (d.workday) {
      closeRun()
      result.set(d.day, { ...d, kind: isWeekend(d.day) ? 'makeup' : 'workday' })
    } else {
      run.push(d)
    }
  }
  closeRun()
  return result
}

function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day)
  return weekday === 0 || weekday === 6
}

function statusText(t: Translator, info: DayInfo): string {
  const status = t(`calendar.status.${info.kind}`)
  return info.overridden ? `${status} · ${t('calendar.overrideNote', { note: info.note || '—' })}` : status
}

/** The year shown lives in the URL (?year=2025), so that reload and a shared link keep it. */
function useShownYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams()
  const current = dayjs().year()
  const asked = Number(params.get('year'))
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : current
  const setYear = (next: number) => {
    const search = new URLSearchParams(params)
    if (next === current) search.delete('year')
    else search.set('year', String(next))
    setParams(search, { replace: true })
  }
  return [year, setYear]
}

// ---- The year grid ------------------------------------------------------------------------------

const kindColors: Record<DayKind, { background: string; color: string }> = {
  workday: { background: 'transparent', color: 'inherit' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeup: { background: '#fff7e6', color: '#ad4e00' },
}
const tagColors = { rest: '#e8382f', work: '#d46b08' }
const overrideColor = '#722ed1'

interface GridLook {
  cellHeight: number
  fontSize: number
  tagSize: number
  primary: string
  border: string
}

interface DayCellProps {
  day: string
  date: number
  info: DayInfo | undefined
  today: boolean
  mark: 'from' | 'due' | undefined
  look: GridLook
  t: Translator
  lang: Lang
  onPick: ((info: DayInfo) => void) | undefined
}

function DayCell({ day, date, info, today, mark, look, t, lang, onPick }: DayCellProps) {
  const kind: DayKind = info?.kind ?? (isWeekend(day) ? 'weekend' : 'workday')
  const colors = kindColors[kind]
  const label = info ? `${formatLongDate(localDate(day), lang)} ${statusText(t, info)}` : formatLongDate(localDate(day), lang)
  const due = mark === 'due'
  const style: CSSProperties = {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 1,
    width: '100%',
    height: look.cellHeight,
    padding: 0,
    margin: 0,
    border: today ? `2px solid ${look.primary}` : mark === 'from' ? `2px dashed ${look.primary}` : '2px solid transparent',
    borderRadius: 6,
    background: due ? look.primary : info ? colors.background : 'transparent',
    color: due ? '#fff' : info ? colors.color : undefined,
    font: 'inherit',
    fontSize: look.fontSize,
    fontWeight: kind === 'holiday' || kind === 'makeup' || today || due ? 600 : 400,
    fontVariantNumeric: 'tabular-nums',
    cursor: onPick && info ? 'pointer' : 'default',
  }
  const tag = info && (kind === 'holiday' || kind === 'makeup')
  const content: ReactNode = (
    <>
      <span style={{ lineHeight: 1.15 }}>{date}</span>
      {/* the 休 / 班 line is kept on every day, so that the numbers of a week stay level */}
      <span
        aria-hidden
        style={{
          minWidth: look.tagSize + 4,
          height: look.tagSize + 3,
          padding: '0 2px',
          borderRadius: 3,
          lineHeight: `${look.tagSize + 3}px`,
          fontSize: look.tagSize,
          fontWeight: 500,
          textAlign: 'center',
          color: '#fff',
          background: tag ? (kind === 'holiday' ? tagColors.rest : tagColors.work) : 'transparent',
          boxShadow: tag && due ? '0 0 0 1px #fff' : undefined,
        }}
      >
        {tag ? t(kind === 'holiday' ? 'calendar.tag.rest' : 'calendar.tag.work') : ''}
      </span>
      {info?.overridden && (
        <span aria-hidden style={{ position: 'absolute', top: 3, left: 3, width: 6, height: 6, borderRadius: '50%', background: due ? '#fff' : overrideColor }} />
      )}
    </>
  )
  const cell =
    onPick && info ? (
      <button type="button" style={style} aria-label={label} onClick={() => onPick(info)} data-day={day} data-kind={kind}>
        {content}
      </button>
    ) : (
      <div style={style} data-day={day} data-kind={kind}>
        {content}
      </div>
    )
  return info?.overridden ? (
    <Tooltip title={statusText(t, info)} mouseEnterDelay={0.2}>
      {cell}
    </Tooltip>
  ) : (
    <span title={label} style={{ display: 'block' }}>
      {cell}
    </span>
  )
}

interface MonthProps {
  year: number
  month: number
  infos: Map<string, DayInfo>
  today: string
  from: string | undefined
  due: string | undefined
  look: GridLook
  onPick: ((info: DayInfo) => void) | undefined
}

const Month = memo(function Month({ year, month, infos, today, from, due, look, onPick }: MonthProps) {
  const t = useT()
  const count = daysInMonth(year, month)
  // Monday first, as Chinese calendars are printed
  const lead = (weekdayOf(dayKey(year, month, 1)) + 6) % 7
  const days = Array.from({ length: count }, (_, i) => dayKey(year, month, i + 1))
  const workdays = days.filter((d) => infos.get(d)?.workday).length
  const name = new Intl.DateTimeFormat(t.lang === 'zh' ? 'zh-CN' : 'en-GB', { month: 'long' }).format(new Date(year, month - 1, 1))
  return (
    <section
      id={`calendar-month-${year}-${pad(month)}`}
      aria-label={name}
      style={{ border: `1px solid ${look.border}`, borderRadius: 8, padding: '8px 10px 10px' }}
      data-testid={`month-${month}`}
    >
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 6 }}>
        <Typography.Text strong>{name}</Typography.Text>
        {infos.size > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t('calendar.monthWorkdays', { n: workdays })}
          </Typography.Text>
        )}
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
        {t('calendar.weekdays')
          .split(' ')
          .map((w, i) => (
            <div key={w} aria-hidden style={{ textAlign: 'center', fontSize: '0.8em', color: i >= 5 ? kindColors.holiday.color : undefined, opacity: 0.75, paddingBottom: 2 }}>
              {w}
            </div>
          ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {days.map((day, i) => (
          <DayCell
            key={day}
            day={day}
            date={i + 1}
            info={infos.get(day)}
            today={day === today}
            mark={day === due ? 'due' : day === from ? 'from' : undefined}
            look={look}
            t={t}
            lang={t.lang}
            onPick={onPick}
          />
        ))}
      </div>
    </section>
  )
})

function Legend({ look }: { look: GridLook }) {
  const t = useT()
  const swatch = (style: CSSProperties, text: ReactNode) => (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: look.fontSize + 8,
        height: look.fontSize + 8,
        borderRadius: 4,
        fontSize: look.tagSize + 2,
        fontWeight: 600,
        ...style,
      }}
    >
      {text}
    </span>
  )
  const tag = (color: string, text: string) => (
    <span style={{ fontSize: look.tagSize, lineHeight: `${look.tagSize + 3}px`, padding: '0 2px', borderRadius: 3, color: '#fff', background: color }}>{text}</span>
  )
  const items: [ReactNode, string][] = [
    [swatch(kindColors.holiday, tag(tagColors.rest, t('calendar.tag.rest'))), t('calendar.legend.holiday')],
    [swatch(kindColors.makeup, tag(tagColors.work, t('calendar.tag.work'))), t('calendar.legend.makeup')],
    [swatch(kindColors.weekend, '6'), t('calendar.legend.weekend')],
    [swatch({}, <span style={{ width: 6, height: 6, borderRadius: '50%', background: overrideColor }} />), t('calendar.legend.override')],
    [swatch({ border: `2px solid ${look.primary}` }, ''), t('calendar.legend.today')],
  ]
  return (
    <Flex wrap gap="6px 16px" style={{ marginBottom: 12 }} data-testid="calendar-legend">
      {items.map(([mark, text]) => (
        <Flex key={text} align="center" gap={6}>
          {mark}
          <Typography.Text type="secondary">{text}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  )
}

// ---- Changing a day -----------------------------------------------------------------------------

interface OverrideValues {
  workday: boolean
  note: string
}

/** Set a day as 休息日 or 工作日 with a note, or remove its override (system administrator of the province). */
function EditDayModal({ open, target, onClose }: { open: boolean; target: DayInfo | null; onClose: () => void }) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<OverrideValues>()
  const save = useSetCalendarOverride()
  const remove = useRemoveCalendarOverride()

  useEffect(() => {
    if (!open || !target) return
    save.reset()
    remove.reset()
    form.resetFields()
    // an override stays as it is; otherwise the likely change is the other way round
    form.setFieldsValue({ workday: target.overridden ? target.workday : !target.workday, note: target.note ?? '' })
  }, [open, target])

  if (!target) return null
  const title = formatLongDate(localDate(target.day), t.lang)

  const submit = async (values: OverrideValues) => {
    try {
      await save.mutateAsync({ day: target.day, body: { workday: values.workday, note: values.note.trim() } })
      message.success(t('calendar.saved', { day: target.day }))
      onClose()
    } catch (error) {
      showFieldError(form, error, t, ['note', 'workday'])
    }
  }

  const removeOverride = async () => {
    try {
      await remove.mutateAsync(target.day)
      message.success(t('calendar.removed', { day: target.day }))
      onClose()
    } catch (error) {
      message.error(errorText(error))
    }
  }

  return (
    <Modal
      open={open}
      title={t('calendar.editTitle', { date: title })}
      onCancel={onClose}
      forceRender
      width={520}
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <span>
            {target.overridden && (
              <Popconfirm
                title={t('calendar.remove')}
                description={t('calendar.removeConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={removeOverride}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="calendar-remove">
                  {t('calendar.remove')}
                </Button>
              </Popconfirm>
            )}
          </span>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      }
    >
      <ErrorAlert error={save.error} />
      <Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('calendar.current')}
          {t('common.colon')}
        </Typography.Text>
        <Tag color={target.workday ? (target.kind === 'makeup' ? 'orange' : 'blue') : target.kind === 'holiday' ? 'red' : 'default'}>{t(`calendar.status.${target.kind}`)}</Tag>
        <Typography.Text type="secondary">{t(target.overridden ? 'calendar.source.override' : 'calendar.source.builtin')}</Typography.Text>
        {target.overridden && target.note && <Typography.Text> · {target.note}</Typography.Text>}
      </Typography.Paragraph>
      <Form<OverrideValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off" data-testid="calendar-form">
        <Form.Item name="workday" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: false, label: t('calendar.kind.rest') },
              { value: true, label: t('calendar.kind.work') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('calendar.note')}
          extra={t('calendar.noteHint')}
          rules={[{ required: true, whitespace: true, message: t('calendar.noteRequired') }]}
        >
          <Input maxLength={100} showCount placeholder={t('calendar.notePlaceholder')} data-testid="calendar-note" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

// ---- Deadline calculator ------------------------------------------------------------------------

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
function DeadlineCard({ deadline, from, setFrom, workingDays, setWorkingDays, onShow }: DeadlineCardProps) {
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

/** 工作日历: the year's working days, public holidays and make-up days; administrators enter overrides. */
export default function CalendarPage() {
  const t = useT()
  const { me, can } = useAuth()
  const { elder } = usePreferences()
  const isPhone = useIsPhone()
  const { token } = theme.useToken()
  const [year, setYear] = useShownYear()
  const currentYear = dayjs().year()
  const today = dayjs().format('YYYY-MM-DD')
  const manage = can('calendar.manage')

  // a week either side of the year, so that a holiday running across New Year reads whole
  const days = useCalendarDays(`${year - 1}-12-25`, `${year + 1}-01-07`)
  const infos = useMemo(() => classify(days.data ?? []), [days.data])
  const inYear = useMemo(() => [...infos.values()].filter((d) => d.day.startsWith(`${year}-`)), [infos, year])
  const overrides = inYear.filter((d) => d.overridden)
  const workCount = inYear.filter((d) => d.workday).length

  const [editing, setEditing] = useState<DayInfo | null>(null)
  const [editOpen, setEditOpen] = useState(false)
  const pick = useMemo(
    () =>
      manage
        ? (info: DayInfo) => {
            setEditing(info)
            setEditOpen(true)
          }
        : undefined,
    [manage],
  )

  const [from, setFrom] = useState<Dayjs | null>(() => dayjs().startOf('day'))
  const [workingDays, setWorkingDays] = useState<number | null>(20)
  const deadline = useDeadline(from?.format('YYYY-MM-DD'), workingDays ?? undefined)
  const due = from && workingDays !== null ? deadline.data?.due : undefined

  // "show in the calendar": switch to the due date's year, then bring its month into view
  const [focusDay, setFocusDay] = useState<string | null>(null)
  useEffect(() => {
    if (!focusDay || Number(focusDay.slice(0, 4)) !== year) return
    document.getElementById(`calendar-month-${focusDay.slice(0, 7)}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    setFocusDay(null)
  }, [focusDay, year])

  const look = useMemo<GridLook>(
    () => ({
      cellHeight: token.controlHeight + 6,
      fontSize: token.fontSize,
      tagSize: Math.max(10, token.fontSizeSM - 3),
      primary: token.colorPrimary,
      border: token.colorBorderSecondary,
    }),
    [token],
  )

  if (!me) return null

  const yearPicker = (
    <Flex gap={8} wrap>
      <Space.Compact>
        <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} disabled={year <= MIN_YEAR} aria-label={t('calendar.prevYear')} data-testid="year-prev" />
        <DatePicker
          picker="year"
          value={dayjs(`${year}-01-01`)}
          onChange={(value) => value && setYear(value.year())}
          allowClear={false}
          format={t.lang === 'zh' ? 'YYYY年' : 'YYYY'}
          disabledDate={(value) => value.year() < MIN_YEAR || value.year() > MAX_YEAR}
          aria-label={t('calendar.pickYear')}
          style={{ width: elder ? 140 : 110 }}
          data-testid="year-picker"
        />
        <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} disabled={year >= MAX_YEAR} aria-label={t('calendar.nextYear')} data-testid="year-next" />
      </Space.Compact>
      <Button onClick={() => setYear(currentYear)} disabled={year === currentYear}>
        {t('calendar.thisYear')}
      </Button>
    </Flex>
  )

  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.desc')} extra={yearPicker} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            title={t('calendar.year', { year })}
            extra={
              <Space size={4}>
                {!isPhone && days.data && (
                  <Typography.Text type="secondary" data-testid="calendar-summary">
                    {t('calendar.summary', { work: workCount, rest: inYear.length - workCount })}
                  </Typography.Text>
                )}
                <Button type="text" icon={<ReloadOutlined />} onClick={() => void days.refetch()} aria-label={t('common.refresh')} />
              </Space>
            }
            data-testid="calendar-year"
          >
            <ErrorAlert error={days.error} onRetry={() => void days.refetch()} />
            {year > BUILT_IN_LAST_YEAR && days.data && overrides.length === 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('calendar.noDataTitle', { year })}
                description={`${t('calendar.noData', { year })}${manage ? t('calendar.noDataManage') : ''}`}
                style={{ marginBottom: 16 }}
                data-testid="calendar-no-data"
              />
            )}
            {isPhone && days.data && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('calendar.summary', { work: workCount, rest: inYear.length - workCount })}
              </Typography.Paragraph>
            )}
            <Legend look={look} />
            {manage && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                <EditOutlined /> {t('calendar.clickToEdit')}
              </Typography.Paragraph>
            )}
            <Spin spinning={days.isFetching}>
              <div
                style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${elder ? 300 : 232}px, 1fr))`, gap: 16 }}
                data-testid="calendar-months"
              >
                {Array.from({ length: 12 }, (_, i) => (
                  <Month key={i} year={year} month={i + 1} infos={infos} today={today} from={due ? from?.format('YYYY-MM-DD') : undefined} due={due} look={look} onPick={pick} />
                ))}
              </div>
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <DeadlineCard
              deadline={deadline}
              from={from}
              setFrom={setFrom}
              workingDays={workingDays}
              setWorkingDays={setWorkingDays}
              onShow={(day) => {
                setYear(Number(day.slice(0, 4)))
                setFocusDay(day)
              }}
            />
            <Card title={t('calendar.overrides', { year })} size="small" data-testid="calendar-overrides">
              {overrides.length === 0 ? (
                <Typography.Text type="secondary">{t('calendar.overridesEmpty')}</Typography.Text>
              ) : (
                <Flex vertical gap={8}>
                  {overrides.map((d) => (
                    <Flex key={d.day} justify="space-between" align="flex-start" gap={8} data-testid={`override-${d.day}`}>
                      <div style={{ minWidth: 0 }}>
                        <div>
                          <span className="mono">{d.day}</span>{' '}
                          <Tag color={d.workday ? 'orange' : 'red'} style={{ marginInlineStart: 4 }}>
                            {t(d.workday ? 'calendar.kind.work' : 'calendar.kind.rest')}
                          </Tag>
                        </div>
                        <Typography.Text type="secondary" style={{ fontSize: '0.9em', wordBreak: 'break-all' }}>
                          {d.note || '—'}
                        </Typography.Text>
                      </div>
                      {pick && (
                        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => pick(d)} aria-label={`${t('common.edit')} ${d.day}`} />
                      )}
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      {manage && <EditDayModal open={editOpen} target={editing} onClose={() => setEditOpen(false)} />}
    </>
  )
}
