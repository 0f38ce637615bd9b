/** The appeals' tables. */
export type AppealTables = Record<never, never>
