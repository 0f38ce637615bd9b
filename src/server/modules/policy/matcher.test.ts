import { describe, expect, it } from 'vitest'
import { entityGenerator, jiangsuCounties } from '../../demo/demo-entities'
import { itemGenerator } from '../../demo/demo-policy-items'
import { columnsOf } from '../entities'
import { itemsOf, matchRegistry } from './matcher'
import { compileRule } from './rules/compile'

const asOf = '2026-11-28'
const counties = jiangsuCounties()
const entities = Array.from({ length: 5_000 }, (_, i) => entityGenerator(11, asOf, counties)(i))
const items = Array.from({ length: 60 }, (_, j) => itemGenerator(12, asOf, counties.map((c) => c.code))(j))
const expected = entities.map((e) =>
  items.flatMap((item, j) => (compileRule(item.rule, item.parameters, asOf).verdict(e) === 'pass' ? [j] : [])),
)
const columns = columnsOf(entities, [2023, 2024, 2025])

describe('matching the whole registry', () => {
  it('gives each entity exactly the items its row form passes, in one thread over many chunks', async () => {
    const matches = await matchRegistry(columns, items, asOf, { threads: 0, chunkWords: 16 })
    expect(entities.map((_, i) => [...itemsOf(matches, i)])).toEqual(expected)
    expect(matches.pairs).toBe(expected.flat().length)
    // The generated registry and items are meant to match something, and not everything.
    expect(matches.pairs).toBeGreaterThan(0)
    expect(matches.pairs).toBeLessThan(entities.length * items.length / 4)
  })

  it('gives the same on worker threads, with progress for every chunk', async () => {
    const progress: number[] = []
    const matches = await matchRegistry(columns, items, asOf, { threads: 2, chunkWords: 32, onProgress: (done) => progress.push(done) })
    expect(entities.map((_, i) => [...itemsOf(matches, i)])).toEqual(expected)
    expect(progress).toEqual([1, 2, 3, 4, 5])
    // Starting two threads that load TypeScript takes seconds on a busy two-core machine.
  }, 30_000)
})
