import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { RegionCode, responses } from '../http/schemas'
import { findRegionsByText, getRegion, listChildRegions } from './regions.service'

const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '1 province, 2 city, 3 county, 4 town, 5 village' }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  functionalZone: Type.Boolean(),
  hasChildren: Type.Boolean(),
})

export const regionRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/regions',
    {
      config: { permission: 'region.read' },
      schema: { tags: ['regions'], summary: '下级行政区划 Children of a region (the provinces without parent)', querystring: Type.Object({ parent: Type.Optional(RegionCode) }), response: responses({ 200: Type.Array(Region) }) },
    },
    async (request) => listChildRegions(deps.db, request.actor, request.query.parent),
  )

  app.get(
    '/api/regions/search',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: '按名称或代码搜索行政区划 Search regions by name or code',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        response: responses({ 200: Type.Array(Region) }),
      },
    },
    async (request) => findRegionsByText(deps.db, request.actor, request.query.q, request.query.limit),
  )

  app.get(
    '/api/regions/:code',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: '行政区划详情及上级 A region and its ancestors',
        params: Type.Object({ code: RegionCode }),
        response: responses({ 200: Type.Intersect([Region, Type.Object({ ancestors: Type.Array(Region) })]) }),
      },
    },
    async (request) => getRegion(deps.db, request.actor, request.params.code),
  )
}
