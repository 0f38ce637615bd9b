import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'

/** The knowledge base's routes (热线百科). */
export const knowledgeRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async () => {}
