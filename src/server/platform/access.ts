import { AppError } from './errors'
import type { Permission } from './roles'

/** Who is acting: a staff member (session or API token), a citizen or enterprise, or the system itself (CLI, timers). */
export type Actor =
  | {
      kind: 'staff'
      id: string
      username: string
      displayName: string
      regionCode: string
      orgId: string
      roles: readonly string[]
      permissions: ReadonlySet<string>
      /** Permissions held only for targets of the actor's own department. */
      departmentScoped: ReadonlySet<string>
      /** Signed in with a password past its maximum age: only changing it is allowed. */
      passwordExpired: boolean
    }
  | { kind: 'public'; id: string; accountKind: 'person' | 'enterprise'; name: string }
  | { kind: 'system'; name: string }
  | { kind: 'anonymous' }

export type StaffActor = Extract<Actor, { kind: 'staff' }>

/** What an action is aimed at: the region it belongs to and, where it matters, the owning department. */
export interface Target {
  regionCode: string
  orgId?: string
}

/** True when `inner` is `outer` or lies below it (GB/T 2260 codes nest by prefix). */
export function regionWithin(inner: string, outer: string): boolean {
  return inner.startsWith(outer)
}

/**
 * The actor's answer to "may I?": true only when a role grants the permission, the target lies in
 * the actor's region, and, for a department-scoped permission, the target belongs to the actor's department.
 */
export function hasAccess(actor: Actor, permission: Permission, target?: Target): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'staff') return false
  if (!actor.permissions.has(permission)) return false
  if (target === undefined) return true
  if (!regionWithin(target.regionCode, actor.regionCode)) return false
  return !actor.departmentScoped.has(permission) || target.orgId === actor.orgId
}

/**
 * Denies by default: throws unless the actor holds the permission and the target is in scope
 * (a county sees its county; a city its city and the counties below; the province all).
 *
 * @example requireAccess(actor, 'org.manage', { regionCode: org.regionCode })
 */
export function requireAccess(actor: Actor, permission: Permission, target?: Target): void {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'authentication_required', { zh: '请先登录', en: 'Please sign in first' })
  }
  if (!hasAccess(actor, permission, target)) {
    throw new AppError('forbidden', 'access_denied', { zh: '无权执行此操作', en: 'You are not allowed to do this' }, { permission })
  }
}

/** The staff actor of a request, or an error for anyone else. */
export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind === 'staff') return actor
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'authentication_required', { zh: '请先登录', en: 'Please sign in first' })
  }
  throw new AppError('forbidden', 'access_denied', { zh: '无权执行此操作', en: 'You are not allowed to do this' })
}

/** How records name who made them (a version's author, a task's resolver). */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.username
    case 'system':
      return `system:${actor.name}`
    case 'public':
      return actor.name
    case 'anonymous':
      return 'anonymous'
  }
}
