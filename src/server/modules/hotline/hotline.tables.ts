import type { AppealTables } from './appeals.tables'
import type { KnowledgeTables } from './knowledge.tables'
import type { Open311Tables } from './open311.tables'

/** Every table of the hotline schema. */
export type HotlineTables = AppealTables & KnowledgeTables & Open311Tables
