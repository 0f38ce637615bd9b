/**
 * Values kept in this process for a while, by key: what many requests read and rarely changes
 * (reference data, who a session belongs to). A value is loaded once however many requests ask
 * for it at the same time; a failed load is not kept. A change made in this process forgets the
 * value at once; one made by another process is seen after at most `ttlMs`, measured on `now`
 * (the platform's clock where tests move time, else the monotonic clock).
 */
export interface TtlCache<K, V> {
  get(key: K, load: () => Promise<V>): Promise<V>
  /** Forgets one key, or everything. */
  forget(key?: K): void
}

export function createTtlCache<K, V>(options: {
  ttlMs: number
  maxEntries?: number
  now?: () => number
  /** When a value stops being true sooner than the TTL (a token's expiry), on the same clock. */
  expiresAt?: (value: V) => number | null
  /** Whether to remember a loaded value at all (not "not found": it may be created any moment). */
  keep?: (value: V) => boolean
}): TtlCache<K, V> {
  const entries = new Map<K, { value: Promise<V>; at: number; until: number }>()
  const maxEntries = options.maxEntries ?? 1000
  const now = options.now ?? (() => performance.now())
  return {
    get(key, load) {
      const at = now()
      const hit = entries.get(key)
      if (hit && at >= hit.at && at < hit.until) return hit.value
      entries.delete(key)
      // The oldest entry goes first when full (a Map iterates in insertion order).
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
      const value = load()
      const entry = { value, at, until: at + options.ttlMs }
      entries.set(key, entry)
      value.then(
        (loaded) => {
          entry.until = Math.min(entry.until, options.expiresAt?.(loaded) ?? Infinity)
          if (options.keep?.(loaded) === false && entries.get(key) === entry) entries.delete(key)
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key)
        },
      )
      return value
    },
    forget(key) {
      if (key === undefined) entries.clear()
      else entries.delete(key)
    },
  }
}
