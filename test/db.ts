import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import { openDatabase, pgliteParsers, type DatabaseHandle } from '../src/server/platform/db/database'
import { databaseUrl, type TestDatabaseContext } from './db-setup'

/**
 * The engine test databases run on. `npm test` runs the integration project twice, once per
 * engine, so a test asks this only to skip what one engine cannot do.
 */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
}

/** A test database; on PostgreSQL also its URL, for a test that connects from another process. */
export type TestDatabase = DatabaseHandle & { url?: string }

/**
 * A fresh database of its own, migrated and holding the reference data: a clone of the template
 * the global setup (test/db-setup.ts) built for this run. Close it in afterAll/afterEach.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const context = inject('testDatabase')
  if (!context) {
    throw new Error('createTestDatabase() needs the test/db-setup.ts global setup: use it in *.int.test.ts or *.e2e.test.ts files')
  }
  return context.engine === 'pglite' ? clonePglite(context.pgliteDump) : clonePostgres(context)
}

let pgliteDump: Promise<Uint8Array> | undefined

async function clonePglite(path: string): Promise<DatabaseHandle> {
  // A plain Uint8Array, not the Buffer readFile gives: Buffer's slice() does not copy.
  pgliteDump ??= readFile(path).then((bytes) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const pglite = await PGlite.create({ loadDataDir: new BytesBlob(await pgliteDump), parsers: pgliteParsers })
  return openDatabase({ pglite })
}

/**
 * A Blob over bytes already in memory. Node 20's own Blob.arrayBuffer() streams and concatenates
 * chunks, which costs about as much as starting PGlite itself; a copy costs a few milliseconds
 * (and keeps the bytes intact for the next database).
 */
class BytesBlob extends Blob {
  constructor(private readonly content: Uint8Array) {
    super()
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.content.slice().buffer
  }
}

let admin: pg.Pool | undefined

type PostgresContext = Extract<TestDatabaseContext, { engine: 'postgres' }>

async function clonePostgres(context: PostgresContext): Promise<TestDatabase> {
  // One connection per worker is enough: CREATE/DROP DATABASE are quick and serialised anyway.
  const pool = (admin ??= new pg.Pool({ connectionString: context.adminUrl, max: 1, allowExitOnIdle: true }))
  const name = `${context.clonePrefix}${randomBytes(6).toString('hex')}`
  await pool.query(`create database ${name} template ${context.template}`)
  const url = databaseUrl(context.adminUrl, name)
  const handle = await openDatabase({ databaseUrl: url })
  return {
    ...handle,
    url,
    async close() {
      await handle.close()
      await dropClone(pool, name)
    },
  }
}

/**
 * Drops a clone to keep the server small over a long run. Not WITH (FORCE): that kills sessions
 * still closing, and node-postgres reports their "terminating connection" as an uncaught error.
 * A clone someone still uses (a leaked connection) is left to the global teardown, which forces.
 */
async function dropClone(pool: pg.Pool, name: string): Promise<void> {
  try {
    await pool.query(`drop database if exists ${name}`)
  } catch (error) {
    const objectInUse = '55006'
    if ((error as { code?: unknown }).code !== objectInUse) throw error
  }
}
