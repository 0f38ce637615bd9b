import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildApp, type App } from './app'
import { DEMO_PASSWORD, demoStaff, seedDemo } from './demo/seed-demo'
import { systemClock } from './platform/clock'
import type { Config } from './platform/config'
import { openDatabase, type DatabaseHandle } from './platform/db/database'
import { moduleEvents, modules } from './modules'
import { allMigrations, migrateToLatest } from './platform/db/migrator'
import type { PlatformDeps } from './platform/deps'
import { createLogger } from './platform/logger'
import { purgeIdempotencyKeys } from './platform/idempotency/idempotency'
import { createPiiCipher } from './platform/pii/pii'
import { seedReferenceData } from './platform/seed'
import { runDueTimers } from './modules/workflow'
import { sealAllAudit } from './platform/audit/audit'
import { repeatEvery } from './platform/background'
import { mergePendingSearchEntries } from './platform/search/text'

export const webRoot = resolve(import.meta.dirname, '../../dist/web')

/** Opens the configured database and brings it to the latest migration with the reference data loaded. */
export async function openMigrated(config: Config, log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  log(handle.engine === 'postgres' ? '数据库 database: PostgreSQL (DATABASE_URL)' : `数据库 database: PGlite (embedded, ${join(config.dataDir, 'pglite')}; for trying and development only)`)
  const migrated = await migrateToLatest(handle.db, allMigrations(modules))
  const applied = migrated.results?.filter((r) => r.status === 'Success').length ?? 0
  if (applied > 0) log(`迁移 migrations applied: ${applied}`)
  const reference = await seedReferenceData(handle.db, { homeProvince: config.homeProvince })
  log(`行政区划 regions: ${reference.regions}`)
  return handle
}

export function platformDeps(config: Config, handle: DatabaseHandle): PlatformDeps {
  return {
    db: handle.db,
    clock: systemClock,
    pii: createPiiCipher({ piiKey: config.piiKey, piiIndexKey: config.piiIndexKey }),
    passwordPolicy: config.passwordPolicy,
    passwordMaxAgeDays: config.passwordMaxAgeDays,
    homeProvince: config.homeProvince,
    events: moduleEvents,
  }
}

/** The newest modification time of the web app's sources, to tell whether dist/web is stale. */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Builds the web app when it is missing or older than its sources, so `npm start` needs nothing else. */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const built = join(webRoot, 'index.html')
  const sources = resolve(import.meta.dirname, '../web')
  if (!existsSync(sources)) return
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(sources)) return
  log('正在构建前端 building the web app (about a minute, only when it changed)…')
  const { build } = await import('vite')
  await build({ configFile: resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' })
}

/**
 * What every server process runs beside answering requests, each safe with several processes:
 * the audit sealer and the merge of search-index entries every second, case timers (remind,
 * overdue, escalate) every minute, and the hourly purge of old idempotency keys. Returns the
 * function that stops them.
 */
export function startBackgroundWork(deps: PlatformDeps, onError: (what: string, error: unknown) => void): () => void {
  const jobs: [string, number, () => Promise<unknown>][] = [
    ['audit sealing', 1000, () => sealAllAudit(deps.db)],
    ['search index merge', 1000, () => mergePendingSearchEntries(deps.db)],
    ['case timers', 60 * 1000, () => runDueTimers(deps)],
    ['idempotency purge', 60 * 60 * 1000, () => purgeIdempotencyKeys(deps.db, deps.clock.now())],
  ]
  const stops = jobs.map(([what, intervalMs, work]) => repeatEvery(intervalMs, work, (error) => onError(what, error)))
  return () => stops.forEach((stop) => stop())
}

/** The whole server: database, migrations, demo data when asked, then listen. */
export async function serve(config: Config): Promise<App> {
  const log = (line: string) => console.log(line)
  await ensureWebBuilt(log)
  const handle = await openMigrated(config, log)
  const deps = platformDeps(config, handle)
  if (config.demo) {
    const seeded = await seedDemo(deps)
    if (seeded.staff > 0) log(`演示数据 demo data: ${seeded.orgs} departments, ${seeded.staff} staff accounts`)
    if (seeded.items > 0) log(`演示事项 demo catalogue: ${seeded.laws} laws, ${seeded.items} base-list items, ${seeded.entries} entries down the levels`)
    if (seeded.appeals > 0) log(`演示诉求 demo hotline: ${seeded.appeals} appeals of the last two months, ${seeded.knowledge} knowledge-base entries`)
  }
  const app = await buildApp({ ...deps, logger: createLogger(config.logLevel), webRoot, secureCookies: config.secureCookies })
  const stopBackground = startBackgroundWork(deps, (what, error) => app.log.error({ err: error }, `${what} failed`))
  app.addHook('onClose', async () => {
    stopBackground()
    await handle.close()
  })
  await app.listen({ port: config.port, host: config.host })
  const base = `http://localhost:${config.port}`
  log(`\n一网 Yiwang is running:\n  门户 portal     ${base}/\n  工作台 workbench ${base}/workbench\n  接口 API docs   ${base}/api/docs`)
  if (config.demo) await printDemoAccounts(deps, log)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)))
  return app
}

async function printDemoAccounts(deps: PlatformDeps, log: (line: string) => void): Promise<void> {
  log(`\n演示账号 demo accounts (password ${DEMO_PASSWORD}; demo mode only):`)
  for (const s of await demoStaff(deps)) log(`  ${s.username.padEnd(15)} ${s.note}`)
}
