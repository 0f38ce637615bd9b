import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { Nullable, RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { AppealTypeSchema, LineSchema } from './appeals.schemas'
import { addRoutingRule, appealTypeLimits, changeTypeLimit, dispatchCatalogue, removeDispatchEntry, retireRoutingRule, retrainClassifier, routingRules, setDispatchEntry } from './settings.service'

const tags = ['hotline']
const CategoryKey = Type.String({ minLength: 1, maxLength: 100 })
const RuleSchema = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  name: Type.String(),
  categoryKey: Nullable(Type.String()),
  regionPrefix: Nullable(Type.String()),
  line: Nullable(Type.String()),
  keywords: Type.Array(Type.String()),
  targetRegionCode: Type.String(),
  targetOrgId: Type.String(),
})

/** The hotline's configuration: the dispatch catalogue, routing rules, time limits per type, the classifier. */
export const settingsRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/hotline/dispatch-catalogue',
    {
      config: { permission: 'hotline.read' },
      schema: { tags, summary: '派单目录 A region’s dispatch catalogue', querystring: Type.Object({ regionCode: RegionCode }), response: responses({ 200: Type.Array(Type.Object({ categoryKey: Type.String(), regionCode: Type.String(), orgId: Type.String(), orgName: Nullable(Type.String()) })) }) },
    },
    async (request) => dispatchCatalogue(deps, contextOf(request), request.query.regionCode),
  )

  app.put(
    '/api/hotline/dispatch-catalogue',
    {
      config: { permission: 'hotline.supervise' },
      schema: { tags, summary: '设置派单目录 Name the department that answers a category in a region', body: Type.Object({ categoryKey: CategoryKey, regionCode: RegionCode, orgId: Uuid }, { additionalProperties: false }), response: responses({ 204: Type.Null() }) },
    },
    async (request, reply) => {
      await setDispatchEntry(deps, contextOf(request), request.body)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/hotline/dispatch-catalogue/:regionCode/:categoryKey',
    { config: { permission: 'hotline.supervise' }, schema: { tags, summary: '删除派单目录项 Remove an entry (the region falls back to the level above)', params: Type.Object({ regionCode: RegionCode, categoryKey: CategoryKey }), response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await removeDispatchEntry(deps, contextOf(request), request.params.categoryKey, request.params.regionCode)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/hotline/routing-rules',
    { config: { permission: 'hotline.read' }, schema: { tags, summary: '派单规则 Routing rules, in the order they are tried', response: responses({ 200: Type.Array(RuleSchema) }) } },
    async (request) => routingRules(deps, contextOf(request)),
  )

  app.post(
    '/api/hotline/routing-rules',
    {
      config: { permission: 'hotline.supervise' },
      schema: {
        tags,
        summary: '新增派单规则 Add a routing rule',
        body: Type.Object(
          {
            position: Type.Integer({ minimum: 0, maximum: 100000 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            categoryKey: Type.Optional(CategoryKey),
            regionPrefix: Type.Optional(RegionCode),
            line: Type.Optional(LineSchema),
            keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 50 })),
            targetOrgId: Uuid,
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: RuleSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await addRoutingRule(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/hotline/routing-rules/:id/retire',
    { config: { permission: 'hotline.supervise' }, schema: { tags, summary: '停用派单规则 Retire a routing rule', params: Type.Object({ id: Uuid }), response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await retireRoutingRule(deps, contextOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/hotline/type-limits',
    { config: { permission: 'hotline.read' }, schema: { tags, summary: '各类诉求办理时限（工作日） Time limits per appeal type, in working days', response: responses({ 200: Type.Record(Type.String(), Type.Integer()) }) } },
    async (request) => appealTypeLimits(deps, contextOf(request)),
  )

  app.put(
    '/api/hotline/type-limits/:type',
    {
      config: { permission: 'hotline.supervise' },
      schema: { tags, summary: '设置办理时限 Set a type’s time limit for new appeals (province only)', params: Type.Object({ type: AppealTypeSchema }), body: Type.Object({ limitDays: Type.Integer({ minimum: 1, maximum: 60 }) }, { additionalProperties: false }), response: responses({ 204: Type.Null() }) },
    },
    async (request, reply) => {
      await changeTypeLimit(deps, contextOf(request), request.params.type, request.body.limitDays)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/hotline/model/train',
    {
      config: { permission: 'hotline.supervise' },
      schema: { tags, summary: '重新训练分类模型 Retrain the classifier on handled appeals', response: responses({ 200: Type.Object({ id: Uuid, examples: Type.Integer(), heldOutAccuracy: Nullable(Type.Number()) }) }) },
    },
    async (request) => retrainClassifier(deps, contextOf(request)),
  )
}
