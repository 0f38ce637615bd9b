import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type, type TSchema } from 'typebox'
import { tokenHash } from '../../platform/auth/session'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { errorBody } from '../../platform/http/error-handler'
import { RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { IDEMPOTENCY_HEADER } from '../../platform/idempotency/idempotency'
import { MAX_CONTENT } from './appeals.schemas'
import {
  clientFailure,
  contentTypes,
  formatOfUrl,
  formFields,
  FormatSchema,
  Open311Discovery,
  Open311Error,
  Open311Receipt,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
  Open311Token,
  platformErrorText,
  queryFields,
  render,
  requestFields,
  splitResource,
  type Format,
  type Open311Document,
} from './open311.format'
import { discovery, fileServiceRequest, findServiceRequest, findServiceRequests, listClients, registerClient, requestIdFromToken, revokeClient, serviceDefinition, serviceList } from './open311.service'

const tags = ['open311']
export const OPEN311_PREFIX = '/open311/v2'

/** An Open311 client's Idempotency-Keys are its own: named by a digest of its api_key, never the key itself. */
function clientKeyOf(body: unknown): string | undefined {
  const key = (body as { api_key?: unknown } | undefined)?.api_key
  return typeof key === 'string' && key !== '' ? `open311:${tokenHash(key)}` : undefined
}

/** The Open311 GeoReport v2 API for clients, and the staff routes that register those clients. */
export const open311Routes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  await app.register(open311ClientRoutes, { deps })
  await app.register(georeportRoutes, { deps, prefix: OPEN311_PREFIX })
}

// ---------------------------------------------------------------------------------------------
// Staff: the clients and their keys (the platform's JSON and error shape)
// ---------------------------------------------------------------------------------------------

const Instant = Type.String({ format: 'date-time' })
const ClientFields = {
  id: Uuid,
  name: Type.String(),
  regionCode: Type.String({ description: 'the region whose hotline supervisors manage the client' }),
  regionScopes: Type.Array(Type.String(), { description: 'the regions (and those below them) the client may file into' }),
  createdAt: Instant,
  createdBy: Type.String(),
  lastUsedAt: Type.Union([Instant, Type.Null()]),
  revokedAt: Type.Union([Instant, Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
}
const ClientSchema = Type.Object(ClientFields)

const open311ClientRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/hotline/open311/clients',
    { config: { permission: 'hotline.supervise' }, schema: { tags, summary: 'Open311 接入方 Open311 clients managed in my region', response: responses({ 200: Type.Array(ClientSchema) }) } },
    async (request) => listClients(deps, contextOf(request)),
  )

  app.post(
    '/api/hotline/open311/clients',
    {
      config: { permission: 'hotline.supervise' },
      schema: {
        tags,
        summary: '登记 Open311 接入方并发放 api_key Register an Open311 client (the api_key is shown once)',
        description: 'No Idempotency-Key: a kept answer would keep the plain key. 不支持 Idempotency-Key，以免保存密钥明文。',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), regionScopes: Type.Array(RegionCode, { minItems: 1, maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ ...ClientFields, apiKey: Type.String({ description: 'o311_…: in this answer only, never again' }) }) }),
      },
      // The idempotency mechanism keeps the answer to replay it; this answer holds the plain key.
      preValidation: async (request, reply) => {
        if (request.headers[IDEMPOTENCY_HEADER] === undefined) return
        return reply.status(400).send(errorBody('idempotency_key_unsupported', { zh: '登记接入方不支持 Idempotency-Key（密钥明文不得保存）', en: 'Registering a client takes no Idempotency-Key (the plain key must not be kept)' }))
      },
    },
    async (request, reply) => reply.status(201).send(await registerClient(deps, contextOf(request), request.body)),
  )

  app.post(
    '/api/hotline/open311/clients/:id/revoke',
    { config: { permission: 'hotline.supervise' }, schema: { tags, summary: '撤销 Open311 接入方的 api_key Revoke an Open311 client’s key', params: Type.Object({ id: Uuid }), response: responses({ 200: ClientSchema }) } },
    async (request) => revokeClient(deps, contextOf(request), request.params.id),
  )
}

