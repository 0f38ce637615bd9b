import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql, type Compilable, type Transaction } from 'kysely'
import pg from 'pg'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CatalogTables } from '../../modules/catalog/catalog.tables'
import type { HotlineTables } from '../../modules/hotline/hotline.tables'
import type { LawsTables } from '../../modules/laws/laws.tables'
import type { WorkflowTables } from '../../modules/workflow/workflow.tables'
import type { PlatformTables } from './tables'

/**
 * Every table of every schema, as Kysely sees it. Modules add their tables here: the one place the
 * platform names a module, and only its types (the rule that no module reads another's tables is
 * kept by the repositories, each of which queries only its own schema).
 */
export type Database = PlatformTables & LawsTables & CatalogTables & WorkflowTables & HotlineTables

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/** Either the database or a transaction: what repository functions take. */
export type Executor = Db | Tx

export interface DatabaseHandle {
  db: Db
  engine: 'pglite' | 'postgres'
  close(): Promise<void>
}

// timestamptz and date come back as Date and 'YYYY-MM-DD' text respectively; bigint (int8) as a number
// when safe. Dates are kept as text because deadlines are calendar days in Asia/Shanghai, not instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value)
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value))

function kysely(dialect: PGliteDialect | PostgresDialect): Db {
  return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] })
}

/**
 * Runs several writes as one statement, each a data-modifying CTE, and returns the rows of `last`
 * (the statement's main query, `select 1` when none is given): one round trip instead of one
 * each, which is what a busy group commit waits on. Foreign keys between them are checked at the
 * statement's end, so a parent and its children may go together.
 */
export async function writeTogether<R = unknown>(db: Executor, writes: readonly Compilable[], last?: Compilable<R>): Promise<R[]> {
  if (writes.length === 0) return last ? (await db.executeQuery(last.compile())).rows : []
  const ctes = writes.map((write, i) => sql`${sql.id(`w${i}`)} as (${write})`)
  return (await sql<R>`with ${sql.join(ctes)} ${last ?? sql`select 1`}`.execute(db)).rows
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite under `dataDir/pglite`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; pglite?: PGlite }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    const db = kysely(new PostgresDialect({ pool }))
    return { db, engine: 'postgres', close: () => db.destroy() }
  }
  const pglite = options.pglite ?? (await createPGlite(options.dataDir))
  const db = kysely(new PGliteDialect({ pglite }))
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}

async function createPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return PGlite.create({ parsers: pgliteParsers })
  const dir = join(dataDir, 'pglite')
  mkdirSync(dir, { recursive: true })
  return PGlite.create(dir, { parsers: pgliteParsers })
}

/** PGlite's type parsers, matching the ones set for `pg` above so both engines return the same values. */
export const pgliteParsers = {
  1082: (value: string) => value,
  20: (value: string) => Number(value),
}
