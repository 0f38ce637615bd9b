import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { createAdminAccount } from '../users/staff.service'

let t: TestApp
let security: string
beforeAll(async () => {
  t = await createTestApp()
})
// a fresh session each time: some tests move the clock past the idle timeout
beforeEach(async () => {
  security = await t.login('security')
})
afterAll(() => t.close())

const days = (n: number) => n * 24 * 60 * 60_000

async function staffIdOf(username: string): Promise<string> {
  return (await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id
}

function issue(cookie: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, ...headers }, payload })
}

function revoke(cookie: string, id: string) {
  return t.app.inject({ method: 'POST', url: `/api/tokens/${id}/revoke`, headers: { cookie } })
}

function me(token: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })
}

function list(cookie: string, query = '') {
  return t.app.inject({ method: 'GET', url: `/api/tokens${query}`, headers: { cookie } })
}

describe('issuing an API token', () => {
  it('issues a token the security administrator sees once, which then authenticates as the account', async () => {
    const clerk = await staffIdOf('clerk')
    const response = await issue(security, { staffId: clerk, name: '窗口叫号系统' })
    expect(response.statusCode).toBe(201)
    const issued = response.json()
    expect(issued).toMatchObject({ staffId: clerk, username: 'clerk', name: '窗口叫号系统', status: 'active', revokedAt: null, lastUsedAt: null })
    expect(issued.token).toMatch(/^ywt_[A-Za-z0-9_-]{43}$/)
    // no expiry chosen: one year
    expect(new Date(issued.expiresAt).getTime() - t.clock.now().getTime()).toBe(days(365))

    const caller = await me(issued.token)
    expect(caller.statusCode).toBe(200)
    expect(caller.json()).toMatchObject({ username: 'clerk', roles: ['window_clerk'] })

    const listed = await list(security)
    expect(listed.statusCode).toBe(200)
    const row = listed.json().find((r: { id: string }) => r.id === issued.id)
    expect(row).toMatchObject({ name: '窗口叫号系统', username: 'clerk', displayName: '孙窗', status: 'active' })
    expect(row.lastUsedAt).toBe(t.clock.now().toISOString())
    expect(Object.keys(row)).not.toContain('token')
    expect(Object.keys(row)).not.toContain('tokenHash')
    const stored = await t.deps.db.selectFrom('platform.apiToken').select('tokenHash').where('id', '=', issued.id).executeTakeFirstOrThrow()
    expect(listed.body).not.toContain(issued.token)
    expect(listed.body).not.toContain(stored.tokenHash)
  })

  it('lists the tokens of one account with ?staff=', async () => {
    const handler = await staffIdOf('handler')
    expect((await issue(security, { staffId: handler, name: 'handler sync' })).statusCode).toBe(201)
    const mine = await list(security, `?staff=${handler}`)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().length).toBeGreaterThan(0)
    expect(mine.json().every((r: { staffId: string }) => r.staffId === handler)).toBe(true)
    expect((await list(security, '?staff=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })

  it('stops working once revoked, and a second revocation is a conflict', async () => {
    const { id, token } = (await issue(security, { staffId: await staffIdOf('dispatcher'), name: '热线对接' })).json()
    expect((await me(token)).statusCode).toBe(200)
    const revoked = await revoke(security, id)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ id, status: 'revoked', revokedAt: t.clock.now().toISOString() })
    expect((await me(token)).statusCode).toBe(401)
    const again = await revoke(security, id)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.id).toBe('token_already_revoked')
    const unknown = await revoke(security, '00000000-0000-4000-8000-000000000000')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.id).toBe('token_not_found')
    const row = (await list(security)).json().find((r: { id: string }) => r.id === id)
    expect(row.status).toBe('revoked')
  })

  it('is revoked when its account becomes an administrator', async () => {
    const dispatcher = await staffIdOf('dispatcher')
    const issued = (await issue(security, { staffId: dispatcher, name: '派单接口' })).json()
    expect((await me(issued.token)).statusCode).toBe(200)
    const promoted = await t.app.inject({ method: 'PUT', url: `/api/staff/${dispatcher}/roles`, headers: { cookie: security }, payload: { roles: ['auditor'] } })
    expect(promoted.statusCode).toBe(200)
    expect((await me(issued.token)).statusCode).toBe(401)
  })

  it('stops working at its expiry', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + days(7)).toISOString()
    const issued = await issue(security, { staffId: await staffIdOf('clerk'), name: 'one week', expiresAt })
    expect(issued.statusCode).toBe(201)
    expect(issued.json().expiresAt).toBe(expiresAt)
    const { id, token } = issued.json()
    t.clock.advance(days(7) - 1000)
    expect((await me(token)).statusCode).toBe(200)
    t.clock.advance(1000)
    expect((await me(token)).statusCode).toBe(401)
    const row = (await list(await t.login('security'))).json().find((r: { id: string }) => r.id === id)
    expect(row.status).toBe('expired')
  })

  it('refuses an expiry in the past or more than a year ahead', async () => {
    const clerk = await staffIdOf('clerk')
    const now = t.clock.now().getTime()
    const past = await issue(security, { staffId: clerk, name: 'past', expiresAt: new Date(now - 1000).toISOString() })
    expect(past.statusCode).toBe(400)
    expect(past.json().error).toMatchObject({ id: 'token_expiry_past', field: 'expiresAt' })
    const far = await issue(security, { staffId: clerk, name: 'far', expiresAt: new Date(now + days(366)).toISOString() })
    expect(far.statusCode).toBe(400)
    expect(far.json().error.id).toBe('token_expiry_too_far')
    expect((await issue(security, { staffId: clerk, name: 'far', expiresAt: 'tomorrow' })).statusCode).toBe(400)
    expect((await issue(security, { staffId: clerk, name: '   ' })).statusCode).toBe(400)
  })

  it('refuses an unknown account, a disabled one and an administrator', async () => {
    const unknown = await issue(security, { staffId: '00000000-0000-4000-8000-000000000000', name: 'x' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.id).toBe('staff_not_found')
    const admin = await issue(security, { staffId: await staffIdOf('sysadmin'), name: 'x' })
    expect(admin.statusCode).toBe(400)
    expect(admin.json().error.id).toBe('token_staff_admin')
    const own = await issue(security, { staffId: await staffIdOf('security'), name: 'x' })
    expect(own.json().error.id).toBe('token_staff_admin')

    const office = await t.deps.db.selectFrom('platform.org').select('id').where('name', '=', '玄武区政务服务中心').executeTakeFirstOrThrow()
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { cookie: await t.login('sysadmin') },
      payload: { username: 'robot.disabled', displayName: '停用机器', regionCode: '320102', orgId: office.id, password: 'Robot-account-77' },
    })
    expect(created.statusCode).toBe(201)
    await t.app.inject({ method: 'POST', url: `/api/staff/${created.json().id}/disable`, headers: { cookie: await t.login('sysadmin') } })
    const disabled = await issue(security, { staffId: created.json().id, name: 'x' })
    expect(disabled.statusCode).toBe(400)
    expect(disabled.json().error).toMatchObject({ id: 'token_staff_disabled', field: 'staffId' })
  })

  it('takes no Idempotency-Key, so that the plain token is never kept', async () => {
    const response = await issue(security, { staffId: await staffIdOf('clerk'), name: 'keyed' }, { 'idempotency-key': 'token-issue-0001' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.id).toBe('idempotency_key_unsupported')
    const kept = await t.deps.db.selectFrom('platform.idempotencyKey').select('key').where('key', '=', 'token-issue-0001').execute()
    expect(kept).toEqual([])
  })
})

