import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { responses, Uuid } from '../http/schemas'
import { findPublicAccounts, getPublicAccount, registerEnterprise, registerPerson } from './public-account.service'

const Mobile = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland mobile number' })
const Account = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
  name: Type.String(),
  idNumber: Type.Union([Type.String(), Type.Null()], { description: 'masked unless revealed, e.g. 3201**********1234' }),
  uscc: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked unless revealed, e.g. 138****5678' }),
  revealed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
})
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })
const Password = Type.String({ minLength: 1, maxLength: 256 })

export const publicAccountRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.post(
    '/api/public/accounts/person',
    {
      config: { public: true },
      schema: {
        tags: ['public accounts'],
        summary: '自然人注册 Register a natural person',
        body: Type.Object({ name: Name, idNumber: Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: '18-digit resident ID (GB 11643)' }), phone: Mobile, password: Password }),
        response: responses({ 201: Account }),
      },
    },
    async (request, reply) => reply.status(201).send(await registerPerson(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/public/accounts/enterprise',
    {
      config: { public: true },
      schema: {
        tags: ['public accounts'],
        summary: '法人注册 Register an enterprise',
        body: Type.Object({ name: Name, uscc: Type.String({ pattern: '^[0-9A-Za-z]{18}$', description: 'unified social credit code (GB 32100)' }), phone: Mobile, password: Password }),
        response: responses({ 201: Account }),
      },
    },
    async (request, reply) => reply.status(201).send(await registerEnterprise(deps, contextOf(request), request.body)),
  )

  app.get(
    '/api/public-accounts',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['public accounts'],
        summary: '按证件号、手机号或信用代码精确查找 Exact lookup (masked)',
        querystring: Type.Object({ idNumber: Type.Optional(Type.String({ maxLength: 18 })), phone: Type.Optional(Type.String({ maxLength: 11 })), uscc: Type.Optional(Type.String({ maxLength: 18 })) }),
        response: responses({ 200: Type.Array(Account) }),
      },
    },
    async (request) => findPublicAccounts(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/public-accounts/:id',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['public accounts'],
        summary: '账号详情；reveal=true 显示完整证件号（需 pii.read，记审计） An account; reveal needs pii.read and is audited',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ reveal: Type.Boolean({ default: false }) }),
        response: responses({ 200: Account }),
      },
    },
    async (request) => getPublicAccount(deps, contextOf(request), request.params.id, request.query.reveal),
  )
}
