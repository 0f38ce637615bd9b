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
export type TransitionEffect = 'none' | 'assign' | 'return' | 'extend' | 'pause' | 'resume' | 'reopen' | 'escalate'

export interface TransitionDefinition {
  key: string
  name: Message
  from: readonly string[]
  to: string
  /** The permission an actor needs to fire it (checked with the case's region). */
  permission: string
  /** Fields the command must carry, e.g. a reason for a return. */
  requires?: readonly string[]
  /** Fields whose value must be one of a list, e.g. a callback's satisfaction (满意 / 基本满意 / 不满意). */
  choices?: Readonly<Record<string, readonly string[]>>
  effect?: TransitionEffect
}

export interface WorkflowDefinition {
  key: string
  version: number
  name: Message
  initial: string
  states: readonly StateDefinition[]
  transitions: readonly TransitionDefinition[]
  /** The time limit of a case in working days, from its opening (or reopening). */
  deadlineDays: number
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
}

const invalid = (why: string) => new AppError('invalid', 'workflow_definition_invalid', { zh: `流程定义有误：${why}`, en: `Invalid workflow definition: ${why}` })

/** Refuses a definition that names an unknown state, repeats a key or lets a case leave a terminal state other than by reopening. */
export function checkDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  const states = new Map(definition.states.map((s) => [s.key, s]))
  if (states.size !== definition.states.length) throw invalid('duplicate state')
  if (!states.has(definition.initial)) throw invalid(`unknown initial state ${definition.initial}`)
  if (new Set(definition.transitions.map((t) => t.key)).size !== definition.transitions.length) throw invalid('duplicate transition')
  if (!Number.isInteger(definition.deadlineDays) || definition.deadlineDays < 0) throw invalid('deadlineDays')
  for (const transition of definition.transitions) {
    for (const state of [...transition.from, transition.to]) if (!states.has(state)) throw invalid(`${transition.key} names unknown state ${state}`)
    const leavesTerminal = transition.from.some((state) => states.get(state)?.terminal)
    if (leavesTerminal && transition.effect !== 'reopen') throw invalid(`${transition.key} leaves a terminal state without reopening`)
  }
  return definition
}
