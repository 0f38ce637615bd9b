import dayjs from 'dayjs'
import { useSearchParams } from 'react-router'
import { type Lang, type Translator } from '../../../../app/i18n'
import { type CalendarDay } from '../../api'

/** The last year of the State Council arrangements built into the server (chinese-days); later years are Monday–Friday until entered. */
export const BUILT_IN_LAST_YEAR = 2026
export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

// ---- Dates as 'YYYY-MM-DD' strings, computed in UTC so that the browser's time zone never shifts a day ----

export const pad = (n: number) => String(n).padStart(2, '0')
export const dayKey = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
export const localDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!)
}
/** ['2025年10月11日', '星期六'] / ['11 October 2025', 'Saturday']: two parts, so that a narrow card breaks between them. */
export const dateAndWeekday = (day: string, lang: Lang) => {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB'
  const date = localDate(day)
  return [
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date),
    new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date),
  ]
}
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * How a day reads on the calendar: a working day, an ordinary weekend, a public holiday (休: a run
 * of days off that takes in at least one weekday, weekends inside it included, as the State
 * Council's 放假 N 天 counts them) or a make-up working day (班: a weekend day worked).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayInfo extends CalendarDay {
  kind: DayKind
}

export function classify(days: CalendarDay[]): Map<string, DayInfo> {
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

export function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day)
  return weekday === 0 || weekday === 6
}

export function statusText(t: Translator, info: DayInfo): string {
  const status = t(`calendar.status.${info.kind}`)
  return info.overridden ? `${status} · ${t('calendar.overrideNote', { note: info.note || '—' })}` : status
}

/** The year shown lives in the URL (?year=2025), so that reload and a shared link keep it. */
export function useShownYear(): [number, (year: number) => void] {
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
