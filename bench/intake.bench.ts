/**
 * `npm run bench:intake`: a year's 12345 volume filed through the HTTP API on PostgreSQL, side by
 * side with a bare Fastify handler that only inserts the same row (what the engine, the audit
 * trail, classification and dispatch cost on top of one INSERT).
 *
 *   BENCH_DATABASE_URL=postgres://…  a PostgreSQL database the benchmark may fill (required)
 *   BENCH_COUNT=1300000              appeals to file through the platform (default: a year, 1.3 million)
 *   BENCH_PEER_COUNT=…               appeals for the bare handler (default: the same)
 *   BENCH_CONCURRENCY=32             requests in flight
 *
 * Appeals arrive as a messaging channel sends them (`POST /api/hotline/appeals`, channel wechat,
 * a unique external reference each), from demo texts over Nanjing's and Xuzhou's districts, most
 * without a category so the classifier decides. Afterwards the count in the database must equal
 * the count acknowledged.
 */
import Fastify from 'fastify'
import { sql } from 'kysely'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { buildApp } from '../src/server/app'
import { startBackgroundWork } from '../src/server/main'
import { seedDemo } from '../src/server/demo/seed-demo'
import { demoAppealTexts } from '../src/server/demo/demo-appeal-texts'
import { moduleEvents, modules } from '../src/server/modules'
import { trainClassifier } from '../src/server/modules/hotline/classifier'
import { insertModel } from '../src/server/modules/hotline/appeals.repository'
import { defaultPasswordPolicy } from '../src/server/platform/auth/password'
import { systemClock } from '../src/server/platform/clock'
import { openDatabase } from '../src/server/platform/db/database'
import { allMigrations, migrateToLatest } from '../src/server/platform/db/migrator'
import type { PlatformDeps } from '../src/server/platform/deps'
import { createPiiCipher } from '../src/server/platform/pii/pii'
import { seedReferenceData } from '../src/server/platform/seed'
import { fmt } from './measure'

const url = process.env.BENCH_DATABASE_URL
if (!url) throw new Error('BENCH_DATABASE_URL must name a PostgreSQL database the benchmark may fill')
const count = Number(process.env.BENCH_COUNT ?? 1_300_000)
const peerCount = Number(process.env.BENCH_PEER_COUNT ?? count)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32)
const log = (line: string) => console.log(line)
interface ClientJob {
  port: number
  path: string
  headers: Record<string, string>
  /** Request bodies to cycle through; `{i}` in a body is replaced by the request's index. */
  bodies: string[]
  count: number
  concurrency: number
  /** The index of the first request (to keep external references unique across runs). */
  offset: number
}

interface ClientResult {
  acknowledged: number
  failed: number
  failures: Record<string, number>
  latenciesMs: Float64Array
  wallMs: number
}

const regions = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118', '320302', '320303', '320311', '320321', '320322', '320324', '320381', '320382']

/** Runs the load generator in a worker thread and waits for its result. */
function load(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./intake-client.mjs', import.meta.url), { workerData: job })
    worker.on('message', (message: { progress?: number; done?: ClientResult }) => {
      if (message.done) resolve(message.done)
      else if (message.progress && message.progress % 100_000 === 0) log(`  … ${message.progress.toLocaleString()} sent`)
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`the load generator stopped (exit ${code}) before it finished`)))
  })
}

/** p50/p95/p99/max of a latency array without copying it into a JS array. */
function latencyStats(ms: Float64Array) {
  const sorted = ms.slice().sort()
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! }
}

function report(label: string, result: ClientResult, n: number) {
  const s = latencyStats(result.latenciesMs)
  const perSecond = (result.acknowledged / result.wallMs) * 1000
  log(`${label}: ${result.acknowledged.toLocaleString()} of ${n.toLocaleString()} acknowledged in ${(result.wallMs / 1000).toFixed(1)} s = ${perSecond.toFixed(0)}/s; p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}${result.failed ? `; failed ${JSON.stringify(result.failures)}` : ''}`)
  // A side that refused requests measured something else: say so and end with a failing status.
  if (result.failed > 0) {
    log(`  ${label}: ${result.failed.toLocaleString()} requests failed (status: count ${JSON.stringify(result.failures)}); its numbers do not count`)
    process.exitCode = 1
  }
  return { perSecond, ...s }
}

