import type { Actor } from './access'
import type { AuditContext } from './audit/audit'
import type { PasswordPolicy } from './auth/password'
import type { Clock } from './clock'
import type { Db } from './db/database'
import type { EventBus } from './events'
import type { PiiCipher } from './pii/pii'

/** What every service function stands on, passed in rather than reached for. */
export interface PlatformDeps {
  db: Db
  clock: Clock
  pii: PiiCipher
  passwordPolicy: PasswordPolicy
  /** Days after which a staff password must be changed; 0 turns expiry off. */
  passwordMaxAgeDays: number
  homeProvince: string
  /** Delivers a module's events to the modules that listen (built from the module list). */
  events: EventBus
}

/** Who is asking and from where: the request half of an audit record. */
export interface RequestContext {
  actor: Actor
  ip: string | null
}

export function auditContext(deps: Pick<PlatformDeps, 'clock'>, ctx: RequestContext): AuditContext {
  return { actor: ctx.actor, ip: ctx.ip, at: deps.clock.now() }
}
