import { describe, expect, it } from 'vitest'
import type { RoutingRule } from './dispatch.repository'
import { routeAppeal, ruleMatches } from './dispatch.service'

const rule = (overrides: Partial<RoutingRule>): RoutingRule => ({ id: 'r', position: 1, name: '规则', categoryKey: null, regionPrefix: null, line: null, keywords: [], targetRegionCode: '3201', targetOrgId: 'org-rule', ...overrides })
const entries = new Map([
  ['labour.wages:3201', { categoryKey: 'labour.wages', regionCode: '3201', orgId: 'org-city' }],
  ['labour.wages:320102', { categoryKey: 'labour.wages', regionCode: '320102', orgId: 'org-county' }],
])
const appeal = { categoryKey: 'labour.wages', regionCode: '320102', line: '12345' as const, text: '工地拖欠工资' }

describe('dispatch routing', () => {
  it('sends an appeal to its county’s department, else to the nearest level above that has one', () => {
    expect(routeAppeal({ rules: [], entries }, appeal)).toEqual({ regionCode: '320102', orgId: 'org-county', via: 'catalogue' })
    expect(routeAppeal({ rules: [], entries }, { ...appeal, regionCode: '320104' })).toEqual({ regionCode: '3201', orgId: 'org-city', via: 'catalogue' })
    expect(routeAppeal({ rules: [], entries }, { ...appeal, regionCode: '320322' })).toBeNull()
    expect(routeAppeal({ rules: [], entries }, { ...appeal, categoryKey: null })).toBeNull()
  })

  it('tries the rules first, in order; a rule matches only when every condition it names holds', () => {
    const rules = [rule({ name: '一企来', line: 'enterprise', targetOrgId: 'org-enterprise' }), rule({ name: '欠薪专班', categoryKey: 'labour.wages', keywords: ['工地', '包工头'], targetOrgId: 'org-wages' })]
    expect(routeAppeal({ rules, entries }, appeal)).toMatchObject({ orgId: 'org-wages', via: 'rule', ruleName: '欠薪专班' })
    expect(routeAppeal({ rules, entries }, { ...appeal, text: '单位拖欠工资' })).toMatchObject({ orgId: 'org-county', via: 'catalogue' })
    expect(routeAppeal({ rules, entries }, { ...appeal, line: 'enterprise' })).toMatchObject({ orgId: 'org-enterprise' })
    expect(ruleMatches(rule({}), appeal)).toBe(false)
    expect(ruleMatches(rule({ regionPrefix: '3203' }), appeal)).toBe(false)
    expect(ruleMatches(rule({ regionPrefix: '3201' }), appeal)).toBe(true)
  })
})
