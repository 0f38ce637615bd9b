import { availableParallelism } from 'node:os'
import type { RegistryColumns } from '../entities'
import { typeScriptWorker } from '../../platform/threads'
import { compileRule, markEntities, Scratch, type ColumnarRule } from './rules/compile'
import type { Parameter, Rule } from './rules/rule'

/** An item to match: its rule and parameters (its place in the list is its index in the result). */
export interface MatchItem {
  rule: Rule
  parameters: readonly Parameter[]
}

/** The items each entity is eligible for, chunk by chunk (in each chunk, entity e's items are items[offsets[e]..offsets[e+1]]). */
export interface ChunkMatches {
  offsets: Int32Array<ArrayBuffer>
  items: Int32Array<ArrayBuffer>
}

export interface RegistryMatches {
  size: number
  chunkEntities: number
  chunks: ChunkMatches[]
  /** Eligible (entity, item) pairs in all. */
  pairs: number
}

/** The items (indexes into the matched list) the entity at `position` is eligible for. */
export function itemsOf(matches: RegistryMatches, position: number): Int32Array {
  const chunk = matches.chunks[Math.floor(position / matches.chunkEntities)]!
  const e = position % matches.chunkEntities
  return chunk.items.subarray(chunk.offsets[e]!, chunk.offsets[e + 1]!)
}

export interface MatchOptions {
  /** Worker threads; 0 evaluates in this thread (small registries, tests). Default: one per core. */
  threads?: number
  /** Entities per chunk are 32 times this. */
  chunkWords?: number
  onProgress?: (done: number, total: number) => void
  /** With `threads: 0`, the items already bound to these columns (bindItems), so that only matching is timed or repeated. */
  bound?: readonly ColumnarRule[]
}

/**
 * Every item over every entity of the registry, on the application date `asOf`: the rules are
 * compiled once, bound to the columns, and run chunk by chunk (64k entities) over worker threads
 * that share the columns' memory; each chunk's result is turned round into each entity's items.
 */
export async function matchRegistry(columns: RegistryColumns, items: readonly MatchItem[], asOf: string, options: MatchOptions = {}): Promise<RegistryMatches> {
  const chunkWords = options.chunkWords ?? 2048
  const chunkEntities = chunkWords * 32
  const total = Math.ceil(columns.size / chunkEntities)
  const chunks: ChunkMatches[] = new Array(total)
  let done = 0
  const keep = (chunk: number, result: ChunkMatches) => {
    chunks[chunk] = result
    options.onProgress?.(++done, total)
  }
  const threads = Math.min(options.threads ?? availableParallelism(), total)
  if (threads === 0) {
    const bound = options.bound ?? bindItems(columns, items, asOf)
    const scratch = new Scratch(chunkWords)
    for (let chunk = 0; chunk < total; chunk++) keep(chunk, matchChunk(bound, columns.size, chunk, chunkWords, scratch))
  } else {
    // Threads take the next chunk from a shared counter, so a slow chunk does not hold the others up.
    const next = new Int32Array(new SharedArrayBuffer(4))
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = typeScriptWorker(new URL('./match.worker.ts', import.meta.url), { workerData: { columns, items, asOf, chunkWords, next } satisfies MatchWorkerData })
        return new Promise<void>((resolve, reject) => {
          worker.on('message', (message: { chunk: number } & ChunkMatches) => keep(message.chunk, { offsets: message.offsets, items: message.items }))
          worker.on('error', reject)
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`matching thread stopped with code ${code}`))))
        })
      }),
    )
  }
  return { size: columns.size, chunkEntities, chunks, pairs: chunks.reduce((n, c) => n + c.items.length, 0) }
}

export interface MatchWorkerData {
  columns: RegistryColumns
  items: readonly MatchItem[]
  asOf: string
  chunkWords: number
  next: Int32Array
}

export function bindItems(columns: RegistryColumns, items: readonly MatchItem[], asOf: string): ColumnarRule[] {
  return items.map((item) => compileRule(item.rule, item.parameters, asOf).bind(columns))
}

/** Runs every item over one chunk and turns the result round: for each entity of the chunk, its items. */
export function matchChunk(bound: readonly ColumnarRule[], size: number, chunk: number, chunkWords: number, scratch: Scratch): ChunkMatches {
  const offset = chunk * chunkWords
  const words = Math.min(chunkWords, Math.ceil(size / 32) - offset)
  const candidates = markEntities(new Uint32Array(words), size, offset, words)
  const out = new Uint32Array(words)
  // First the pairs as they come (item by item), then a counting sort by entity.
  let entities = new Int32Array(1 << 16)
  let itemIds = new Int32Array(1 << 16)
  let pairs = 0
  for (let j = 0; j < bound.length; j++) {
    bound[j]!.match(candidates, out, offset, words, scratch)
    for (let w = 0; w < words; w++) {
      let m = out[w]!
      if (m === 0) continue
      if (pairs + 32 > entities.length) {
        entities = grow(entities)
        itemIds = grow(itemIds)
      }
      while (m !== 0) {
        const bit = m & -m
        m ^= bit
        entities[pairs] = (w << 5) + 31 - Math.clz32(bit)
        itemIds[pairs++] = j
      }
    }
  }
  const offsets = new Int32Array(words * 32 + 1)
  for (let p = 0; p < pairs; p++) offsets[entities[p]! + 1]!++
  for (let e = 0; e < words * 32; e++) offsets[e + 1]! += offsets[e]!
  const fill = offsets.slice(0, words * 32)
  const items = new Int32Array(pairs)
  for (let p = 0; p < pairs; p++) items[fill[entities[p]!]!++] = itemIds[p]!
  return { offsets, items }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

