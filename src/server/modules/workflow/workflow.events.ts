import type { CaseSnapshot } from './engine'

/**
 * Published after every transition of a case, in its transaction: the module owning the case
 * follows it (a reply reaches the appellants of merged duplicates). The moves made while a case
 * is opened (decideOpenings) are handed to the opener instead, the only module that knows the case.
 */
export const CASE_CHANGED = 'workflow.case_changed'

export interface CaseChangedEvent {
  caseId: string
  kind: string
  transition: string
  from: string
  to: string
  fields: Readonly<Record<string, unknown>>
  /** The case after the transition. */
  case: CaseSnapshot
  /** The day (Asia/Shanghai) and instant it happened. */
  on: string
  at: Date
}
