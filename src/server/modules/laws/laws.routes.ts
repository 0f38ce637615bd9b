import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { paged, responses, Uuid } from '../../platform/http/schemas'
import { ArticleHistory, LawChangeDetail, LawDetail, LawListQuery, LawOnQuery, LawSummary, NewLawBody, NewLawChangeBody } from './laws.schemas'
import { createLaw, getArticleHistory, getLaw, getLawChange, listLaws, recordLawChange } from './laws.service'

const tags = ['laws']

export const lawsRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/laws',
    {
      config: { permission: 'law.read' },
      schema: { tags, summary: '法律法规库 Search the laws library', querystring: LawListQuery, response: responses({ 200: paged(LawSummary) }) },
    },
    async (request) => listLaws(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/laws/:id',
    {
      config: { permission: 'law.read' },
      schema: { tags, summary: '某日施行的法规文本 A law as it read on a day', params: Type.Object({ id: Uuid }), querystring: LawOnQuery, response: responses({ 200: LawDetail }) },
    },
    async (request) => getLaw(deps, contextOf(request), request.params.id, request.query.on),
  )

  app.post(
    '/api/laws',
    {
      config: { permission: 'law.edit' },
      schema: { tags, summary: '录入法律法规 Add a law with its articles', body: NewLawBody, response: responses({ 201: LawDetail }) },
    },
    async (request, reply) => reply.status(201).send(await createLaw(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/laws/:id/changes',
    {
      config: { permission: 'law.edit' },
      schema: {
        tags,
        summary: '录入立改废释 Record an amendment, repeal or interpretation',
        params: Type.Object({ id: Uuid }),
        body: NewLawChangeBody,
        response: responses({ 201: LawChangeDetail }),
      },
    },
    async (request, reply) => reply.status(201).send(await recordLawChange(deps, contextOf(request), request.params.id, request.body)),
  )

  app.get(
    '/api/laws/changes/:changeId',
    {
      config: { permission: 'law.read' },
      schema: { tags, summary: '一次立改废释及其条文 A law change and the articles it touched', params: Type.Object({ changeId: Uuid }), response: responses({ 200: LawChangeDetail }) },
    },
    async (request) => getLawChange(deps, contextOf(request), request.params.changeId),
  )

  app.get(
    '/api/laws/:id/articles/:articleId/history',
    {
      config: { permission: 'law.read' },
      schema: { tags, summary: '条文沿革 Every text an article has had', params: Type.Object({ id: Uuid, articleId: Uuid }), response: responses({ 200: ArticleHistory }) },
    },
    async (request) => getArticleHistory(deps, contextOf(request), request.params.id, request.params.articleId),
  )
}
