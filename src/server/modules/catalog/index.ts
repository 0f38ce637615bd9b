import type { YiwangModule } from '../../platform/module'
import { LAW_CHANGED } from '../laws'
import { catalogRoutes } from './catalog.routes'
import { reviewLawChange } from './review.service'
import * as createItems from './migrations/2026-11-28T03-10_catalog_create-items'

/** The catalogue of items: the base list, its implementations down the levels, versions and reviews. */
export const catalogModule: YiwangModule = {
  name: 'catalog',
  migrations: { '2026-11-28T03-10_catalog_create-items': createItems },
  routes: catalogRoutes,
  on: { [LAW_CHANGED]: reviewLawChange },
}

export { seedPublishedCatalog } from './items.service'
export { findCatalogItems, type ItemRecord as CatalogItemRecord } from './items.repository'
export type { PublishedClaim, PublishedItem } from './bulk-load'
