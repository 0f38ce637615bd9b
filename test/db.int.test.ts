import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertRows, type DatabaseHandle, type Db } from '../src/server/platform/db/database'
import { createTestDatabase, testEngine } from './db'

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(db)
  return rows[0]?.found != null
}

describe(`createTestDatabase on ${testEngine()}`, () => {
  let first: DatabaseHandle
  let second: DatabaseHandle

  beforeAll(async () => {
    ;[first, second] = await Promise.all([createTestDatabase(), createTestDatabase()])
  })

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()])
  })

  test('runs on the engine TEST_DATABASE_URL selects', () => {
    expect(first.engine).toBe(testEngine())
  })

  test('starts at the latest migration', async () => {
    expect(await tableExists(first.db, 'platform.region')).toBe(true)
    const { rows } = await sql<{ applied: number }>`select count(*)::int as applied from public.kysely_migration`.execute(first.db)
    expect(rows[0]?.applied).toBeGreaterThan(0)
  })

  test('a write in one database is invisible in another', async () => {
    await sql`create table public.isolation_probe (id int primary key)`.execute(first.db)
    await sql`insert into public.isolation_probe values (1)`.execute(first.db)
    await sql`
      insert into platform.region (code, name, full_name, level)
      values ('99', 'probe', 'probe', 1)`.execute(first.db)

    expect(await tableExists(second.db, 'public.isolation_probe')).toBe(false)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from platform.region where code = '99'`.execute(second.db)
    expect(rows[0]?.n).toBe(0)
  })

  test('a database created after the write starts clean too', async () => {
    const third = await createTestDatabase()
    try {
      expect(await tableExists(third.db, 'public.isolation_probe')).toBe(false)
    } finally {
      await third.close()
    }
  })
})

describe(`insertRows on ${testEngine()}`, () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase()
  })
  afterAll(() => handle?.close())

  const row = (action: string, detail: Record<string, unknown>, targetId: unknown) => ({ at: new Date('2026-11-28T03:04:05.678Z'), actorKind: 'system', actorId: null, actorName: '测试', action, targetType: null, targetId, regionCode: undefined, result: 'success', ip: null, detail })

  test('stores each value as its column types it: instants, jsonb objects, nulls for null and undefined, a computed column', async () => {
    const rows = [row('probe.rows.a', { nested: [1, '二', null] }, { raw: 'abc' }), row('probe.rows.b', {}, { raw: "it's" })]
    await insertRows('platform.auditLog', rows, { targetId: (value) => sql`upper(${value} ->> 'raw')` }).execute(handle.db)
    const stored = await handle.db.selectFrom('platform.auditLog').select(['at', 'actorId', 'actorName', 'action', 'targetId', 'regionCode', 'detail']).where('action', 'like', 'probe.rows.%').orderBy('action').execute()
    expect(stored).toEqual([
      { at: new Date('2026-11-28T03:04:05.678Z'), actorId: null, actorName: '测试', action: 'probe.rows.a', targetId: 'ABC', regionCode: null, detail: { nested: [1, '二', null] } },
      { at: new Date('2026-11-28T03:04:05.678Z'), actorId: null, actorName: '测试', action: 'probe.rows.b', targetId: "IT'S", regionCode: null, detail: {} },
    ])
  })

  test('refuses a key that is not a plain column name, before anything reaches the database', () => {
    expect(() => insertRows('platform.auditLog', [{ 'action") values (1); --': 'x' } as never])).toThrow(/not a column name/)
  })
})
