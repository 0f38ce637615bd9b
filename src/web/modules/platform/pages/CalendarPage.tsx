import { EditOutlined, LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Space, Spin, Tag, Typography, theme } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useCalendarDays, useDeadline } from '../api'
import { BUILT_IN_LAST_YEAR, MIN_YEAR, MAX_YEAR, type DayInfo, classify, useShownYear } from '../components/calendar/calendar-days'
import { type GridLook, Month, Legend } from '../components/calendar/YearGrid'
import { EditDayModal } from '../components/calendar/EditDayModal'
import { DeadlineCard } from '../components/calendar/DeadlineCard'

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
