/** Writes a group of items atomically (one statement, or a transaction of its own); returns one result per item, in order. */
export type GroupWriter<I, O> = (items: readonly I[]) => Promise<O[]>

export interface GroupCommit<I, O> {
  /** Resolves once the item's group has committed, or rejects with the item's own error. */
  submit(item: I): Promise<O>
}

interface Waiting<I, O> {
  item: I
  resolve: (result: O) => void
  reject: (error: unknown) => void
}

/**
 * Group commit: items submitted while earlier groups are being written wait and go together in
 * the next write, so a busy server stores many requests with a few statements instead of a dozen
 * round trips each, and an idle one writes each at once. A group that fails is written again item
 * by item, so one bad item fails alone and nothing else is lost.
 */
export function createGroupCommit<I, O>(write: GroupWriter<I, O>, options: { maxSize: number; maxInFlight: number }): GroupCommit<I, O> {
  const waiting: Waiting<I, O>[] = []
  let inFlight = 0

  /** Writes a group; returns how to tell its waiters, so that the next group can start first. */
  async function writeGroup(group: Waiting<I, O>[]): Promise<() => void> {
    try {
      const results = await write(group.map((w) => w.item))
      return () => group.forEach((w, i) => w.resolve(results[i]!))
    } catch (error) {
      if (group.length === 1) return () => group[0]!.reject(error)
      for (const w of group) (await writeGroup([w]))()
      return () => {}
    }
  }

  function flush(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const group = waiting.splice(0, options.maxSize)
      inFlight++
      void writeGroup(group).then((tell) => {
        inFlight--
        // The next group goes to the database before this one's waiters go on, so both work at once.
        flush()
        tell()
      })
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        flush()
      })
    },
  }
}
