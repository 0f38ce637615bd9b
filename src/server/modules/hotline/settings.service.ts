import { requireAccess, requireStaff } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import type { AppealType, HotlineLine } from './appeals.tables'
import { trainFromHandledAppeals } from './classifier.service'
import { deleteDispatchEntry, dispatchEntriesOfRegion, findRule, insertRule, putDispatchEntries, retireRule, setTypeLimit, typeLimits, type RoutingRule } from './dispatch.repository'
import { changeReference, hotlineReference, requireCategory } from './reference'

const invalid = (id: string, zh: string, en: string, field: string) => new AppError('invalid', id, { zh, en }, { field })

/** A department of the region the entry or rule is for; the dispatch catalogue never points elsewhere. */
async function requireOrgOf(deps: PlatformDeps, orgId: string, regionCode: string): Promise<void> {
  const org = await findOrg(deps.db, orgId)
  if (!org || org.regionCode !== regionCode) throw invalid('assignee_invalid', '承办部门不存在或不属于所选地区', 'The department does not exist or is not in that region', 'orgId')
}

async function requireCategoryIn(deps: PlatformDeps, key: string): Promise<void> {
  requireCategory(await hotlineReference(deps.db, deps.homeProvince), key)
}

/** A region's dispatch catalogue (派单目录): which department answers each category there. */
export async function dispatchCatalogue(deps: PlatformDeps, ctx: RequestContext, regionCode: string) {
  requireAccess(ctx.actor, 'hotline.read', { regionCode })
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  return (await dispatchEntriesOfRegion(deps.db, regionCode)).map((e) => ({ ...e, orgName: reference.orgs.get(e.orgId)?.name ?? null }))
}

/** Names the department that answers a category in a region; the supervisor of that region (or above) does it, audited. */
export async function setDispatchEntry(deps: PlatformDeps, ctx: RequestContext, entry: { categoryKey: string; regionCode: string; orgId: string }): Promise<void> {
  requireAccess(ctx.actor, 'hotline.supervise', { regionCode: entry.regionCode })
  await requireCategoryIn(deps, entry.categoryKey)
  await requireOrgOf(deps, entry.orgId, entry.regionCode)
  await changeReference(deps, async (trx) => {
    await putDispatchEntries(trx, [entry])
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.dispatch_entry.set', targetType: 'hotline_category', targetId: entry.categoryKey, regionCode: entry.regionCode, detail: { orgId: entry.orgId } })
  })
}

export async function removeDispatchEntry(deps: PlatformDeps, ctx: RequestContext, categoryKey: string, regionCode: string): Promise<void> {
  requireAccess(ctx.actor, 'hotline.supervise', { regionCode })
  await changeReference(deps, async (trx) => {
    if (!(await deleteDispatchEntry(trx, categoryKey, regionCode))) throw new AppError('not_found', 'dispatch_entry_not_found', { zh: '派单目录中没有这一项', en: 'No such dispatch catalogue entry' })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.dispatch_entry.remove', targetType: 'hotline_category', targetId: categoryKey, regionCode })
  })
}

/** The routing rules the actor's region can see, in the order they are tried. */
export async function routingRules(deps: PlatformDeps, ctx: RequestContext): Promise<RoutingRule[]> {
  const actor = requireStaff(ctx.actor)
  requireAccess(actor, 'hotline.read')
  return (await hotlineReference(deps.db, deps.homeProvince)).rules.filter((r) => r.targetRegionCode.startsWith(actor.regionCode))
}

export interface NewRule {
  position: number
  name: string
  categoryKey?: string
  regionPrefix?: string
  line?: HotlineLine
  keywords?: string[]
  targetOrgId: string
}

/** Adds a routing rule sending matching appeals to a department of the actor's region; a rule must name at least one condition. */
export async function addRoutingRule(deps: PlatformDeps, ctx: RequestContext, input: NewRule): Promise<RoutingRule> {
  const actor = requireStaff(ctx.actor)
  const org = await findOrg(deps.db, input.targetOrgId)
  if (!org) throw invalid('assignee_invalid', '承办部门不存在', 'The department does not exist', 'targetOrgId')
  requireAccess(actor, 'hotline.supervise', { regionCode: org.regionCode })
  if (input.categoryKey) await requireCategoryIn(deps, input.categoryKey)
  const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))]
  if (!input.categoryKey && !input.regionPrefix && !input.line && keywords.length === 0) throw invalid('rule_without_condition', '规则至少需要一个条件', 'A rule needs at least one condition', 'keywords')
  return changeReference(deps, async (trx) => {
    const rule = await insertRule(trx, { position: input.position, name: input.name.trim(), categoryKey: input.categoryKey ?? null, regionPrefix: input.regionPrefix ?? null, line: input.line ?? null, keywords, targetRegionCode: org.regionCode, targetOrgId: org.id }, deps.clock.now())
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.routing_rule.add', targetType: 'hotline_routing_rule', targetId: rule.id, regionCode: org.regionCode, detail: { name: rule.name } })
    return rule
  })
}

export async function retireRoutingRule(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<void> {
  const rule = await findRule(deps.db, id)
  if (!rule) throw new AppError('not_found', 'routing_rule_not_found', { zh: '派单规则不存在', en: 'Routing rule not found' })
  requireAccess(ctx.actor, 'hotline.supervise', { regionCode: rule.targetRegionCode })
  await changeReference(deps, async (trx) => {
    await retireRule(trx, id)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.routing_rule.retire', targetType: 'hotline_routing_rule', targetId: id, regionCode: rule.targetRegionCode })
  })
}

export async function appealTypeLimits(deps: PlatformDeps, ctx: RequestContext) {
  requireAccess(ctx.actor, 'hotline.read')
  return typeLimits(deps.db)
}

/** Changes an appeal type's time limit for new appeals (open ones keep theirs): the province's decision. */
export async function changeTypeLimit(deps: PlatformDeps, ctx: RequestContext, type: AppealType, limitDays: number): Promise<void> {
  requireAccess(ctx.actor, 'hotline.supervise', { regionCode: deps.homeProvince })
  const actor = requireStaff(ctx.actor)
  if (actor.regionCode !== deps.homeProvince) throw new AppError('forbidden', 'access_denied', { zh: '办理时限由省级设定', en: 'Time limits are set by the province' })
  await changeReference(deps, async (trx) => {
    await setTypeLimit(trx, type, limitDays)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.type_limit.set', targetType: 'hotline_appeal_type', targetId: type, regionCode: deps.homeProvince, detail: { limitDays } })
  })
}

/** Trains the classifier anew on the handled appeals; the supervisor decides when. */
export async function retrainClassifier(deps: PlatformDeps, ctx: RequestContext) {
  requireAccess(ctx.actor, 'hotline.supervise')
  return trainFromHandledAppeals(deps, ctx)
}
