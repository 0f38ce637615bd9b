import { lazy } from 'react'
import { Outlet, type RouteObject } from 'react-router'
import { AuthProvider } from './auth'
import { PortalLayout } from './shell/PortalLayout'
import { RequireAuth, RequirePermission } from './shell/RequireAuth'
import { WorkbenchLayout } from './shell/WorkbenchLayout'
import PortalHomePage from '../modules/platform/pages/PortalHomePage'
import { NotFound } from '../shared/StatusPages'
import { catalogPortalRoutes, catalogWorkbenchRoutes } from '../modules/catalog/routes'
import { dashboardWorkbenchRoutes } from '../modules/hotline/dashboard/routes'
import { hotlinePortalRoutes, hotlineWorkbenchRoutes } from '../modules/hotline/routes'
import { knowledgeWorkbenchRoutes } from '../modules/hotline/knowledge/routes'
import { lawsWorkbenchRoutes } from '../modules/laws/routes'

// The landing page comes with the first load; every other page is a chunk of its own.
const LoginPage = lazy(() => import('../modules/platform/pages/LoginPage'))
const DashboardPage = lazy(() => import('../modules/platform/pages/DashboardPage'))
const RegionsPage = lazy(() => import('../modules/platform/pages/RegionsPage'))
const OrgsPage = lazy(() => import('../modules/platform/pages/OrgsPage'))
const CalendarPage = lazy(() => import('../modules/platform/pages/CalendarPage'))
const StaffPage = lazy(() => import('../modules/platform/pages/StaffPage'))
const TokensPage = lazy(() => import('../modules/platform/pages/TokensPage'))
const AuditPage = lazy(() => import('../modules/platform/pages/AuditPage'))
const AccountPage = lazy(() => import('../modules/platform/pages/AccountPage'))
const ComingSoonPage = lazy(() => import('../modules/platform/pages/ComingSoonPage'))

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  )
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      {
        path: '/',
        element: <PortalLayout />,
        children: [{ index: true, element: <PortalHomePage /> }, ...catalogPortalRoutes, ...hotlinePortalRoutes],
      },
      { path: '/login', element: <LoginPage /> },
      {
        path: '/workbench',
        element: (
          <RequireAuth>
            <WorkbenchLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'regions',
            element: (
              <RequirePermission permission="region.read">
                <RegionsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'orgs',
            element: (
              <RequirePermission permission="org.read">
                <OrgsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'calendar',
            element: (
              <RequirePermission permission="region.read">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          {
            path: 'staff',
            element: (
              <RequirePermission permission="staff.read">
                <StaffPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tokens',
            element: (
              <RequirePermission permission="token.manage">
                <TokensPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          ...catalogWorkbenchRoutes,
          ...lawsWorkbenchRoutes,
          ...hotlineWorkbenchRoutes,
          ...knowledgeWorkbenchRoutes,
          ...dashboardWorkbenchRoutes,
          { path: 'account', element: <AccountPage /> },
          { path: 'coming/:module', element: <ComingSoonPage /> },
          { path: '*', element: <NotFound home="/workbench" /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]
