import { actorName, requireAccess, type Target } from '../../platform/access'
import { shanghaiDay } from '../../platform/calendar/calendar'
import { recordAudit } from '../../platform/audit/audit'
import type { Executor, Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { requireRegion } from '../../platform/regions/regions.service'
import { resolveCitations } from '../laws'
import { loadPublishedCatalog, type PublishedItem } from './bulk-load'
import {
  basicCodeMatchesKind,
  basicCodeOf,
  citationsOf,
  diffElements,
  effectiveOf,
  implementationCodeOf,
  levelOfRegion,
  NATIONAL,
  overridesOf,
  parentRegionOf,
  requireValidElements,
  type FieldChange,
} from './catalog.rules'
import { itemKinds, type Elements, type InspectionElements, type ItemKind } from './catalog.schemas'
import {
  anyItem,
  basicCodeTaken,
  draftOf,
  findImplementation,
  findItem,
  findItemByCode,
  findVersion,
  implementationOfRegion,
  insertImplementation,
  insertItem,
  insertVersion,
  lastMainItem,
  lockVersion,
  setCurrentVersion,
  setVersionStatus,
  updateDraft,
  writeCitations,
  type ImplementationRecord,
  type VersionRecord,
} from './items.repository'
import { flagChildrenOfNewVersion, resolveParentTasksAfterPublish } from './review.repository'

export const implementationNotFound = () => new AppError('not_found', 'implementation_not_found', { zh: '事项实施清单不存在', en: 'Catalogue entry not found' })
export const versionNotFound = () => new AppError('not_found', 'version_not_found', { zh: '事项版本不存在', en: 'Item version not found' })
const versionNotDraft = () =>
  new AppError('conflict', 'version_not_draft', { zh: '已发布或已废止的版本不能修改，请新建草稿', en: 'A published or retired version never changes: start a new draft' })

/** The target an entry's writes are checked against: the national list is kept by the home province. */
export function targetOf(deps: PlatformDeps, implementation: { regionCode: string; orgId: string | null }): Target {
  return { regionCode: implementation.regionCode === NATIONAL ? deps.homeProvince : implementation.regionCode, orgId: implementation.orgId ?? undefined }
}

export interface NewItem {
  kind: ItemKind
  basicCode?: string
  elements: unknown
  note?: string
}

/** A new item of the base list: its identity, its national entry and a first draft. */
export async function createItem(deps: PlatformDeps, ctx: RequestContext, input: NewItem): Promise<{ implementation: ImplementationRecord; draft: VersionRecord }> {
  requireAccess(ctx.actor, 'catalog.edit', { regionCode: deps.homeProvince })
  const elements = requireValidElements(input.kind, input.elements)
  return deps.db.transaction().execute(async (trx) => {
    const basicCode = input.basicCode ?? basicCodeOf(input.kind, (await lastMainItem(trx, itemKinds[input.kind].code)) + 1)
    if (!basicCodeMatchesKind(basicCode, input.kind)) {
      throw new AppError('invalid', 'item_code_invalid', { zh: `基本编码须为10位数字，以事项类型代码 ${itemKinds[input.kind].code} 开头`, en: `A basic code is 10 digits starting with the kind's code ${itemKinds[input.kind].code}` }, { field: 'basicCode' })
    }
    if (await basicCodeTaken(trx, basicCode)) {
      throw new AppError('conflict', 'item_code_taken', { zh: `基本编码 ${basicCode} 已被使用`, en: `Basic code ${basicCode} is already used` }, { field: 'basicCode' })
    }
    await requireLinksExist(trx, deps, input.kind, elements)
    const item = await insertItem(trx, { kind: input.kind, basicCode, name: elements.name })
    const implementation = await insertImplementation(trx, {
      itemId: item.id,
      regionCode: NATIONAL,
      level: 'national',
      parentId: null,
      orgId: null,
      implementationCode: implementationCodeOf(basicCode, NATIONAL),
      name: elements.name,
      kind: input.kind,
      claimedAt: deps.clock.now(),
    })
    const draft = await newDraft(trx, deps, ctx, implementation, null, elements, elements, input.note ?? '')
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.item.create', targetType: 'item', targetId: item.id, regionCode: deps.homeProvince, detail: { basicCode, name: elements.name } })
    return { implementation, draft }
  })
}

export interface Claim {
  parentId: string
  regionCode: string
  orgId: string
  overrides?: unknown
  note?: string
}

/**
 * A region claims (认领) the entry of the level above: its entry stores only the overrides, on top
 * of the parent's published version, and starts as a draft.
 */
export async function claimItem(deps: PlatformDeps, ctx: RequestContext, input: Claim): Promise<{ implementation: ImplementationRecord; draft: VersionRecord }> {
  const level = levelOfRegion(input.regionCode)
  requireAccess(ctx.actor, 'catalog.edit', { regionCode: input.regionCode, orgId: input.orgId })
  return deps.db.transaction().execute(async (trx) => {
    const parent = await findImplementation(trx, input.parentId)
    if (!parent) throw implementationNotFound()
    if (parent.regionCode !== parentRegionOf(input.regionCode)) {
      throw new AppError('invalid', 'claim_wrong_level', { zh: '只能认领上一级的实施清单', en: 'A region claims the entry of the level just above it' }, { field: 'parentId' })
    }
    const parentVersion = parent.currentVersionId ? await findVersion(trx, parent.currentVersionId) : undefined
    if (!parentVersion) throw new AppError('conflict', 'parent_not_published', { zh: '上级事项尚未发布，不能认领', en: 'The parent entry has no published version to claim' })
    const region = await requireRegion(trx, input.regionCode)
    const org = await findOrg(trx, input.orgId)
    if (!org || org.regionCode !== input.regionCode) throw new AppError('invalid', 'claim_org_invalid', { zh: '实施部门须属于认领地区', en: 'The implementing department must belong to the claiming region' }, { field: 'orgId' })
    if (await implementationOfRegion(trx, parent.itemId, input.regionCode)) {
      throw new AppError('conflict', 'item_already_claimed', { zh: `${region.name}已认领该事项`, en: `${region.name} has already claimed this item` })
    }
    const item = await findItem(trx, parent.itemId)
    if (!item) throw implementationNotFound()
    const overrides = overridesOf(parentVersion.effective, (input.overrides ?? {}) as Partial<Elements>)
    const effective = requireValidElements(item.kind, effectiveOf(parentVersion.effective, overrides), 'overrides')
    await requireLinksExist(trx, deps, item.kind, overrides)
    const implementation = await insertImplementation(trx, {
      itemId: item.id,
      regionCode: input.regionCode,
      level,
      parentId: parent.id,
      orgId: org.id,
      implementationCode: implementationCodeOf(item.basicCode, input.regionCode),
      name: effective.name,
      kind: item.kind,
      claimedAt: deps.clock.now(),
    })
    const draft = await newDraft(trx, deps, ctx, implementation, parentVersion.id, overrides, effective, input.note ?? '')
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.item.claim', targetType: 'implementation', targetId: implementation.id, regionCode: input.regionCode, detail: { basicCode: item.basicCode, overrides: Object.keys(overrides) } })
    return { implementation, draft }
  })
}

async function newDraft(trx: Tx, deps: PlatformDeps, ctx: RequestContext, implementation: ImplementationRecord, parentVersionId: string | null, elements: Partial<Elements>, effective: Elements, note: string): Promise<VersionRecord> {
  const draft = await insertVersion(trx, { implementationId: implementation.id, parentVersionId, elements, effective, note, createdAt: deps.clock.now(), createdBy: actorName(ctx.actor) })
  await writeCitations(trx, draft.id, citationsOf(effective))
  return draft
}

/**
 * Checks what elements point at outside themselves: the cited articles (in the laws library) and,
 * for an inspection item, the supervision item it carries out.
 */
async function requireLinksExist(trx: Executor, deps: PlatformDeps, kind: ItemKind, elements: Partial<Elements>): Promise<void> {
  await resolveCitations(trx, citationsOf(elements), shanghaiDay(deps.clock.now()))
  const supervisionCode = kind === 'inspection' ? (elements as Partial<InspectionElements>).supervisionItemCode : null
  if (supervisionCode && (await findItemByCode(trx, supervisionCode))?.kind !== 'supervision') {
    throw new AppError('invalid', 'supervision_item_not_found', { zh: `监管事项 ${supervisionCode} 不存在`, en: `Supervision item ${supervisionCode} does not exist` }, { field: 'elements/supervisionItemCode' })
  }
}

async function requireEditable(trx: Executor, deps: PlatformDeps, ctx: RequestContext, implementationId: string): Promise<ImplementationRecord> {
  const implementation = await findImplementation(trx, implementationId)
  if (!implementation) throw implementationNotFound()
  requireAccess(ctx.actor, 'catalog.edit', targetOf(deps, implementation))
  return implementation
}

/** The parent's published version a claimed entry builds on now. */
async function parentVersionOf(trx: Executor, implementation: ImplementationRecord): Promise<VersionRecord | null> {
  if (!implementation.parentId) return null
  const parent = await findImplementation(trx, implementation.parentId)
  const version = parent?.currentVersionId ? await findVersion(trx, parent.currentVersionId) : undefined
  if (!version) throw new AppError('conflict', 'parent_not_published', { zh: '上级事项没有已发布的版本', en: 'The parent entry has no published version' })
  return version
}

/**
 * A new draft: a copy of the published version (a claimed entry's copy builds on the parent's
 * latest published version, so editing adopts what the level above changed).
 */
export async function startDraft(deps: PlatformDeps, ctx: RequestContext, implementationId: string): Promise<VersionRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const implementation = await requireEditable(trx, deps, ctx, implementationId)
    if (await draftOf(trx, implementation.id)) throw new AppError('conflict', 'draft_exists', { zh: '该事项已有草稿', en: 'This entry already has a draft' })
    const current = implementation.currentVersionId ? await findVersion(trx, implementation.currentVersionId) : undefined
    if (!current) throw new AppError('conflict', 'nothing_published', { zh: '该事项尚无已发布版本', en: 'This entry has no published version to copy' })
    const parentVersion = await parentVersionOf(trx, implementation)
    const effective = parentVersion ? effectiveOf(parentVersion.effective, current.elements) : current.effective
    const draft = await newDraft(trx, deps, ctx, implementation, parentVersion?.id ?? null, current.elements, effective, '')
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.version.draft', targetType: 'item_version', targetId: draft.id, regionCode: targetOf(deps, implementation).regionCode, detail: { number: draft.number } })
    return draft
  })
}

