import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'

export const lawsRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async () => {}
