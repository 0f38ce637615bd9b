import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql, type Insertable, type RawBuilder, type Transaction } from 'kysely'
import pg from 'pg'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CatalogTables } from '../../modules/catalog/catalog.tables'
import type { EntitiesTables } from '../../modules/entities/entities.tables'
import type { HotlineTables } from '../../modules/hotline/hotline.tables'
import type { LawsTables } from '../../modules/laws/laws.tables'
import type { WorkflowTables } from '../../modules/workflow/workflow.tables'
import type { PlatformTables } from './tables'

/**
 * Every table of every schema, as Kysely sees it. Modules add their tables here: the one place the
 * platform names a module, and only its types (the rule that no module reads another's tables is
 * kept by the repositories, each of which queries only its own schema).
 */
export type Database = PlatformTables & LawsTables & CatalogTables & WorkflowTables & HotlineTables & EntitiesTables

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
 * Runs several writes as one statement (the first as the main query, the others as data-modifying
 * CTEs): one round trip instead of one each, which is what a busy group commit waits on, and
 * atomic without a transaction. Foreign keys between them are checked at the statement's end, so
 * a parent and its children may go together.
 */
export async function writeTogether(db: Executor, writes: readonly Write[]): Promise<void> {
  if (writes.length === 0) return
  const [main, ...others] = writes
  if (others.length === 0) return void (await main!.execute(db))
  const ctes = others.map((write, i) => sql`${sql.id(`w${i}`)} as (${write})`)
  await sql`with ${sql.join(ctes)} ${main}`.execute(db)
}

/** A statement to run with others in one (writeTogether). */
export type Write = RawBuilder<unknown>

/** A row for insertRows: values by column (camelCase); a jsonb column takes the value itself, not its JSON text. */
export type RowValues<T extends keyof Database> = { [C in keyof Insertable<Database[T]>]?: unknown }

/**
 * An INSERT of any number of rows of one table with the rows as a single JSON parameter, each
 * read into the table's own row type (`jsonb_populate_record`): the statement's text is the same
 * for one row or sixty-four, so PostgreSQL parses a few hundred bytes instead of thousands of
 * placeholders and Node builds no query tree per value (bench/intake.bench.ts). Every row gives
 * the first row's columns; an absent value is stored as null, not the column's default. A column
 * in `computed` is worked out in SQL from its value in the row (`value` is that value as jsonb),
 * e.g. a search vector from tokens.
 */
export function insertRows<T extends keyof Database & string>(table: T, rows: readonly RowValues<T>[], computed: Partial<Record<keyof RowValues<T> & string, (value: RawBuilder<unknown>) => RawBuilder<unknown>>> = {}): Write {
  const columns = Object.keys(rows[0] ?? {})
  // Names go into the statement's text: they come from code, and anything but a plain name is refused.
  const strange = columns.find((c) => !/^[A-Za-z][A-Za-z0-9]*$/.test(c))
  if (strange !== undefined) throw new Error(`insertRows: ${JSON.stringify(strange)} is not a column name`)
  // Each row goes as an array, its values in column order: a wide object built key by key is
  // slow in V8 (it falls back to a dictionary) and its keys would be sent again for every row.
  const json = JSON.stringify(rows.map((row: Record<string, unknown>) => columns.map((c) => row[c] ?? null)))
  const compute = computed as Record<string, ((value: RawBuilder<unknown>) => RawBuilder<unknown>) | undefined>
  const named = columns.flatMap((c, i) => (compute[c] ? [] : [`'${snakeCase(c)}', e -> ${i}`]))
  // jsonb_build_object takes at most 100 arguments, so wide rows are built in parts.
  const record = Array.from({ length: Math.ceil(named.length / 40) }, (_, k) => `jsonb_build_object(${named.slice(k * 40, k * 40 + 40).join(', ')})`).join(' || ')
  const values = columns.map((c, i) => compute[c]?.(sql`e -> ${sql.raw(String(i))}`) ?? sql.raw(`r."${snakeCase(c)}"`))
  const target = sql.raw(table.split('.').map((part) => `"${snakeCase(part)}"`).join('.'))
  return sql`insert into ${target} (${sql.raw(columns.map((c) => `"${snakeCase(c)}"`).join(', '))})
    select ${sql.join(values)} from jsonb_array_elements(${json}::jsonb) as e, jsonb_populate_record(null::${target}, ${sql.raw(record || "'{}'::jsonb")}) as r`
}

/** The database's name for a camelCase name, as the CamelCasePlugin makes it ('open311Request' → 'open311_request'). */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
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