/**
 * Saves a draft. The elements sent are laid over the draft; a claimed entry then keeps only what
 * differs from its parent version (sending the parent's value drops an override).
 */
export async function saveDraft(deps: PlatformDeps, ctx: RequestContext, versionId: string, input: { elements: unknown; note?: string }): Promise<VersionRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx, versionId)
    if (!version) throw versionNotFound()
    const implementation = await requireEditable(trx, deps, ctx, version.implementationId)
    if (version.status !== 'draft') throw versionNotDraft()
    const parentVersion = version.parentVersionId ? await findVersion(trx, version.parentVersionId) : null
    // What is sent patches the draft, so a form may send every element or only the changed ones.
    const merged = { ...version.effective, ...(input.elements as Partial<Elements>) } as Elements
    const elements = parentVersion ? overridesOf(parentVersion.effective, merged) : requireValidElements(implementation.kind, merged)
    const effective = requireValidElements(implementation.kind, parentVersion ? effectiveOf(parentVersion.effective, elements) : elements)
    await requireLinksExist(trx, deps, implementation.kind, elements)
    const saved = await updateDraft(trx, version.id, { elements, effective, note: input.note ?? version.note })
    await writeCitations(trx, saved.id, citationsOf(effective))
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.version.save', targetType: 'item_version', targetId: saved.id, regionCode: targetOf(deps, implementation).regionCode, detail: { changed: diffElements(version.effective, effective).map((c) => c.field) } })
    return saved
  })
}

