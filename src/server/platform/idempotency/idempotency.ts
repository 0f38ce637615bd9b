import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { canonicalJson } from '../audit/audit'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { errorBody } from '../http/error-handler'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actor: string; key: string }
  }
  interface FastifyContextConfig {
    /**
     * Whose Idempotency-Keys these are, for a public route whose callers identify themselves in the
     * request (an Open311 client's api_key): keys of different callers never meet.
     */
    idempotencyActor?: (request: FastifyRequest) => string | undefined
  }
}

function actorKey(request: FastifyRequest): string {
  const named = request.routeOptions.config.idempotencyActor?.(request)
  if (named) return named
  const actor = request.actor
  return actor.kind === 'staff' || actor.kind === 'public' ? `${actor.kind}:${actor.id}` : 'anonymous'
}

/** What makes two requests "the same": method, URL and body, whatever the key order. */
export function idempotencyRequestHash(method: string, url: string, body: unknown): string {
  const hash = createHash('sha256').update(`${method} ${url}\n`)
  // An uploaded file (a Buffer) is hashed as bytes: as JSON it would be walked key by key.
  return (Buffer.isBuffer(body) ? hash.update(body) : hash.update(canonicalJson(body ?? null))).digest('hex')
}

/**
 * Makes retried POSTs safe: the first request with an `Idempotency-Key` runs and its answer is
 * kept; a replay gets the kept answer, the same key with a different request is refused (422),
 * and a duplicate arriving while the first still runs is told to wait (409).
 */
export function installIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER]
    if (request.method !== 'POST' || key === undefined) return
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return reply.status(400).send(errorBody('idempotency_key_invalid', { zh: 'Idempotency-Key 格式不正确（8–128 个字母、数字或 _.:-）', en: 'Malformed Idempotency-Key (8–128 letters, digits or _.:-)' }))
    }
    const actor = actorKey(request)
    const hash = idempotencyRequestHash(request.method, request.url, request.body)
    const inserted = await deps.db
      .insertInto('platform.idempotencyKey')
      .values({ actor, key, method: request.method, path: request.url, requestHash: hash, state: 'pending', statusCode: null, responseBody: null, createdAt: deps.clock.now() })
      .onConflict((oc) => oc.columns(['actor', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()
    if (inserted) {
      request.idempotency = { actor, key }
      return
    }
    const stored = await deps.db.selectFrom('platform.idempotencyKey').selectAll().where('actor', '=', actor).where('key', '=', key).executeTakeFirstOrThrow()
    if (stored.requestHash !== hash) {
      return reply.status(422).send(errorBody('idempotency_key_reused', { zh: '该 Idempotency-Key 已用于另一个不同的请求', en: 'This Idempotency-Key was already used for a different request' }))
    }
    if (stored.state === 'pending') {
      return reply.status(409).send(errorBody('idempotency_in_progress', { zh: '相同的请求正在处理中，请稍后重试', en: 'The same request is still being processed; retry later' }))
    }
    return replay(reply, stored.statusCode ?? 200, stored.responseBody)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency
    if (!pending) return payload
    request.idempotency = undefined
    if (reply.statusCode >= 500) {
      // A server failure kept nothing, so the client may simply try again.
      await deps.db.deleteFrom('platform.idempotencyKey').where('actor', '=', pending.actor).where('key', '=', pending.key).execute()
    } else {
      await deps.db
        .updateTable('platform.idempotencyKey')
        .set({ state: 'done', statusCode: reply.statusCode, responseBody: typeof payload === 'string' ? payload : null })
        .where('actor', '=', pending.actor)
        .where('key', '=', pending.key)
        .execute()
    }
    return payload
  })
}

function replay(reply: FastifyReply, status: number, body: string | null): FastifyReply {
  reply.header('idempotent-replayed', 'true').status(status)
  if (body === null) return reply.send()
  return reply.type('application/json; charset=utf-8').send(body)
}

/** How long a kept answer is replayed; clients retry within minutes, not days. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000

/** Forgets answers older than the retention, so the table stays small. */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('platform.idempotencyKey').where('createdAt', '<', new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)).executeTakeFirst()
  return Number(result.numDeletedRows)
}
