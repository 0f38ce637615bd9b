import type { Kysely } from 'kysely'
import { migrateToLatest } from '../src/server/platform/db/migrator'

/**
 * What every test database starts with: the schema at the latest migration and the
 * reference data (regions) every module needs. Built once per run, then cloned per test file.
 */
export async function prepareTemplate(db: Kysely<unknown>): Promise<void> {
  await migrateToLatest(db)
}
