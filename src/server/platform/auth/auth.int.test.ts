import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, sessionCookie, type TestApp } from '../../../../test/app'
import { DEMO_PASSWORD } from '../../demo/seed-demo'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const minutes = (n: number) => n * 60_000

async function attempt(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
}

async function me(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
}

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const response = await attempt('sysadmin', DEMO_PASSWORD)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ username: 'sysadmin', roles: ['system_admin'], regionName: '江苏省' })
    const cookie = response.cookies.find((c) => c.name === 'yw_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
  })

  it('issues a new session id at every sign-in', async () => {
    const first = sessionCookie(await attempt('auditor', DEMO_PASSWORD))
    const second = sessionCookie(await attempt('auditor', DEMO_PASSWORD))
    expect(first).not.toBe(second)
  })

  it('answers an unknown account exactly like a wrong password', async () => {
    const unknown = await attempt('nobody-here', 'Whatever-1a')
    const wrong = await attempt('security', 'Whatever-1a')
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.json()).toEqual(wrong.json())
    expect(unknown.json().error.id).toBe('login_failed')
  })

  it('locks an account for 15 minutes after 5 failures, without saying so, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('handler', 'Wrong-password-1')).statusCode).toBe(401)
    const whileLocked = await attempt('handler', DEMO_PASSWORD)
    expect(whileLocked.statusCode).toBe(401)
    expect(whileLocked.json()).toEqual((await attempt('nobody-here', 'x')).json())
    t.clock.advance(minutes(14))
    expect((await attempt('handler', DEMO_PASSWORD)).statusCode).toBe(401)
    t.clock.advance(minutes(2))
    expect((await attempt('handler', DEMO_PASSWORD)).statusCode).toBe(200)
    const lockouts = await t.deps.db.selectFrom('platform.auditLog').select('action').where('action', '=', 'auth.lockout').execute()
    expect(lockouts.length).toBe(1)
  })

  it('lets the security administrator unlock a locked account', async () => {
    for (let i = 0; i < 5; i++) await attempt('dispatcher', 'Wrong-password-1')
    const id = (await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', 'dispatcher').executeTakeFirstOrThrow()).id
    const unlocked = await t.app.inject({ method: 'POST', url: `/api/staff/${id}/unlock`, headers: { cookie: await t.login('security') } })
    expect(unlocked.statusCode).toBe(200)
    expect(unlocked.json().locked).toBe(false)
    expect((await attempt('dispatcher', DEMO_PASSWORD)).statusCode).toBe(200)
  })
})

describe('sessions', () => {
  it('expires after 30 idle minutes', async () => {
    const cookie = await t.login('auditor')
    t.clock.advance(minutes(29))
    expect((await me(cookie)).statusCode).toBe(200)
    t.clock.advance(minutes(29))
    expect((await me(cookie)).statusCode).toBe(200)
    t.clock.advance(minutes(31))
    const expired = await me(cookie)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.id).toBe('authentication_required')
  })

  it('ends after 12 hours however active', async () => {
    const cookie = await t.login('auditor')
    for (let i = 0; i < 24; i++) {
      t.clock.advance(minutes(29))
      expect((await me(cookie)).statusCode).toBe(200)
    }
    t.clock.advance(minutes(29))
    expect((await me(cookie)).statusCode).toBe(401)
  })

  it('ends at logout', async () => {
    const cookie = await t.login('auditor')
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204)
    expect((await me(cookie)).statusCode).toBe(401)
  })

  it('ends every session of an account that is disabled', async () => {
    const clerk = await t.login('clerk')
    const id = (await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id
    const disabled = await t.app.inject({ method: 'POST', url: `/api/staff/${id}/disable`, headers: { cookie: await t.login('sysadmin') } })
    expect(disabled.statusCode).toBe(200)
    expect((await me(clerk)).statusCode).toBe(401)
    expect((await attempt('clerk', DEMO_PASSWORD)).statusCode).toBe(401)
  })
})

describe('password change', () => {
  it('refuses a password that breaks the policy and names the rule', async () => {
    const cookie = await t.login('xuanwu.admin')
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'password' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.id).toBe('password_policy')
    const ids = response.json().error.details.violations.map((v: { id: string }) => v.id)
    expect(ids).toContain('password_common')
  })

  it('changes the password, keeps this session and ends the others', async () => {
    const here = await t.login('peixian.admin')
    const elsewhere = await t.login('peixian.admin')
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: here }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Pei-county-2026' } })
    expect(response.statusCode).toBe(204)
    expect((await me(here)).statusCode).toBe(200)
    expect((await me(elsewhere)).statusCode).toBe(401)
    expect((await attempt('peixian.admin', 'Pei-county-2026')).statusCode).toBe(200)
  })
})

describe('API tokens', () => {
  it('authenticates a system-to-system call as the token owner and stores only a hash', async () => {
    const { createApiToken } = await import('./api-token')
    const staff = await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', 'auditor').executeTakeFirstOrThrow()
    const { token } = await createApiToken(t.deps.db, { staffId: staff.id, name: 'report exporter', expiresAt: null })
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })
    expect(response.json().username).toBe('auditor')
    const stored = await t.deps.db.selectFrom('platform.apiToken').select('tokenHash').execute()
    expect(stored.some((s) => s.tokenHash.includes(token))).toBe(false)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer ywt_forged' } })).statusCode).toBe(401)
  })
})

describe('password expiry', () => {
  it('after 90 days allows only changing the password, then everything again', async () => {
    const changed = await t.deps.db.selectFrom('platform.staffAccount').select(['id', 'passwordChangedAt']).where('username', '=', 'nanjing.admin').executeTakeFirstOrThrow()
    t.clock.set(new Date(Math.max(t.clock.now().getTime(), changed.passwordChangedAt.getTime()) + 91 * 86_400_000))
    const cookie = await t.login('nanjing.admin')
    const who = await me(cookie)
    expect(who.json().passwordExpired).toBe(true)
    const refused = await t.app.inject({ method: 'GET', url: '/api/orgs?region=3201', headers: { cookie } })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.id).toBe('password_expired')
    const change = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Nanjing-renewed-26' } })
    expect(change.statusCode).toBe(204)
    expect((await me(cookie)).json().passwordExpired).toBe(false)
    expect((await t.app.inject({ method: 'GET', url: '/api/orgs?region=3201', headers: { cookie } })).statusCode).toBe(200)
  })

  it('does not apply to API tokens, which are not passwords', async () => {
    const { createApiToken } = await import('./api-token')
    const staff = await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()
    await t.deps.db.updateTable('platform.staffAccount').set({ status: 'active' }).where('id', '=', staff.id).execute()
    const { token } = await createApiToken(t.deps.db, { staffId: staff.id, name: 'kiosk', expiresAt: null })
    const response = await t.app.inject({ method: 'GET', url: '/api/regions?parent=32', headers: { authorization: `Bearer ${token}` } })
    expect(response.statusCode).toBe(200)
  })
})
