// Why the published JSON tables and not chinese-days' functions: those functions parse
// 'YYYY-MM-DD' as UTC midnight and then read it with local-time getters, so on a server
// west of Greenwich (TZ=America/New_York) weekdays come out one day early. The JSON is the
// same data, keyed by date string, and documented in the package README for direct use.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { AppError } from '../errors'

/**
 * The working-day calendar used for statutory time limits (办理时限), on Asia/Shanghai dates
 * written 'YYYY-MM-DD'.
 */
export interface WorkingCalendar {
  /** Whether government offices work on this day. */
  isWorkday(day: string): boolean
  /**
   * n ≥ 1: the n-th working day strictly after `day` (received on D with a 3-working-day
   * limit → due on addWorkingDays(D, 3)); n = 0: `day` if it is a workday, else the next
   * one; n < 0: the |n|-th working day strictly before `day`.
   */
  addWorkingDays(day: string, n: number): string
  /** The number of working days d with from < d ≤ to; negative when to is before from. */
  workingDaysBetween(from: string, to: string): number
}

/** Days (date → holiday name) on which a weekday is a public holiday. */
const statutoryHolidays: Readonly<Record<string, string>> = chineseDays.holidays
/** Weekend days on which people work to make up for a holiday (调休上班). */
const makeUpWorkdays: Readonly<Record<string, string>> = chineseDays.workdays

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/
const msPerDay = 86_400_000
const shanghaiOffsetMs = 8 * 3_600_000
// Workday flags are cached in blocks of 512 consecutive days: memory stays bounded by the
// span of dates ever asked about, and a lookup is one Map get and one array index.
const blockBits = 9
const blockSize = 1 << blockBits

/** Builds a working calendar; `overrides` (day → is it a workday) win over the built-in tables. */
export function createCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkingCalendar {
  for (const day of overrides.keys()) requireEpochDay(day)
  const blocks = new Map<number, Uint8Array>()

  const computeWorkday = (epochDay: number): boolean => {
    const day = formatEpochDay(epochDay)
    return overrides.get(day) ?? builtInWorkday(day, epochDay)
  }

  const isWorkdayAt = (epochDay: number): boolean => {
    const blockIndex = epochDay >> blockBits
    let block = blocks.get(blockIndex)
    if (block === undefined) {
      block = new Uint8Array(blockSize)
      const first = blockIndex << blockBits
      for (let i = 0; i < blockSize; i++) block[i] = computeWorkday(first + i) ? 1 : 0
      blocks.set(blockIndex, block)
    }
    return block[epochDay & (blockSize - 1)] === 1
  }

  const countWorkdays = (after: number, upTo: number): number => {
    let count = 0
    for (let d = after + 1; d <= upTo; d++) if (isWorkdayAt(d)) count++
    return count
  }

  return {
    isWorkday: (day) => isWorkdayAt(requireEpochDay(day)),

    addWorkingDays(day, n) {
      if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`)
      let at = requireEpochDay(day)
      if (n === 0) {
        while (!isWorkdayAt(at)) at++
        return formatEpochDay(at)
      }
      const step = n > 0 ? 1 : -1
      for (let remaining = Math.abs(n); remaining > 0; ) {
        at += step
        if (isWorkdayAt(at)) remaining--
      }
      return formatEpochDay(at)
    },

    workingDaysBetween(from, to) {
      const a = requireEpochDay(from)
      const b = requireEpochDay(to)
      return b >= a ? countWorkdays(a, b) : -countWorkdays(b, a)
    },
  }
}

/** The Asia/Shanghai calendar date of an instant (UTC+8 all year; China has had no DST since 1991). */
export function shanghaiDay(instant: Date): string {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('shanghaiDay: invalid Date')
  return formatEpochDay(Math.floor((ms + shanghaiOffsetMs) / msPerDay))
}

/** Whether `text` is exactly 'YYYY-MM-DD' naming a real Gregorian date. */
export function isValidDay(text: string): boolean {
  return parseEpochDay(text) !== undefined
}

/** Table answer for data years, Monday–Friday for years the package has no data for. */
function builtInWorkday(day: string, epochDay: number): boolean {
  if (makeUpWorkdays[day] !== undefined) return true
  if (statutoryHolidays[day] !== undefined) return false
  const weekday = weekdayOf(epochDay)
  return weekday >= 1 && weekday <= 5
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7
}

function requireEpochDay(day: string): number {
  const epochDay = parseEpochDay(day)
  if (epochDay === undefined) {
    throw new AppError('invalid', 'invalid_day', {
      zh: `日期无效：“${day}”，应为 YYYY-MM-DD 格式的真实日期`,
      en: `Invalid date "${day}": expected a real date written YYYY-MM-DD`,
    })
  }
  return epochDay
}

function parseEpochDay(text: string): number | undefined {
  const match = dayPattern.exec(text)
  if (match === null) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return epochDayFromCivil(year, month, day)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

// Integer date arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms"):
// exact for every proleptic Gregorian year and free of Date's two-digit-year quirks.
function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function formatEpochDay(epochDay: number): string {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