/**
 * Publishes a draft: it becomes the entry's version (the one before is retired), never changes
 * again, and every region that claimed this entry is asked to review.
 */
export async function publishVersion(deps: PlatformDeps, ctx: RequestContext, versionId: string): Promise<VersionRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx, versionId)
    if (!version) throw versionNotFound()
    const implementation = await requireEditable(trx, deps, ctx, version.implementationId)
    if (version.status !== 'draft') throw versionNotDraft()
    const published = await publishInTransaction(trx, deps, ctx, implementation, version)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.version.publish', targetType: 'item_version', targetId: published.id, regionCode: targetOf(deps, implementation).regionCode, detail: { number: published.number } })
    return published
  })
}

/** The steps of publishing, shared with a review that adopts the parent's new version. */
export async function publishInTransaction(trx: Tx, deps: PlatformDeps, ctx: RequestContext, implementation: ImplementationRecord, draft: VersionRecord): Promise<VersionRecord> {
  const now = deps.clock.now()
  const previous = implementation.currentVersionId
  if (previous) await setVersionStatus(trx, previous, 'retired', now)
  const published = await setVersionStatus(trx, draft.id, 'published', now)
  const item = await findItem(trx, implementation.itemId)
  await setCurrentVersion(trx, implementation, item?.basicCode ?? '', published)
  if (previous) await flagChildrenOfNewVersion(trx, { implementationId: implementation.id, versionId: published.id, at: now })
  await resolveParentTasksAfterPublish(trx, { implementationId: implementation.id, parentVersionId: published.parentVersionId, at: now, by: actorName(ctx.actor) })
  return published
}

