import { regionWithin } from '../../platform/access'
import type { WorkingCalendar } from '../../platform/calendar/calendar'
import { AppError } from '../../platform/errors'
import { effectRequires, type TransitionDefinition, type WorkflowDefinition } from './definition'

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
}

/** Who asks for a transition, as far as the engine needs to know. */
export interface CommandActor {
  permissions: ReadonlySet<string>
  regionCode: string
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
export function openCase(definition: WorkflowDefinition, init: { regionCode: string; orgId: string | null; on: string }, calendar: WorkingCalendar): CaseEvent {
  return {
    transition: 'open',
    from: definition.initial,
    to: definition.initial,
    on: init.on,
    fields: {},
    regionCode: init.regionCode,
    orgId: init.orgId,
    deadline: calendar.addWorkingDays(init.on, definition.deadlineDays),
    pausedOn: null,
    escalation: 0,
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
  if (!command.actor.permissions.has(transition.permission) || !regionWithin(snapshot.regionCode, command.actor.regionCode)) {
    throw new AppError('forbidden', 'access_denied', { zh: '无权执行此操作', en: 'You are not allowed to do this' }, { permission: transition.permission })
  }
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
  return { transition: transition.key, from: snapshot.state, to: transition.to, on: command.on, fields: command.fields, ...effectOf(definition, transition, snapshot, command, calendar) }
}

/** What a transition's effect does to the assignment and the clock. */
function effectOf(definition: WorkflowDefinition, transition: TransitionDefinition, snapshot: CaseSnapshot, command: Command, calendar: WorkingCalendar): Pick<CaseEvent, 'regionCode' | 'orgId' | 'deadline' | 'pausedOn' | 'escalation'> {
  const kept = { regionCode: snapshot.regionCode, orgId: snapshot.orgId, deadline: snapshot.deadline, pausedOn: snapshot.pausedOn, escalation: snapshot.escalation }
  switch (transition.effect ?? 'none') {
    case 'assign':
      return { ...kept, orgId: String(command.fields.orgId), regionCode: String(command.fields.regionCode) }
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
      return { ...kept, pausedOn: null, deadline: calendar.addWorkingDays(command.on, definition.deadlineDays) }
    case 'escalate':
      return { ...kept, escalation: kept.escalation + 1 }
    case 'none':
      return kept
  }
}

/** The case after an event. */
export function evolve(snapshot: CaseSnapshot | null, event: CaseEvent): CaseSnapshot {
  return { state: event.to, version: (snapshot?.version ?? 0) + 1, regionCode: event.regionCode, orgId: event.orgId, deadline: event.deadline, pausedOn: event.pausedOn, escalation: event.escalation }
}

/** The case its history describes: every event applied in order, from nothing. */
export function replay(events: readonly CaseEvent[]): CaseSnapshot | null {
  return events.reduce<CaseSnapshot | null>(evolve, null)
}
