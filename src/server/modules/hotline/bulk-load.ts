import { shanghaiDay, type WorkingCalendar } from '../../platform/calendar/calendar'
import type { Tx } from '../../platform/db/database'
import { loadCaseHistories, replay, type CaseHistory } from '../workflow'
import { appealWorkflow } from './appeal.workflow'
import { caseCopy, insertAppeals, reserveNumbers, type NewAppeal } from './appeals.repository'

/** An appeal of the past, with its case history as the engine decided it. */
export interface HandledAppeal {
  history: CaseHistory
  appeal: Omit<NewAppeal, 'caseId' | 'state' | 'caseVersion' | 'orgId' | 'handlingRegionCode' | 'deadline' | 'alarm' | 'escalation' | 'mergedInto' | 'number' | 'updatedAt'>
}

/**
 * Stores appeals with their whole histories in batches (demo data, a migration from an older
 * hotline system): the cases through the workflow's loader, the appeals as their replayed state.
 */
export async function loadHandledAppeals(trx: Tx, appeals: readonly HandledAppeal[], calendar: WorkingCalendar): Promise<number> {
  const numbers = await reserveNumbers(trx, appeals.map((a) => shanghaiDay(a.appeal.submittedAt as Date)))
  const caseIds = await loadCaseHistories(trx, appealWorkflow, appeals.map((a) => a.history), calendar)
  const rows = appeals.map(({ history, appeal }, i) => {
    const c = replay(history.events.map((e) => e.event))!
    return {
      ...appeal,
      number: numbers[i]!,
      caseId: caseIds[i]!,
      ...caseCopy(c),
      updatedAt: history.events.at(-1)!.at,
    }
  })
  for (let i = 0; i < rows.length; i += 500) await insertAppeals(trx, rows.slice(i, i + 500))
  return rows.length
}
