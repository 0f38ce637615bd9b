import { adminRoles, departmentScopedOf, permissionsOf, roleNames, roles as roleTable } from '../roles'
import { requireAccess, requireStaff, type StaffActor } from '../access'
import { recordAudit, recordAuditAlone } from '../audit/audit'
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../auth/password'
import { revokeApiTokensOf } from '../auth/api-token'
import { endingSessions, endSessionsOf, startSession } from '../auth/session'
import { auditContext, type PlatformDeps, type RequestContext } from '../deps'
import type { Executor } from '../db/database'
import { AppError } from '../errors'
import { findOrg } from '../orgs/orgs.repository'
import { maskPhone } from '../pii/pii'
import { requireRegion } from '../regions/regions.service'
import {
  findStaffById,
  findStaffByUsername,
  insertStaff,
  replaceStaffRoles,
  searchStaff,
  updateStaff,
  usernameTaken,
  type StaffRecord,
} from './staff.repository'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

/** A staff account as every response shows it: no hash, the phone masked. */
export interface StaffView {
  id: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  orgId: string
  orgName: string
  roles: string[]
  status: 'active' | 'disabled'
  locked: boolean
  phone: string | null
  createdAt: string
}

export function presentStaff(deps: PlatformDeps, record: StaffRecord): StaffView {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    regionCode: record.regionCode,
    regionName: record.regionName,
    orgId: record.orgId,
    orgName: record.orgName,
    roles: record.roles,
    status: record.status,
    locked: record.lockedUntil !== null && record.lockedUntil > deps.clock.now(),
    phone: record.phoneCipher ? maskPhone(deps.pii.decrypt(record.phoneCipher)) : null,
    createdAt: record.createdAt.toISOString(),
  }
}

const staffNotFound = () => new AppError('not_found', 'staff_not_found', { zh: '工作人员账号不存在', en: 'Staff account not found' })

/** Whether a password set at `changedAt` is past the maximum age (0 days: never). */
export function passwordIsExpired(changedAt: Date, now: Date, maxAgeDays: number): boolean {
  return maxAgeDays > 0 && now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000
}

/**
 * The actor of a staff account, or null when it does not exist or is disabled. With `passwordAge`
 * (a person's session, not an API token) it also tells whether the password has expired.
 */
export async function loadStaffActor(db: Executor, id: string, passwordAge?: { now: Date; maxAgeDays: number }): Promise<StaffActor | null> {
  const record = await findStaffById(db, id)
  if (!record || record.status !== 'active') return null
  return staffActorOf(record, passwordAge)
}

function staffActorOf(record: StaffRecord, passwordAge?: { now: Date; maxAgeDays: number }): StaffActor {
  return {
    kind: 'staff',
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    regionCode: record.regionCode,
    orgId: record.orgId,
    roles: record.roles,
    permissions: permissionsOf(record.roles),
    departmentScoped: departmentScopedOf(record.roles),
    passwordExpired: passwordAge ? passwordIsExpired(record.passwordChangedAt, passwordAge.now, passwordAge.maxAgeDays) : false,
  }
}

const loginFailed = () =>
  new AppError('unauthenticated', 'login_failed', {
    zh: '用户名或密码错误，或账号已被暂时锁定',
    en: 'Wrong username or password, or the account is temporarily locked',
  })

// Verifying against a fixed hash when the account does not exist keeps the timing the same either way.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-valid'))

/**
 * Signs a staff member in. Every failure answers the same way, so the answer never tells whether
 * an account exists; five failures lock the account for fifteen minutes.
 */
export async function loginStaff(
  deps: PlatformDeps,
  input: { username: string; password: string },
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; actor: StaffActor }> {
  const now = deps.clock.now()
  const username = input.username.trim().toLowerCase()
  const record = await findStaffByUsername(deps.db, username)
  const audit = { actor: { kind: 'anonymous' as const }, ip: meta.ip, at: now }
  if (!record) {
    await verifyPassword(await decoy(), input.password)
    await recordAuditAlone(deps.db, audit, { action: 'auth.login', result: 'failure', detail: { username, reason: 'unknown_account' } })
    throw loginFailed()
  }
  const target = { targetType: 'staff', targetId: record.id, regionCode: record.regionCode }
  const lockedNow = record.lockedUntil !== null && record.lockedUntil > now
  const passwordOk = await verifyPassword(record.passwordHash, input.password)
  if (lockedNow || record.status !== 'active' || !passwordOk) {
    const reason = lockedNow ? 'locked' : record.status !== 'active' ? 'disabled' : 'wrong_password'
    await deps.db.transaction().execute(async (trx) => {
      if (reason === 'wrong_password') {
        const failed = record.failedLogins + 1
        const lock = failed >= MAX_FAILED_LOGINS
        await updateStaff(trx, record.id, lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) } : { failedLogins: failed })
        if (lock) await recordAudit(trx, audit, { action: 'auth.lockout', result: 'denied', ...target, detail: { username } })
      }
      await recordAudit(trx, audit, { action: 'auth.login', result: 'failure', ...target, detail: { username, reason } })
    })
    throw loginFailed()
  }
  return deps.db.transaction().execute(async (trx) => {
    await updateStaff(trx, record.id, { failedLogins: 0, lockedUntil: null })
    const token = await startSession(trx, { kind: 'staff', id: record.id }, now, meta)
    const actor = staffActorOf(record, { now, maxAgeDays: deps.passwordMaxAgeDays })
    await recordAudit(trx, { ...audit, actor }, { action: 'auth.login', ...target })
    return { token, actor }
  })
}

