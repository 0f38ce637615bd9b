import cookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { moduleEvents, modules } from './modules'
import { auditRoutes } from './platform/audit/audit.routes'
import { apiTokenRoutes } from './platform/auth/api-token.routes'
import { authRoutes } from './platform/auth/auth.routes'
import { defaultPasswordPolicy, type PasswordPolicy } from './platform/auth/password'
import { calendarRoutes } from './platform/calendar/calendar.routes'
import { systemClock, type Clock } from './platform/clock'
import type { Db } from './platform/db/database'
import type { PlatformDeps } from './platform/deps'
import { installAuth } from './platform/http/auth'
import { installErrorHandler, routeNotFound } from './platform/http/error-handler'
import { ErrorSchema } from './platform/http/schemas'
import { installIdempotency } from './platform/idempotency/idempotency'
import { metaRoutes } from './platform/meta.routes'
import { orgRoutes } from './platform/orgs/orgs.routes'
import type { PiiCipher } from './platform/pii/pii'
import { publicAccountRoutes } from './platform/users/public-account.routes'
import { regionRoutes } from './platform/regions/regions.routes'
import { staffRoutes } from './platform/users/staff.routes'

export interface AppOptions {
  db: Db
  pii: PiiCipher
  clock?: Clock
  homeProvince?: string
  passwordPolicy?: PasswordPolicy
  /** Days after which a staff password must be changed (default 90; 0: never). */
  passwordMaxAgeDays?: number
  secureCookies?: boolean
  /** A pino logger, or false for none (tests). */
  logger?: FastifyBaseLogger | false
  /** The built web app (dist/web); served with a fallback to index.html for client-side routes. */
  webRoot?: string | null
}

export type App = FastifyInstance

/** A route as the authorisation walk and the docs see it. */
export interface RouteSummary {
  method: string
  url: string
  permission?: string
  public: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its declared permission. */
    routeList: RouteSummary[]
  }
}

/**
 * One Fastify instance with every module registered: the server and the tests build it the same way.
 *
 * @example const app = await buildApp({ db, pii: createPiiCipher(keys), logger: false })
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const deps: PlatformDeps = {
    db: options.db,
    clock: options.clock ?? systemClock,
    pii: options.pii,
    passwordPolicy: options.passwordPolicy ?? defaultPasswordPolicy,
    passwordMaxAgeDays: options.passwordMaxAgeDays ?? 90,
    homeProvince: options.homeProvince ?? '32',
    events: moduleEvents,
  }
  const loggerInstance: FastifyBaseLogger | undefined = options.logger || undefined
  const app = Fastify({
    loggerInstance,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const routeList: RouteSummary[] = []
  app.decorate('routeList', routeList)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    // The API page is documentation, open like the OpenAPI description it shows; the web app's
    // files are open to everyone (the pages themselves ask the API, which checks).
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/')) route.config = { ...route.config, public: true }
    const config = route.config ?? {}
    for (const method of methods) routeList.push({ method, url: route.url, permission: config.permission, public: config.public === true })
  })
  installErrorHandler(app)
  app.addSchema(ErrorSchema)
  await app.register(cookie)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Yiwang 一网 API', version: '0.1.0', description: '一网通办平台接口。Errors answer { error: { id, zh, en } }.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yw_session' },
          token: { type: 'http', scheme: 'bearer', description: 'API token (ywt_…) for system-to-system calls' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger())

  installAuth(app, deps)
  installIdempotency(app, deps)
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'same-origin')
    return payload
  })

  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }))
  await app.register(metaRoutes, { deps })
  await app.register(authRoutes, { deps, secureCookies: options.secureCookies ?? false })
  await app.register(regionRoutes, { deps })
  await app.register(orgRoutes, { deps })
  await app.register(staffRoutes, { deps })
  await app.register(apiTokenRoutes, { deps })
  await app.register(publicAccountRoutes, { deps })
  await app.register(auditRoutes, { deps })
  await app.register(calendarRoutes, { deps })
  for (const module of modules) await module.start?.(deps)
  for (const module of modules) if (module.routes) await app.register(module.routes, { deps })

  const webRoot = options.webRoot
  const spa = webRoot && existsSync(join(webRoot, 'index.html'))
  if (spa) await app.register(fastifyStatic, { root: webRoot, index: 'index.html' })
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/workbench/staff …) are pages of the single-page app.
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html')
    return reply.status(404).send(routeNotFound)
  })
  return app
}
