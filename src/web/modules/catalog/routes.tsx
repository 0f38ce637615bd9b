import type { RouteObject } from 'react-router'

/** The catalogue's workbench pages, under /workbench. */
export const catalogWorkbenchRoutes: RouteObject[] = []

/** The catalogue's public pages (service guides, browsing), under the portal. */
export const catalogPortalRoutes: RouteObject[] = []
