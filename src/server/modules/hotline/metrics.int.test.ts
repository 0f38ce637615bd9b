import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { seedDemoAppeals } from '../../demo/demo-hotline'
import { DEMO_PASSWORD } from '../../demo/seed-demo'
import type { RequestContext } from '../../platform/deps'
import { createStaff } from '../../platform/users/staff.service'
import { appealMetrics } from './metrics.service'

let t: TestApp
const cookies: Record<string, string> = {}
const system: RequestContext = { actor: { kind: 'system', name: 'metrics-test' }, ip: null }

async function call(who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, payload: payload as object, headers: who ? { cookie: cookies[who]! } : {} })
  return { status: response.statusCode, body: response.json() }
}

async function act(who: string, id: string, transition: string, fields: Record<string, unknown> = {}) {
  const current = await call(who, 'GET', `/api/hotline/appeals/${id}`)
  const acted = await call(who, 'POST', `/api/hotline/appeals/${id}/actions`, { transition, expectedVersion: current.body.caseVersion, fields })
  expect(acted.status, JSON.stringify(acted.body)).toBe(200)
  return acted.body
}

const orgId = async (regionCode: string, name: string) => (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
const idOf = async (number: string) => (await t.deps.db.selectFrom('hotline.appeal').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id

/** A hotline supervisor at a region's 12345 centre (the demo has one only for Nanjing), signed in. */
async function supervisorOf(regionCode: string, centre: string, username: string): Promise<string> {
  const staff = await createStaff(t.deps, system, { username, displayName: username, regionCode, orgId: await orgId(regionCode, centre), password: DEMO_PASSWORD }, ['supervisor'])
  cookies[username] = await t.login(username)
  return staff.id
}

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator })

beforeAll(async () => {
  t = await createTestApp()
  for (const who of ['agent', 'dispatcher', 'supervisor', 'xuanwu.handler']) cookies[who] = await t.login(who)
  await supervisorOf('3203', '徐州市12345政务服务便民热线中心', 'xuzhou.supervisor')

  // Three appeals in Xuanwu on 2 March: one carried to a satisfied callback, one resolved on the
  // call, one dispatched an hour late and still open.
  const food = await call(null, 'POST', '/api/public/hotline/appeals', { line: '12345', type: 'complaint', categoryKey: 'market.food_safety', regionCode: '320102', content: '玄武区某快餐店售卖过期食品，要求处理。' })
  expect(food.status, JSON.stringify(food.body)).toBe(201)
  const foodId = await idOf(food.body.number)
  await act('xuanwu.handler', foodId, 'reply', { answer: '已责令商家下架过期食品。' })
  await act('agent', foodId, 'callback', { satisfaction: 'satisfied' })

  const question = await call('agent', 'POST', '/api/hotline/appeals', { channel: 'phone', line: '12345', type: 'inquiry', regionCode: '320102', content: '请问办理居住证需要带哪些材料？' })
  expect(question.body.appeal.state).toBe('received')
  await act('agent', question.body.appeal.id, 'resolve_on_call', { answer: '身份证、租房合同和照片。' })

  const noise = await call('agent', 'POST', '/api/hotline/appeals', { channel: 'phone', line: '12345', type: 'complaint', regionCode: '320102', content: '小区旁工地夜间施工噪音太大，影响休息。' })
  t.clock.advance(3 * 3_600_000)
  for (const who of Object.keys(cookies)) cookies[who] = await t.login(who) // the sessions idled out
  await act('dispatcher', noise.body.appeal.id, 'dispatch', { orgId: await orgId('320102', '玄武区住房和城乡建设局') })
})
afterAll(() => t.close())

