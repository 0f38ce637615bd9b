import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { RequirePermission } from '../../../app/shell/RequireAuth'

const HotlineDashboardPage = lazy(() => import('./HotlineDashboardPage'))

/** The supervisor dashboard (热线运行监测), under /workbench. */
export const dashboardWorkbenchRoutes: RouteObject[] = [
  {
    path: 'hotline/dashboard',
    element: (
      <RequirePermission permission="hotline.supervise">
        <HotlineDashboardPage />
      </RequirePermission>
    ),
  },
]
