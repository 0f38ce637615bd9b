import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { WorkflowDefinition } from './definition'

type Instant = ColumnType<Date, Date | string, Date | string>

export interface DefinitionTable {
  key: string
  version: number
  body: JSONColumnType<WorkflowDefinition, string, string>
  createdAt: Instant
}

export interface CaseTable {
  id: Generated<string>
  kind: string
  definitionVersion: number
  state: string
  version: number
  regionCode: string
  orgId: string | null
  deadline: string | null
  pausedOn: string | null
  escalation: Generated<number>
  limitDays: number
  alarm: Generated<number>
  mergedInto: string | null
  /** The day the next timer falls due (derived from the case and its definition). */
  timerOn: string | null
  openedAt: Instant
  updatedAt: Instant
}

export interface EventTable {
  caseId: string
  seq: number
  transition: string
  fromState: string
  toState: string
  onDay: string
  fields: JSONColumnType<Record<string, unknown>, string, string>
  regionCode: string
  orgId: string | null
  deadline: string | null
  pausedOn: string | null
  escalation: number
  limitDays: number
  alarm: number
  mergedInto: string | null
  actor: string
  at: Instant
}

export interface NoticeTable {
  id: Generated<string>
  caseId: string
  seq: number
  kind: string
  regionCode: string
  orgId: string | null
  permission: string | null
  escalation: Generated<number>
  createdAt: Instant
  readAt: Instant | null
  readBy: string | null
}

export interface WorkflowTables {
  'workflow.definition': DefinitionTable
  'workflow.case': CaseTable
  'workflow.event': EventTable
  'workflow.notice': NoticeTable
}
