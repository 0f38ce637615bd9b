import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { Page, PageSize, paged, RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { ReviewTaskSchema } from './catalog.schemas'
import { resolveReviewTask, reviewTasks } from './review.service'

const tags = ['catalog']

export const reviewRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/review-tasks',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '复核任务 Review tasks in the actor’s region (parent changes, law changes)',
        querystring: Type.Object({
          region: Type.Optional(RegionCode),
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
          lawChangeId: Type.Optional(Uuid),
          implementationId: Type.Optional(Uuid),
          mine: Type.Optional(Type.Boolean()),
          page: Page,
          pageSize: PageSize,
        }),
        response: responses({ 200: paged(ReviewTaskSchema) }),
      },
    },
    async (request) => reviewTasks(deps, contextOf(request), request.query),
  )

  app.post(
    '/api/catalog/review-tasks/:id/resolve',
    {
      config: { permission: 'catalog.edit' },
      schema: {
        tags,
        summary: '处理复核任务 Settle a review: adopt the parent version, confirm, or retire',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ action: Type.Union([Type.Literal('adopt'), Type.Literal('confirm'), Type.Literal('retire')]), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: responses({ 200: ReviewTaskSchema }),
      },
    },
    async (request) => resolveReviewTask(deps, contextOf(request), request.params.id, request.body),
  )
}
