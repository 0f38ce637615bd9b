import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'
import { knowledgeRoutes } from './knowledge.routes'

/** Every route of the hotline, one plugin per area. */
export const hotlineRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, options) => {
  await app.register(knowledgeRoutes, options)
}
