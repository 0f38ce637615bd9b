import { ancestorCodes } from '../../platform/regions/regions.service'
import type { HotlineLine } from './appeals.tables'
import type { RoutingRule } from './dispatch.repository'
import type { HotlineReference } from './reference'

export interface Route {
  regionCode: string
  orgId: string
  via: 'rule' | 'catalogue'
  ruleName?: string
}

export interface RoutableAppeal {
  categoryKey: string | null
  regionCode: string
  line: HotlineLine
  text: string
}

/** Whether every condition a rule names holds for the appeal (a rule naming nothing matches nothing). */
export function ruleMatches(rule: RoutingRule, appeal: RoutableAppeal): boolean {
  const conditions = [
    rule.categoryKey === null || rule.categoryKey === appeal.categoryKey,
    rule.regionPrefix === null || appeal.regionCode.startsWith(rule.regionPrefix),
    rule.line === null || rule.line === appeal.line,
    rule.keywords.length === 0 || rule.keywords.some((word) => appeal.text.includes(word)),
  ]
  const names = rule.categoryKey !== null || rule.regionPrefix !== null || rule.line !== null || rule.keywords.length > 0
  return names && conditions.every(Boolean)
}

/**
 * Where an appeal goes: the first routing rule that matches, else the dispatch catalogue's entry for
 * its category in its region or the nearest region above. Null leaves it to the dispatcher.
 */
export function routeAppeal(reference: Pick<HotlineReference, 'rules' | 'entries'>, appeal: RoutableAppeal): Route | null {
  const rule = reference.rules.find((r) => ruleMatches(r, appeal))
  if (rule) return { regionCode: rule.targetRegionCode, orgId: rule.targetOrgId, via: 'rule', ruleName: rule.name }
  if (appeal.categoryKey === null) return null
  for (const regionCode of [appeal.regionCode, ...ancestorCodes(appeal.regionCode).reverse()]) {
    const entry = reference.entries.get(`${appeal.categoryKey}:${regionCode}`)
    if (entry) return { regionCode: entry.regionCode, orgId: entry.orgId, via: 'catalogue' }
  }
  return null
}
