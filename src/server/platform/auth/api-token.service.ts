import { requireAccess, requireStaff } from '../access'
import { recordAudit } from '../audit/audit'
import { auditContext, type PlatformDeps, type RequestContext } from '../deps'
import { AppError } from '../errors'
import { adminRoles } from '../roles'
import { findStaffById } from '../users/staff.repository'
import { createApiToken, findApiToken, revokeApiToken as markRevoked, searchApiTokens, type ApiTokenRecord } from './api-token'
import { endingSessions } from './session'

export type ApiTokenStatus = 'active' | 'revoked' | 'expired'

/** A token as every response shows it: who it acts for and its state, never the secret or its hash. */
export interface ApiTokenView {
  id: string
  name: string
  staffId: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
  status: ApiTokenStatus
}

/** The longest a token may live; one without a chosen expiry gets exactly this. */
export const MAX_TOKEN_LIFETIME_YEARS = 1

function oneYearAfter(at: Date): Date {
  const limit = new Date(at)
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_TOKEN_LIFETIME_YEARS)
  return limit
}

export function presentApiToken(record: ApiTokenRecord, now: Date): ApiTokenView {
  const status: ApiTokenStatus = record.revokedAt ? 'revoked' : record.expiresAt && record.expiresAt <= now ? 'expired' : 'active'
  return {
    id: record.id,
    name: record.name,
    staffId: record.staffId,
    username: record.username,
    displayName: record.displayName,
    regionCode: record.regionCode,
    regionName: record.regionName,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    status,
  }
}

const staffNotFound = () => new AppError('not_found', 'staff_not_found', { zh: '工作人员账号不存在', en: 'Staff account not found' }, { field: 'staffId' })
const tokenNotFound = () => new AppError('not_found', 'token_not_found', { zh: '接口令牌不存在', en: 'API token not found' })
const alreadyRevoked = () => new AppError('conflict', 'token_already_revoked', { zh: '该接口令牌已被撤销', en: 'The API token is already revoked' })

/** The tokens of the accounts in the actor's region (and below), optionally of one account. */
export async function listApiTokens(deps: PlatformDeps, ctx: RequestContext, filter: { staffId?: string }): Promise<ApiTokenView[]> {
  const actor = requireStaff(ctx.actor)
  requireAccess(actor, 'token.manage', { regionCode: actor.regionCode })
  if (filter.staffId) {
    const staff = await findStaffById(deps.db, filter.staffId)
    if (!staff) throw staffNotFound()
    requireAccess(actor, 'token.manage', { regionCode: staff.regionCode, orgId: staff.orgId })
  }
  const rows = await searchApiTokens(deps.db, { regionPrefix: actor.regionCode, staffId: filter.staffId })
  const now = deps.clock.now()
  return rows.map((row) => presentApiToken(row, now))
}

export interface NewApiToken {
  staffId: string
  name: string
  /** ISO 8601 instant; at most one year ahead; one year ahead when absent. */
  expiresAt?: string
}

/**
 * Issues a token acting as an active account of the actor's region. The plain token is in this
 * answer only: the database keeps its hash and the audit log neither.
 */
export async function issueApiToken(deps: PlatformDeps, ctx: RequestContext, input: NewApiToken): Promise<ApiTokenView & { token: string }> {
  requireStaff(ctx.actor)
  const now = deps.clock.now()
  const name = input.name.trim()
  if (name.length === 0) {
    throw new AppError('invalid', 'token_name_required', { zh: '请填写令牌名称', en: 'The token needs a name' }, { field: 'name' })
  }
  const limit = oneYearAfter(now)
  let expiresAt = limit
  if (input.expiresAt !== undefined) {
    expiresAt = new Date(input.expiresAt)
    if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) {
      throw new AppError('invalid', 'token_expiry_past', { zh: '有效期必须晚于当前时间', en: 'The expiry must lie in the future' }, { field: 'expiresAt' })
    }
    if (expiresAt > limit) {
      throw new AppError('invalid', 'token_expiry_too_far', { zh: '接口令牌有效期最长为一年', en: 'An API token lives at most one year' }, { field: 'expiresAt' })
    }
  }
  return deps.db.transaction().execute(async (trx) => {
    const staff = await findStaffById(trx, input.staffId)
    if (!staff) throw staffNotFound()
    requireAccess(ctx.actor, 'token.manage', { regionCode: staff.regionCode, orgId: staff.orgId })
    if (staff.status !== 'active') {
      throw new AppError('invalid', 'token_staff_disabled', { zh: '该账号已停用，不能签发接口令牌', en: 'The account is disabled: no token can be issued for it' }, { field: 'staffId' })
    }
    // 三员分立: a token for an administrator would hand that administrator's powers to whoever holds it.
    if (staff.roles.some((role) => adminRoles.has(role))) {
      throw new AppError(
        'invalid',
        'token_staff_admin',
        { zh: '不能为系统管理员、安全管理员或审计管理员账号签发接口令牌', en: 'No token can be issued for an administrator account' },
        { field: 'staffId' },
      )
    }
    const { id, token } = await createApiToken(trx, { staffId: staff.id, name, expiresAt, createdAt: now })
    await recordAudit(trx, auditContext(deps, ctx), {
      action: 'api_token.issue',
      targetType: 'api_token',
      targetId: id,
      regionCode: staff.regionCode,
      detail: { name, staffId: staff.id, username: staff.username, expiresAt: expiresAt.toISOString() },
    })
    const record = await findApiToken(trx, id)
    return { ...presentApiToken(record!, now), token }
  })
}

/** Revokes a token at once; a revoked token never works again. */
export async function revokeApiToken(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<ApiTokenView> {
  requireStaff(ctx.actor)
  const now = deps.clock.now()
  return endingSessions(deps.db, async (trx) => {
    const record = await findApiToken(trx, id)
    if (!record) throw tokenNotFound()
    requireAccess(ctx.actor, 'token.manage', { regionCode: record.regionCode, orgId: record.orgId })
    if (record.revokedAt || !(await markRevoked(trx, id, now))) throw alreadyRevoked()
    await recordAudit(trx, auditContext(deps, ctx), {
      action: 'api_token.revoke',
      targetType: 'api_token',
      targetId: id,
      regionCode: record.regionCode,
      detail: { name: record.name, staffId: record.staffId, username: record.username },
    })
    return presentApiToken({ ...record, revokedAt: now }, now)
  })
}
