import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../../platform/calendar/calendar'
import { AppError } from '../../platform/errors'
import { checkDefinition, type WorkflowDefinition } from './definition'
import { decide, evolve, openCase, replay, type CaseEvent, type CaseSnapshot, type Command } from './engine'

const calendar = createCalendar()
const m = (zh: string) => ({ zh, en: zh })

/** A hotline-like definition: dispatched, handled, returned, extended, paused, answered, closed, reopened. */
const appeal = checkDefinition({
  key: 'test-appeal',
  version: 1,
  name: m('诉求'),
  initial: 'received',
  deadlineDays: 5,
  states: [
    { key: 'received', name: m('已受理'), clock: 'running' },
    { key: 'handling', name: m('办理中'), clock: 'running' },
    { key: 'answered', name: m('已答复'), clock: 'stopped' },
    { key: 'closed', name: m('已办结'), clock: 'stopped', terminal: true },
  ],
  transitions: [
    { key: 'dispatch', name: m('派单'), from: ['received'], to: 'handling', permission: 'appeal.dispatch', effect: 'assign' },
    { key: 'return', name: m('退回'), from: ['handling'], to: 'received', permission: 'appeal.handle', effect: 'return' },
    { key: 'extend', name: m('延期'), from: ['handling'], to: 'handling', permission: 'appeal.approve', effect: 'extend' },
    { key: 'pause', name: m('挂起'), from: ['handling'], to: 'handling', permission: 'appeal.handle', effect: 'pause' },
    { key: 'resume', name: m('恢复'), from: ['handling'], to: 'handling', permission: 'appeal.handle', effect: 'resume' },
    { key: 'answer', name: m('答复'), from: ['handling'], to: 'answered', permission: 'appeal.handle', requires: ['answer'] },
    { key: 'escalate', name: m('督办'), from: ['received', 'handling'], to: 'handling', permission: 'appeal.supervise', effect: 'escalate' },
    { key: 'close', name: m('回访办结'), from: ['answered'], to: 'closed', permission: 'appeal.callback', requires: ['satisfaction'], choices: { satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied'] } },
    { key: 'reopen', name: m('重办'), from: ['closed'], to: 'handling', permission: 'appeal.supervise', effect: 'reopen' },
  ],
} satisfies WorkflowDefinition)

const everyone = { permissions: new Set(['appeal.dispatch', 'appeal.handle', 'appeal.approve', 'appeal.callback', 'appeal.supervise']), regionCode: '32' }
const allowedMoves = new Set(appeal.transitions.flatMap((t) => t.from.map((from) => `${from}>${t.to}`)))
const fieldsFor = { orgId: 'org-1', regionCode: '3201', reason: '需要补充材料', days: 3, answer: '已处理', satisfaction: 'satisfied' }

const arbitraryCommand = fc.record({
  transition: fc.constantFrom(...appeal.transitions.map((t) => t.key), 'nonsense'),
  stale: fc.boolean(),
  dayOffset: fc.integer({ min: 0, max: 4 }),
  fields: fc.oneof(
    fc.constant(fieldsFor),
    fc.constant({}),
    fc.record({ days: fc.integer({ min: -5, max: 400 }), reason: fc.constant('x') }),
    fc.record({ answer: fc.constant('已处理'), satisfaction: fc.constantFrom('satisfied', 'dissatisfied', 'great') }),
  ),
})

type RandomCommand = typeof arbitraryCommand extends fc.Arbitrary<infer C> ? C : never

/** Runs commands one after another from day to day, keeping what was accepted. */
function run(commands: readonly RandomCommand[]) {
  let day = '2026-03-02'
  const first = openCase(appeal, { regionCode: '3201', orgId: null, on: day }, calendar)
  const events: CaseEvent[] = [first]
  let snapshot: CaseSnapshot = evolve(null, first)
  const refusals: AppError[] = []
  for (const c of commands) {
    day = calendar.addWorkingDays(day, c.dayOffset)
    const command: Command = { transition: c.transition, expectedVersion: c.stale ? snapshot.version - 1 : snapshot.version, actor: everyone, fields: c.fields, on: day }
    try {
      const event = decide(appeal, snapshot, command, calendar)
      events.push(event)
      snapshot = evolve(snapshot, event)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      refusals.push(error)
    }
  }
  return { events, snapshot, refusals }
}

describe('the workflow engine', () => {
  it('never reaches a state or move the definition does not allow, and replaying the history gives the case', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 40 }), (commands) => {
        const { events, snapshot } = run(commands)
        for (const event of events.slice(1)) expect(allowedMoves.has(`${event.from}>${event.to}`)).toBe(true)
        expect(appeal.states.map((s) => s.key)).toContain(snapshot.state)
        expect(replay(events)).toEqual(snapshot)
        expect(snapshot.version).toBe(events.length)
        expect(snapshot.escalation).toBe(events.filter((e) => e.transition === 'escalate').length)
        for (const close of events.filter((e) => e.transition === 'close')) expect(['satisfied', 'basically_satisfied', 'dissatisfied']).toContain(close.fields.satisfaction)
      }),
    )
  })

  it('refuses a stale version whatever the command', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 20 }), arbitraryCommand, (history, command) => {
        const { snapshot } = run(history)
        const stale: Command = { transition: command.transition, expectedVersion: snapshot.version - 1, actor: everyone, fields: fieldsFor, on: '2026-06-01' }
        expect(() => decide(appeal, snapshot, stale, calendar)).toThrow(expect.objectContaining({ id: 'case_stale_version' }))
      }),
    )
  })

  it('never moves a deadline earlier by extending, pausing or resuming', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 40 }), (commands) => {
        const { events } = run(commands)
        for (let i = 1; i < events.length; i++) {
          const [before, event] = [events[i - 1]!, events[i]!]
          if (['extend', 'pause', 'resume'].includes(event.transition) && before.deadline && event.deadline) expect(event.deadline >= before.deadline).toBe(true)
        }
      }),
    )
  })

  it('counts in working days: a 5-day limit opened before the National Day holiday ends after it', () => {
    const opened = openCase(appeal, { regionCode: '3201', orgId: null, on: '2026-09-30' }, calendar)
    expect(opened.deadline).toBe(calendar.addWorkingDays('2026-09-30', 5))
    expect(opened.deadline! > '2026-10-08').toBe(true)
  })

  it('refuses what the state, the actor or the fields do not allow, with stable ids', () => {
    const snapshot = evolve(null, openCase(appeal, { regionCode: '3201', orgId: null, on: '2026-03-02' }, calendar))
    const command = (transition: string, fields: Record<string, unknown> = fieldsFor, actor = everyone): Command => ({ transition, expectedVersion: 1, actor, fields, on: '2026-03-03' })
    const refusal = (c: Command) => {
      try {
        decide(appeal, snapshot, c, calendar)
      } catch (error) {
        return (error as AppError).id
      }
      return 'accepted'
    }
    expect(refusal(command('answer'))).toBe('transition_not_allowed')
    expect(refusal(command('dispatch', {}))).toBe('field_required')
    expect(refusal(command('dispatch', fieldsFor, { permissions: new Set(), regionCode: '32' }))).toBe('access_denied')
    expect(refusal(command('dispatch', fieldsFor, { ...everyone, regionCode: '3202' }))).toBe('access_denied')
    expect(refusal(command('dispatch'))).toBe('accepted')
    const answered = { ...snapshot, state: 'answered' }
    expect(() => decide(appeal, answered, command('close', { satisfaction: 'great' }), calendar)).toThrow(expect.objectContaining({ id: 'field_choice_invalid' }))
    expect(decide(appeal, answered, command('close', { satisfaction: 'basically_satisfied' }), calendar).to).toBe('closed')
  })

  it('refuses a definition that leaves a terminal state without reopening', () => {
    const broken = { ...appeal, transitions: [...appeal.transitions, { key: 'sneak', name: m('x'), from: ['closed'], to: 'handling', permission: 'p' }] }
    expect(() => checkDefinition(broken)).toThrow(expect.objectContaining({ id: 'workflow_definition_invalid' }))
  })
})
