import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'

export const coverageRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async () => {}
