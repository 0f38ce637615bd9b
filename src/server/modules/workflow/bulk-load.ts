import { randomUUID } from 'node:crypto'
import type { WorkingCalendar } from '../../platform/calendar/calendar'
import type { Tx } from '../../platform/db/database'
import type { WorkflowDefinition } from './definition'
import { nextTimerOn, replay, type CaseEvent } from './engine'
import { appendEvents, eventRow } from './workflow.repository'

export interface CaseHistory {
  events: readonly { event: CaseEvent; actor: string; at: Date }[]
}

/**
 * Stores whole case histories at once, for demo data and migrations from older systems: each
 * history must have been decided by the engine (openCase, then decide), so the stored case is its
 * replay. Cases and events go in batches; returns the new case ids in the order given.
 */
export async function loadCaseHistories(trx: Tx, definition: WorkflowDefinition, histories: readonly CaseHistory[], calendar: WorkingCalendar): Promise<string[]> {
  const ids = histories.map(() => randomUUID())
  const cases = histories.map((history, i) => {
    const snapshot = replay(history.events.map((e) => e.event))!
    return {
      id: ids[i]!,
      kind: definition.key,
      definitionVersion: definition.version,
      ...snapshot,
      timerOn: nextTimerOn(definition, snapshot, calendar),
      openedAt: history.events[0]!.at,
      updatedAt: history.events.at(-1)!.at,
    }
  })
  // A duplicate merges into a case loaded in the same call, which must be stored first.
  const merged = cases.filter((c) => c.mergedInto !== null)
  for (let i = 0; i < cases.length; i += 500) await trx.insertInto('workflow.case').values(cases.slice(i, i + 500).map((c) => ({ ...c, mergedInto: null }))).execute()
  for (const c of merged) await trx.updateTable('workflow.case').set({ mergedInto: c.mergedInto }).where('id', '=', c.id).execute()
  const events = histories.flatMap((history, i) => history.events.map(({ event, actor, at }, seq) => eventRow(ids[i]!, seq + 1, event, actor, at)))
  for (let i = 0; i < events.length; i += 1000) await appendEvents(events.slice(i, i + 1000)).execute(trx)
  return ids
}
