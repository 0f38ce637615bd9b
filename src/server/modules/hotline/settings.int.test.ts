import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { DEMO_PASSWORD } from '../../demo/seed-demo'
import { createStaff } from '../../platform/users/staff.service'

let t: TestApp
const cookies: Record<string, string> = {}

async function call(who: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, payload: payload as object, headers: who ? { cookie: cookies[who]! } : {} })
  return { status: response.statusCode, body: response.body ? response.json() : null }
}

const orgId = async (regionCode: string, name: string) => (await t.deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name).executeTakeFirstOrThrow()).id
const file = (content: string, categoryKey = 'market.consumer') => call(null, 'POST', '/api/public/hotline/appeals', { line: '12345', type: 'complaint', categoryKey, regionCode: '320102', content })
const audits = async (action: string) => (await t.deps.db.selectFrom('platform.auditLog').select('seq').where('action', '=', action).execute()).length

beforeAll(async () => {
  t = await createTestApp()
  for (const who of ['supervisor', 'dispatcher', 'xuanwu.handler']) cookies[who] = await t.login(who)
})
afterAll(() => t.close())

const orgOf = async (number: string) => (await t.deps.db.selectFrom('hotline.appeal').select('orgId').where('number', '=', number).executeTakeFirstOrThrow()).orgId

describe('the hotline’s configuration', () => {
  it('changes where a category goes in a district through the dispatch catalogue, audited, and back to the city when removed', async () => {
    const market = await orgId('320102', '玄武区市场监督管理局')
    const commerce = await orgId('320102', '玄武区商务局')
    expect(await orgOf((await file('商场预付卡无法退款')).body.number)).toBe(market)
    expect((await call('supervisor', 'PUT', '/api/hotline/dispatch-catalogue', { categoryKey: 'market.consumer', regionCode: '320102', orgId: commerce })).status).toBe(204)
    expect(await audits('hotline.dispatch_entry.set')).toBe(1)
    expect(await orgOf((await file('商场预付卡无法退款，商家关门')).body.number)).toBe(commerce)
    const entries = (await call('dispatcher', 'GET', '/api/hotline/dispatch-catalogue?regionCode=320102')).body
    expect(entries).toContainEqual({ categoryKey: 'market.consumer', regionCode: '320102', orgId: commerce, orgName: '玄武区商务局' })

    expect((await call('supervisor', 'DELETE', '/api/hotline/dispatch-catalogue/320102/market.consumer')).status).toBe(204)
    expect(await orgOf((await file('预付卡退款难')).body.number)).toBe(await orgId('3201', '南京市市场监督管理局'))
  })

  it('tries a routing rule before the catalogue', async () => {
    const housing = await orgId('320102', '玄武区住房和城乡建设局')
    const rule = await call('supervisor', 'POST', '/api/hotline/routing-rules', { position: 1, name: '电梯困人转住建', keywords: ['电梯'], regionPrefix: '320102', targetOrgId: housing })
    expect(rule.status, JSON.stringify(rule.body)).toBe(201)
    const filed = await file('小区电梯经常停运，物业不管', 'market.consumer')
    const appeal = (await call('dispatcher', 'GET', `/api/hotline/appeals?number=${filed.body.number}`)).body.items[0]
    expect(appeal).toMatchObject({ orgId: housing, classification: { route: 'rule' } })
    expect((await call('supervisor', 'POST', `/api/hotline/routing-rules/${rule.body.id}/retire`)).status).toBe(204)
    expect((await call('dispatcher', 'GET', '/api/hotline/routing-rules')).body).toEqual([])
  })

  it('refuses what is not the actor’s to set, and bad rules, changing nothing', async () => {
    const before = (await call('dispatcher', 'GET', '/api/hotline/dispatch-catalogue?regionCode=320102')).body
    const otherRegion = await orgId('3202', '无锡市市场监督管理局')
    expect((await call('supervisor', 'PUT', '/api/hotline/dispatch-catalogue', { categoryKey: 'market.consumer', regionCode: '320102', orgId: otherRegion })).body.error.id).toBe('assignee_invalid')
    expect((await call('supervisor', 'PUT', '/api/hotline/dispatch-catalogue', { categoryKey: 'no.such', regionCode: '320102', orgId: otherRegion })).body.error.id).toBe('category_unknown')
    expect((await call('supervisor', 'PUT', '/api/hotline/dispatch-catalogue', { categoryKey: 'market.consumer', regionCode: '3202', orgId: otherRegion })).status).toBe(403)
    expect((await call('xuanwu.handler', 'PUT', '/api/hotline/dispatch-catalogue', { categoryKey: 'market.consumer', regionCode: '320102', orgId: otherRegion })).status).toBe(403)
    const noCondition = await call('supervisor', 'POST', '/api/hotline/routing-rules', { position: 1, name: '空规则', keywords: [' '], targetOrgId: await orgId('320102', '玄武区商务局') })
    expect(noCondition.body.error.id).toBe('rule_without_condition')
    expect((await call('dispatcher', 'GET', '/api/hotline/dispatch-catalogue?regionCode=320102')).body).toEqual(before)
    expect((await call('dispatcher', 'GET', '/api/hotline/routing-rules')).body).toEqual([])
  })

  it('lets only the province change a type’s time limit', async () => {
    expect((await call('dispatcher', 'GET', '/api/hotline/type-limits')).body).toMatchObject({ inquiry: 3, complaint: 13 })
    expect((await call('supervisor', 'PUT', '/api/hotline/type-limits/complaint', { limitDays: 10 })).status).toBe(403)
    expect((await call('supervisor', 'PUT', '/api/hotline/type-limits/complaint', { limitDays: 0 })).status).toBe(400)
    expect((await call('dispatcher', 'GET', '/api/hotline/type-limits')).body.complaint).toBe(13)

    await createStaff(t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, { username: 'province.supervisor', displayName: '省督办', regionCode: '32', orgId: await orgId('32', '江苏省12345政务服务便民热线中心'), password: DEMO_PASSWORD }, ['supervisor'])
    cookies['province.supervisor'] = await t.login('province.supervisor')
    expect((await call('province.supervisor', 'PUT', '/api/hotline/type-limits/complaint', { limitDays: 10 })).status).toBe(204)
    expect(await audits('hotline.type_limit.set')).toBe(1)
    // New complaints get the new limit (open ones keep theirs): ten working days from Monday 2026-03-02.
    const filed = await file('商家拒绝七天无理由退货')
    expect((await call('dispatcher', 'GET', `/api/hotline/appeals?number=${filed.body.number}`)).body.items[0].deadline).toBe('2026-03-16')
  })
})
