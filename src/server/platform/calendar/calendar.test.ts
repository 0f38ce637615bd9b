import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar, isValidDay, shanghaiDay } from './calendar'

const calendar = createCalendar()

/** Independent oracle: the UTC date `offset` days after 1970-01-01, via Date. */
const dayAt = (offset: number): string => new Date(offset * 86_400_000).toISOString().slice(0, 10)
const offsetOf = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000
const utcWeekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay()

/** Days from 2004 (first year of chinese-days data) through 2040 (well past it). */
const anyDay = fc.integer({ min: offsetOf('2004-01-01'), max: offsetOf('2040-12-31') }).map(dayAt)
const workdayCount = fc.integer({ min: 1, max: 60 })

describe('2025 National Day + Mid-Autumn (Oct 1–8 off; Sun Sep 28 and Sat Oct 11 worked)', () => {
  it('Oct 1 to Oct 8 are all holidays', () => {
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkday(`2025-10-0${d}`)).toBe(false)
  })

  it('the make-up days Sunday Sep 28 and Saturday Oct 11 are workdays', () => {
    expect(calendar.isWorkday('2025-09-28')).toBe(true)
    expect(calendar.isWorkday('2025-10-11')).toBe(true)
  })

  it('Sunday Oct 12 is an ordinary weekend day', () => {
    expect(calendar.isWorkday('2025-10-12')).toBe(false)
  })

  it('one working day after Tue Sep 30 skips the whole holiday to Thu Oct 9', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09')
  })

  it('one working day after Fri Sep 26 is the make-up Sunday Sep 28, not Mon Sep 29', () => {
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28')
  })

  it('three working days after Sep 30 are Oct 9, 10 and the make-up Saturday 11; the fourth is Mon Oct 13', () => {
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11')
    expect(calendar.addWorkingDays('2025-09-30', 4)).toBe('2025-10-13')
  })

  it('between Sep 30 (excluded) and Oct 12 (included) lie 3 working days: Oct 9, Oct 10, Oct 11 (Oct 1–8 off, Oct 12 a Sunday)', () => {
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-12')).toBe(3)
  })

  it('counting backwards over the same span gives the negative count', () => {
    expect(calendar.workingDaysBetween('2025-10-12', '2025-09-30')).toBe(-3)
  })

  it('zero working days from a holiday is the next workday; from a workday it is the day itself', () => {
    expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09')
    expect(calendar.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30')
  })

  it('negative counts step backwards over the holiday and onto the make-up Sunday', () => {
    expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30')
    expect(calendar.addWorkingDays('2025-09-29', -1)).toBe('2025-09-28')
    expect(calendar.addWorkingDays('2025-09-28', -1)).toBe('2025-09-26')
  })
})

describe('Spring Festival 2026 (Feb 15–23 off; Saturdays Feb 14 and Feb 28 worked)', () => {
  it('Feb 15 to Feb 23 are all holidays, including the weekdays Feb 16–20 and Feb 23', () => {
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkday(`2026-02-${d}`)).toBe(false)
  })

  it('the Saturdays Feb 14 and Feb 28 are workdays', () => {
    expect(calendar.isWorkday('2026-02-14')).toBe(true)
    expect(calendar.isWorkday('2026-02-28')).toBe(true)
  })

  it('one working day after the make-up Saturday Feb 14 is Tue Feb 24', () => {
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24')
  })

  it('a case received Thu Feb 12 with a 5-working-day limit is due Thu Feb 26 (13, 14, 24, 25, 26)', () => {
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26')
  })

  it('between Feb 14 (excluded) and Feb 28 (included) lie 5 working days: Feb 24–27 and the make-up Saturday 28', () => {
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-28')).toBe(5)
  })
})

