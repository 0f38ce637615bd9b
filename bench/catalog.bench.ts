/**
 * `npm run bench:catalog`: the catalogue search and coverage reports on a Jiangsu-sized data set
 * (≥ 216,000 published implementations), each side by side with its obvious peer in one run.
 *
 *   BENCH_DATABASE_URL=postgres://…  a PostgreSQL database the benchmark may fill (else DATABASE_URL)
 *   BENCH_REPS=10                    timed runs of every search (default 10)
 *   BENCH_SEED=20261128              the data set's seed
 *   BENCH_EXPLAIN=1                  also print EXPLAIN (ANALYZE, BUFFERS) of the slowest search and the matrix
 *
 * The data are generated at run time and kept in the database for the next run (a marker table
 * names the seed); see docs/BENCHMARKS.md.
 */
import { readFile } from 'node:fs/promises'
import { sql } from 'kysely'
import { modules } from '../src/server/modules'
import { itemKinds, type ItemKind } from '../src/server/modules/catalog/catalog.schemas'
import type { CatalogLevel } from '../src/server/modules/catalog/catalog.tables'
import { coverageMatrix, regionShare, unclaimedRegions, type CoverageMatrix } from '../src/server/modules/catalog/coverage.repository'
import { searchCatalog, type CatalogSearchQuery } from '../src/server/modules/catalog/search.service'
import { openDatabase, type Db } from '../src/server/platform/db/database'
import type { RequestContext } from '../src/server/platform/deps'
import { escapeLike } from '../src/server/platform/db/like'
import { allMigrations, migrateToLatest } from '../src/server/platform/db/migrator'
import { seedReferenceData } from '../src/server/platform/seed'
import { ensureCatalogBenchData } from './catalog-data'
import { explainLast } from './explain'
import { fmt, stats, timed } from './measure'

const homeProvince = '32'
/** Searches run as the staff search does: a line without a region searches every region, like the peer. */
const staff: RequestContext = { actor: { kind: 'system', name: 'bench' }, ip: null }
const log = (line: string) => console.log(line)

interface Sample {
  label: string
  ms: number
  total: number
}

const isKind = (value: string): value is ItemKind => value in itemKinds
const isLevel = (value: string): value is CatalogLevel => ['national', 'province', 'city', 'county'].includes(value)

/** One line of the query file: `text | key=value | …`. */
function parseQuery(line: string): CatalogSearchQuery {
  const [text = '', ...filters] = line.split('|').map((part) => part.trim())
  const query: CatalogSearchQuery = text ? { q: text } : {}
  for (const filter of filters) {
    const [key, value = ''] = filter.split('=').map((s) => s.trim())
    if (key === 'region') query.region = value
    else if (key === 'kind' && isKind(value)) query.kind = value
    else if (key === 'level' && isLevel(value)) query.level = value
    else if (key === 'theme') query.theme = value
    else if (key === 'lifeEvent') query.lifeEvent = value
    else if (key === 'orgId') query.orgId = value
    else if (key === 'provinceWide') query.provinceWide = value === 'true'
    else throw new Error(`bad filter ${filter} in: ${line}`)
  }
  return query
}

async function readQueries(): Promise<{ line: string; query: CatalogSearchQuery }[]> {
  const text = await readFile(new URL('./queries/catalog-search.txt', import.meta.url), 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => ({ line: line.trim(), query: parseQuery(line) }))
}

/**
 * The peer: what a catalogue without a search index does — every word of the text must occur in
 * the name (`ILIKE '%…%'`), the same filters, exact names first, one page with the total.
 */
