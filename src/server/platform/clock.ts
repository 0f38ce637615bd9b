/** The one source of the current time, so that tests can move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until told to move; for tests and simulations. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-01-05T01:00:00Z')) {}
  now(): Date {
    return new Date(this.current)
  }
  set(at: Date): void {
    this.current = new Date(at)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}
