import { regionWithin } from '../../platform/access'
import type { WorkingCalendar } from '../../platform/calendar/calendar'
import { AppError } from '../../platform/errors'
import { effectRequires, type TransitionDefinition, type WorkflowDefinition } from './definition'

/** How far the timers have gone on the current deadline: reset whenever the deadline moves later. */
export const ALARM = { none: 0, reminded: 1, overdue: 2, escalated: 3 } as const
export type TimerKind = 'remind' | 'overdue' | 'escalate'

/** Where a case stands: what the engine reads to decide and what an event changes. */
export interface CaseSnapshot {
  state: string
  /** Bumped by every event; a command names the version it saw (optimistic concurrency). */
  version: number
  regionCode: string
  orgId: string | null
  /** The last working day to finish on (Asia/Shanghai), or null while the clock is stopped for good. */
  deadline: string | null
  /** The day the clock was paused, while it is. */
  pausedOn: string | null
  /** How many times the case has been escalated (督办): 0 until a supervisor or a timer steps in. */
  escalation: number
  /** This case's time limit in working days (set at opening; a reopening starts it again). */
  limitDays: number
  /** Which timers have fired on the current deadline (ALARM). */
  alarm: number
  /** The case this one was merged into as a duplicate (并单), if it was. */
  mergedInto: string | null
}

/** One thing that happened to a case: the history is a list of these, and replaying it gives the snapshot. */
export interface CaseEvent {
  transition: string
  from: string
  to: string
  on: string
  fields: Readonly<Record<string, unknown>>
  regionCode: string
  orgId: string | null
  deadline: string | null
  pausedOn: string | null
  escalation: number
  limitDays: number
  alarm: number
  mergedInto: string | null
}

/** Who asks for a transition, as far as the engine needs to know. */
export type CommandActor =
  | {
      permissions: ReadonlySet<string>
      regionCode: string
      orgId?: string
      /** Permissions held only on cases assigned to the actor's own department (a handler's). */
      departmentScoped?: ReadonlySet<string>
    }
  /** The platform itself: timers, and modules acting on their own rules. */
  | 'system'

/** Whether the actor may fire a transition needing `permission` on this case. */
export function mayFire(actor: CommandActor, permission: string, snapshot: Pick<CaseSnapshot, 'regionCode' | 'orgId'>): boolean {
  if (actor === 'system') return true
  if (!actor.permissions.has(permission) || !regionWithin(snapshot.regionCode, actor.regionCode)) return false
  return !actor.departmentScoped?.has(permission) || (snapshot.orgId !== null && snapshot.orgId === actor.orgId)
}

export interface Command {
  transition: string
  expectedVersion: number
  actor: CommandActor
  fields: Readonly<Record<string, unknown>>
  /** The day it happens (Asia/Shanghai). */
  on: string
}

/** The first event of a case: it opens in the initial state with its full time limit. */
export function openCase(definition: WorkflowDefinition, init: { regionCode: string; orgId: string | null; on: string; limitDays?: number }, calendar: WorkingCalendar): CaseEvent {
  const limitDays = init.limitDays ?? definition.deadlineDays
  if (!Number.isInteger(limitDays) || limitDays < 0 || limitDays > 365) {
    throw new AppError('invalid', 'case_limit_invalid', { zh: '办理时限须为0至365个工作日', en: 'A time limit is 0 to 365 working days' }, { field: 'limitDays' })
  }
  return {
    transition: 'open',
    from: definition.initial,
    to: definition.initial,
    on: init.on,
    fields: {},
    regionCode: init.regionCode,
    orgId: init.orgId,
    deadline: calendar.addWorkingDays(init.on, limitDays),
    pausedOn: null,
    escalation: 0,
    limitDays,
    alarm: ALARM.none,
    mergedInto: null,
  }
}

/**
 * Decides a command against a case: the event it causes, or the reason it is refused (a stale
 * version, a transition the state does not allow, a missing permission or field). Pure: the same
 * case, command and calendar always decide the same way.
 */
