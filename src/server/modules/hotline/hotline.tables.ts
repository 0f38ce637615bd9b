import type { AppealTables } from './appeals.tables'
import type { KnowledgeTables } from './knowledge.tables'

/** Every table of the hotline schema. */
export type HotlineTables = AppealTables & KnowledgeTables
