import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminAccount } from '../src/server/platform/users/staff.service'
import { permissionsOf, roles } from '../src/server/platform/roles'
import { createTestApp, type TestApp } from './app'

/** Routes any signed-in staff member may call; every other non-public route must declare a permission. */
const signedInRoutes = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'GET /api/roles', 'GET /api/workflow/notices', 'POST /api/workflow/notices/:id/read'])

const placeholders: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', code: '32', day: '2026-10-01' }

function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => placeholders[name] ?? 'x')
}

let t: TestApp
const cookieOfRole = new Map<string, string>()

beforeAll(async () => {
  t = await createTestApp()
  const office = await t.deps.db.selectFrom('platform.org').select('id').where('name', '=', '江苏省政务服务管理办公室').executeTakeFirstOrThrow()
  for (const { role } of roles) {
    await createAdminAccount(t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, {
      username: `walk.${role.replace(/_/g, '-')}`,
      displayName: role,
      regionCode: '32',
      orgId: office.id,
      password: 'Walk-the-routes-9',
      role,
    })
    cookieOfRole.set(role, await t.login(`walk.${role.replace(/_/g, '-')}`, 'Walk-the-routes-9'))
  }
})
afterAll(() => t.close())

function apiRoutes() {
  return t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
}

describe('authorisation of every route', () => {
  it('declares a permission on every route that is neither public nor open to any signed-in staff member', () => {
    const undeclared = apiRoutes().filter((r) => !r.public && !r.permission && !signedInRoutes.has(`${r.method} ${r.url}`))
    expect(undeclared).toEqual([])
  })

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    for (const route of apiRoutes().filter((r) => !r.public)) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} })
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode, id: response.json().error?.id }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        id: 'authentication_required',
      })
    }
  })

  it('answers every route × role pair by the role table: 403 without the permission, past the gate with it', async () => {
    const outcomes: string[] = []
    for (const route of apiRoutes().filter((r) => !r.public)) {
      for (const { role } of roles) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: { cookie: cookieOfRole.get(role)! },
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        })
        const allowed = !route.permission || permissionsOf([role]).has(route.permission)
        const denied = response.statusCode === 403 || response.statusCode === 401
        if (allowed === denied) outcomes.push(`${route.method} ${route.url} as ${role}: ${response.statusCode} (expected ${allowed ? 'not 401/403' : '403'})`)
      }
    }
    expect(outcomes).toEqual([])
    // Every route times every role, one after another: the walk grows with each module.
  }, 120_000)

  it('keeps the three administrators apart: no permission is shared between their own duties', () => {
    const duties = (role: string) => new Set([...permissionsOf([role])].filter((p) => !['region.read', 'org.read', 'staff.read'].includes(p)))
    const [system, security, auditor] = ['system_admin', 'security_admin', 'auditor'].map(duties)
    for (const [a, b] of [[system!, security!], [system!, auditor!], [security!, auditor!]] as const) {
      expect([...a].filter((p) => b.has(p))).toEqual([])
    }
    expect([...auditor!]).toEqual(['audit.read'])
  })
})

describe('region scoping', () => {
  async function orgIdOf(name: string): Promise<string> {
    return (await t.deps.db.selectFrom('platform.org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  }
  async function staffIdOf(username: string): Promise<string> {
    return (await t.deps.db.selectFrom('platform.staffAccount').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id
  }

  it('lets a county administrator neither read nor change another county', async () => {
    const xuanwu = await t.login('xuanwu.admin')
    const peiOffice = await orgIdOf('沛县行政审批局')
    const peiAdmin = await staffIdOf('peixian.admin')
    const attempts = [
      { method: 'GET', url: '/api/orgs?region=320322' },
      { method: 'GET', url: `/api/orgs/${peiOffice}` },
      { method: 'POST', url: '/api/orgs', payload: { regionCode: '320322', name: '沛县测试局', kind: 'department' } },
      { method: 'PATCH', url: `/api/orgs/${peiOffice}`, payload: { name: '沛县改名局' } },
      { method: 'GET', url: `/api/staff/${peiAdmin}` },
      { method: 'GET', url: '/api/staff?region=320322' },
      { method: 'POST', url: `/api/staff/${peiAdmin}/disable` },
    ] as const
    for (const attempt of attempts) {
      const response = await t.app.inject({ ...attempt, headers: { cookie: xuanwu } })
      expect({ ...attempt, status: response.statusCode }).toEqual({ ...attempt, status: 403 })
    }
    const pei = await t.deps.db.selectFrom('platform.org').select('name').where('id', '=', peiOffice).executeTakeFirstOrThrow()
    expect(pei.name).toBe('沛县行政审批局')
    const peiStatus = await t.deps.db.selectFrom('platform.staffAccount').select('status').where('id', '=', peiAdmin).executeTakeFirstOrThrow()
    expect(peiStatus.status).toBe('active')
    const denials = await t.deps.db.selectFrom('platform.auditLog').select('actorName').where('action', '=', 'access.denied').where('regionCode', '=', '320102').execute()
    expect(denials.filter((d) => d.actorName === 'xuanwu.admin')).toHaveLength(attempts.length)
  })

  it('shows a county administrator only the accounts of the county', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff?pageSize=200', headers: { cookie: await t.login('xuanwu.admin') } })
    const regions = new Set(response.json().items.map((s: { regionCode: string }) => s.regionCode))
    expect([...regions].every((code) => String(code).startsWith('320102'))).toBe(true)
    expect(response.json().total).toBeGreaterThan(0)
  })

  it('lets a city administrator manage the counties below it but not another city', async () => {
    const nanjing = await t.login('nanjing.admin')
    const below = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: nanjing }, payload: { regionCode: '320102', name: '玄武区数据局测试', kind: 'department' } })
    expect(below.statusCode).toBe(201)
    const other = await t.app.inject({ method: 'GET', url: '/api/orgs?region=320322', headers: { cookie: nanjing } })
    expect(other.statusCode).toBe(403)
  })
})
