import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'
import { appealRoutes } from './appeals.routes'
import { knowledgeRoutes } from './knowledge.routes'
import { metricsRoutes } from './metrics.routes'
import { open311Routes } from './open311.routes'
import { settingsRoutes } from './settings.routes'

/** Every route of the hotline, one plugin per area. */
export const hotlineRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, options) => {
  await app.register(appealRoutes, options)
  await app.register(knowledgeRoutes, options)
  await app.register(metricsRoutes, options)
  await app.register(open311Routes, options)
  await app.register(settingsRoutes, options)
}
