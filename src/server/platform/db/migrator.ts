import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration'
import { platformMigrations } from '../migrations'

/**
 * Every migration of the platform and the modules, by name. Names start with an ISO date
 * (`2026-11-28T01-00_platform_create-regions`), so Kysely's alphabetical order is the order
 * they were written in. A landed migration is never edited.
 */
export function allMigrations(): Record<string, Migration> {
  return { ...platformMigrations }
}

/** Brings the database up to the latest migration; throws with the failing migration's name. */
// Kysely<any> as Kysely documents for migrations: they run against whatever schema exists at their time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations() },
    migrationTableSchema: 'public',
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}