async function main() {
  const handle = await openDatabase({ databaseUrl: url })
  await migrateToLatest(handle.db, allMigrations(modules))
  await seedReferenceData(handle.db, { homeProvince: '32' })
  const deps: PlatformDeps = {
    db: handle.db,
    clock: systemClock,
    pii: createPiiCipher({ piiKey: Buffer.alloc(16, 7), piiIndexKey: Buffer.alloc(32, 9) }),
    passwordPolicy: defaultPasswordPolicy,
    passwordMaxAgeDays: 0,
    homeProvince: '32',
    events: moduleEvents,
  }
  await seedDemo(deps, { content: false })
  const texts = demoAppealTexts(5000, 1)
  await insertModel(handle.db, { trainedAt: new Date(), examples: texts.length, heldOutAccuracy: null, body: trainClassifier(texts.map((t) => ({ text: `${t.title} ${t.text}`, label: t.categoryKey }))) })
  const { run } = (await sql<{ run: number }>`select count(*)::int as run from hotline.appeal`.execute(handle.db)).rows[0]!
  const offset = run + 1

  const app = await buildApp({ ...deps, logger: false })
  // What a server process runs beside requests (the audit sealer above all) runs here too.
  const stopBackground = startBackgroundWork(deps, (what, error) => log(`${what} failed: ${String(error)}`))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent', password: 'Yiwang@2026' } })
  const cookie = login.cookies.find((c) => c.name === 'yw_session')!
  const bodies = texts.slice(0, 2000).map((t, i) =>
    JSON.stringify({ channel: 'wechat', externalRef: `bench-{i}`, line: '12345', type: t.type, regionCode: regions[i % regions.length], title: t.title, content: t.text, appellantName: '王伟', appellantPhone: `139${String(10_000_000 + i).slice(-8)}` }),
  )
  log(`platform: filing ${count.toLocaleString()} appeals through POST /api/hotline/appeals, ${concurrency} in flight, PostgreSQL`)
  const before = Number((await sql<{ n: number }>`select count(*)::int8 as n from hotline.appeal where channel = 'wechat'`.execute(handle.db)).rows[0]!.n)
  // How busy the server's event loop was: what decides whether a faster database would help.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 })
  loopDelay.enable()
  const loopBefore = performance.eventLoopUtilization()
  const ours = await load({ port, path: '/api/hotline/appeals', headers: { cookie: `yw_session=${cookie.value}` }, bodies, count, concurrency, offset })
  const after = Number((await sql<{ n: number }>`select count(*)::int8 as n from hotline.appeal where channel = 'wechat'`.execute(handle.db)).rows[0]!.n)
  const platform = report('platform', ours, count)
  loopDelay.disable()
  log(`  server event loop: ${(performance.eventLoopUtilization(loopBefore).utilization * 100).toFixed(0)}% busy, delay mean ${fmt(loopDelay.mean / 1e6)}, p99 ${fmt(loopDelay.percentile(99) / 1e6)}`)
  log(`  stored ${(after - before).toLocaleString()}, acknowledged ${ours.acknowledged.toLocaleString()}: ${after - before === ours.acknowledged ? 'equal' : 'NOT EQUAL'}`)
  const unsealed = Number((await sql<{ n: number }>`select count(*)::int8 as n from platform.audit_pending`.execute(handle.db)).rows[0]!.n)
  log(`  audit records not yet sealed into the chain when the last answer came: ${unsealed.toLocaleString()} (the sealer runs every second)`)
  stopBackground()
  await app.close()

  // The peer: one INSERT of the same row into a copy of the table, nothing else.
  await sql`create schema if not exists bench_peer`.execute(handle.db)
  await sql`create table if not exists bench_peer.appeal (like hotline.appeal including defaults including indexes)`.execute(handle.db)
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  const bare = Fastify({ logger: false })
  bare.post('/appeals', async (request, reply) => {
    const b = request.body as Record<string, string>
    await pool.query(
      `insert into bench_peer.appeal (number, case_id, query_code_hash, line, channel, type, region_code, title, content, external_ref, appellant_name_cipher, appellant_phone_cipher, state, case_version, handling_region_code, submitted_at, dispatch_due_at, updated_at)
       values (nextval('hotline.appeal_number_seq')::text, gen_random_uuid(), '', $1, 'wechat', $2, $3, $4, $5, $6, $7, $8, 'received', 1, $3, now(), now() + interval '2 hours', now())`,
      [b.line, b.type, b.regionCode, b.title, b.content, b.externalRef, deps.pii.encrypt(b.appellantName!), deps.pii.encrypt(b.appellantPhone!)],
    )
    return reply.code(201).send({ ok: true })
  })
  await bare.listen({ port: 0, host: '127.0.0.1' })
  log(`peer: a bare Fastify handler inserting the same row, ${peerCount.toLocaleString()} requests`)
  const peer = report('peer', await load({ port: (bare.server.address() as { port: number }).port, path: '/appeals', headers: {}, bodies, count: peerCount, concurrency, offset }), peerCount)
  await bare.close()
  await pool.end()
  log(`ratio: the platform files at ${((platform.perSecond / peer.perSecond) * 100).toFixed(0)}% of the bare insert's rate (×${(peer.perSecond / platform.perSecond).toFixed(1)} slower); p99 ${fmt(platform.p99)} vs ${fmt(peer.p99)}`)
  log(`a year (1.3 million) at this rate: ${(1_300_000 / platform.perSecond / 60).toFixed(1)} min`)
  await handle.close()
}

await main()
