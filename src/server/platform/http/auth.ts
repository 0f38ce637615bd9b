import '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { hasAccess, type Actor } from '../access'
import { recordAuditAlone } from '../audit/audit'
import { API_TOKEN_PREFIX, resolveApiToken } from '../auth/api-token'
import { resolveSession, SESSION_COOKIE } from '../auth/session'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import type { Permission } from '../roles'
import { loadStaffActor } from '../users/staff.service'
import { AppError } from '../errors'
import { errorBody } from './error-handler'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
    sessionToken?: string
  }
  interface FastifyContextConfig {
    /** The permission a caller must hold to reach the handler at all; the service then checks the scope. */
    permission?: Permission
    /** Open to anyone, signed in or not. Every other route needs a signed-in caller. */
    public?: boolean
    /**
     * Whose Idempotency-Keys these are, for a public route whose callers identify themselves in the
     * request (an Open311 client's api_key): keys of different callers never meet.
     */
    idempotencyActor?: (request: FastifyRequest) => string | undefined
  }
}

const anonymous: Actor = { kind: 'anonymous' }

/** What a person whose password has expired may still do: see who they are, change it, leave. */
const openWithExpiredPassword = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout'])

async function actorOfRequest(request: FastifyRequest, db: Db, now: Date, maxAgeDays: number): Promise<Actor> {
  const authorization = request.headers.authorization
  if (authorization?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) {
    const staffId = await resolveApiToken(db, authorization.slice('Bearer '.length), now)
    return (staffId && (await loadStaffActor(db, staffId))) || anonymous
  }
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return anonymous
  const subject = await resolveSession(db, token, now)
  if (!subject || subject.kind !== 'staff') return anonymous
  const actor = await loadStaffActor(db, subject.id, { now, maxAgeDays })
  if (actor) request.sessionToken = token
  return actor ?? anonymous
}

/**
 * Resolves who is calling (session cookie or API token) before anything else, then refuses
 * callers without the route's permission before the body is even validated: deny by default.
 */
export function installAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; passwordMaxAgeDays: number }): void {
  app.addHook('onRequest', async (request) => {
    // The web app's files need no caller; skipping them saves a session lookup per asset.
    const webFile = request.routeOptions.config.public && !request.url.startsWith('/api/')
    request.actor = webFile ? anonymous : await actorOfRequest(request, deps.db, deps.clock.now(), deps.passwordMaxAgeDays)
  })
  // A refusal by a service (out-of-scope region, 三员 rules) is a security event like a refused route.
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError) || error.kind !== 'forbidden') return
    await recordAuditAlone(deps.db, { actor: request.actor, ip: request.ip, at: deps.clock.now() }, {
      action: 'access.denied',
      result: 'denied',
      regionCode: request.actor.kind === 'staff' ? request.actor.regionCode : undefined,
      detail: { method: request.method, route: request.routeOptions.url, error: error.id },
    })
  })
  app.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config
    if (config.public || !request.routeOptions.url) return
    if (request.actor.kind === 'anonymous') {
      return reply.status(401).send(errorBody('authentication_required', { zh: '请先登录', en: 'Please sign in first' }))
    }
    const route = `${request.method} ${request.routeOptions.url}`
    if (request.actor.kind === 'staff' && request.actor.passwordExpired && !openWithExpiredPassword.has(route)) {
      return reply.status(403).send(errorBody('password_expired', { zh: '密码已过期，请先修改密码', en: 'Your password has expired; change it first' }))
    }
    if (config.permission && !hasAccess(request.actor, config.permission)) {
      await recordAuditAlone(deps.db, { actor: request.actor, ip: request.ip, at: deps.clock.now() }, {
        action: 'access.denied',
        result: 'denied',
        regionCode: request.actor.kind === 'staff' ? request.actor.regionCode : undefined,
        detail: { method: request.method, route: request.routeOptions.url, permission: config.permission },
      })
      return reply.status(403).send(errorBody('access_denied', { zh: '无权执行此操作', en: 'You are not allowed to do this' }, { details: { permission: config.permission } }))
    }
  })
}
