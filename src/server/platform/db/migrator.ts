import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration'
import { platformMigrations } from '../migrations'
import type { YiwangModule } from '../module'

const migrationName = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}_([a-z]+)_[a-z0-9-]+$/

/**
 * Every migration of the platform and the given modules, by name. Names start with an ISO date
 * (`2026-11-28T01-00_platform_create-registries`), so Kysely's alphabetical order is the order
 * they were written in, and name their owner, so a module cannot slip a migration into another's
 * schema unnoticed. A landed migration is never edited.
 */
export function allMigrations(modules: readonly YiwangModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = {}
  const owners: Array<[string, Record<string, Migration>]> = [['platform', platformMigrations], ...modules.map((m): [string, Record<string, Migration>] => [m.name, m.migrations])]
  for (const [owner, migrations] of owners) {
    for (const [name, migration] of Object.entries(migrations)) {
      const match = migrationName.exec(name)
      if (!match || match[1] !== owner) throw new Error(`migration ${name} of ${owner} must be named YYYY-MM-DDTHH-MM_${owner}_<what>`)
      if (all[name]) throw new Error(`two migrations are named ${name}`)
      all[name] = migration
    }
  }
  return all
}

/**
 * Brings the database up to the latest migration; throws with the failing migration's name. Takes
 * any database's Kysely: migrations run against whatever schema exists at their time.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: 'public',
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}
