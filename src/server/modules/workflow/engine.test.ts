import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../../platform/calendar/calendar'
import { AppError } from '../../platform/errors'
import { checkDefinition, type WorkflowDefinition } from './definition'
import { ALARM, decide, dueTimer, evolve, nextTimerOn, openCase, replay, type CaseEvent, type CaseSnapshot, type Command } from './engine'

const calendar = createCalendar()
const m = (zh: string) => ({ zh, en: zh })

/** A hotline-like definition: dispatched, handled, returned, extended, paused, answered, closed, reopened. */
const appeal = checkDefinition({
  key: 'test-appeal',
  version: 1,
  name: m('诉求'),
  initial: 'received',
  deadlineDays: 5,
  timers: { remindAt: 0.6, escalateAfterDays: 2 },
  states: [
    { key: 'received', name: m('已受理'), clock: 'running' },
    { key: 'handling', name: m('办理中'), clock: 'running' },
    { key: 'answered', name: m('已答复'), clock: 'stopped' },
    { key: 'closed', name: m('已办结'), clock: 'stopped', terminal: true },
    { key: 'merged', name: m('已并单'), clock: 'stopped', terminal: true },
  ],
  transitions: [
    { key: 'dispatch', name: m('派单'), from: ['received'], to: 'handling', permission: 'appeal.dispatch', effect: 'assign' },
    { key: 'return', name: m('退回'), from: ['handling'], to: 'received', permission: 'appeal.handle', effect: 'return' },
    { key: 'extend', name: m('延期'), from: ['handling'], to: 'handling', permission: 'appeal.approve', effect: 'extend' },
    { key: 'pause', name: m('挂起'), from: ['handling'], to: 'handling', permission: 'appeal.handle', effect: 'pause' },
    { key: 'resume', name: m('恢复'), from: ['handling'], to: 'handling', permission: 'appeal.handle', effect: 'resume' },
    { key: 'answer', name: m('答复'), from: ['handling'], to: 'answered', permission: 'appeal.handle', requires: ['answer'] },
    { key: 'escalate', name: m('督办'), from: ['received', 'handling'], permission: 'appeal.supervise', effect: 'escalate' },
    { key: 'close', name: m('回访办结'), from: ['answered'], to: 'closed', permission: 'appeal.callback', requires: ['satisfaction'], choices: { satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied'] } },
    { key: 'reopen', name: m('重办'), from: ['closed', 'merged'], to: 'handling', permission: 'appeal.supervise', effect: 'reopen' },
    { key: 'merge', name: m('并单'), from: ['received'], to: 'merged', permission: 'appeal.dispatch', effect: 'merge' },
  ],
} satisfies WorkflowDefinition)

const everyone = { permissions: new Set(['appeal.dispatch', 'appeal.handle', 'appeal.approve', 'appeal.callback', 'appeal.supervise']), regionCode: '32' }
const allowedMoves = new Set(appeal.transitions.flatMap((t) => t.from.map((from) => `${from}>${t.to ?? from}`)))
const fieldsFor = { orgId: 'org-1', regionCode: '3201', reason: '需要补充材料', days: 3, answer: '已处理', satisfaction: 'satisfied', primaryCaseId: 'case-0' }

const arbitraryCommand = fc.record({
  transition: fc.constantFrom(...appeal.transitions.map((t) => t.key), 'nonsense', 'tick'),
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
      // 'tick' stands for the timers looking at the case on that day.
      const event = c.transition === 'tick' ? dueTimer(appeal, snapshot, day, calendar) : decide(appeal, snapshot, command, calendar)
      if (event === null) continue
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
        for (const event of events.slice(1)) expect(event.transition.startsWith('timer.') ? event.from === event.to : allowedMoves.has(`${event.from}>${event.to}`)).toBe(true)
        expect(appeal.states.map((s) => s.key)).toContain(snapshot.state)
        expect(replay(events)).toEqual(snapshot)
        expect(snapshot.version).toBe(events.length)
        expect(snapshot.escalation).toBe(events.filter((e) => e.transition === 'escalate' || e.transition === 'timer.escalate').length)
        expect(snapshot.mergedInto !== null).toBe(snapshot.state === 'merged')
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

  it('fires each timer once per deadline, in order, and starts again when the deadline moves later', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 40 }), (commands) => {
        const { events } = run(commands)
        let alarm = 0
        for (const event of events.slice(1)) {
          if (event.transition.startsWith('timer.')) {
            expect(event.alarm).toBeGreaterThan(alarm)
            if (event.transition === 'timer.escalate') expect(alarm).toBe(ALARM.overdue)
            if (event.transition !== 'timer.remind') expect(event.on > event.deadline!).toBe(true)
          }
          alarm = event.alarm
        }
      }),
    )
  })

  it('reminds at the share of the time limit, marks overdue the day after and escalates later, on working days', () => {
    // Opened Monday 2026-03-02 with 5 working days: due Monday 03-09; 60% gone → remind 2 working days before.
    let snapshot = evolve(null, openCase(appeal, { regionCode: '3201', orgId: null, on: '2026-03-02' }, calendar))
    expect(snapshot.deadline).toBe('2026-03-09')
    expect(nextTimerOn(appeal, snapshot, calendar)).toBe('2026-03-05')
    expect(dueTimer(appeal, snapshot, '2026-03-04', calendar)).toBeNull()
    const remind = dueTimer(appeal, snapshot, '2026-03-05', calendar)!
    expect(remind).toMatchObject({ transition: 'timer.remind', alarm: ALARM.reminded })
    snapshot = evolve(snapshot, remind)
    expect(dueTimer(appeal, snapshot, '2026-03-09', calendar)).toBeNull()
    expect(nextTimerOn(appeal, snapshot, calendar)).toBe('2026-03-10')
    snapshot = evolve(snapshot, dueTimer(appeal, snapshot, '2026-03-10', calendar)!)
    expect(snapshot.alarm).toBe(ALARM.overdue)
    // Two whole working days overdue (Tuesday and Wednesday): escalated on Thursday.
    expect(nextTimerOn(appeal, snapshot, calendar)).toBe('2026-03-12')
    expect(dueTimer(appeal, snapshot, '2026-03-11', calendar)).toBeNull()
    snapshot = evolve(snapshot, dueTimer(appeal, snapshot, '2026-03-12', calendar)!)
    expect(snapshot).toMatchObject({ alarm: ALARM.escalated, escalation: 1 })
    expect(nextTimerOn(appeal, snapshot, calendar)).toBeNull()
  })

  it('marks a case found late overdue without reminding, and never escalates before marking it overdue', () => {
    const snapshot = evolve(null, openCase(appeal, { regionCode: '3201', orgId: null, on: '2026-03-02' }, calendar))
    const late = dueTimer(appeal, snapshot, '2026-04-01', calendar)!
    expect(late).toMatchObject({ transition: 'timer.overdue', escalation: 0 })
    expect(dueTimer(appeal, evolve(snapshot, late), '2026-04-01', calendar)).toMatchObject({ transition: 'timer.escalate', escalation: 1 })
  })

  it('stops the timers while the clock is stopped or paused', () => {
    const opened = evolve(null, openCase(appeal, { regionCode: '3201', orgId: null, on: '2026-03-02' }, calendar))
    expect(dueTimer(appeal, { ...opened, state: 'answered' }, '2026-04-01', calendar)).toBeNull()
    expect(dueTimer(appeal, { ...opened, pausedOn: '2026-03-03' }, '2026-04-01', calendar)).toBeNull()
    expect(dueTimer({ ...appeal, timers: undefined }, opened, '2026-04-01', calendar)).toBeNull()
  })

  it('lets a department-scoped actor act only on its own department\'s cases', () => {
    const snapshot = { ...evolve(null, openCase(appeal, { regionCode: '320322', orgId: 'org-a', on: '2026-03-02' }, calendar)), state: 'handling' }
    const handler = (orgId: string): Command => ({ transition: 'answer', expectedVersion: 1, actor: { permissions: new Set(['appeal.handle']), departmentScoped: new Set(['appeal.handle']), regionCode: '3203', orgId }, fields: { answer: '已处理' }, on: '2026-03-03' })
    expect(decide(appeal, snapshot, handler('org-a'), calendar).to).toBe('answered')
    expect(() => decide(appeal, snapshot, handler('org-b'), calendar)).toThrow(expect.objectContaining({ id: 'access_denied' }))
    expect(decide(appeal, snapshot, { ...handler('org-b'), actor: 'system' }, calendar).to).toBe('answered')
  })

  it('assigns only within the actor\'s region and takes each case\'s own time limit', () => {
    const snapshot = evolve(null, openCase(appeal, { regionCode: '3203', orgId: null, on: '2026-03-02', limitDays: 13 }, calendar))
    expect(snapshot.deadline).toBe(calendar.addWorkingDays('2026-03-02', 13))
    const dispatch = (regionCode: string): Command => ({ transition: 'dispatch', expectedVersion: 1, actor: { permissions: new Set(['appeal.dispatch']), regionCode: '3203' }, fields: { orgId: 'org-1', regionCode }, on: '2026-03-03' })
    expect(decide(appeal, snapshot, dispatch('320322'), calendar).regionCode).toBe('320322')
    expect(() => decide(appeal, snapshot, dispatch('3201'), calendar)).toThrow(expect.objectContaining({ id: 'access_denied' }))
    expect(() => openCase(appeal, { regionCode: '3203', orgId: null, on: '2026-03-02', limitDays: 400 }, calendar)).toThrow(expect.objectContaining({ id: 'case_limit_invalid' }))
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
    const liveMerge = { ...appeal, transitions: [...appeal.transitions, { key: 'merge2', name: m('x'), from: ['received'], to: 'handling', permission: 'p', effect: 'merge' as const }] }
    expect(() => checkDefinition(liveMerge)).toThrow(expect.objectContaining({ id: 'workflow_definition_invalid' }))
    expect(() => checkDefinition({ ...appeal, timers: { remindAt: 1.5, escalateAfterDays: 1 } })).toThrow(expect.objectContaining({ id: 'workflow_definition_invalid' }))
  })
})