export function decide(definition: WorkflowDefinition, snapshot: CaseSnapshot, command: Command, calendar: WorkingCalendar): CaseEvent {
  if (command.expectedVersion !== snapshot.version) {
    throw new AppError('conflict', 'case_stale_version', { zh: '该件已被他人处理，请刷新后重试', en: 'The case has changed since you loaded it: reload and try again' }, { version: snapshot.version })
  }
  const transition = definition.transitions.find((t) => t.key === command.transition)
  if (!transition) throw new AppError('invalid', 'transition_unknown', { zh: '没有这个操作', en: 'Unknown action' }, { field: 'transition' })
  if (!transition.from.includes(snapshot.state)) {
    throw new AppError('conflict', 'transition_not_allowed', { zh: `当前状态下不能${transition.name.zh}`, en: `${transition.name.en} is not possible in this state` }, { state: snapshot.state })
  }
  if (!mayFire(command.actor, transition.permission, snapshot)) throw accessDenied(transition.permission)
  for (const field of [...(transition.requires ?? []), ...effectRequires[transition.effect ?? 'none']]) {
    const value = command.fields[field]
    if (value === undefined || value === null || value === '') {
      throw new AppError('invalid', 'field_required', { zh: '请填写必填项', en: 'A required field is missing' }, { field })
    }
  }
  for (const [field, allowed] of Object.entries(transition.choices ?? {})) {
    if (!allowed.includes(String(command.fields[field]))) {
      throw new AppError('invalid', 'field_choice_invalid', { zh: '所选值不在可选范围内', en: 'The value is not one of the choices' }, { field, allowed })
    }
  }
  const effect = effectOf(transition, snapshot, command, calendar)
  // A deadline moved later starts the timers again: the handler is reminded before the new one.
  const alarm = effect.deadline !== snapshot.deadline ? ALARM.none : snapshot.alarm
  return { transition: transition.key, from: snapshot.state, to: transition.to ?? snapshot.state, on: command.on, fields: command.fields, ...effect, alarm }
}

const accessDenied = (permission: string) => new AppError('forbidden', 'access_denied', { zh: '无权执行此操作', en: 'You are not allowed to do this' }, { permission })

type Effect = Omit<CaseEvent, 'transition' | 'from' | 'to' | 'on' | 'fields' | 'alarm'>

/** What a transition's effect does to the assignment and the clock. */
function effectOf(transition: TransitionDefinition, snapshot: CaseSnapshot, command: Command, calendar: WorkingCalendar): Effect {
  const kept: Effect = { regionCode: snapshot.regionCode, orgId: snapshot.orgId, deadline: snapshot.deadline, pausedOn: snapshot.pausedOn, escalation: snapshot.escalation, limitDays: snapshot.limitDays, mergedInto: snapshot.mergedInto }
  switch (transition.effect ?? 'none') {
    case 'assign': {
      // A case goes only where the actor works: a city dispatches to its counties, the province anywhere.
      const regionCode = String(command.fields.regionCode)
      if (command.actor !== 'system' && !regionWithin(regionCode, command.actor.regionCode)) throw accessDenied(transition.permission)
      return { ...kept, orgId: String(command.fields.orgId), regionCode }
    }
    case 'return':
      return { ...kept, orgId: null }
    case 'extend': {
      const days = Number(command.fields.days)
      if (!Number.isInteger(days) || days < 1 || days > 365) {
        throw new AppError('invalid', 'extension_days_invalid', { zh: '延期天数须为1至365个工作日', en: 'An extension is 1 to 365 working days' }, { field: 'days' })
      }
      return { ...kept, deadline: kept.deadline === null ? null : calendar.addWorkingDays(kept.deadline, days) }
    }
    case 'pause':
      return { ...kept, pausedOn: kept.pausedOn ?? command.on }
    case 'resume': {
      // The working days spent paused are given back, so a pause never shortens the time left.
      const paused = kept.pausedOn === null ? 0 : Math.max(0, calendar.workingDaysBetween(kept.pausedOn, command.on))
      return { ...kept, pausedOn: null, deadline: kept.deadline === null || paused === 0 ? kept.deadline : calendar.addWorkingDays(kept.deadline, paused) }
    }
    case 'reopen':
      return { ...kept, pausedOn: null, mergedInto: null, deadline: calendar.addWorkingDays(command.on, snapshot.limitDays) }
    case 'escalate':
      return { ...kept, escalation: kept.escalation + 1 }
    case 'merge': {
      const primary = String(command.fields.primaryCaseId)
      return { ...kept, mergedInto: primary, pausedOn: null }
    }
    case 'none':
      return kept
  }
}

