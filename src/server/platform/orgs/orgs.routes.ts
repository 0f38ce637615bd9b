import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { RegionCode, responses, Uuid } from '../http/schemas'
import { changeOrg, createOrg, getOrg, listOrgs } from './orgs.service'


const OrgKindField = Type.Union([Type.Literal('government'), Type.Literal('office'), Type.Literal('department'), Type.Literal('service_center'), Type.Literal('other')])
const Org = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: OrgKindField,
  sort: Type.Integer(),
})
const OrgName = Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' })

export const orgRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/orgs',
    {
      config: { permission: 'org.read' },
      schema: { tags: ['orgs'], summary: '某地区的部门 Departments of a region', querystring: Type.Object({ region: RegionCode }), response: responses({ 200: Type.Array(Org) }) },
    },
    async (request) => listOrgs(deps, contextOf(request), request.query.region),
  )

  app.get(
    '/api/orgs/:id',
    { config: { permission: 'org.read' }, schema: { tags: ['orgs'], summary: '部门详情 A department', params: Type.Object({ id: Uuid }), response: responses({ 200: Org }) } },
    async (request) => getOrg(deps, contextOf(request), request.params.id),
  )

  app.post(
    '/api/orgs',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags: ['orgs'],
        summary: '新建部门 Create a department',
        body: Type.Object({
          regionCode: RegionCode,
          parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
          name: OrgName,
          kind: OrgKindField,
          sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
        }),
        response: responses({ 201: Org }),
      },
    },
    async (request, reply) => reply.status(201).send(await createOrg(deps, contextOf(request), request.body)),
  )

  app.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags: ['orgs'],
        summary: '修改部门 Change a department',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ name: Type.Optional(OrgName), kind: Type.Optional(OrgKindField), sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })) }, { minProperties: 1 }),
        response: responses({ 200: Org }),
      },
    },
    async (request) => changeOrg(deps, contextOf(request), request.params.id, request.body),
  )
}