/** Withdraws an entry: its published version is retired and it leaves the public catalogue. */
export async function retireInTransaction(trx: Tx, deps: PlatformDeps, implementation: ImplementationRecord): Promise<void> {
  if (!implementation.currentVersionId) return
  await setVersionStatus(trx, implementation.currentVersionId, 'retired', deps.clock.now())
  await setCurrentVersion(trx, implementation, '', null)
}

export async function retireImplementation(deps: PlatformDeps, ctx: RequestContext, implementationId: string, reason: string): Promise<ImplementationRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const implementation = await requireEditable(trx, deps, ctx, implementationId)
    if (!implementation.currentVersionId) throw new AppError('conflict', 'nothing_published', { zh: '该事项尚无已发布版本', en: 'This entry has no published version' })
    await retireInTransaction(trx, deps, implementation)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.implementation.retire', targetType: 'implementation', targetId: implementation.id, regionCode: targetOf(deps, implementation).regionCode, detail: { reason } })
    return (await findImplementation(trx, implementation.id)) ?? implementation
  })
}

/** What changed between two versions of the same entry. */
export async function compareVersions(deps: PlatformDeps, ctx: RequestContext, fromId: string, toId: string): Promise<{ from: VersionRecord; to: VersionRecord; changes: FieldChange[] }> {
  requireAccess(ctx.actor, 'catalog.read')
  const [from, to] = await Promise.all([findVersion(deps.db, fromId), findVersion(deps.db, toId)])
  if (!from || !to) throw versionNotFound()
  if (from.implementationId !== to.implementationId) {
    throw new AppError('invalid', 'versions_unrelated', { zh: '只能比较同一事项的版本', en: 'Only versions of the same entry can be compared' })
  }
  return { from, to, changes: diffElements(from.effective, to.effective) }
}

/** What a region changed from the level above: its overrides against the parent version. */
export function regionChanges(parentVersion: VersionRecord | null | undefined, version: VersionRecord): FieldChange[] {
  if (!parentVersion) return []
  return diffElements(parentVersion.effective, version.effective)
}

/**
 * Loads a whole published catalogue in one transaction (demo data, an installation's first load),
 * unless the base list already has items: a second run changes nothing.
 */
export async function seedPublishedCatalog(deps: PlatformDeps, ctx: RequestContext, items: readonly PublishedItem[]): Promise<{ items: number; implementations: number }> {
  requireAccess(ctx.actor, 'catalog.edit', { regionCode: deps.homeProvince })
  return deps.db.transaction().execute(async (trx) => {
    if (items.length === 0 || (await anyItem(trx))) return { items: 0, implementations: 0 }
    const loaded = await loadPublishedCatalog(trx, items, actorName(ctx.actor), deps.clock.now())
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.load', targetType: 'catalog', regionCode: deps.homeProvince, detail: loaded })
    return loaded
  })
}