describe('hotline metrics on a real database', () => {
  it('measures dispatch, completion, first-call resolution, callback and satisfaction exactly', async () => {
    const { status, body } = await call('supervisor', 'GET', '/api/hotline/metrics?from=2026-03-01&to=2026-03-02')
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-02', regionCode: '3201', line: null, groupBy: null, groups: [] })
    expect(body.overall).toEqual({
      appeals: 3,
      states: { open: 1, answered: 0, closed: 2, merged: 0, transferred: 0 },
      onTimeDispatch: rate(1, 2),
      onTimeCompletion: rate(2, 2),
      firstCallResolution: rate(1, 3),
      callback: rate(1, 1),
      satisfaction: rate(1, 1),
      satisfactionCounts: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 },
    })
  })

  it('groups by department, county, line, category and day, the groups adding up to the whole', async () => {
    const byOrg = (await call('supervisor', 'GET', '/api/hotline/metrics?from=2026-03-02&to=2026-03-02&groupBy=org')).body
    expect(byOrg.groups.map((g: { name: { zh: string }; metrics: { appeals: number } }) => [g.name.zh, g.metrics.appeals]).sort()).toEqual([
      ['未派单', 1],
      ['玄武区住房和城乡建设局', 1],
      ['玄武区市场监督管理局', 1],
    ])
    const market = byOrg.groups.find((g: { name: { zh: string } }) => g.name.zh === '玄武区市场监督管理局')
    expect(market.metrics).toMatchObject({ onTimeDispatch: rate(1, 1), satisfaction: rate(1, 1) })
    const housing = byOrg.groups.find((g: { name: { zh: string } }) => g.name.zh === '玄武区住房和城乡建设局')
    expect(housing.metrics).toMatchObject({ onTimeDispatch: rate(0, 1), onTimeCompletion: rate(0, 0), states: { open: 1 } })

    const byRegion = (await call('supervisor', 'GET', '/api/hotline/metrics?from=2026-03-02&to=2026-03-02&groupBy=region')).body
    expect(byRegion.groups).toMatchObject([{ key: '320102', name: { zh: '玄武区' }, metrics: { appeals: 3 } }])
    const byLine = (await call('supervisor', 'GET', '/api/hotline/metrics?groupBy=line')).body
    expect(byLine.groups).toMatchObject([{ key: '12345', name: { zh: '12345热线' }, metrics: { appeals: 3 } }])
    const byCategory = (await call('supervisor', 'GET', '/api/hotline/metrics?groupBy=category')).body
    expect(byCategory.groups.map((g: { key: string | null }) => g.key).sort()).toEqual(['market.food_safety', null].sort())
    const byDay = (await call('supervisor', 'GET', '/api/hotline/metrics?from=2026-02-01&to=2026-03-31&groupBy=day')).body
    expect(byDay.groups).toMatchObject([{ key: '2026-03-02', metrics: { appeals: 3 } }])
    const talent = (await call('supervisor', 'GET', '/api/hotline/metrics?line=talent')).body
    expect(talent.overall).toMatchObject({ appeals: 0, onTimeDispatch: rate(0, 0), satisfaction: { rate: null } })
  })

  it('draws the daily trend with every day of the period present', async () => {
    const { status, body } = await call('supervisor', 'GET', '/api/hotline/metrics/trend?from=2026-02-27&to=2026-03-03')
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.days).toEqual([
      { day: '2026-02-27', appeals: 0, answered: 0, satisfaction: rate(0, 0) },
      { day: '2026-02-28', appeals: 0, answered: 0, satisfaction: rate(0, 0) },
      { day: '2026-03-01', appeals: 0, answered: 0, satisfaction: rate(0, 0) },
      { day: '2026-03-02', appeals: 3, answered: 2, satisfaction: rate(1, 1) },
      { day: '2026-03-03', appeals: 0, answered: 0, satisfaction: rate(0, 0) },
    ])
  })

  it('shows each supervisor only the appeals of their own region, and refuses a region outside it', async () => {
    const xuzhou = await call('xuzhou.supervisor', 'GET', '/api/hotline/metrics')
    expect(xuzhou.body).toMatchObject({ regionCode: '3203', overall: { appeals: 0 } })
    expect((await call('xuzhou.supervisor', 'GET', '/api/hotline/metrics?regionCode=3201')).body.error).toMatchObject({ id: 'access_denied' })
    expect((await call('xuzhou.supervisor', 'GET', '/api/hotline/metrics/trend?regionCode=32')).status).toBe(403)
    expect((await call('supervisor', 'GET', '/api/hotline/surges?regionCode=3203')).status).toBe(403)
    expect((await call('supervisor', 'GET', '/api/hotline/metrics?regionCode=320102')).body.overall.appeals).toBe(3)
    expect((await call('supervisor', 'GET', '/api/hotline/metrics?regionCode=320104')).body.overall.appeals).toBe(0)
    expect((await call('agent', 'GET', '/api/hotline/metrics')).status).toBe(403)
    // a role that held the permission for its own department only would measure only that department
    const market = await orgId('320102', '玄武区市场监督管理局')
    const departmental = { kind: 'staff', id: 'x', username: 'market', displayName: '', regionCode: '320102', orgId: market, roles: [], permissions: new Set(['hotline.supervise']), departmentScoped: new Set(['hotline.supervise']), passwordExpired: false } as const
    expect((await appealMetrics(t.deps, { actor: departmental, ip: null }, { from: '2026-03-02', to: '2026-03-02' })).overall.appeals).toBe(1)
    expect((await call(null, 'GET', '/api/hotline/surges')).status).toBe(401)
  })

  it('refuses a reversed period, one over 366 days, an impossible date and an unknown grouping', async () => {
    const cases = [
      ['/api/hotline/metrics?from=2026-03-02&to=2026-03-01', 'metrics_period_reversed'],
      ['/api/hotline/metrics/trend?from=2025-03-01&to=2026-03-02', 'metrics_period_too_long'],
      ['/api/hotline/metrics?from=2026-02-30&to=2026-03-02', 'invalid_day'],
      ['/api/hotline/metrics?groupBy=street', 'invalid_request'],
      ['/api/hotline/surges?hours=48', 'invalid_request'],
    ] as const
    for (const [url, id] of cases) {
      const response = await call('supervisor', 'GET', url)
      expect(response.status, url).toBe(400)
      expect(response.body.error).toMatchObject({ id, zh: expect.any(String), en: expect.any(String) })
    }
    expect((await call('supervisor', 'GET', '/api/hotline/metrics?from=2025-03-02&to=2026-03-02')).status).toBe(200)
  })

  it('finds the Gulou district water outage in two months of demo appeals, with its cluster', async () => {
    await t.close()
    t = await createTestApp()
    await seedDemoAppeals(t.deps, 1500)
    cookies.supervisor = await t.login('supervisor')
    await supervisorOf('32', '江苏省12345政务服务便民热线中心', 'province.supervisor')

    const { status, body } = await call('province.supervisor', 'GET', '/api/hotline/surges')
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ hours: 24, days: 14, thresholds: { minCount: 5, k: 3, ratio: 3 } })
    const [top] = body.alerts
    expect(top).toMatchObject({ categoryKey: 'urban.utilities', regionCode: '320106', regionName: '鼓楼区', count: 36, cluster: { appeals: 36 } })
    expect(top.baselineMean).toBeLessThan(1)
    expect(top.z).toBeGreaterThan(20)
    expect(top.cluster.terms).toContainEqual({ term: '停水', appeals: 36 })
    expect(top.cluster.terms[0].appeals).toBe(36)
    expect(top.cluster.terms.map((term: { term: string }) => term.term)).not.toContain('尽快')
    expect(top.cluster.samples).toHaveLength(10)
    expect(top.cluster.samples[0]).toMatchObject({ id: expect.any(String), number: expect.any(String), title: '小区停水', state: expect.any(String), stateName: { zh: expect.any(String) } })

    // Nanjing's supervisor sees it too, and only Nanjing's surges; a Xuzhou supervisor does not see it.
    const nanjing = await call('supervisor', 'GET', '/api/hotline/surges')
    expect(nanjing.body.alerts[0]).toMatchObject({ regionCode: '320106', count: 36 })
    expect(nanjing.body.alerts.every((a: { regionCode: string }) => a.regionCode.startsWith('3201'))).toBe(true)
    await supervisorOf('3203', '徐州市12345政务服务便民热线中心', 'xuzhou.supervisor')
    const xuzhou = await call('xuzhou.supervisor', 'GET', '/api/hotline/surges')
    expect(xuzhou.body.alerts.some((a: { regionCode: string }) => a.regionCode === '320106')).toBe(false)
  })

  it('measures two months of demo appeals close to the office’s own figures, the parts adding up', async () => {
    const actor = { kind: 'staff', id: 'x', username: 'province', displayName: '', regionCode: '32', orgId: 'x', roles: ['supervisor'], permissions: new Set(['hotline.supervise']), departmentScoped: new Set<string>(), passwordExpired: false } as const
    const report = await appealMetrics(t.deps, { actor, ip: null }, { from: '2026-01-01', to: '2026-03-02', groupBy: 'org' })
    expect(report.overall.appeals).toBeGreaterThan(1500)
    expect(report.overall.satisfaction.rate).toBeGreaterThan(0.9)
    expect(report.overall.onTimeCompletion.rate).toBeGreaterThan(0.9)
    expect(report.groups.reduce((sum, g) => sum + g.metrics.appeals, 0)).toBe(report.overall.appeals)
    expect(report.groups.reduce((sum, g) => sum + g.metrics.satisfaction.numerator, 0)).toBe(report.overall.satisfaction.numerator)
    const { satisfied, basicallySatisfied, dissatisfied } = report.overall.satisfactionCounts
    expect(satisfied + basicallySatisfied + dissatisfied).toBe(report.overall.satisfaction.denominator)
  })
})
