import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { recordAudit, sealAllAudit, verifyAuditChain } from './audit'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  const ctx = { actor: { kind: 'system' as const, name: 'test' }, ip: '127.0.0.1', at: t.clock.now() }
  for (let i = 0; i < 5; i++) {
    await t.deps.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'test.event', targetId: String(i), detail: { i, nested: { b: 1, a: [1, 2] } } }))
  }
})
afterAll(() => t.close())

async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(t.deps.db)
  await statement.execute(t.deps.db)
  await sql`alter table platform.audit_log enable trigger audit_log_append_only`.execute(t.deps.db)
}

describe('the audit log', () => {
  it('verifies intact after the seed and the test events', async () => {
    const report = await verifyAuditChain(t.deps.db)
    expect(report.ok).toBe(true)
    expect(report.checked).toBeGreaterThan(5)
  })

  it('rolls back with the change it records', async () => {
    const before = await t.deps.db.selectFrom('platform.auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actor: { kind: 'system', name: 'test' }, ip: null, at: t.clock.now() }, { action: 'test.rolled_back' })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    const after = await t.deps.db.selectFrom('platform.auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true)
  })

  it('refuses updates and deletes of records and of seals; sealing writes a seal and leaves the record as it was', async () => {
    await t.deps.db.transaction().execute((trx) => recordAudit(trx, { actor: { kind: 'system', name: 'test' }, ip: null, at: t.clock.now() }, { action: 'seal.unsealed' }))
    const record = await t.deps.db.selectFrom('platform.auditLog').selectAll().where('action', '=', 'seal.unsealed').executeTakeFirstOrThrow()
    expect(await t.deps.db.selectFrom('platform.auditPending').selectAll().where('seq', '=', record.seq).execute()).toEqual([{ seq: record.seq }])
    await expect(sql`update platform.audit_log set action = 'x' where action = 'seal.unsealed'`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from platform.audit_log where action = 'seal.unsealed'`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await sealAllAudit(t.deps.db)
    expect(await t.deps.db.selectFrom('platform.auditLog').selectAll().where('seq', '=', record.seq).executeTakeFirstOrThrow()).toEqual(record)
    expect(await t.deps.db.selectFrom('platform.auditSeal').select('seq').where('seq', '=', record.seq).execute()).toEqual([{ seq: record.seq }])
    await expect(sql`update platform.audit_seal set hash = 'f' where seq = ${record.seq}`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from platform.audit_seal`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`update platform.audit_log set action = 'x'`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from platform.audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/)
  })

  it('seals concurrent appends into one unbroken chain', async () => {
    const ctx = { actor: { kind: 'system' as const, name: 'test' }, ip: null, at: t.clock.now() }
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.deps.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'seal.concurrent', targetId: String(i) }))))
    await Promise.all([sealAllAudit(t.deps.db), sealAllAudit(t.deps.db), sealAllAudit(t.deps.db)])
    expect(await t.deps.db.selectFrom('platform.auditPending').select('seq').execute()).toEqual([])
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true)
  })

  it('lets the auditor browse and filter it, and no one else', async () => {
    const auditor = await t.login('auditor')
    const response = await t.app.inject({ method: 'GET', url: '/api/audit?action=test.&pageSize=3', headers: { cookie: auditor } })
    expect(response.statusCode).toBe(200)
    expect(response.json().total).toBe(5)
    expect(response.json().items.map((e: { targetId: string }) => e.targetId)).toEqual(['4', '3', '2'])
    expect(response.json().items.every((e: { hash: string | null }) => /^[0-9a-f]{64}$/.test(e.hash ?? '')), 'sealed records show their link hash').toBe(true)
    const sysadmin = await t.login('sysadmin')
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: sysadmin } })).statusCode).toBe(403)
  })

  it('reports the first broken link when a row is edited', async () => {
    const target = await t.deps.db.selectFrom('platform.auditLog').select('seq').where('action', '=', 'test.event').where('targetId', '=', '2').executeTakeFirstOrThrow()
    await tamper(sql`update platform.audit_log set detail = '{"i": 99}' where seq = ${target.seq}`)
    const report = await verifyAuditChain(t.deps.db)
    expect(report).toMatchObject({ ok: false, brokenAt: target.seq, reason: 'hash_mismatch' })
    const api = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: await t.login('auditor') } })
    expect(api.json()).toMatchObject({ ok: false, brokenAt: target.seq })
  })
})

describe('deletions from the audit log', () => {
  let d: TestApp
  beforeAll(async () => {
    d = await createTestApp()
  })
  afterAll(() => d.close())

  it('detects a row deleted from the middle and one deleted from the end', async () => {
    // The chain protects sealed records; the sealer runs every second in a server.
    await sealAllAudit(d.deps.db)
    const rows = await d.deps.db.selectFrom('platform.auditLog').select('seq').orderBy('seq').execute()
    const middle = rows[Math.floor(rows.length / 2)]!.seq
    await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(d.deps.db)
    await sql`delete from platform.audit_log where seq = ${middle}`.execute(d.deps.db)
    const afterMiddle = await verifyAuditChain(d.deps.db)
    expect(afterMiddle).toMatchObject({ ok: false, reason: 'link_mismatch' })
    expect(afterMiddle.brokenAt).toBeGreaterThan(middle)
  })
})

describe('tail truncation', () => {
  let d: TestApp
  beforeAll(async () => {
    d = await createTestApp()
  })
  afterAll(() => d.close())

  it('detects rows removed from the end through the head record', async () => {
    await sealAllAudit(d.deps.db)
    const last = await d.deps.db.selectFrom('platform.auditLog').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(d.deps.db)
    await sql`delete from platform.audit_log where seq = ${last.seq}`.execute(d.deps.db)
    expect(await verifyAuditChain(d.deps.db)).toMatchObject({ ok: false, reason: 'head_mismatch' })
  })
})

describe('a record kept out of the chain', () => {
  let d: TestApp
  beforeAll(async () => {
    d = await createTestApp()
  })
  afterAll(() => d.close())

  it('is found when its pending note is removed before the sealer sees it', async () => {
    await sealAllAudit(d.deps.db)
    await d.deps.db.transaction().execute((trx) => recordAudit(trx, { actor: { kind: 'system', name: 'test' }, ip: null, at: d.clock.now() }, { action: 'test.hidden' }))
    const hidden = await d.deps.db.selectFrom('platform.auditLog').select('seq').where('action', '=', 'test.hidden').executeTakeFirstOrThrow()
    await sql`delete from platform.audit_pending where seq = ${hidden.seq}`.execute(d.deps.db)
    expect(await verifyAuditChain(d.deps.db)).toMatchObject({ ok: false, brokenAt: hidden.seq, reason: 'unlinked' })
  })
})