export async function listStaff(
  deps: PlatformDeps,
  ctx: RequestContext,
  filter: { q?: string; region?: string; status?: 'active' | 'disabled'; orgId?: string; page: number; pageSize: number },
): Promise<{ items: StaffView[]; total: number }> {
  const actor = requireStaff(ctx.actor)
  const regionPrefix = filter.region ?? actor.regionCode
  requireAccess(actor, 'staff.read', { regionCode: regionPrefix })
  const { rows, total } = await searchStaff(deps.db, {
    regionPrefix,
    q: filter.q?.trim() || undefined,
    status: filter.status,
    orgId: filter.orgId,
    offset: (filter.page - 1) * filter.pageSize,
    limit: filter.pageSize,
  })
  return { items: rows.map((r) => presentStaff(deps, r)), total }
}

async function staffInScope(db: Executor, ctx: RequestContext, id: string, permission: 'staff.read' | 'staff.manage' | 'staff.assign_roles' | 'staff.unlock'): Promise<StaffRecord> {
  const record = await findStaffById(db, id)
  if (!record) throw staffNotFound()
  requireAccess(ctx.actor, permission, { regionCode: record.regionCode })
  return record
}

export async function getStaff(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<StaffView> {
  return presentStaff(deps, await staffInScope(deps.db, ctx, id, 'staff.read'))
}

export interface NewStaff {
  username: string
  displayName: string
  regionCode: string
  orgId: string
  password: string
  phone?: string
}

function requirePasswordPolicy(deps: PlatformDeps, password: string, username: string): void {
  const violations = checkPasswordPolicy(password, deps.passwordPolicy, { username })
  if (violations.length > 0) {
    const first = violations[0]!
    throw new AppError('invalid', 'password_policy', { zh: `密码不符合要求：${first.zh}`, en: `The password does not meet the policy: ${first.en}` }, { violations })
  }
}

/** Creates an account in a region and department the actor manages. */
export async function createStaff(deps: PlatformDeps, ctx: RequestContext, input: NewStaff, initialRoles: readonly string[] = []): Promise<StaffView> {
  requireAccess(ctx.actor, 'staff.manage', { regionCode: input.regionCode })
  const username = input.username.trim().toLowerCase()
  requirePasswordPolicy(deps, input.password, username)
  const passwordHash = await hashPassword(input.password)
  return deps.db.transaction().execute(async (trx) => {
    await requireRegion(trx, input.regionCode)
    const org = await findOrg(trx, input.orgId)
    if (!org || org.regionCode !== input.regionCode) {
      throw new AppError('invalid', 'staff_org_invalid', { zh: '所属部门必须属于所选行政区划', en: 'The department must belong to the chosen region' }, { field: 'orgId' })
    }
    if (await usernameTaken(trx, username)) {
      throw new AppError('conflict', 'username_taken', { zh: `用户名 ${username} 已被使用`, en: `The username ${username} is taken` })
    }
    const phone = input.phone?.trim() || null
    const id = await insertStaff(trx, {
      username,
      displayName: input.displayName.trim(),
      regionCode: input.regionCode,
      orgId: input.orgId,
      passwordHash,
      passwordChangedAt: deps.clock.now(),
      phoneCipher: phone ? deps.pii.encrypt(phone) : null,
      phoneIndex: phone ? deps.pii.blindIndex(phone) : null,
    })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'staff.create', targetType: 'staff', targetId: id, regionCode: input.regionCode, detail: { username } })
    if (initialRoles.length > 0) {
      await replaceStaffRoles(trx, id, initialRoles)
      await recordAudit(trx, auditContext(deps, ctx), { action: 'staff.assign_roles', targetType: 'staff', targetId: id, regionCode: input.regionCode, detail: { before: [], after: initialRoles } })
    }
    return presentStaff(deps, (await findStaffById(trx, id))!)
  })
}

/** Checks a role set against 三员分立: at most one administrator role, and never with business roles. */
export function roleSetProblem(roleList: readonly string[]): string | null {
  const unknown = roleList.find((r) => !roleNames.has(r))
  if (unknown) return `unknown role ${unknown}`
  const admins = roleList.filter((r) => adminRoles.has(r))
  if (admins.length > 1) return 'two administrator roles'
  if (admins.length === 1 && roleList.length > 1) return 'administrator role with business roles'
  return null
}

