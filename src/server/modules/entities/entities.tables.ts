import type { ColumnType, Generated } from 'kysely'

type InstantDefault = ColumnType<Date, Date | string | undefined, Date | string>

export interface EntityTable {
  id: Generated<string>
  uscc: string
  name: string
  regionCode: string
  industry: string | null
  registeredOn: string | null
  /** Fen; bigint, read as a number (below 2^53). */
  registeredCapital: ColumnType<number | null, number | null, number | null>
  taxCredit: string | null
  qualifications: ColumnType<string[], string[] | undefined, string[]>
  flags: ColumnType<string[], string[] | undefined, string[]>
  search: ColumnType<string, string | undefined, string>
  version: Generated<number>
  createdAt: InstantDefault
  updatedAt: InstantDefault
}

export interface EntityYearTable {
  entityId: string
  year: number
  employees: number | null
  revenue: number | null
  tax: number | null
  rdExpense: number | null
}

export interface EntitiesTables {
  'entities.entity': EntityTable
  'entities.entityYear': EntityYearTable
}
