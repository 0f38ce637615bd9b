import type { Kysely } from 'kysely'
import { seedDemo } from '../src/server/demo/seed-demo'
import { systemClock } from '../src/server/platform/clock'
import type { Db } from '../src/server/platform/db/database'
import { moduleEvents, modules } from '../src/server/modules'
import { allMigrations, migrateToLatest } from '../src/server/platform/db/migrator'
import { defaultPasswordPolicy } from '../src/server/platform/auth/password'
import { createPiiCipher } from '../src/server/platform/pii/pii'
import { seedReferenceData } from '../src/server/platform/seed'
import { testPiiKeys } from './keys'

/**
 * What every test database starts with: the schema at the latest migration, the regions (the
 * home province down to towns; villages only slow the clone) and the demo departments and staff.
 * Built once per run, then cloned per test file.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prepareTemplate(db: Kysely<any>): Promise<void> {
  await migrateToLatest(db, allMigrations(modules))
  await seedReferenceData(db, { homeProvince: '32', villages: false })
  const typed: Db = db
  await seedDemo({ db: typed, clock: systemClock, pii: createPiiCipher(testPiiKeys), passwordPolicy: defaultPasswordPolicy, passwordMaxAgeDays: 90, homeProvince: '32', events: moduleEvents }, { content: false })
}