export async function assignStaffRoles(deps: PlatformDeps, ctx: RequestContext, id: string, roleList: readonly string[]): Promise<StaffView> {
  const actor = requireStaff(ctx.actor)
  const wanted = [...new Set(roleList)].sort()
  const problem = roleSetProblem(wanted)
  if (problem) {
    throw new AppError('invalid', 'role_set_invalid', { zh: '角色组合不允许：系统、安全、审计管理员互斥，且不得兼任业务角色', en: `Role combination not allowed: ${problem}` }, { field: 'roles' })
  }
  if (actor.id === id) {
    throw new AppError('forbidden', 'own_roles_forbidden', { zh: '不能修改自己的角色', en: 'You cannot change your own roles' })
  }
  return endingSessions(deps.db, async (trx) => {
    const record = await staffInScope(trx, ctx, id, 'staff.assign_roles')
    await replaceStaffRoles(trx, id, wanted)
    // New roles take effect at the next sign-in, never silently inside a live session.
    await endSessionsOf(trx, { kind: 'staff', id })
    // Administrators hold no API tokens: a token would let their powers act without a person signing in.
    if (wanted.some((r) => adminRoles.has(r))) await revokeApiTokensOf(trx, id, deps.clock.now())
    await recordAudit(trx, auditContext(deps, ctx), { action: 'staff.assign_roles', targetType: 'staff', targetId: id, regionCode: record.regionCode, detail: { before: record.roles, after: wanted } })
    return presentStaff(deps, (await findStaffById(trx, id))!)
  })
}

export async function setStaffStatus(deps: PlatformDeps, ctx: RequestContext, id: string, status: 'active' | 'disabled'): Promise<StaffView> {
  const actor = requireStaff(ctx.actor)
  if (actor.id === id) {
    throw new AppError('forbidden', 'own_status_forbidden', { zh: '不能停用或启用自己的账号', en: 'You cannot disable or enable your own account' })
  }
  return endingSessions(deps.db, async (trx) => {
    const record = await staffInScope(trx, ctx, id, 'staff.manage')
    await updateStaff(trx, id, { status })
    if (status === 'disabled') await endSessionsOf(trx, { kind: 'staff', id })
    await recordAudit(trx, auditContext(deps, ctx), { action: status === 'disabled' ? 'staff.disable' : 'staff.enable', targetType: 'staff', targetId: id, regionCode: record.regionCode })
    return presentStaff(deps, (await findStaffById(trx, id))!)
  })
}

export async function unlockStaff(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<StaffView> {
  return deps.db.transaction().execute(async (trx) => {
    const record = await staffInScope(trx, ctx, id, 'staff.unlock')
    await updateStaff(trx, id, { failedLogins: 0, lockedUntil: null })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'staff.unlock', targetType: 'staff', targetId: id, regionCode: record.regionCode })
    return presentStaff(deps, (await findStaffById(trx, id))!)
  })
}

/** Changes the signed-in account's own password and ends its other sessions. */
export async function changeOwnPassword(
  deps: PlatformDeps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
  sessionToken: string | undefined,
): Promise<void> {
  const actor = requireStaff(ctx.actor)
  const record = await findStaffById(deps.db, actor.id)
  if (!record) throw staffNotFound()
  if (!(await verifyPassword(record.passwordHash, input.currentPassword))) {
    await recordAuditAlone(deps.db, auditContext(deps, ctx), { action: 'staff.change_password', result: 'failure', targetType: 'staff', targetId: actor.id, regionCode: record.regionCode })
    throw new AppError('invalid', 'current_password_wrong', { zh: '当前密码不正确', en: 'The current password is wrong' }, { field: 'currentPassword' })
  }
  requirePasswordPolicy(deps, input.newPassword, record.username)
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid', 'password_unchanged', { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' }, { field: 'newPassword' })
  }
  const passwordHash = await hashPassword(input.newPassword)
  await endingSessions(deps.db, async (trx) => {
    await updateStaff(trx, actor.id, { passwordHash, passwordChangedAt: deps.clock.now() })
    await endSessionsOf(trx, { kind: 'staff', id: actor.id }, sessionToken)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'staff.change_password', targetType: 'staff', targetId: actor.id, regionCode: record.regionCode })
  })
}

/** The role catalogue as the UI shows it. */
export function listRoles() {
  return roleTable.map((r) => ({ role: r.role, group: r.group, zh: r.name.zh, en: r.name.en, description: r.description, permissions: [...r.permissions] }))
}

/** Creates an account with one role (an administrator's, usually), for `yiwang user create-admin` and the demo seed; the system acts. */
export async function createAdminAccount(deps: PlatformDeps, ctx: RequestContext, input: NewStaff & { role: string }): Promise<StaffView> {
  if (!roleNames.has(input.role)) {
    throw new AppError('invalid', 'role_unknown', { zh: `未知角色 ${input.role}`, en: `Unknown role ${input.role}` })
  }
  return createStaff(deps, ctx, input, [input.role])
}
