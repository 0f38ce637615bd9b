import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { RequirePermission } from '../../app/shell/RequireAuth'
import { portalCatalogRoutes } from './pages/portal/portalRoutes'

// Workbench pages: each a chunk of its own, loaded when first opened.
const CatalogBrowserPage = lazy(() => import('./pages/CatalogBrowserPage'))
const CatalogEntryPage = lazy(() => import('./pages/CatalogEntryPage'))
const CatalogReviewsPage = lazy(() => import('./pages/CatalogReviewsPage'))
const CatalogCoveragePage = lazy(() => import('./pages/CatalogCoveragePage'))

/** The catalogue's workbench pages, under /workbench. */
export const catalogWorkbenchRoutes: RouteObject[] = [
  {
    path: 'catalog',
    element: (
      <RequirePermission permission="catalog.read">
        <CatalogBrowserPage />
      </RequirePermission>
    ),
  },
  {
    path: 'catalog/items/:id',
    element: (
      <RequirePermission permission="catalog.read">
        <CatalogEntryPage />
      </RequirePermission>
    ),
  },
  {
    path: 'catalog/reviews',
    element: (
      <RequirePermission permission="catalog.read">
        <CatalogReviewsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'catalog/coverage',
    element: (
      <RequirePermission permission="catalog.read">
        <CatalogCoveragePage />
      </RequirePermission>
    ),
  },
]

/** The catalogue's public pages (service guides, browsing), under the portal. */
export const catalogPortalRoutes: RouteObject[] = portalCatalogRoutes
