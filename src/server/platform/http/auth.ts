import '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { hasAccess, type Actor } from '../access'
import { recordAuditAlone } from '../audit/audit'
import { API_TOKEN_PREFIX, resolveApiToken } from '../auth/api-token'
import { resolveSession, sessionsRevision, SESSION_COOKIE, tokenHash } from '../auth/session'
import { createTtlCache } from '../cache'
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
  }
}

const anonymous: Actor = { kind: 'anonymous' }

interface Credential {
  token: string
  /** An API token rather than a session cookie. */
  api: boolean
}

/** The session cookie or API token a request carries, if any. */
function credentialOf(request: FastifyRequest): Credential | undefined {
  const authorization = request.headers.authorization
  if (authorization?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) return { token: authorization.slice('Bearer '.length), api: true }
  const token = request.cookies[SESSION_COOKIE]
  return token ? { token, api: false } : undefined
}

/** What a person whose password has expired may still do: see who they are, change it, leave. */
const openWithExpiredPassword = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout'])

interface SignedIn {
  actor: Actor
  /** When the session or token ends on its own (ms), if it does. */
  expiresAt: number | null
}

async function actorOfCredential(db: Db, credential: Credential, now: Date, maxAgeDays: number): Promise<SignedIn> {
  if (credential.api) {
    const token = await resolveApiToken(db, credential.token, now)
    const actor = token && (await loadStaffActor(db, token.staffId))
    return { actor: actor || anonymous, expiresAt: token?.expiresAt?.getTime() ?? null }
  }
  const session = await resolveSession(db, credential.token, now)
  if (!session || session.kind !== 'staff') return { actor: anonymous, expiresAt: null }
  return { actor: (await loadStaffActor(db, session.id, { now, maxAgeDays })) ?? anonymous, expiresAt: session.expiresAt.getTime() }
}

/**
 * Who a session or API token acts for, remembered for a few seconds: two queries per request were
 * most of a busy intake's round trips. Ending a session, changing roles or revoking a token here
 * forgets everything at once (sessionsRevision); in another process it takes effect within
 * ACTOR_TTL_MS, and so does an idle session's expiry.
 */
const ACTOR_TTL_MS = 5_000

function signedInActors(clock: Clock) {
  const cache = createTtlCache<string, SignedIn>({ ttlMs: ACTOR_TTL_MS, maxEntries: 10_000, now: () => clock.now().getTime(), expiresAt: (s) => s.expiresAt })
  let revision = sessionsRevision()
  return (credential: Credential, load: () => Promise<SignedIn>): Promise<SignedIn> => {
    if (revision !== sessionsRevision()) {
      cache.forget()
      revision = sessionsRevision()
    }
    return cache.get(`${credential.api ? 'api' : 'session'}:${tokenHash(credential.token)}`, load)
  }
}

/**
 * Resolves who is calling (session cookie or API token) before anything else, then refuses
 * callers without the route's permission before the body is even validated: deny by default.
 */
export function installAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; passwordMaxAgeDays: number }): void {
  const actors = signedInActors(deps.clock)
  app.addHook('onRequest', async (request) => {
    // The web app's files need no caller; skipping them saves a session lookup per asset.
    const webFile = request.routeOptions.config.public && !request.url.startsWith('/api/')
    const credential = webFile ? undefined : credentialOf(request)
    if (!credential) {
      request.actor = anonymous
      return
    }
    request.actor = (await actors(credential, () => actorOfCredential(deps.db, credential, deps.clock.now(), deps.passwordMaxAgeDays))).actor
    if (!credential.api && request.actor.kind === 'staff') request.sessionToken = credential.token
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
