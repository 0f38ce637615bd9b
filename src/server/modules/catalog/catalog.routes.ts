import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PlatformDeps } from '../../platform/deps'
import { coverageRoutes } from './coverage.routes'
import { itemRoutes } from './items.routes'
import { reviewRoutes } from './review.routes'
import { searchRoutes } from './search.routes'
import { transferRoutes } from './transfer.routes'

/** Every route of the catalogue, one plugin per area. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, options) => {
  await app.register(itemRoutes, options)
  await app.register(reviewRoutes, options)
  await app.register(searchRoutes, options)
  await app.register(coverageRoutes, options)
  await app.register(transferRoutes, options)
}
