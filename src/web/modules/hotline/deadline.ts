/**
 * How urgent an appeal looks in a list: its deadline against today (Asia/Shanghai, where deadlines
 * are kept) and the next working day, and how soon the centre must dispatch it.
 */

/** red: past the deadline; orange: due by the next working day or already reminded; green: time left; none: the clock is not running. */
export type DeadlineTone = 'overdue' | 'due' | 'ok' | 'none'

/** The states in which the appeal's clock runs; the others are answered, closed or gone. */
const running = new Set(['received', 'handling', 'objected', 'extension_requested'])

/** Today in Asia/Shanghai as YYYY-MM-DD, whatever the browser's zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * The tone of a deadline. `nextWorkingDay` is the day one working day after today; while it is
 * unknown (the calendar is loading) only the reminder marks an appeal as due soon.
 */
export function deadlineTone(appeal: { state: string; deadline: string | null; alarm: number }, today: string, nextWorkingDay: string | undefined): DeadlineTone {
  if (!appeal.deadline || !running.has(appeal.state)) return 'none'
  if (appeal.deadline < today) return 'overdue'
  if (appeal.alarm >= 1 || (nextWorkingDay !== undefined && appeal.deadline <= nextWorkingDay)) return 'due'
  return 'ok'
}

/** Half an hour before the dispatch limit the queue turns orange, to leave time to act. */
const DISPATCH_WARNING_MS = 30 * 60 * 1000

/** The tone of the dispatch limit, for appeals still waiting in the queue. */
export function dispatchTone(appeal: { state: string; dispatchDueAt: string; dispatchedAt: string | null }, now: Date): DeadlineTone {
  if (appeal.state !== 'received' || appeal.dispatchedAt !== null) return 'none'
  const left = new Date(appeal.dispatchDueAt).getTime() - now.getTime()
  if (left < 0) return 'overdue'
  if (left < DISPATCH_WARNING_MS) return 'due'
  return 'ok'
}

export const toneColors: Record<DeadlineTone, string> = { overdue: 'error', due: 'warning', ok: 'success', none: 'default' }
