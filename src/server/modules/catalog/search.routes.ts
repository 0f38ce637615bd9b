import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { Page, paged, RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { ItemKindSchema } from './catalog.schemas'
import { catalogFacets, maxSearchPageSize, searchCatalog } from './search.service'

const CatalogLevelField = Type.Union([Type.Literal('national'), Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])

const SearchHit = Type.Object({
  implementationId: Type.String(),
  itemId: Type.String(),
  name: Type.String(),
  kind: ItemKindSchema,
  regionCode: Type.String(),
  level: CatalogLevelField,
  implementationCode: Type.String(),
  orgId: Type.Union([Type.String(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(Type.String()),
  lifeEvents: Type.Array(Type.String()),
  provinceWide: Type.Boolean(),
  crossProvince: Type.Boolean(),
})

const searchFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: '事项名称、编码或要素中的词 Words of the name, code or elements' })),
  kind: Type.Optional(ItemKindSchema),
  orgId: Type.Optional(Uuid),
  theme: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  lifeEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  provinceWide: Type.Optional(Type.Boolean({ description: '省内通办 only' })),
  level: Type.Optional(CatalogLevelField),
  page: Type.Optional(Page),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxSearchPageSize, default: 20 })),
}
// Exactly this region's entries; '00', the national base list, fits the pattern too.
const regionFilter = Type.Optional(RegionCode)

const Facet = Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() }))
const OrgFacet = Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() }))

/** Catalogue search for staff and for the citizen portal, and the portal's theme / life-event browser. */
export const searchRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/search',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '检索已发布的事项 Search the published catalogue',
        querystring: Type.Object({ ...searchFilters, region: regionFilter }),
        response: responses({ 200: paged(SearchHit) }),
      },
    },
    async (request) => searchCatalog(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/public/catalog/search',
    {
      config: { public: true },
      schema: {
        tags: ['catalog'],
        summary: '办事指南检索（公众） Public search of the published catalogue; region defaults to the home province',
        querystring: Type.Object({ ...searchFilters, region: regionFilter }),
        response: responses({ 200: paged(SearchHit) }),
      },
    },
    async (request) => searchCatalog(deps, null, request.query),
  )

  app.get(
    '/api/public/catalog/facets',
    {
      config: { public: true },
      schema: {
        tags: ['catalog'],
        summary: '按主题、人生事件和部门浏览（公众） Themes, life events and departments of a region, with counts',
        querystring: Type.Object({ region: regionFilter }),
        response: responses({ 200: Type.Object({ themes: Facet, lifeEvents: Facet, orgs: OrgFacet }) }),
      },
    },
    async (request) => catalogFacets(deps, request.query.region),
  )
}