/** The case after an event. */
export function evolve(snapshot: CaseSnapshot | null, event: CaseEvent): CaseSnapshot {
  return {
    state: event.to,
    version: (snapshot?.version ?? 0) + 1,
    regionCode: event.regionCode,
    orgId: event.orgId,
    deadline: event.deadline,
    pausedOn: event.pausedOn,
    escalation: event.escalation,
    limitDays: event.limitDays,
    alarm: event.alarm,
    mergedInto: event.mergedInto,
  }
}

/** The case its history describes: every event applied in order, from nothing. */
export function replay(events: readonly CaseEvent[]): CaseSnapshot | null {
  return events.reduce<CaseSnapshot | null>(evolve, null)
}

/** The days each timer falls due on the current deadline: remind at the policy's share, overdue the day after, escalate after whole working days overdue. */
function timerDays(definition: WorkflowDefinition, snapshot: CaseSnapshot, calendar: WorkingCalendar): Record<TimerKind, string> | null {
  const policy = definition.timers
  const running = definition.states.find((s) => s.key === snapshot.state)?.clock === 'running'
  if (!policy || !running || snapshot.deadline === null || snapshot.pausedOn !== null) return null
  const before = Math.floor(snapshot.limitDays * (1 - policy.remindAt))
  const overdue = nextCalendarDay(snapshot.deadline)
  return {
    remind: before > 0 ? calendar.addWorkingDays(snapshot.deadline, -before) : snapshot.deadline,
    overdue,
    // Escalated once it has been overdue for that many whole working days.
    escalate: policy.escalateAfterDays === 0 ? overdue : nextCalendarDay(calendar.addWorkingDays(snapshot.deadline, policy.escalateAfterDays)),
  }
}

const stages: readonly TimerKind[] = ['remind', 'overdue', 'escalate']

/** The day the case's next timer falls due, or null when none will (clock stopped, no timers, all fired). */
export function nextTimerOn(definition: WorkflowDefinition, snapshot: CaseSnapshot, calendar: WorkingCalendar): string | null {
  const days = timerDays(definition, snapshot, calendar)
  const next = stages[snapshot.alarm]
  return days && next ? days[next] : null
}

/**
 * The timer event due on `today`, if any. A case found late skips a reminder that no longer
 * helps, but is always marked overdue before it is escalated, so the history reads in order.
 */
export function dueTimer(definition: WorkflowDefinition, snapshot: CaseSnapshot, today: string, calendar: WorkingCalendar): CaseEvent | null {
  const days = timerDays(definition, snapshot, calendar)
  if (!days) return null
  const due = stages.filter((kind, index) => index + 1 > snapshot.alarm && days[kind] <= today && (kind !== 'escalate' || snapshot.alarm >= ALARM.overdue))
  const kind = due.at(-1)
  if (!kind) return null
  return {
    transition: `timer.${kind}`,
    from: snapshot.state,
    to: snapshot.state,
    on: today,
    fields: {},
    regionCode: snapshot.regionCode,
    orgId: snapshot.orgId,
    deadline: snapshot.deadline,
    pausedOn: snapshot.pausedOn,
    escalation: snapshot.escalation + (kind === 'escalate' ? 1 : 0),
    limitDays: snapshot.limitDays,
    alarm: ALARM[kind === 'remind' ? 'reminded' : kind === 'overdue' ? 'overdue' : 'escalated'],
    mergedInto: snapshot.mergedInto,
  }
}

function nextCalendarDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}
