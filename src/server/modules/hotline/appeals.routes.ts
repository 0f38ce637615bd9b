import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { Page, PageSize, paged, RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { ActionInput, AppealDetailSchema, AppealTypeSchema, AppealViewSchema, CategorySchema, ImportInput, IntakeSchema, LineSchema, MAX_CONTENT, PublicAppealInput, PublicProgressSchema, PublicReceiptSchema, StaffAppealInput, SuggestionSchema } from './appeals.schemas'
import { actOnAppeal, categories, followAppeal, getAppeal, listAppeals, revealAppellant, viewOfFiled } from './appeals.service'
import { importAppeals, submitAppeal, suggestForText } from './intake.service'

const tags = ['hotline']

export const appealRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/public/hotline/categories',
    { config: { public: true }, schema: { tags, summary: '诉求分类 Appeal categories', response: responses({ 200: Type.Array(CategorySchema) }) } },
    async () => categories(deps),
  )

  app.post(
    '/api/public/hotline/appeals',
    {
      config: { public: true },
      schema: { tags, summary: '网上提交诉求 File an appeal on the portal (send Idempotency-Key to retry safely)', body: PublicAppealInput, response: responses({ 201: PublicReceiptSchema }) },
    },
    async (request, reply) => {
      const intake = await submitAppeal(deps, contextOf(request), 'web', request.body)
      const a = intake.appeal
      const view = await viewOfFiled(deps, contextOf(request).actor, a)
      return reply.code(201).send({ number: a.number, queryCode: intake.queryCode ?? '', state: view.state, stateName: view.stateName, deadline: view.deadline, emergencies: intake.emergencies })
    },
  )

  app.get(
    '/api/public/hotline/appeals/:number',
    {
      config: { public: true },
      schema: { tags, summary: '查询诉求办理进度 Follow an appeal with its number and query code', params: Type.Object({ number: Type.String({ pattern: '^[0-9]{6,20}$' }) }), querystring: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }), response: responses({ 200: PublicProgressSchema }) },
    },
    async (request) => followAppeal(deps, request.params.number, request.query.code),
  )

  app.post(
    '/api/hotline/appeals',
    { config: { permission: 'hotline.intake' }, schema: { tags, summary: '登记诉求 Record an appeal (phone agent, messaging channel)', body: StaffAppealInput, response: responses({ 201: IntakeSchema }) } },
    async (request, reply) => {
      const { channel, ...input } = request.body
      const intake = await submitAppeal(deps, contextOf(request), channel, input)
      return reply.code(intake.duplicate ? 200 : 201).send({ ...intake, appeal: await viewOfFiled(deps, contextOf(request).actor, intake.appeal) })
    },
  )

  app.post(
    '/api/hotline/appeals/import',
    {
      config: { permission: 'hotline.intake' },
      schema: {
        tags,
        summary: '导入国家平台转办诉求 Import appeals transferred from national platforms',
        body: ImportInput,
        response: responses({ 200: Type.Object({ filed: Type.Integer(), duplicates: Type.Integer(), rejected: Type.Array(Type.Object({ index: Type.Integer(), externalRef: Type.String(), id: Type.String(), zh: Type.String(), en: Type.String() })) }) }),
      },
    },
    async (request) => importAppeals(deps, contextOf(request), request.body.appeals),
  )

  app.post(
    '/api/hotline/suggestions',
    {
      config: { permission: 'hotline.read' },
      schema: { tags, summary: '分类和承办部门建议 Category and department suggestions for a text', body: Type.Object({ text: Type.String({ minLength: 1, maxLength: MAX_CONTENT }), line: LineSchema, regionCode: Type.Optional(RegionCode) }, { additionalProperties: false }), response: responses({ 200: SuggestionSchema }) },
    },
    async (request) => suggestForText(deps, request.body),
  )

  app.get(
    '/api/hotline/appeals',
    {
      config: { permission: 'hotline.read' },
      schema: {
        tags,
        summary: '诉求列表：派单队列、部门待办或全部 Appeals: the dispatch queue, a department inbox, or all in scope',
        querystring: Type.Object({
          view: Type.Union([Type.Literal('dispatch'), Type.Literal('inbox'), Type.Literal('all')], { default: 'all' }),
          state: Type.Optional(Type.String({ maxLength: 30 })),
          line: Type.Optional(LineSchema),
          categoryKey: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(AppealTypeSchema),
          number: Type.Optional(Type.String({ maxLength: 20 })),
          caseId: Type.Optional(Uuid),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          overdue: Type.Optional(Type.Boolean()),
          page: Page,
          pageSize: PageSize,
        }),
        response: responses({ 200: paged(AppealViewSchema) }),
      },
    },
    async (request) => listAppeals(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/hotline/appeals/:id',
    { config: { permission: 'hotline.read' }, schema: { tags, summary: '诉求详情与办理过程 An appeal with its history', params: Type.Object({ id: Uuid }), response: responses({ 200: AppealDetailSchema }) } },
    async (request) => getAppeal(deps, contextOf(request), request.params.id),
  )

  app.post(
    '/api/hotline/appeals/:id/actions',
    {
      config: { permission: 'hotline.read' },
      schema: { tags, summary: '办理诉求：派单、退回、异议、延期、答复、回访、督办、并单… Act on an appeal', params: Type.Object({ id: Uuid }), body: ActionInput, response: responses({ 200: AppealViewSchema }) },
    },
    async (request) => actOnAppeal(deps, contextOf(request), request.params.id, request.body),
  )

  app.post(
    '/api/hotline/appeals/:id/reveal',
    {
      config: { permission: 'pii.read' },
      schema: { tags, summary: '查看诉求人完整联系方式（留痕） Reveal the appellant’s contact details (audited)', params: Type.Object({ id: Uuid }), response: responses({ 200: Type.Object({ name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }) }) },
    },
    async (request) => revealAppellant(deps, contextOf(request), request.params.id),
  )
}
