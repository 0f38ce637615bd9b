import { Flex, Tooltip, Typography } from 'antd'
import { memo, type CSSProperties, type ReactNode } from 'react'
import { useT, type Lang, type Translator } from '../../../../app/i18n'
import { formatLongDate } from '../../../../shared/format'
import { pad, dayKey, daysInMonth, weekdayOf, localDate, type DayKind, type DayInfo, isWeekend, statusText } from './calendar-days'

// ---- The year grid ------------------------------------------------------------------------------

const kindColors: Record<DayKind, { background: string; color: string }> = {
  workday: { background: 'transparent', color: 'inherit' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeup: { background: '#fff7e6', color: '#ad4e00' },
}
const tagColors = { rest: '#e8382f', work: '#d46b08' }
const overrideColor = '#722ed1'

export interface GridLook {
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

export const Month = memo(function Month({ year, month, infos, today, from, due, look, onPick }: MonthProps) {
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

export function Legend({ look }: { look: GridLook }) {
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
