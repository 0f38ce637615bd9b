import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { ItemKindSchema } from './catalog.schemas'
import { findUnclaimedRegions, getCoverageMatrix, getRegionShare } from './coverage.service'

const CoverageLevelField = Type.Union([Type.Literal('city'), Type.Literal('county')])

const UncoveredRegion = Type.Object({ code: Type.String(), name: Type.String(), functionalZone: Type.Boolean() })

const RegionShare = Type.Object({
  regionCode: Type.String(),
  baseItems: Type.Integer({ description: '国家基本目录事项数 Items of the national base list' }),
  claimed: Type.Integer(),
  published: Type.Integer(),
  share: Type.Number({ minimum: 0, maximum: 1, description: 'claimed / baseItems' }),
})

const CoverageMatrix = Type.Object({
  regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  items: Type.Array(Type.Object({ id: Type.String(), basicCode: Type.String(), name: Type.String() })),
  cells: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 3 })), { description: 'cells[region][item]: 0 未认领 not claimed, 1 已认领未发布 claimed, 2 已发布 published, 3 待复核 open review task' }),
})

/** Coverage of the base list down the levels; each report defaults to the caller's own region. */
export const coverageRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/coverage/unclaimed',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '未认领某事项的市、县 Cities or counties that have not claimed an item',
        querystring: Type.Object({ itemId: Uuid, level: CoverageLevelField, region: Type.Optional(RegionCode) }),
        response: responses({ 200: Type.Array(UncoveredRegion) }),
      },
    },
    async (request) => findUnclaimedRegions(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/catalog/coverage/share',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '某地区认领国家基本目录的比例 A region’s share of the national base list',
        querystring: Type.Object({ region: Type.Optional(RegionCode) }),
        response: responses({ 200: RegionShare }),
      },
    },
    async (request) => getRegionShare(deps, contextOf(request), request.query.region),
  )

  app.get(
    '/api/catalog/coverage/matrix',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '认领热力图：地区 × 基本目录事项 Coverage heat map: regions × base items',
        querystring: Type.Object({ level: CoverageLevelField, parentRegion: Type.Optional(RegionCode), kind: Type.Optional(ItemKindSchema) }),
        response: responses({ 200: CoverageMatrix }),
      },
    },
    async (request) => getCoverageMatrix(deps, contextOf(request), request.query),
  )
}
