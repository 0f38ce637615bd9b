import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { responses, Uuid } from '../../platform/http/schemas'
import {
  CategoryCount,
  KnowledgeEntryDetail,
  KnowledgeListQuery,
  KnowledgePage,
  KnowledgeRevisionView,
  KnowledgeSuggestion,
  NewKnowledgeEntry,
  RejectBody,
  RetireBody,
  SaveDraftBody,
  SuggestionQuery,
  VersionedBody,
} from './knowledge.schemas'
import {
  approveKnowledgeRevision,
  createKnowledgeEntry,
  getKnowledgeEntry,
  getKnowledgeRevision,
  knowledgeCategories,
  listKnowledge,
  rejectKnowledgeRevision,
  retireKnowledgeEntry,
  saveKnowledgeDraft,
  submitKnowledgeDraft,
  suggestKnowledge,
} from './knowledge.service'

const tags = ['hotline']
const base = '/api/hotline/knowledge'
const EntryParams = Type.Object({ id: Uuid })

/** The knowledge base's routes (热线百科). */
export const knowledgeRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    `${base}/entries`,
    {
      config: { permission: 'knowledge.read' },
      schema: { tags, summary: '热线百科条目 Knowledge entries the caller may see, searched and filtered', querystring: KnowledgeListQuery, response: responses({ 200: KnowledgePage }) },
    },
    async (request) => listKnowledge(deps, contextOf(request), request.query),
  )

  app.get(
    `${base}/suggestions`,
    {
      config: { permission: 'knowledge.read' },
      schema: {
        tags,
        summary: '知识推荐 Up to five published, unexpired entries for the appeal being typed',
        querystring: SuggestionQuery,
        response: responses({ 200: Type.Array(KnowledgeSuggestion) }),
      },
    },
    async (request) => suggestKnowledge(deps, contextOf(request), request.query),
  )

  app.get(
    `${base}/categories`,
    { config: { permission: 'knowledge.read' }, schema: { tags, summary: '条目分类 Categories in use, with counts', response: responses({ 200: Type.Array(CategoryCount) }) } },
    async (request) => knowledgeCategories(deps, contextOf(request)),
  )

  app.post(
    `${base}/entries`,
    { config: { permission: 'knowledge.edit' }, schema: { tags, summary: '新建条目 Create an entry (its first revision a draft)', body: NewKnowledgeEntry, response: responses({ 201: KnowledgeEntryDetail }) } },
    async (request, reply) => reply.status(201).send(await createKnowledgeEntry(deps, contextOf(request), request.body)),
  )

  app.get(
    `${base}/entries/:id`,
    { config: { permission: 'knowledge.read' }, schema: { tags, summary: '条目详情 An entry with its published text, draft and history', params: EntryParams, response: responses({ 200: KnowledgeEntryDetail }) } },
    async (request) => getKnowledgeEntry(deps, contextOf(request), request.params.id),
  )

  app.get(
    `${base}/entries/:id/revisions/:revisionId`,
    {
      config: { permission: 'knowledge.read' },
      schema: { tags, summary: '历史修订 One revision in full', params: Type.Object({ id: Uuid, revisionId: Uuid }), response: responses({ 200: KnowledgeRevisionView }) },
    },
    async (request) => getKnowledgeRevision(deps, contextOf(request), request.params.id, request.params.revisionId),
  )

  app.put(
    `${base}/entries/:id/draft`,
    {
      config: { permission: 'knowledge.edit' },
      schema: {
        tags,
        summary: '保存草稿 Save the draft; editing a published entry starts a new revision while the published one stays',
        params: EntryParams,
        body: SaveDraftBody,
        response: responses({ 200: KnowledgeEntryDetail }),
      },
    },
    async (request) => saveKnowledgeDraft(deps, contextOf(request), request.params.id, request.body),
  )

  app.post(
    `${base}/entries/:id/submit`,
    { config: { permission: 'knowledge.edit' }, schema: { tags, summary: '提交审核 Submit the draft for review', params: EntryParams, body: VersionedBody, response: responses({ 200: KnowledgeEntryDetail }) } },
    async (request) => submitKnowledgeDraft(deps, contextOf(request), request.params.id, request.body.expectedVersion),
  )

  app.post(
    `${base}/entries/:id/approve`,
    {
      config: { permission: 'knowledge.review' },
      schema: { tags, summary: '审核通过 Publish the revision in review (never the reviewer’s own)', params: EntryParams, body: VersionedBody, response: responses({ 200: KnowledgeEntryDetail }) },
    },
    async (request) => approveKnowledgeRevision(deps, contextOf(request), request.params.id, request.body.expectedVersion),
  )

  app.post(
    `${base}/entries/:id/reject`,
    { config: { permission: 'knowledge.review' }, schema: { tags, summary: '退回修改 Send the revision back to draft with a comment', params: EntryParams, body: RejectBody, response: responses({ 200: KnowledgeEntryDetail }) } },
    async (request) => rejectKnowledgeRevision(deps, contextOf(request), request.params.id, request.body),
  )

  app.post(
    `${base}/entries/:id/retire`,
    { config: { permission: 'knowledge.review' }, schema: { tags, summary: '废止条目 Retire an entry: agents no longer see it', params: EntryParams, body: RetireBody, response: responses({ 200: KnowledgeEntryDetail }) } },
    async (request) => retireKnowledgeEntry(deps, contextOf(request), request.params.id, request.body),
  )
}
