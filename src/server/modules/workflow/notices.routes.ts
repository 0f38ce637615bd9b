import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorName, requireStaff } from '../../platform/access'
import type { PlatformDeps } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { contextOf } from '../../platform/http/context'
import { responses, Uuid } from '../../platform/http/schemas'
import { findNotice, markNoticeRead, noticesFor } from './workflow.repository'

const tags = ['workflow']
const NoticeSchema = Type.Object({
  id: Uuid,
  caseId: Uuid,
  seq: Type.Integer(),
  kind: Type.String({ description: 'assigned, returned, remind, overdue, escalated, or the transition that asked for the audience (object, request_extension)' }),
  regionCode: Type.String(),
  orgId: Type.Union([Type.String(), Type.Null()]),
  escalation: Type.Integer(),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
})

/** Notices (提醒、超期、督办、派单) for the signed-in staff member: their department's, and their region's for the audiences they belong to. */
export const noticeRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/workflow/notices',
    { schema: { tags, summary: '我的提醒 My notices', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }), response: responses({ 200: Type.Array(NoticeSchema) }) } },
    async (request) => {
      const actor = requireStaff(contextOf(request).actor)
      const notices = await noticesFor(deps.db, { orgId: actor.orgId, regionCode: actor.regionCode, permissions: [...actor.permissions] }, { unreadOnly: request.query.unread ?? false, limit: request.query.limit })
      return notices.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null }))
    },
  )

  app.post(
    '/api/workflow/notices/:id/read',
    { schema: { tags, summary: '标为已读 Mark a notice read', params: Type.Object({ id: Uuid }), response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      const actor = requireStaff(contextOf(request).actor)
      const notice = await findNotice(deps.db, request.params.id)
      const mine = notice && (notice.orgId === actor.orgId || (notice.orgId === null && notice.regionCode === actor.regionCode && notice.permission !== null && actor.permissions.has(notice.permission)))
      if (!mine) throw new AppError('not_found', 'notice_not_found', { zh: '提醒不存在', en: 'Notice not found' })
      await markNoticeRead(deps.db, notice.id, actorName(actor), deps.clock.now())
      return reply.code(204).send(null)
    },
  )
}
