import type { RouteObject } from 'react-router'

/** The laws library's workbench pages, under /workbench. */
export const lawsWorkbenchRoutes: RouteObject[] = []
