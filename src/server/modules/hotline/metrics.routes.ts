import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'

/** Filled in by the metrics work. */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async () => {}