async function ilikeSearch(db: Db, query: CatalogSearchQuery): Promise<{ total: number }> {
  let q = db.selectFrom('catalog.implementation as m').where('m.currentVersionId', 'is not', null)
  if (query.region !== undefined) q = q.where('m.regionCode', '=', query.region)
  if (query.kind !== undefined) q = q.where('m.kind', '=', query.kind)
  if (query.orgId !== undefined) q = q.where('m.orgId', '=', query.orgId)
  if (query.level !== undefined) q = q.where('m.level', '=', query.level)
  if (query.provinceWide !== undefined) q = q.where('m.provinceWide', '=', query.provinceWide)
  if (query.theme !== undefined) q = q.where(sql<boolean>`m.themes @> array[${query.theme}]::text[]`)
  if (query.lifeEvent !== undefined) q = q.where(sql<boolean>`m.life_events @> array[${query.lifeEvent}]::text[]`)
  const text = query.q?.trim() ?? ''
  for (const word of text.split(/\s+/).filter(Boolean)) q = q.where('m.name', 'ilike', `%${escapeLike(word)}%`)
  const rows = await q
    .select(['m.id', 'm.itemId', 'm.name', 'm.kind', 'm.regionCode', 'm.level', 'm.implementationCode', 'm.orgId', 'm.themes', 'm.lifeEvents', 'm.provinceWide', 'm.crossProvince', sql<number>`(count(*) over ())::int`.as('total')])
    .orderBy(sql`m.name = ${text}`, 'desc')
    .orderBy('m.name')
    .orderBy('m.regionCode')
    .orderBy('m.id')
    .limit(20)
    .execute()
  return { total: rows[0]?.total ?? 0 }
}

async function benchSearch(db: Db, reps: number): Promise<Sample[]> {
  const queries = await readQueries()
  const deps = { db, homeProvince }
  const ours: Sample[] = []
  const peer: Sample[] = []
  // One untimed pass warms the cache and records the hit counts.
  const hits = new Map<string, { ours: number; peer: number }>()
  for (const { line, query } of queries) {
    hits.set(line, { ours: (await searchCatalog(deps, staff, query)).total, peer: (await ilikeSearch(db, query)).total })
  }
  for (let rep = 0; rep < reps; rep++) {
    for (const { line, query } of queries) {
      // Alternate who goes first, so neither always runs on the other's warm pages.
      const runOurs = async () => {
        const [page, ms] = await timed(() => searchCatalog(deps, staff, query))
        ours.push({ label: line, ms, total: page.total })
      }
      const runPeer = async () => {
        const [page, ms] = await timed(() => ilikeSearch(db, query))
        peer.push({ label: line, ms, total: page.total })
      }
      if (rep % 2 === 0) await runOurs().then(runPeer)
      else await runPeer().then(runOurs)
    }
  }
  printSearch(queries, hits, ours, peer, reps)
  return ours
}

function printSearch(queries: { line: string; query: CatalogSearchQuery }[], hits: Map<string, { ours: number; peer: number }>, ours: Sample[], peer: Sample[], reps: number): void {
  const regional = new Set(queries.filter((q) => q.query.region !== undefined).map((q) => q.line))
  const row = (name: string, samples: Sample[]) => {
    const s = stats(samples.map((x) => x.ms))
    return `${name.padEnd(44)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  p99 ${fmt(s.p99).padStart(9)}  max ${fmt(s.max).padStart(9)}  (n=${s.n})`
  }
  console.log(`\n== search: ${queries.length} queries × ${reps} runs (bench/queries/catalog-search.txt) ==`)
  console.log(row('searchCatalog (tsvector + GIN, ranked)', ours))
  console.log(row('peer: name ILIKE, same filters', peer))
  for (const [name, only] of [['  with a region filter', true], ['  without a region filter', false]] as const) {
    console.log(row(`${name}: searchCatalog`, ours.filter((s) => regional.has(s.label) === only)))
    console.log(row(`${name}: peer`, peer.filter((s) => regional.has(s.label) === only)))
  }
  const a = stats(ours.map((s) => s.ms))
  const b = stats(peer.map((s) => s.ms))
  console.log(`ratio peer / searchCatalog: p50 ×${(b.p50 / a.p50).toFixed(1)}, p95 ×${(b.p95 / a.p95).toFixed(1)}, p99 ×${(b.p99 / a.p99).toFixed(1)}   target: searchCatalog p95 < 30 ms → ${a.p95 < 30 ? 'met' : 'MISSED'}`)
  const counts = [...hits.values()]
  console.log(`queries with no result: searchCatalog ${counts.filter((h) => h.ours === 0).length}, peer ${counts.filter((h) => h.peer === 0).length}; queries where the peer finds fewer: ${counts.filter((h) => h.peer < h.ours).length}`)
  console.log('slowest searches (median of their runs):')
  for (const { line, median, total } of slowest(ours, 6)) console.log(`  ${fmt(median).padStart(9)}  ${String(total).padStart(6)} hits  ${line}`)
}

