import { requireAccess, requireStaff } from '../access'
import type { PlatformDeps, RequestContext } from '../deps'
import { escapeLike } from '../db/like'
import { verifyAuditChain, type ChainReport } from './audit'

export interface AuditFilter {
  actor?: string
  action?: string
  result?: 'success' | 'denied' | 'failure'
  region?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

/** The auditor's view of the log: newest first, within the auditor's region. */
export async function searchAudit(deps: PlatformDeps, ctx: RequestContext, filter: AuditFilter) {
  const actor = requireStaff(ctx.actor)
  const region = filter.region ?? actor.regionCode
  requireAccess(actor, 'audit.read', { regionCode: region })
  // Entries without a region (a failed sign-in of an unknown name, system events) concern the whole
  // platform, so only a province-level auditor looking at the whole province sees them.
  const withPlatformWide = region === actor.regionCode && region === deps.homeProvince
  let query = deps.db
    .selectFrom('platform.auditLog')
    .leftJoin('platform.auditSeal', 'platform.auditSeal.seq', 'platform.auditLog.seq')
    .where((eb) => (withPlatformWide ? eb.or([eb('regionCode', 'like', `${region}%`), eb('regionCode', 'is', null)]) : eb('regionCode', 'like', `${region}%`)))
  if (filter.actor) query = query.where((eb) => eb.or([eb('actorName', '=', filter.actor!), eb('actorId', '=', filter.actor!)]))
  if (filter.action) query = query.where('action', 'like', `${escapeLike(filter.action)}%`)
  if (filter.result) query = query.where('result', '=', filter.result)
  if (filter.from) query = query.where('at', '>=', new Date(filter.from))
  if (filter.to) query = query.where('at', '<', new Date(filter.to))
  const [rows, count] = await Promise.all([
    query.selectAll('platform.auditLog').select(['platform.auditSeal.hash', 'platform.auditSeal.link']).orderBy('platform.auditLog.seq', 'desc').offset((filter.page - 1) * filter.pageSize).limit(filter.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
    total: Number(count.n),
  }
}

export async function verifyAudit(deps: PlatformDeps, ctx: RequestContext): Promise<ChainReport> {
  requireAccess(ctx.actor, 'audit.read')
  return verifyAuditChain(deps.db)
}