describe('overrides entered by administrators', () => {
  // 2027 has no State Council arrangement in the package yet: Fri Feb 5, Sat Feb 6.
  const arranged = createCalendar(
    new Map([
      ['2027-02-05', false],
      ['2027-02-06', true],
    ]),
  )

  it('turn a Friday into a holiday and a Saturday into a workday', () => {
    expect(calendar.isWorkday('2027-02-05')).toBe(true)
    expect(calendar.isWorkday('2027-02-06')).toBe(false)
    expect(arranged.isWorkday('2027-02-05')).toBe(false)
    expect(arranged.isWorkday('2027-02-06')).toBe(true)
  })

  it('move deadlines: one working day after Thu Feb 4 is the worked Saturday Feb 6', () => {
    expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-05')
    expect(arranged.addWorkingDays('2027-02-04', 1)).toBe('2027-02-06')
  })

  it('win over the built-in tables in both directions', () => {
    const corrected = createCalendar(
      new Map([
        ['2025-10-09', false],
        ['2025-10-08', true],
      ]),
    )
    expect(corrected.isWorkday('2025-10-09')).toBe(false)
    expect(corrected.isWorkday('2025-10-08')).toBe(true)
    expect(corrected.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08')
    expect(corrected.addWorkingDays('2025-10-08', 1)).toBe('2025-10-10')
  })

  it('belong to their own calendar and leave others untouched', () => {
    expect(calendar.isWorkday('2027-02-06')).toBe(false)
  })

  it('with a malformed day are rejected when the calendar is built', () => {
    expect(() => createCalendar(new Map([['2027-2-6', true]]))).toThrow(/YYYY-MM-DD/)
    expect(() => createCalendar(new Map([['2027-02-30', true]]))).toThrow(/YYYY-MM-DD/)
  })
})

describe('years without published arrangements', () => {
  it('fall back to Monday–Friday workdays', () => {
    const laterDays = fc.integer({ min: offsetOf('2040-01-01'), max: offsetOf('2099-12-31') }).map(dayAt)
    fc.assert(
      fc.property(laterDays, (day) => {
        const weekday = utcWeekday(day)
        expect(calendar.isWorkday(day)).toBe(weekday >= 1 && weekday <= 5)
      }),
    )
  })
})

describe('laws of working-day arithmetic', () => {
  it('the number of working days up to addWorkingDays(d, n) is n', () => {
    fc.assert(
      fc.property(anyDay, workdayCount, (day, n) => {
        expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, n))).toBe(n)
      }),
    )
  })

  it('the result is always a workday, strictly after day for n ≥ 1 and strictly before for n ≤ -1', () => {
    fc.assert(
      fc.property(anyDay, workdayCount, (day, n) => {
        const forward = calendar.addWorkingDays(day, n)
        const backward = calendar.addWorkingDays(day, -n)
        expect(calendar.isWorkday(forward)).toBe(true)
        expect(calendar.isWorkday(backward)).toBe(true)
        expect(forward > day).toBe(true)
        expect(backward < day).toBe(true)
      }),
    )
  })

  it('counting back n working days from n working days after a workday returns to it', () => {
    fc.assert(
      fc.property(anyDay, workdayCount, (day, n) => {
        const workday = calendar.addWorkingDays(day, 0)
        expect(calendar.addWorkingDays(calendar.addWorkingDays(workday, n), -n)).toBe(workday)
      }),
    )
  })

  it('more working days never give an earlier date', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 }), (day, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a]
        expect(calendar.addWorkingDays(day, fewer) <= calendar.addWorkingDays(day, more)).toBe(true)
      }),
    )
  })

  it('a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(anyDay, anyDay, fc.integer({ min: 0, max: 60 }), (x, y, n) => {
        const [earlier, later] = x <= y ? [x, y] : [y, x]
        expect(calendar.addWorkingDays(earlier, n) <= calendar.addWorkingDays(later, n)).toBe(true)
      }),
    )
  })

  it('workingDaysBetween counts exactly the workdays after from up to and including to', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -40, max: 40 }), (from, span) => {
        const to = dayAt(offsetOf(from) + span)
        let expected = 0
        for (let i = 1; i <= Math.abs(span); i++) {
          const d = dayAt(offsetOf(span >= 0 ? from : to) + i)
          if (calendar.isWorkday(d)) expected++
        }
        expect(calendar.workingDaysBetween(from, to)).toBe(span >= 0 ? expected : -expected)
      }),
    )
  })
})

describe('input checking', () => {
  it('rejects malformed days with a bilingual error', () => {
    expect(() => calendar.isWorkday('2025-10-1')).toThrow(/YYYY-MM-DD/)
    expect(() => calendar.addWorkingDays('2025/10/01', 1)).toThrow(/YYYY-MM-DD/)
    expect(() => calendar.workingDaysBetween('2025-10-01', '2025-02-29')).toThrow(/YYYY-MM-DD/)
  })

  it('rejects a fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2025-10-01', 1.5)).toThrow(RangeError)
  })
})

describe('isValidDay', () => {
  it('accepts real dates, including Feb 29 of leap years', () => {
    expect(isValidDay('2025-10-01')).toBe(true)
    expect(isValidDay('2024-02-29')).toBe(true)
    expect(isValidDay('2000-02-29')).toBe(true)
  })

  it('rejects impossible dates and sloppy formats', () => {
    for (const text of ['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00',
      '2025-1-01', '2025-01-1', ' 2025-01-01', '2025-01-01 ', '2025/01/01', '20250101', '', '2025-01-01T00:00'])
      expect(isValidDay(text), text).toBe(false)
  })

  it('agrees with Date on every YYYY-MM-DD-shaped string', () => {
    const shaped = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    fc.assert(
      fc.property(shaped, (text) => {
        const date = new Date(`${text}T00:00:00Z`)
        const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
        expect(isValidDay(text)).toBe(real)
      }),
    )
  })
})

describe('shanghaiDay', () => {
  it('turns over at 16:00 UTC, which is midnight in Shanghai', () => {
    expect(shanghaiDay(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30')
    expect(shanghaiDay(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01')
  })

  it('agrees with the IANA Asia/Shanghai zone since China ended DST in 1991', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    const instants = fc.integer({ min: Date.parse('1992-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') })
    fc.assert(
      fc.property(instants, (ms) => {
        expect(shanghaiDay(new Date(ms))).toBe(shanghai.format(new Date(ms)))
      }),
    )
  })

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDay(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe('speed and independence from the server', () => {
  it('computes a 20-working-day deadline in microseconds once warm', () => {
    const start = '2025-09-20'
    calendar.addWorkingDays(start, 20)
    const runs = 10_000
    const began = performance.now()
    for (let i = 0; i < runs; i++) calendar.addWorkingDays(start, 20)
    const microsecondsEach = ((performance.now() - began) * 1000) / runs
    expect(microsecondsEach).toBeLessThan(50)
  })

  it('gives the same answers on a server whose local time zone is America/New_York', () => {
    const probe = ['2025-09-28', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-11', '2025-10-12', '2027-02-06', '2027-02-08']
    const moduleUrl = new URL('./calendar.ts', import.meta.url).href
    const script = `const { createCalendar } = await import(${JSON.stringify(moduleUrl)});
      const c = createCalendar();
      console.log(JSON.stringify(${JSON.stringify(probe)}.map((d) => c.isWorkday(d))));`
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    })
    expect(JSON.parse(output)).toEqual(probe.map((d) => calendar.isWorkday(d)))
    expect(JSON.parse(output)).toEqual([true, false, false, true, true, false, false, true])
  }, 20_000)
})
