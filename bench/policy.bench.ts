/**
 * `npm run bench:policy`: every policy item matched over every market entity, side by side with
 * json-rules-engine on the same rules over a sample.
 *
 *   BENCH_ENTITIES=4000000   market entities in the generated registry
 *   BENCH_ITEMS=2687         policy items (rules of 3–12 conditions)
 *   BENCH_JRE_SAMPLE=20000   enterprises json-rules-engine evaluates (all the items each)
 *   BENCH_THREADS=2          threads for both sides
 *
 * The registry is generated into shared columns (the generator stands in for loading from
 * PostgreSQL and is timed apart). Then: the full run; re-matching one changed enterprise against
 * every item (its row form, as incremental matching does); and the sample through both engines,
 * whose eligible sets must be equal, with the ratio of their throughputs.
 */
import { entityGenerator, jiangsuCounties } from '../src/server/demo/demo-entities'
import { itemGenerator } from '../src/server/demo/demo-policy-items'
import { ColumnsBuilder, columnsOf, entityRow } from '../src/server/modules/entities'
import { bindItems, itemsOf, matchRegistry } from '../src/server/modules/policy/matcher'
import { compileRule } from '../src/server/modules/policy/rules/compile'
import { typeScriptWorker } from '../src/server/platform/threads'
import { fmt, stats } from './measure'

const entities = Number(process.env.BENCH_ENTITIES ?? 4_000_000)
const itemCount = Number(process.env.BENCH_ITEMS ?? 2687)
const sampleSize = Math.min(entities, Number(process.env.BENCH_JRE_SAMPLE ?? 20_000))
const threads = Number(process.env.BENCH_THREADS ?? 2)
const asOf = '2026-11-28'
const years = [2023, 2024, 2025]
const seed = 1
const log = (line: string) => console.log(line)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const perSecond = (pairs: number, ms: number) => `${((pairs / ms) * 1000 / 1e6).toFixed(pairs / ms > 1000 ? 0 : 3)} M pairs/s`

const counties = jiangsuCounties()
const items = Array.from({ length: itemCount }, (_, j) => itemGenerator(seed + 1, asOf, counties.map((c) => c.code))(j))
const entity = entityGenerator(seed, asOf, counties)
log(`policy matching: ${itemCount.toLocaleString()} items × ${entities.toLocaleString()} market entities, ${threads} threads, application date ${asOf}`)

let started = performance.now()
const builder = new ColumnsBuilder(entities, years, true)
for (let i = 0; i < entities; i++) builder.set(i, entity(i))
log(`  registry generated into columns (stands in for loading): ${seconds(performance.now() - started)}`)

started = performance.now()
const matches = await matchRegistry(builder.columns, items, asOf, { threads })
const fullMs = performance.now() - started
log(`full run: ${seconds(fullMs)} = ${perSecond(itemCount * entities, fullMs)}; ${matches.pairs.toLocaleString()} eligible pairs (${((matches.pairs / entities / itemCount) * 100).toFixed(2)}% of all); peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`)

// One changed enterprise against every item, as incremental matching does it, once the server
// has the compiled rules warm (the first 100 enterprises are not timed).
const compiled = items.map((item) => compileRule(item.rule, item.parameters, asOf))
for (let k = 0; k < 100; k++) for (const rule of compiled) rule.test(entityRow(entity(k * 7919)))
const oneMs: number[] = []
let disagreements = 0
for (let k = 0; k < 1000; k++) {
  const i = Math.floor((k * entities) / 1000)
  const facts = entity(i)
  const t = performance.now()
  const row = entityRow(facts)
  const eligible: number[] = []
  for (let j = 0; j < compiled.length; j++) if (compiled[j]!.test(row) === 'pass') eligible.push(j)
  oneMs.push(performance.now() - t)
  if (eligible.join() !== [...itemsOf(matches, i)].join()) disagreements++
}
const one = stats(oneMs)
log(`one changed enterprise against all ${itemCount.toLocaleString()} items (1,000 enterprises): p50 ${fmt(one.p50)}, p99 ${fmt(one.p99)}, max ${fmt(one.max)}; agrees with the full run: ${disagreements === 0 ? 'yes' : `NO (${disagreements})`}`)
if (disagreements > 0) process.exitCode = 1

// The sample, every k-th entity, through both engines, compared per thread: ours in this thread
// (rules compiled beforehand), json-rules-engine on `threads` workers, each timing its own runs
// (engine built beforehand).
const positions = Array.from({ length: sampleSize }, (_, k) => Math.floor((k * entities) / sampleSize))
const sampleColumns = columnsOf(positions.map((i) => entity(i)), years)
const bound = bindItems(sampleColumns, items, asOf)
started = performance.now()
const ours = await matchRegistry(sampleColumns, items, asOf, { threads: 0, bound })
const oursMs = performance.now() - started
const samplePairs = itemCount * sampleSize
log(`sample of ${sampleSize.toLocaleString()}, Yiwang in one thread: ${fmt(oursMs)} = ${perSecond(samplePairs, oursMs)}`)

const parts = await Promise.all(
  Array.from({ length: threads }, (_, t) => {
    const mine = positions.filter((_, k) => k % threads === t)
    const worker = typeScriptWorker(new URL('./policy-jre.worker.ts', import.meta.url), { workerData: { items, asOf, seed, counties, positions: mine } })
    return new Promise<{ eligible: number[][]; ms: number }>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    }).finally(() => void worker.terminate())
  }),
)
const jreThreadMs = parts.reduce((sum, p) => sum + p.ms, 0)
let differ = 0
positions.forEach((_, k) => {
  const theirs = parts[k % threads]!.eligible[Math.floor(k / threads)]!
  if (theirs.join() !== [...itemsOf(ours, k)].join()) differ++
})
log(`sample of ${sampleSize.toLocaleString()}, json-rules-engine: ${seconds(jreThreadMs)} of thread time = ${perSecond(samplePairs, jreThreadMs)} a thread; the same eligible sets: ${differ === 0 ? 'yes' : `NO (${differ} enterprises differ)`}`)
if (differ > 0) process.exitCode = 1
log(`ratio: Yiwang matches ×${Math.round(jreThreadMs / oursMs).toLocaleString()} json-rules-engine's throughput a thread`)
