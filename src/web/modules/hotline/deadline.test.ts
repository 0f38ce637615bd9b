import { describe, expect, it } from 'vitest'
import { deadlineTone, dispatchTone, shanghaiToday } from './deadline'

const handling = { state: 'handling', alarm: 0 }

describe('deadline colours', () => {
  it('reads today in Shanghai, not in the browser’s zone', () => {
    expect(shanghaiToday(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28')
    expect(shanghaiToday(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28')
  })

  it('marks an appeal past its deadline red', () => {
    expect(deadlineTone({ ...handling, deadline: '2026-11-27' }, '2026-11-28', '2026-11-30')).toBe('overdue')
  })

  it('marks an appeal due by the next working day, or reminded, orange', () => {
    expect(deadlineTone({ ...handling, deadline: '2026-11-28' }, '2026-11-28', '2026-11-30')).toBe('due')
    expect(deadlineTone({ ...handling, deadline: '2026-11-30' }, '2026-11-28', '2026-11-30')).toBe('due')
    expect(deadlineTone({ ...handling, alarm: 1, deadline: '2026-12-10' }, '2026-11-28', '2026-11-30')).toBe('due')
  })

  it('marks an appeal with time left green, and one whose clock stopped not at all', () => {
    expect(deadlineTone({ ...handling, deadline: '2026-12-01' }, '2026-11-28', '2026-11-30')).toBe('ok')
    expect(deadlineTone({ state: 'closed', alarm: 2, deadline: '2026-11-01' }, '2026-11-28', '2026-11-30')).toBe('none')
    expect(deadlineTone({ ...handling, deadline: null }, '2026-11-28', undefined)).toBe('none')
  })

  it('turns the dispatch limit orange half an hour before and red after', () => {
    const queued = { state: 'received', dispatchedAt: null, dispatchDueAt: '2026-11-28T04:00:00Z' }
    expect(dispatchTone(queued, new Date('2026-11-28T03:00:00Z'))).toBe('ok')
    expect(dispatchTone(queued, new Date('2026-11-28T03:45:00Z'))).toBe('due')
    expect(dispatchTone(queued, new Date('2026-11-28T04:01:00Z'))).toBe('overdue')
    expect(dispatchTone({ ...queued, state: 'handling', dispatchedAt: '2026-11-28T03:10:00Z' }, new Date('2026-11-28T05:00:00Z'))).toBe('none')
  })
})
