/**
 * One "server process" of the race test in workflow.int.test.ts: connects to the test database on
 * its own, waits for the agreed instant, fires one transition and prints what happened
 * (`won` or the refusal's id). Run with tsx; arguments come in the environment.
 */
import { moduleEvents } from '../src/server/modules'
import { fireTransition } from '../src/server/modules/workflow'
import { defaultPasswordPolicy } from '../src/server/platform/auth/password'
import { systemClock } from '../src/server/platform/clock'
import { openDatabase } from '../src/server/platform/db/database'
import type { PlatformDeps } from '../src/server/platform/deps'
import { AppError } from '../src/server/platform/errors'
import { createPiiCipher } from '../src/server/platform/pii/pii'
import { testPiiKeys } from './keys'

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} missing`) })()
const handle = await openDatabase({ databaseUrl: env('RACE_DATABASE_URL') })
const deps: PlatformDeps = { db: handle.db, clock: systemClock, pii: createPiiCipher(testPiiKeys), passwordPolicy: defaultPasswordPolicy, passwordMaxAgeDays: 90, homeProvince: '32', events: moduleEvents }
await handle.db.selectFrom('workflow.case').select('id').limit(1).execute()
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(env('RACE_AT')) - Date.now())))
try {
  await handle.db.transaction().execute((trx) =>
    fireTransition(trx, deps, { actor: { kind: 'system', name: `race-${process.pid}` }, ip: null }, env('RACE_CASE'), { transition: 'dispatch', expectedVersion: 1, fields: { orgId: env('RACE_ORG'), regionCode: '3201' } }),
  )
  console.log('won')
} catch (error) {
  console.log(error instanceof AppError ? error.id : `error ${String(error)}`)
} finally {
  await handle.close()
}
