import { requireAccess } from '../access'
import { recordAudit } from '../audit/audit'
import { auditContext, type PlatformDeps, type RequestContext } from '../deps'
import type { Executor } from '../db/database'
import { AppError } from '../errors'
import { createCalendar, isValidDay, type WorkingCalendar } from './calendar'

// Overrides change a few times a year; each process re-reads them at most this often,
// so an override entered in one process reaches the others within a minute.
const CACHE_MS = 60_000
let cached: { calendar: WorkingCalendar; loadedAt: number; db: Executor } | undefined

/** The working calendar with the admin overrides applied; `via` reads them inside the caller's transaction when the cache is stale. */
export async function workingCalendar(deps: Pick<PlatformDeps, 'db' | 'clock'>, via: Executor = deps.db): Promise<WorkingCalendar> {
  const now = deps.clock.now().getTime()
  if (cached && cached.db === deps.db && now - cached.loadedAt < CACHE_MS && now >= cached.loadedAt) return cached.calendar
  const rows = await via.selectFrom('platform.calendarOverride').select(['day', 'workday']).execute()
  const calendar = createCalendar(new Map(rows.map((r) => [r.day, r.workday])))
  cached = { calendar, loadedAt: now, db: deps.db }
  return calendar
}

function requireDay(day: string, field: string): void {
  if (!isValidDay(day)) throw new AppError('invalid', 'day_invalid', { zh: `日期 ${day} 不正确`, en: `Invalid date ${day}` }, { field })
}

const MAX_SPAN_DAYS = 400

export async function calendarDays(deps: PlatformDeps, ctx: RequestContext, from: string, to: string) {
  requireAccess(ctx.actor, 'region.read')
  requireDay(from, 'from')
  requireDay(to, 'to')
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000
  if (span < 0 || span > MAX_SPAN_DAYS) {
    throw new AppError('invalid', 'day_range_invalid', { zh: `日期范围须在 0–${MAX_SPAN_DAYS} 天之间`, en: `The range must span 0–${MAX_SPAN_DAYS} days` })
  }
  const calendar = await workingCalendar(deps)
  const overrides = await deps.db.selectFrom('platform.calendarOverride').selectAll().where('day', '>=', from).where('day', '<=', to).execute()
  const noteOf = new Map(overrides.map((o) => [o.day, o.note]))
  const days = []
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10)
    days.push({ day, workday: calendar.isWorkday(day), overridden: noteOf.has(day), note: noteOf.get(day) ?? null })
  }
  return days
}

/** Due date of a time limit in working days, as every module computes it. */
export async function deadline(deps: PlatformDeps, ctx: RequestContext, from: string, workingDays: number) {
  requireAccess(ctx.actor, 'region.read')
  requireDay(from, 'from')
  const calendar = await workingCalendar(deps)
  return { from, workingDays, due: calendar.addWorkingDays(from, workingDays) }
}

/** Enters the State Council's arrangement for a day (a holiday or a make-up working day); province administrators only. */
export async function setCalendarOverride(deps: PlatformDeps, ctx: RequestContext, day: string, input: { workday: boolean; note: string }) {
  requireAccess(ctx.actor, 'calendar.manage', { regionCode: deps.homeProvince })
  requireDay(day, 'day')
  await deps.db.transaction().execute(async (trx) => {
    const updatedBy = ctx.actor.kind === 'staff' ? ctx.actor.username : null
    await trx
      .insertInto('platform.calendarOverride')
      .values({ day, workday: input.workday, note: input.note, updatedBy, updatedAt: deps.clock.now() })
      .onConflict((oc) => oc.column('day').doUpdateSet({ workday: input.workday, note: input.note, updatedBy, updatedAt: deps.clock.now() }))
      .execute()
    await recordAudit(trx, auditContext(deps, ctx), { action: 'calendar.override', targetType: 'day', targetId: day, regionCode: deps.homeProvince, detail: input })
  })
  cached = undefined
  return { day, workday: input.workday, overridden: true, note: input.note }
}

export async function removeCalendarOverride(deps: PlatformDeps, ctx: RequestContext, day: string): Promise<void> {
  requireAccess(ctx.actor, 'calendar.manage', { regionCode: deps.homeProvince })
  requireDay(day, 'day')
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('platform.calendarOverride').where('day', '=', day).executeTakeFirst()
    if (removed.numDeletedRows === 0n) throw new AppError('not_found', 'override_not_found', { zh: '该日期没有调整记录', en: 'No override for this day' })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'calendar.override_remove', targetType: 'day', targetId: day, regionCode: deps.homeProvince })
  })
  cached = undefined
}
