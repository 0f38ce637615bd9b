import { describe, expect, it } from 'vitest'
import { createGroupCommit } from './group-commit'

describe('group commit', () => {
  it('writes the first item at once and those arriving meanwhile together; a bad item fails alone', async () => {
    const groups: number[][] = []
    const group = createGroupCommit<number, string>(
      async (items) => {
        groups.push([...items])
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (items.includes(13)) throw new Error('unlucky')
        return items.map((n) => `#${n}`)
      },
      { maxSize: 4, maxInFlight: 1 },
    )
    const results = await Promise.allSettled([1, 2, 3, 13, 5, 6].map((n) => group.submit(n)))
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['#1', '#2', '#3', 'unlucky', '#5', '#6'])
    // 1 alone; then 2, 3, 13, 5 together, which fails and is written again one by one; then 6.
    expect(groups).toEqual([[1], [2, 3, 13, 5], [2], [3], [13], [5], [6]])
  })

  it('keeps at most maxInFlight groups writing at once', async () => {
    let writing = 0
    let most = 0
    const group = createGroupCommit<number, number>(
      async (items) => {
        most = Math.max(most, ++writing)
        await new Promise((resolve) => setTimeout(resolve, 2))
        writing--
        return [...items]
      },
      { maxSize: 2, maxInFlight: 2 },
    )
    expect(await Promise.all(Array.from({ length: 20 }, (_, i) => group.submit(i)))).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(most).toBe(2)
  })

  it('starts the next group before the waiters of the last go on, so the database is not idle while they answer', async () => {
    const seen: string[] = []
    const group = createGroupCommit<number, number>(
      async (items) => {
        seen.push(`write ${items.join(',')}`)
        await new Promise((resolve) => setTimeout(resolve, 2))
        return [...items]
      },
      { maxSize: 8, maxInFlight: 1 },
    )
    await Promise.all([1, 2, 3].map((n) => group.submit(n).then(() => seen.push(`answer ${n}`))))
    expect(seen).toEqual(['write 1', 'write 2,3', 'answer 1', 'answer 2', 'answer 3'])
  })
})