function slowest(samples: Sample[], count: number) {
  const byLabel = new Map<string, Sample[]>()
  for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s])
  return [...byLabel.entries()]
    .map(([line, list]) => ({ line, median: stats(list.map((s) => s.ms)).p50, total: list[0]?.total ?? 0 }))
    .sort((x, y) => y.median - x.median)
    .slice(0, count)
}

/** The peer of the matrix: fetch one row per claimed cell and assemble the grid in Node. */
async function matrixByRows(db: Db, level: 'city' | 'county', parentRegion: string, kind?: ItemKind): Promise<CoverageMatrix> {
  const regions = await db.selectFrom('platform.region').select(['code', 'name']).where('level', '=', level === 'city' ? 2 : 3).where('code', 'like', `${parentRegion}%`).orderBy('code').execute()
  let base = db.selectFrom('catalog.item as i').innerJoin('catalog.implementation as n', (join) => join.onRef('n.itemId', '=', 'i.id').on('n.regionCode', '=', '00')).select(['i.id', 'i.basicCode', 'i.name']).orderBy('i.basicCode')
  if (kind) base = base.where('i.kind', '=', kind)
  const items = await base.execute()
  const cells = await db
    .selectFrom('catalog.implementation as m')
    .select(['m.regionCode', 'm.itemId', 'm.currentVersionId'])
    .select((eb) => eb.exists(eb.selectFrom('catalog.reviewTask as t').select('t.id').whereRef('t.implementationId', '=', 'm.id').where('t.status', '=', 'open')).as('open'))
    .where('m.regionCode', 'in', regions.map((r) => r.code))
    .execute()
  const regionIndex = new Map(regions.map((r, i) => [r.code, i]))
  const itemIndex = new Map(items.map((it, i) => [it.id, i]))
  const grid = regions.map(() => new Array<number>(items.length).fill(0))
  for (const c of cells) {
    const r = regionIndex.get(c.regionCode)
    const i = itemIndex.get(c.itemId)
    if (r !== undefined && i !== undefined) grid[r]![i] = c.open ? 3 : c.currentVersionId ? 2 : 1
  }
  return { regions, items, cells: grid }
}

