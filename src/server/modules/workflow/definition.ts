import { AppError, type Message } from '../../platform/errors'

/**
 * A workflow definition is data: the states a case can be in, the transitions between them (who
 * may fire each, what it needs) and the clock. One engine runs every kind of case (appeals,
 * applications, rectifications …); a kind is a definition, versioned, never code.
 */
export interface StateDefinition {
  key: string
  name: Message
  /** Whether the working-day clock runs in this state (stopped once answered or closed). */
  clock: 'running' | 'stopped'
  terminal?: boolean
}

/** What a transition does to the case besides moving it, carried out by the engine. */
export type TransitionEffect = 'none' | 'assign' | 'return' | 'extend' | 'pause' | 'resume' | 'reopen' | 'escalate' | 'merge'

export interface TransitionDefinition {
  key: string
  name: Message
  from: readonly string[]
  /** The state it leads to; none = the case stays where it is (an escalation, a note). */
  to?: string
  /** The permission an actor needs to fire it (checked with the case's region). */
  permission: string
  /** Fields the command must carry, e.g. a reason for a return. */
  requires?: readonly string[]
  /** Fields whose value must be one of a list, e.g. a callback's satisfaction (满意 / 基本满意 / 不满意). */
  choices?: Readonly<Record<string, readonly string[]>>
  effect?: TransitionEffect
  /** Who is told besides what the effect implies (an objection or an extension request tells the dispatchers). */
  notify?: 'dispatch' | 'supervise'
}

export interface WorkflowDefinition {
  key: string
  version: number
  name: Message
  initial: string
  states: readonly StateDefinition[]
  transitions: readonly TransitionDefinition[]
  /** The time limit of a case in working days, from its opening (or reopening), unless the case is opened with its own. */
  deadlineDays: number
  /** When the timers remind, mark overdue and escalate; none = the kind has no timers. */
  timers?: TimerPolicy
  /** The permissions of who is told when a case has no department yet (dispatch) and when it is escalated (supervision). */
  audiences?: { dispatch: string; supervise: string }
}

export interface TimerPolicy {
  /** Remind the handler once this share of the time limit has passed (0.8: two working days before a 10-day limit ends). */
  remindAt: number
  /** Escalate (督办) this many working days after the deadline has passed. */
  escalateAfterDays: number
}

/** The fields an effect needs besides the definition's own `requires`. */
export const effectRequires: Record<TransitionEffect, readonly string[]> = {
  none: [],
  assign: ['orgId', 'regionCode'],
  return: ['reason'],
  extend: ['days', 'reason'],
  pause: ['reason'],
  resume: [],
  reopen: ['reason'],
  escalate: ['reason'],
  merge: ['primaryCaseId'],
}

const invalid = (why: string) => new AppError('invalid', 'workflow_definition_invalid', { zh: `流程定义有误：${why}`, en: `Invalid workflow definition: ${why}` })

/** Refuses a definition that names an unknown state, repeats a key or lets a case leave a terminal state other than by reopening. */
export function checkDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  const states = new Map(definition.states.map((s) => [s.key, s]))
  if (states.size !== definition.states.length) throw invalid('duplicate state')
  if (!states.has(definition.initial)) throw invalid(`unknown initial state ${definition.initial}`)
  if (new Set(definition.transitions.map((t) => t.key)).size !== definition.transitions.length) throw invalid('duplicate transition')
  if (!Number.isInteger(definition.deadlineDays) || definition.deadlineDays < 0) throw invalid('deadlineDays')
  const timers = definition.timers
  if (timers && (!(timers.remindAt > 0 && timers.remindAt < 1) || !Number.isInteger(timers.escalateAfterDays) || timers.escalateAfterDays < 0)) throw invalid('timers')
  for (const transition of definition.transitions) {
    for (const state of transition.to === undefined ? transition.from : [...transition.from, transition.to]) if (!states.has(state)) throw invalid(`${transition.key} names unknown state ${state}`)
    const leavesTerminal = transition.from.some((state) => states.get(state)?.terminal)
    if (leavesTerminal && transition.effect !== 'reopen') throw invalid(`${transition.key} leaves a terminal state without reopening`)
    if (transition.effect === 'merge' && !(transition.to !== undefined && states.get(transition.to)?.terminal)) throw invalid(`${transition.key} merges into a state that is not terminal`)
    if (transition.key.startsWith('timer.')) throw invalid(`${transition.key}: timer.* is kept for the engine's timers`)
  }
  return definition
}
