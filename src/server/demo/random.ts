/** A seeded random source (mulberry32), so demo data and benchmarks are the same on every machine and run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** `count` distinct elements, in random order. */
  sample<T>(list: readonly T[], count: number): T[]
  /** A version-4-shaped UUID from the seeded stream. */
  uuid(): string
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (list) => {
      if (list.length === 0) throw new Error('pick from an empty list')
      return list[int(0, list.length - 1)]!
    },
    chance: (p) => next() < p,
    sample(list, count) {
      const copy = [...list]
      // A partial Fisher–Yates shuffle: only the first `count` places are drawn.
      for (let i = 0; i < Math.min(count, copy.length); i++) {
        const j = int(i, copy.length - 1)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, count)
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
  }
}
