import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'

/** Filled in by the open311 work. */
export const open311Routes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async () => {}
