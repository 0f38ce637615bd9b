import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { Page, PageSize, paged, RegionCode, responses } from '../http/schemas'
import { searchAudit, verifyAudit } from './audit.service'

const Result = Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])
const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  result: Result,
  ip: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.Union([Type.String(), Type.Null()], { description: 'the SM3 link hash; null for the second or so until the sealer links the record into the chain' }),
})

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志 The audit log, newest first',
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          result: Type.Optional(Result),
          region: Type.Optional(RegionCode),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          page: Page,
          pageSize: PageSize,
        }),
        response: responses({ 200: paged(Entry) }),
      },
    },
    async (request) => searchAudit(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链 Verify the SM3 hash chain',
        response: responses({
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            brokenAt: Type.Optional(Type.Integer()),
            reason: Type.Optional(Type.String()),
          }),
        }),
      },
    },
    async (request) => verifyAudit(deps, contextOf(request)),
  )
}
