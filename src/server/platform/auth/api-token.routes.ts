import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { errorBody } from '../http/error-handler'
import { responses, Uuid } from '../http/schemas'
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency'
import { issueApiToken, listApiTokens, revokeApiToken } from './api-token.service'

const Instant = Type.String({ format: 'date-time' })
const NullableInstant = Type.Union([Instant, Type.Null()])
const ApiTokenFields = {
  id: Type.String(),
  name: Type.String(),
  staffId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  createdAt: Instant,
  expiresAt: NullableInstant,
  lastUsedAt: NullableInstant,
  revokedAt: NullableInstant,
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')]),
}
const ApiToken = Type.Object(ApiTokenFields)
const IssuedApiToken = Type.Object({ ...ApiTokenFields, token: Type.String({ description: 'ywt_…: shown in this answer only, never again' }) })

export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: {
        tags: ['tokens'],
        summary: '接口令牌列表 API tokens of the accounts in my region',
        querystring: Type.Object({ staff: Type.Optional(Uuid) }),
        response: responses({ 200: Type.Array(ApiToken) }),
      },
    },
    async (request) => listApiTokens(deps, contextOf(request), { staffId: request.query.staff }),
  )

  app.post(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: {
        tags: ['tokens'],
        summary: '签发接口令牌 Issue an API token (the token is shown once)',
        description: 'No Idempotency-Key: a kept answer would keep the plain token. 不支持 Idempotency-Key，以免保存令牌明文。',
        body: Type.Object({
          staffId: Uuid,
          name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
          expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'at most one year ahead; one year ahead when left out' })),
        }),
        response: responses({ 201: IssuedApiToken }),
      },
      // The idempotency mechanism keeps the answer to replay it; this answer holds the plain token.
      preValidation: async (request, reply) => {
        if (request.headers[IDEMPOTENCY_HEADER] === undefined) return
        return reply.status(400).send(
          errorBody('idempotency_key_unsupported', {
            zh: '签发接口令牌不支持 Idempotency-Key（令牌明文不得保存）',
            en: 'Issuing an API token takes no Idempotency-Key (the plain token must not be kept)',
          }),
        )
      },
    },
    async (request, reply) => reply.status(201).send(await issueApiToken(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/tokens/:id/revoke',
    {
      config: { permission: 'token.manage' },
      schema: { tags: ['tokens'], summary: '撤销接口令牌 Revoke an API token', params: Type.Object({ id: Uuid }), response: responses({ 200: ApiToken }) },
    },
    async (request) => revokeApiToken(deps, contextOf(request), request.params.id),
  )
}
