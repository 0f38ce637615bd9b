import { describe, expect, it } from 'vitest'
import { createTtlCache } from './cache'

function counter<V>(value: V) {
  let loads = 0
  return { load: async () => (loads++, value), loads: () => loads }
}

describe('a TTL cache', () => {
  it('loads a key once for concurrent readers and again after the TTL', async () => {
    let now = 0
    const cache = createTtlCache<string, number>({ ttlMs: 100, now: () => now })
    const source = counter(7)
    expect(await Promise.all([cache.get('a', source.load), cache.get('a', source.load)])).toEqual([7, 7])
    expect(source.loads()).toBe(1)
    now = 99
    await cache.get('a', source.load)
    expect(source.loads()).toBe(1)
    now = 100
    await cache.get('a', source.load)
    expect(source.loads()).toBe(2)
  })

  it('ends an entry at its own expiry when that comes first, and when the clock goes back', async () => {
    let now = 0
    const cache = createTtlCache<string, { expiresAt: number }>({ ttlMs: 100, now: () => now, expiresAt: (v) => v.expiresAt })
    const source = counter({ expiresAt: 10 })
    await cache.get('a', source.load)
    now = 9
    await cache.get('a', source.load)
    expect(source.loads()).toBe(1)
    now = 10
    await cache.get('a', source.load)
    expect(source.loads()).toBe(2)
    now = 5
    await cache.get('a', source.load)
    expect(source.loads()).toBe(3)
  })

  it('keeps no failed load, forgets on demand, and drops the oldest entry when full', async () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1000, maxEntries: 2 })
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get('a', async () => 1)).toBe(1)
    cache.forget('a')
    expect(await cache.get('a', async () => 2)).toBe(2)
    await cache.get('b', async () => 3)
    await cache.get('c', async () => 4)
    expect(await cache.get('a', async () => 5)).toBe(5)
    expect(await cache.get('c', async () => 6)).toBe(4)
    cache.forget()
    expect(await cache.get('c', async () => 7)).toBe(7)
  })

  it('does not remember a value keep() refuses (not found yet)', async () => {
    const cache = createTtlCache<string, number | undefined>({ ttlMs: 1000, keep: (v) => v !== undefined })
    expect(await cache.get('a', async () => undefined)).toBeUndefined()
    expect(await cache.get('a', async () => 1)).toBe(1)
    expect(await cache.get('a', async () => 2)).toBe(1)
  })
})
