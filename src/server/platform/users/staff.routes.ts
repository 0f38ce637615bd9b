import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { Page, PageSize, paged, RegionCode, responses, Uuid } from '../http/schemas'
import { assignStaffRoles, createStaff, getStaff, listRoles, listStaff, setStaffStatus, unlockStaff } from './staff.service'

const Status = Type.Union([Type.Literal('active'), Type.Literal('disabled')])
const Staff = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  roles: Type.Array(Type.String()),
  status: Status,
  locked: Type.Boolean(),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked, e.g. 138****5678' }),
  createdAt: Type.String({ format: 'date-time' }),
})
const Message = Type.Object({ zh: Type.String(), en: Type.String() })
const Role = Type.Object({
  role: Type.String(),
  group: Type.Union([Type.Literal('admin'), Type.Literal('business')]),
  zh: Type.String(),
  en: Type.String(),
  description: Message,
  permissions: Type.Array(Type.String()),
})
const IdParams = Type.Object({ id: Uuid })

export const staffRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get('/api/roles', { schema: { tags: ['staff'], summary: '角色目录 The roles and their permissions', response: responses({ 200: Type.Array(Role) }) } }, async () => listRoles())

  app.get(
    '/api/staff',
    {
      config: { permission: 'staff.read' },
      schema: {
        tags: ['staff'],
        summary: '工作人员账号列表 Staff accounts in my region',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          region: Type.Optional(RegionCode),
          org: Type.Optional(Uuid),
          status: Type.Optional(Status),
          page: Page,
          pageSize: PageSize,
        }),
        response: responses({ 200: paged(Staff) }),
      },
    },
    async (request) => {
      const { org, ...rest } = request.query
      return listStaff(deps, contextOf(request), { ...rest, orgId: org })
    },
  )

  app.get(
    '/api/staff/:id',
    { config: { permission: 'staff.read' }, schema: { tags: ['staff'], summary: '工作人员账号详情 A staff account', params: IdParams, response: responses({ 200: Staff }) } },
    async (request) => getStaff(deps, contextOf(request), request.params.id),
  )

  app.post(
    '/api/staff',
    {
      config: { permission: 'staff.manage' },
      schema: {
        tags: ['staff'],
        summary: '新建工作人员账号 Create a staff account',
        body: Type.Object({
          username: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$', description: '3–64 letters, digits, . _ -' }),
          displayName: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
          regionCode: RegionCode,
          orgId: Uuid,
          password: Type.String({ minLength: 1, maxLength: 256 }),
          phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland mobile number' })),
        }),
        response: responses({ 201: Staff }),
      },
    },
    async (request, reply) => reply.status(201).send(await createStaff(deps, contextOf(request), request.body)),
  )

  app.put(
    '/api/staff/:id/roles',
    {
      config: { permission: 'staff.assign_roles' },
      schema: {
        tags: ['staff'],
        summary: '分配角色 Assign roles (三员互斥)',
        params: IdParams,
        body: Type.Object({ roles: Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { maxItems: 20 }) }),
        response: responses({ 200: Staff }),
      },
    },
    async (request) => assignStaffRoles(deps, contextOf(request), request.params.id, request.body.roles),
  )

  const statusChange = (path: string, status: 'active' | 'disabled', summary: string) =>
    app.post(
      `/api/staff/:id/${path}`,
      { config: { permission: 'staff.manage' }, schema: { tags: ['staff'], summary, params: IdParams, response: responses({ 200: Staff }) } },
      async (request) => setStaffStatus(deps, contextOf(request), request.params.id, status),
    )
  statusChange('disable', 'disabled', '停用账号并结束其会话 Disable an account and end its sessions')
  statusChange('enable', 'active', '启用账号 Enable an account')

  app.post(
    '/api/staff/:id/unlock',
    { config: { permission: 'staff.unlock' }, schema: { tags: ['staff'], summary: '解除登录锁定 Unlock after failed sign-ins', params: IdParams, response: responses({ 200: Staff }) } },
    async (request) => unlockStaff(deps, contextOf(request), request.params.id),
  )
}
