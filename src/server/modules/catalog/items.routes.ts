import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { Page, PageSize, paged, responses, Uuid } from '../../platform/http/schemas'
import { FieldChangeSchema, GuideSchema, ImplementationDetailSchema, ImplementationSchema, ItemKindSchema, VersionSchema } from './catalog.schemas'
import { getImplementationDetail, getVersion, listImplementations, serviceGuide } from './entry.service'
import { claimItem, compareVersions, createItem, publishVersion, retireImplementation, saveDraft, startDraft } from './items.service'

const CatalogRegion = Type.String({ pattern: '^(00|[0-9]{2}([0-9]{2}([0-9]{2})?)?)$', description: '00 for the national base list, else a province, city or county code' })
const BasicCode = Type.String({ pattern: '^[0-9]{10}$', description: 'GB/T 39554.1 basic code: type code (2), main item (5), sub-item (3)' })
const Note = Type.String({ maxLength: 500 })
const Created = Type.Object({ implementation: ImplementationSchema, draft: VersionSchema })
const tags = ['catalog']

export const itemRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/implementations',
    {
      config: { permission: 'catalog.read' },
      schema: { tags, summary: '某地区的实施清单 Entries of a region', querystring: Type.Object({ region: CatalogRegion, kind: Type.Optional(ItemKindSchema), page: Page, pageSize: PageSize }), response: responses({ 200: paged(ImplementationSchema) }) },
    },
    async (request) => listImplementations(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/catalog/implementations/:id',
    { config: { permission: 'catalog.read' }, schema: { tags, summary: '实施清单详情 An entry with versions, changes and reviews', params: Type.Object({ id: Uuid }), response: responses({ 200: ImplementationDetailSchema }) } },
    async (request) => getImplementationDetail(deps, contextOf(request), request.params.id),
  )

  app.post(
    '/api/catalog/items',
    {
      config: { permission: 'catalog.edit' },
      schema: {
        tags,
        summary: '新增基本目录事项 Create an item of the base list (as a draft)',
        body: Type.Object({ kind: ItemKindSchema, basicCode: Type.Optional(BasicCode), elements: Type.Record(Type.String(), Type.Unknown()), note: Type.Optional(Note) }, { additionalProperties: false }),
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) => reply.status(201).send(await createItem(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/catalog/implementations/:id/claims',
    {
      config: { permission: 'catalog.edit' },
      schema: {
        tags,
        summary: '认领事项 Claim an entry for the region below (only overrides are stored)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ regionCode: CatalogRegion, orgId: Uuid, overrides: Type.Optional(Type.Record(Type.String(), Type.Unknown())), note: Type.Optional(Note) }, { additionalProperties: false }),
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) => reply.status(201).send(await claimItem(deps, contextOf(request), { ...request.body, parentId: request.params.id })),
  )

  app.post(
    '/api/catalog/implementations/:id/drafts',
    { config: { permission: 'catalog.edit' }, schema: { tags, summary: '新建草稿 Start a draft from the published version', params: Type.Object({ id: Uuid }), response: responses({ 201: VersionSchema }) } },
    async (request, reply) => reply.status(201).send(await startDraft(deps, contextOf(request), request.params.id)),
  )

  app.post(
    '/api/catalog/implementations/:id/retire',
    {
      config: { permission: 'catalog.edit' },
      schema: { tags, summary: '废止事项 Withdraw an entry', params: Type.Object({ id: Uuid }), body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }), response: responses({ 200: ImplementationSchema }) },
    },
    async (request) => retireImplementation(deps, contextOf(request), request.params.id, request.body.reason),
  )

  app.get(
    '/api/catalog/versions/:id',
    { config: { permission: 'catalog.read' }, schema: { tags, summary: '事项版本 A version', params: Type.Object({ id: Uuid }), response: responses({ 200: VersionSchema }) } },
    async (request) => getVersion(deps, contextOf(request), request.params.id),
  )

  app.get(
    '/api/catalog/versions/:id/compare',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '版本对比 What changed between two versions',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ to: Uuid }),
        response: responses({ 200: Type.Object({ from: VersionSchema, to: VersionSchema, changes: Type.Array(FieldChangeSchema) }) }),
      },
    },
    async (request) => compareVersions(deps, contextOf(request), request.params.id, request.query.to),
  )

  app.put(
    '/api/catalog/versions/:id',
    {
      config: { permission: 'catalog.edit' },
      schema: {
        tags,
        summary: '保存草稿 Save a draft (a published version never changes)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ elements: Type.Record(Type.String(), Type.Unknown()), note: Type.Optional(Note) }, { additionalProperties: false }),
        response: responses({ 200: VersionSchema }),
      },
    },
    async (request) => saveDraft(deps, contextOf(request), request.params.id, request.body),
  )

  app.post(
    '/api/catalog/versions/:id/publish',
    { config: { permission: 'catalog.edit' }, schema: { tags, summary: '发布版本 Publish a draft', params: Type.Object({ id: Uuid }), response: responses({ 200: VersionSchema }) } },
    async (request) => publishVersion(deps, contextOf(request), request.params.id),
  )

  app.get(
    '/api/public/catalog/guides/:id',
    {
      config: { public: true },
      schema: { tags, summary: '办事指南 The service guide of a published entry (by id or implementation code)', params: Type.Object({ id: Type.String({ pattern: '^([0-9a-f-]{36}|[0-9]{18})$' }) }), response: responses({ 200: GuideSchema }) },
    },
    async (request) => serviceGuide(deps, request.params.id),
  )
}
