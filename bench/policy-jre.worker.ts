import { parentPort, workerData } from 'node:worker_threads'
import { entityGenerator } from '../src/server/demo/demo-entities'
import type { GeneratedItem } from '../src/server/demo/demo-policy-items'
import { jreEngine, jreFacts } from './policy-jre'

// Runs json-rules-engine over entities [from, to) of the sample and sends back each one's eligible items.
const { items, asOf, seed, counties, positions } = workerData as { items: GeneratedItem[]; asOf: string; seed: number; counties: { code: string; cityCode: string }[]; positions: number[] }
const engine = jreEngine(items, asOf)
const entity = entityGenerator(seed, asOf, counties)
const eligible: number[][] = []
const started = performance.now()
for (const i of positions) {
  const { events } = await engine.run(jreFacts(entity(i)))
  eligible.push(events.map((e) => Number(e.type)).sort((a, b) => a - b))
}
parentPort!.postMessage({ eligible, ms: performance.now() - started })
