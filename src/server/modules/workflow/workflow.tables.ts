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
  actor: string
  at: Instant
}

export interface WorkflowTables {
  'workflow.definition': DefinitionTable
  'workflow.case': CaseTable
  'workflow.event': EventTable
}
