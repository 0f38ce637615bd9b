import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from '../src/server/app'
import { moduleEvents } from '../src/server/modules'
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo'
import { defaultPasswordPolicy } from '../src/server/platform/auth/password'
import { ManualClock } from '../src/server/platform/clock'
import type { PlatformDeps } from '../src/server/platform/deps'
import { createPiiCipher } from '../src/server/platform/pii/pii'
import { createTestDatabase, type TestDatabase } from './db'
import { testPiiKeys } from './keys'

export interface TestApp {
  app: App
  deps: PlatformDeps
  clock: ManualClock
  handle: TestDatabase
  /** Signs a demo account in and returns its session cookie header. */
  login(username: string, password?: string): Promise<string>
  close(): Promise<void>
}

/** The real app on a fresh, migrated and seeded database, with a clock the test moves. */
export async function createTestApp(): Promise<TestApp> {
  const handle = await createTestDatabase()
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'))
  const deps: PlatformDeps = { db: handle.db, clock, pii: createPiiCipher(testPiiKeys), passwordPolicy: defaultPasswordPolicy, passwordMaxAgeDays: 90, homeProvince: '32', events: moduleEvents }
  const app = await buildApp({ ...deps, logger: false })
  return {
    app,
    deps,
    clock,
    handle,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`)
      return sessionCookie(response)
    },
    async close() {
      await app.close()
      await handle.close()
    },
  }
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'yw_session')
  if (!cookie) throw new Error('no session cookie set')
  return `yw_session=${cookie.value}`
}