// ---------------------------------------------------------------------------------------------
// Clients: GeoReport v2, in XML or JSON, with the specification's errors
// ---------------------------------------------------------------------------------------------

const Jurisdiction = Type.Optional(Type.String({ maxLength: 20, description: 'GB/T 2260 code of the province, a city or a county, e.g. 320102; required to file a request' }))
const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction })
const FormatParams = Type.Object({ format: FormatSchema })
const ResourceParams = Type.Object({ file: Type.String({ pattern: '^[^/]+\\.(json|xml)$', maxLength: 140, description: '{id}.json or {id}.xml' }) })
const Text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, ...(description ? { description } : {}) }))

const ServiceRequestBody = Type.Object({
  api_key: Type.Optional(Type.String({ description: 'required: issued by the hotline (o311_…)' })),
  jurisdiction_id: Jurisdiction,
  service_code: Text(100, 'required: a service_code from GET services'),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  address_string: Text(200),
  address_id: Text(100, 'not supported: there is no address registry'),
  email: Text(254, 'accepted, not kept'),
  device_id: Text(200, 'accepted, not kept'),
  account_id: Text(100, 'returned in the answer'),
  first_name: Text(25),
  last_name: Text(25),
  phone: Text(20),
  description: Text(MAX_CONTENT, 'required: the appeal'),
  media_url: Text(500),
  attribute: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })]), {
      description: 'attribute[code]=value as the service definition lists them; attribute[appeal_type] is required',
    }),
  ),
})

const RequestsQuery = Type.Object({
  jurisdiction_id: Jurisdiction,
  service_request_id: Text(20_000, 'comma delimited; overrides the other arguments'),
  service_code: Text(2000, 'comma delimited'),
  start_date: Text(40, 'w3 datetime with timezone; the range defaults to the most recent 90 days and spans at most 90'),
  end_date: Text(40),
  status: Text(20, 'open, closed, or both comma delimited'),
})

/** Answers of this API: one document per status, the error list for the usual failures. */
function answers(ok: TSchema): Record<number, TSchema> {
  const errors = Type.Array(Open311Error)
  return { 200: ok, 400: errors, 403: errors, 404: errors }
}

function send(reply: FastifyReply, format: Format, document: Open311Document, status = 200): FastifyReply {
  return reply.status(status).type(contentTypes[format]).send(render(format, document))
}

/** The resource id and format of a `{id}.{format}` path segment (validated by the route's schema). */
function resourceOf(file: string): { id: string; format: Format } {
  return splitResource(file) ?? { id: file, format: 'xml' }
}

const georeportRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  // The specification posts forms; Fastify parses only JSON and text, and this parser stays inside this API.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, formFields(String(body))))
  app.addHook('preValidation', async (request) => {
    request.query = queryFields(request.query)
    if (request.method === 'POST') request.body = requestFields(request.body)
  })
  app.setErrorHandler((error, request, reply) => {
    const failure = clientFailure(error)
    if (failure) return send(reply, formatOfUrl(request.url), { kind: 'errors', errors: failure.errors }, failure.status)
    request.log.error({ err: error }, 'open311 request failed')
    return send(reply, formatOfUrl(request.url), { kind: 'errors', errors: [{ code: 500, description: '服务器内部错误，请稍后再试 / Internal server error, please try again later' }] }, 500)
  })
  app.setNotFoundHandler(answerNotFound)
  // With the web app served, its catch-all would answer a mistyped GET here with the app's page.
  app.get('/*', { schema: { hide: true } }, answerNotFound)
  app.addHook('onSend', async (request, reply, payload) => answerInFormat(request, reply, payload))

  app.get(
    '/discovery.:format',
    { schema: { tags, summary: 'Open311 服务发现 Service discovery', params: FormatParams, response: answers(Open311Discovery) } },
    async (request, reply) => send(reply, request.params.format, { kind: 'discovery', discovery: await discovery(deps, `${request.protocol}://${request.host}${OPEN311_PREFIX}`) }),
  )

  app.get(
    '/services.:format',
    { schema: { tags, summary: 'Open311 服务列表（诉求分类） GET Service List: the appeal categories', params: FormatParams, querystring: JurisdictionQuery, response: answers(Type.Array(Open311Service)) } },
    async (request, reply) => send(reply, request.params.format, { kind: 'services', services: await serviceList(deps, request.query.jurisdiction_id) }),
  )

  app.get(
    '/services/:file',
    { schema: { tags, summary: 'Open311 服务定义 GET Service Definition: services/{service_code}.{format}', params: ResourceParams, querystring: JurisdictionQuery, response: answers(Open311ServiceDefinition) } },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params.file)
      return send(reply, format, { kind: 'service_definition', definition: await serviceDefinition(deps, id, request.query.jurisdiction_id) })
    },
  )

  app.post(
    '/requests.:format',
    {
      config: { idempotencyActor: (request) => clientKeyOf(request.body) },
      schema: {
        tags,
        summary: 'Open311 提交诉求 POST Service Request (form-encoded or JSON; send Idempotency-Key to retry safely)',
        params: FormatParams,
        body: ServiceRequestBody,
        response: answers(Type.Array(Open311Receipt)),
      },
    },
    async (request, reply) => {
      const { attribute, ...fields } = request.body
      return send(reply, request.params.format, { kind: 'receipts', receipts: await fileServiceRequest(deps, request.ip, { ...fields, attributes: attribute ?? {} }) })
    },
  )

  app.get(
    '/requests.:format',
    { schema: { tags, summary: 'Open311 查询诉求 GET Service Requests (the most recent 90 days, at most 1000)', params: FormatParams, querystring: RequestsQuery, response: answers(Type.Array(Open311Request)) } },
    async (request, reply) => send(reply, request.params.format, { kind: 'requests', requests: await findServiceRequests(deps, request.query) }),
  )

  app.get(
    '/requests/:file',
    { schema: { tags, summary: 'Open311 诉求详情 GET Service Request: requests/{service_request_id}.{format}', params: ResourceParams, querystring: JurisdictionQuery, response: answers(Type.Array(Open311Request)) } },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params.file)
      return send(reply, format, { kind: 'requests', requests: await findServiceRequest(deps, id, request.query.jurisdiction_id) })
    },
  )

  app.get(
    '/tokens/:file',
    { schema: { tags, summary: 'Open311 令牌换诉求编号 GET service_request_id from a token: tokens/{token}.{format}', params: ResourceParams, querystring: JurisdictionQuery, response: answers(Type.Array(Open311Token)) } },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params.file)
      return send(reply, format, { kind: 'tokens', tokens: await requestIdFromToken(deps, id, request.query.jurisdiction_id) })
    },
  )
}

function answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, formatOfUrl(request.url), { kind: 'errors', errors: [{ code: 404, description: '没有这个 Open311 资源 / No such Open311 resource' }] }, 404)
}

/**
 * Keeps every answer of this API in the asked format: the platform's idempotency replays a kept
 * answer as JSON, and its own refusals (a malformed or reused Idempotency-Key) come in the
 * platform's error shape.
 */
function answerInFormat(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  const format = formatOfUrl(request.url)
  if (reply.getHeader('idempotent-replayed') === 'true') reply.type(contentTypes[format])
  if (reply.statusCode < 400 || typeof payload !== 'string') return payload
  const text = platformErrorText(payload)
  if (!text) return payload
  reply.type(contentTypes[format])
  return render(format, { kind: 'errors', errors: [{ code: reply.statusCode, description: `${text.zh} / ${text.en}` }] })
}
