import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { idempotencyRequestHash, purgeIdempotencyKeys } from './idempotency'

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await createTestApp()
  cookie = await t.login('sysadmin')
})
afterAll(() => t.close())

function createOrg(key: string, name: string) {
  return t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, 'idempotency-key': key }, payload: { regionCode: '3201', name, kind: 'department' } })
}

async function orgsNamed(name: string) {
  return t.deps.db.selectFrom('platform.org').select('id').where('name', '=', name).execute()
}

describe('Idempotency-Key', () => {
  it('replays the stored answer for a retry and creates once', async () => {
    const first = await createOrg('key-replay-0001', '南京市重试测试局')
    const retry = await createOrg('key-replay-0001', '南京市重试测试局')
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.json()).toEqual(first.json())
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(await orgsNamed('南京市重试测试局')).toHaveLength(1)
  })

  it('refuses the same key with a different body with 422', async () => {
    await createOrg('key-mismatch-01', '南京市甲测试局')
    const other = await createOrg('key-mismatch-01', '南京市乙测试局')
    expect(other.statusCode).toBe(422)
    expect(other.json().error.id).toBe('idempotency_key_reused')
    expect(await orgsNamed('南京市乙测试局')).toHaveLength(0)
  })

  it('answers 409 to a duplicate that arrives while the first is still running', async () => {
    const staff = await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', 'sysadmin').executeTakeFirstOrThrow()
    const body = { regionCode: '3201', name: '南京市并发测试局', kind: 'department' }
    // The first request holds the key: its row is pending until its answer is stored.
    await t.deps.db
      .insertInto('platform.idempotencyKey')
      .values({ actor: `staff:${staff.id}`, key: 'key-concurrent-1', method: 'POST', path: '/api/orgs', requestHash: idempotencyRequestHash('POST', '/api/orgs', body), state: 'pending', statusCode: null, responseBody: null, createdAt: t.clock.now() })
      .execute()
    const duplicate = await createOrg('key-concurrent-1', '南京市并发测试局')
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().error.id).toBe('idempotency_in_progress')
    expect(await orgsNamed('南京市并发测试局')).toHaveLength(0)
  })

  it('creates once when two requests with one key arrive together', async () => {
    const answers = await Promise.all([createOrg('key-concurrent-2', '南京市同时测试局'), createOrg('key-concurrent-2', '南京市同时测试局')])
    // The second either waits its turn and gets the replay (201) or finds the first in progress (409).
    for (const answer of answers) expect([201, 409]).toContain(answer.statusCode)
    expect(answers.some((a) => a.statusCode === 201 && a.headers['idempotent-replayed'] === undefined)).toBe(true)
    expect(await orgsNamed('南京市同时测试局')).toHaveLength(1)
  })

  it('keeps a failed answer too, so a retry of a refused request is refused the same way', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, 'idempotency-key': 'key-invalid-001' }, payload: { regionCode: '3201', name: '南京市重试测试局', kind: 'department' } })
    expect(first.statusCode).toBe(409)
    const again = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, 'idempotency-key': 'key-invalid-001' }, payload: { regionCode: '3201', name: '南京市重试测试局', kind: 'department' } })
    expect(again.statusCode).toBe(409)
    expect(again.headers['idempotent-replayed']).toBe('true')
  })

  it('scopes keys to the caller, so two accounts cannot see each other\'s answers', async () => {
    const nanjing = await t.login('nanjing.admin')
    const response = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: nanjing, 'idempotency-key': 'key-replay-0001' }, payload: { regionCode: '3201', name: '南京市另一个测试局', kind: 'department' } })
    expect(response.statusCode).toBe(201)
    expect(response.headers['idempotent-replayed']).toBeUndefined()
  })

  it('rejects a malformed key', async () => {
    expect((await createOrg('short', '南京市短键测试局')).statusCode).toBe(400)
  })

  it('forgets answers after a day, so the same key then starts afresh', async () => {
    await createOrg('key-purged-0001', '南京市过期测试局')
    t.clock.advance(25 * 60 * 60 * 1000)
    expect(await purgeIdempotencyKeys(t.deps.db, t.clock.now())).toBeGreaterThan(0)
    const kept = await t.deps.db.selectFrom('platform.idempotencyKey').select('key').where('key', '=', 'key-purged-0001').execute()
    expect(kept).toEqual([])
  })
})
