import { requireAccess } from '../access'
import { recordAudit } from '../audit/audit'
import { auditContext, type PlatformDeps, type RequestContext } from '../deps'
import type { OrgKind } from '../db/tables'
import { AppError } from '../errors'
import { requireRegion } from '../regions/regions.service'
import { findOrg, insertOrg, orgNameTaken, orgsOfRegion, updateOrg, type OrgRecord } from './orgs.repository'

export const orgNotFound = () => new AppError('not_found', 'org_not_found', { zh: '部门不存在', en: 'Department not found' })

const nameTaken = (name: string) =>
  new AppError('conflict', 'org_name_taken', { zh: `本地区已有名为“${name}”的部门`, en: `A department named ${name} already exists in this region` })

export async function listOrgs(deps: PlatformDeps, ctx: RequestContext, regionCode: string): Promise<OrgRecord[]> {
  requireAccess(ctx.actor, 'org.read', { regionCode })
  await requireRegion(deps.db, regionCode)
  return orgsOfRegion(deps.db, regionCode)
}

/** A department the actor may see; an out-of-scope one answers as if it did not exist. */
export async function getOrg(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<OrgRecord> {
  const org = await findOrg(deps.db, id)
  if (!org) throw orgNotFound()
  requireAccess(ctx.actor, 'org.read', { regionCode: org.regionCode })
  return org
}

export interface NewOrg {
  regionCode: string
  parentId?: string | null
  name: string
  kind: OrgKind
  sort?: number
}

export async function createOrg(deps: PlatformDeps, ctx: RequestContext, input: NewOrg): Promise<OrgRecord> {
  requireAccess(ctx.actor, 'org.manage', { regionCode: input.regionCode })
  return deps.db.transaction().execute(async (trx) => {
    await requireRegion(trx, input.regionCode)
    const parentId = input.parentId ?? null
    if (parentId) {
      const parent = await findOrg(trx, parentId)
      if (!parent || parent.regionCode !== input.regionCode) {
        throw new AppError('invalid', 'org_parent_invalid', { zh: '上级部门必须属于同一行政区划', en: 'The parent department must be in the same region' }, { field: 'parentId' })
      }
    }
    const name = input.name.trim()
    if (await orgNameTaken(trx, input.regionCode, name)) throw nameTaken(name)
    const org = await insertOrg(trx, { regionCode: input.regionCode, parentId, name, kind: input.kind, sort: input.sort ?? 0 })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'org.create', targetType: 'org', targetId: org.id, regionCode: org.regionCode, detail: { name } })
    return org
  })
}

export async function changeOrg(
  deps: PlatformDeps,
  ctx: RequestContext,
  id: string,
  changes: Partial<{ name: string; kind: OrgKind; sort: number }>,
): Promise<OrgRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, id)
    if (!org) throw orgNotFound()
    requireAccess(ctx.actor, 'org.manage', { regionCode: org.regionCode })
    const name = changes.name?.trim()
    if (name !== undefined && (await orgNameTaken(trx, org.regionCode, name, id))) throw nameTaken(name)
    const updated = await updateOrg(trx, id, { ...changes, ...(name !== undefined ? { name } : {}) })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'org.update', targetType: 'org', targetId: id, regionCode: org.regionCode, detail: { before: org, after: updated } })
    return updated
  })
}

/**
 * The department of a new administrator, by id or name; on a fresh installation (no departments
 * yet) the region's government-service office is created, so the first account can exist.
 */
export async function ensureOrgForAdmin(deps: PlatformDeps, ctx: RequestContext, regionCode: string, idOrName: string | undefined): Promise<OrgRecord> {
  const region = await requireRegion(deps.db, regionCode)
  const orgs = await orgsOfRegion(deps.db, regionCode)
  const name = idOrName ?? `${region.name}政务服务管理办公室`
  const found = orgs.find((o) => o.id === name || o.name === name)
  if (found) return found
  if (/^[0-9a-f-]{36}$/.test(name)) throw orgNotFound()
  return createOrg(deps, ctx, { regionCode, name, kind: 'office' })
}