describe('who may manage tokens', () => {
  it('refuses the system administrator and the auditor with 403', async () => {
    const clerk = await staffIdOf('clerk')
    for (const username of ['sysadmin', 'auditor']) {
      const cookie = await t.login(username)
      expect((await list(cookie)).statusCode).toBe(403)
      expect((await issue(cookie, { staffId: clerk, name: 'x' })).statusCode).toBe(403)
    }
    const tokens = await t.deps.db.selectFrom('platform.apiToken').select('id').where('name', '=', 'x').execute()
    expect(tokens).toEqual([])
  })

  it('keeps a county security administrator to the county', async () => {
    const office = await t.deps.db.selectFrom('platform.org').select('id').where('name', '=', '玄武区行政审批局').executeTakeFirstOrThrow()
    await createAdminAccount(t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, {
      username: 'xuanwu.security',
      displayName: '玄武安全员',
      regionCode: '320102',
      orgId: office.id,
      password: 'Xuanwu-security-9',
      role: 'security_admin',
    })
    const county = await t.login('xuanwu.security', 'Xuanwu-security-9')

    // handler is of Nanjing city (3201), above the county
    const handler = await staffIdOf('handler')
    const outside = await issue(county, { staffId: handler, name: 'outside' })
    expect(outside.statusCode).toBe(403)
    expect((await list(county, `?staff=${handler}`)).statusCode).toBe(403)
    const provinceToken = (await list(security, `?staff=${handler}`)).json()[0]
    expect((await revoke(county, provinceToken.id)).statusCode).toBe(403)
    expect((await list(security)).json().find((r: { id: string }) => r.id === provinceToken.id).status).toBe('active')

    const inside = await issue(county, { staffId: await staffIdOf('clerk'), name: 'inside' })
    expect(inside.statusCode).toBe(201)
    const visible = (await list(county)).json()
    expect(visible.length).toBeGreaterThan(0)
    expect(visible.every((r: { regionCode: string }) => r.regionCode.startsWith('320102'))).toBe(true)
    expect(visible.some((r: { username: string }) => r.username === 'handler')).toBe(false)
  })
})

describe('the audit trail', () => {
  it('records issue and revoke without the token or its hash', async () => {
    const { id, token } = (await issue(security, { staffId: await staffIdOf('clerk'), name: '审计检查' })).json()
    expect((await revoke(security, id)).statusCode).toBe(200)
    const rows = await t.deps.db.selectFrom('platform.auditLog').selectAll().where('targetId', '=', id).orderBy('seq').execute()
    expect(rows.map((r) => [r.action, r.actorName, r.targetType, r.regionCode])).toEqual([
      ['api_token.issue', 'security', 'api_token', '320102'],
      ['api_token.revoke', 'security', 'api_token', '320102'],
    ])
    expect(rows[0]!.detail).toMatchObject({ name: '审计检查', username: 'clerk' })
    const stored = await t.deps.db.selectFrom('platform.apiToken').select('tokenHash').where('id', '=', id).executeTakeFirstOrThrow()
    const everything = JSON.stringify(await t.deps.db.selectFrom('platform.auditLog').selectAll().execute())
    expect(everything).not.toContain(token)
    expect(everything).not.toContain(token.slice(4))
    expect(everything).not.toContain(stored.tokenHash)
  })
})
