import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { requireStaff, type StaffActor } from '../access'
import type { PlatformDeps } from '../deps'
import { AppError } from '../errors'
import { contextOf } from '../http/context'
import { responses } from '../http/schemas'
import { changeOwnPassword, loginStaff } from '../users/staff.service'
import { endSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './session'
import { findStaffById } from '../users/staff.repository'

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  passwordExpired: Type.Boolean({ description: 'the password is past its maximum age: only changing it is allowed' }),
})

/** The signed-in account as the web app needs it: who, where, and what it may do. */
async function presentMe(deps: PlatformDeps, actor: StaffActor) {
  const record = await findStaffById(deps.db, actor.id)
  if (!record) throw new AppError('unauthenticated', 'authentication_required', { zh: '请先登录', en: 'Please sign in first' })
  const { id, username, displayName, regionCode, regionName, orgId, orgName, roles } = record
  return { id, username, displayName, regionCode, regionName, orgId, orgName, roles, permissions: [...actor.permissions].sort(), passwordExpired: actor.passwordExpired }
}

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps; secureCookies: boolean }> = async (app, { deps, secureCookies }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '工作人员登录 Staff sign-in',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: responses({ 200: Me }),
      },
    },
    async (request, reply) => {
      const { token, actor } = await loginStaff(deps, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 })
      return presentMe(deps, actor)
    },
  )

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) await endSession(deps.db, token)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.status(204).send(null)
    },
  )

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前账号 The signed-in account', response: responses({ 200: Me }) } }, async (request) => {
    const actor = requireStaff(request.actor)
    return presentMe(deps, actor)
  })

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change my password',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, contextOf(request), request.body, request.sessionToken)
      return reply.status(204).send(null)
    },
  )
}
