import { parentPort, workerData } from 'node:worker_threads'
import { Scratch } from './rules/compile'
import { bindItems, matchChunk, type MatchWorkerData } from './matcher'

// One matching thread: takes chunks from the shared counter until none is left (see matchRegistry).
const { columns, items, asOf, chunkWords, next } = workerData as MatchWorkerData
const bound = bindItems(columns, items, asOf)
const scratch = new Scratch(chunkWords)
const chunks = Math.ceil(columns.size / (chunkWords * 32))
for (let chunk = Atomics.add(next, 0, 1); chunk < chunks; chunk = Atomics.add(next, 0, 1)) {
  const result = matchChunk(bound, columns.size, chunk, chunkWords, scratch)
  parentPort!.postMessage({ chunk, ...result }, [result.offsets.buffer, result.items.buffer])
}