async function benchCoverage(db: Db): Promise<void> {
  console.log('\n== coverage (target: the matrix < 200 ms) ==')
  const runs = 15
  const cases: [string, () => Promise<unknown>][] = [
    ['matrix: all counties × the whole base list', () => coverageMatrix(db, { level: 'county', parentRegion: homeProvince })],
    ['  peer: one row per cell, grid built in Node', () => matrixByRows(db, 'county', homeProvince)],
    ['matrix: all counties × 719 licensing items', () => coverageMatrix(db, { level: 'county', parentRegion: homeProvince, kind: 'licensing' })],
    ['  peer: one row per cell, grid built in Node', () => matrixByRows(db, 'county', homeProvince, 'licensing')],
    ['matrix: 13 cities × the whole base list', () => coverageMatrix(db, { level: 'city', parentRegion: homeProvince })],
    ['matrix: counties of 南京 × the whole base list', () => coverageMatrix(db, { level: 'county', parentRegion: '3201' })],
  ]
  const matrix = await coverageMatrix(db, { level: 'county', parentRegion: homeProvince })
  const peerMatrix = await matrixByRows(db, 'county', homeProvince)
  const same = JSON.stringify(matrix.cells) === JSON.stringify(peerMatrix.cells)
  console.log(`whole matrix: ${matrix.regions.length} regions × ${matrix.items.length} items = ${(matrix.regions.length * matrix.items.length).toLocaleString('en')} cells; the peer's grid is ${same ? 'identical' : 'DIFFERENT'}`)
  const medians: number[] = []
  for (const [name, run] of cases) {
    await run()
    const ms: number[] = []
    for (let i = 0; i < runs; i++) ms.push((await timed(run))[1])
    const s = stats(ms)
    medians.push(s.p50)
    console.log(`${name.padEnd(48)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}  (n=${runs})`)
  }
  console.log(`ratio peer / matrix: whole list ×${((medians[1] ?? 0) / (medians[0] ?? 1)).toFixed(1)}, licensing ×${((medians[3] ?? 0) / (medians[2] ?? 1)).toFixed(1)}`)

  const items = matrix.items.filter((_, i) => i % 31 === 0)
  const counties = matrix.regions
  const unclaimed: number[] = []
  for (const item of items) unclaimed.push((await timed(() => unclaimedRegions(db, item.id, 'county', homeProvince)))[1])
  const shares: number[] = []
  for (const region of [{ code: homeProvince }, ...counties]) shares.push((await timed(() => regionShare(db, region.code)))[1])
  for (const [name, ms] of [[`unclaimedRegions (county, ${items.length} items)`, unclaimed], [`regionShare (${shares.length} regions)`, shares]] as const) {
    const s = stats(ms)
    console.log(`${name.padEnd(48)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}`)
  }
}

async function explainSlowest(db: Db, slowestLine: string): Promise<void> {
  await explainLast(db, `searchCatalog ${slowestLine}`, (spy) => searchCatalog({ db: spy, homeProvince }, staff, parseQuery(slowestLine)))
  await explainLast(db, 'coverageMatrix all counties × the whole base list', (spy) => coverageMatrix(spy, { level: 'county', parentRegion: homeProvince }))
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  if (!url) {
    console.error(
      'bench:catalog needs a PostgreSQL database it may fill with ~230,000 catalogue entries and 3,000 laws.\n' +
        'Set BENCH_DATABASE_URL (or DATABASE_URL), e.g.\n' +
        '  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5498/postgres npm run bench:catalog\n' +
        'docs/BENCHMARKS.md shows how to start a throwaway PostgreSQL for it.',
    )
    process.exitCode = 2
    return
  }
  const reps = Number(process.env.BENCH_REPS ?? 10)
  const seed = Number(process.env.BENCH_SEED ?? 20261128)
  const handle = await openDatabase({ databaseUrl: url })
  const { db } = handle
  try {
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)
    log(`PostgreSQL ${version.rows[0]?.v ?? '?'}; preparing the schema and the regions`)
    await migrateToLatest(db, allMigrations(modules))
    await seedReferenceData(db, { homeProvince, villages: false })
    const summary = await ensureCatalogBenchData(db, { seed, homeProvince, log })
    log(`data set (seed ${seed}): ${JSON.stringify(summary)}`)
    // Fresh statistics and visibility maps, as autovacuum would leave a table that changes slowly.
    await sql`vacuum analyze catalog.item`.execute(db)
    await sql`vacuum analyze catalog.implementation`.execute(db)
    await sql`vacuum analyze catalog.review_task`.execute(db)
    await sql`vacuum analyze platform.region`.execute(db)
    const covering = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where schemaname = 'catalog' and indexname = 'implementation_coverage_idx'`.execute(db)
    if (!covering.rows[0]?.n) log('note: the covering index implementation_coverage_idx is missing, so the coverage reports read the table rather than the index')
    const ours = await benchSearch(db, reps)
    await benchCoverage(db)
    const worst = slowest(ours, 1)[0]
    if (process.env.BENCH_EXPLAIN && worst) await explainSlowest(db, worst.line)
  } finally {
    await handle.close()
  }
}

await main()
