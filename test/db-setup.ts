import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { openDatabase, pgliteParsers } from '../src/server/platform/db/database'
import { prepareTemplate } from './template'

/** What workers get from the global setup to clone the run's template database. */
export type TestDatabaseContext =
  | { engine: 'pglite'; pgliteDump: string }
  | { engine: 'postgres'; adminUrl: string; template: string; clonePrefix: string }

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext
  }
}

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/**
 * Vitest global setup of the projects that use `createTestDatabase()`: builds the template ONCE per
 * run (migrations are slow-ish), for whichever engine TEST_DATABASE_URL selects, and hands workers
 * what they need to clone it through `provide`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL
  const { context, teardown } = url ? await postgresTemplate(url) : await pgliteTemplate()
  project.provide('testDatabase', context)
  return teardown
}

interface Template {
  context: TestDatabaseContext
  teardown(): Promise<void>
}

async function pgliteTemplate(): Promise<Template> {
  // scripts/test.sh runs vitest several times; it names a file so the template is built only once.
  const shared = process.env.TEST_PGLITE_TEMPLATE
  if (shared) {
    if (!existsSync(shared)) await writeAtomically(shared, await buildPgliteDump())
    return { context: { engine: 'pglite', pgliteDump: shared }, teardown: async () => {} }
  }
  const dir = await mkdtemp(join(tmpdir(), 'yiwang-test-'))
  const path = join(dir, 'template.tar')
  await writeFile(path, await buildPgliteDump())
  return { context: { engine: 'pglite', pgliteDump: path }, teardown: () => rm(dir, { recursive: true, force: true }) }
}

// 1 MB WAL segments (instead of one 16 MB file to unpack per test database), and a WAL kept small.
const initdbParams = ['--wal-segsize=1']
const startParams = [...PGlite.defaultStartParams, '-c', 'min_wal_size=2MB', '-c', 'max_wal_size=4MB']

/**
 * A tar of a migrated PGlite data directory, slimmed because every test database starts by
 * unpacking it: small shared memory (zeroed at every start), and no template0/template1 (nothing
 * creates databases inside a PGlite test database). Loading it costs a fraction of a fresh
 * PGlite's initdb plus the migrations.
 */
async function buildPgliteDump(): Promise<Uint8Array> {
  const pglite = await PGlite.create({ loadDataDir: await initdbDump(), parsers: pgliteParsers, startParams })
  const handle = await openDatabase({ pglite })
  try {
    await prepareTemplate(handle.db)
    // One statement per call: ALTER SYSTEM and DROP DATABASE refuse multi-statement strings.
    for (const statement of [
      `alter system set shared_buffers = '4MB'`,
      `alter system set max_connections = 10`,
      `update pg_database set datistemplate = false where datname in ('template0', 'template1')`,
      `drop database template0`,
      `drop database template1`,
      // A fresh checkpoint means clones start without replaying WAL.
      `checkpoint`,
    ]) {
      await pglite.exec(statement)
    }
    return new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer())
  } finally {
    await handle.close()
  }
}

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/yiwang-test/', import.meta.url))

/**
 * An empty PGlite data directory, straight after initdb. initdb is the slowest part of the setup
 * (seconds of WebAssembly) and its result depends only on the PGlite build and the parameters, so
 * it is cached across runs under node_modules/.cache.
 */
async function initdbDump(): Promise<Blob> {
  const file = join(cacheDir, `pglite-${pgliteVersion()}-initdb${initdbParams.join('')}.tar`)
  if (existsSync(file)) return new Blob([await readFile(file)])
  const pglite = await PGlite.create({ initDbStartParams: initdbParams, startParams })
  try {
    await pglite.exec('checkpoint')
    const dump = await pglite.dumpDataDir('none')
    await writeAtomically(file, new Uint8Array(await dump.arrayBuffer()))
    return dump
  } finally {
    await pglite.close()
  }
}

function pgliteVersion(): string {
  const manifest = new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
  return version
}

/** Writes then renames, so a concurrent run never reads half a file. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const partial = `${path}.${process.pid}.partial`
  await writeFile(partial, bytes)
  await rename(partial, path)
}

async function postgresTemplate(url: string): Promise<Template> {
  // The pid keeps concurrent runs against one server apart, and lets teardown find this run's clones.
  const template = `yiwang_template_${process.pid}`
  const clonePrefix = `yiwang_t_${process.pid}_`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${template} with (force)`)
    await admin.query(`create database ${template}`)
  } finally {
    await admin.end()
  }
  // The handle is closed before any clone: CREATE DATABASE … TEMPLATE refuses a template in use.
  const handle = await openDatabase({ databaseUrl: databaseUrl(url, template) })
  try {
    await prepareTemplate(handle.db)
  } finally {
    await handle.close()
  }
  return {
    context: { engine: 'postgres', adminUrl: url, template, clonePrefix },
    teardown: () => dropRunDatabases(url, template, clonePrefix),
  }
}

/** Drops the template and any clone a test left behind (a crashed file, a forgotten close()). */
async function dropRunDatabases(url: string, template: string, clonePrefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [clonePrefix],
    )
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`)
    await admin.query(`drop database if exists ${template} with (force)`)
  } finally {
    await admin.end()
  }
}
