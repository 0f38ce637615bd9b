import { Flex, Spin } from 'antd'
import { lazy, Suspense, type ReactNode } from 'react'
import type { RouteObject } from 'react-router'
import type { Permission } from '../../app/auth'
import { RequirePermission } from '../../app/shell/RequireAuth'

// Each page a chunk of its own, loaded when first opened.
const SubmitAppealPage = lazy(() => import('./pages/portal/SubmitAppealPage'))
const FollowAppealPage = lazy(() => import('./pages/portal/FollowAppealPage'))
const IntakePage = lazy(() => import('./pages/IntakePage'))
const AppealListPage = lazy(() => import('./pages/AppealListPage'))
const AppealDetailPage = lazy(() => import('./pages/AppealDetailPage'))
const HotlineSettingsPage = lazy(() => import('./settings/HotlineSettingsPage'))

/** The portal keeps its header and footer while a page's chunk loads. */
function PortalPage({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Flex justify="center" align="center" style={{ minHeight: '50vh' }}>
          <Spin size="large" />
        </Flex>
      }
    >
      {children}
    </Suspense>
  )
}

/** 我要咨询投诉 and 办件查询: public, inside the portal layout. */
export const hotlinePortalRoutes: RouteObject[] = [
  {
    path: 'hotline',
    element: (
      <PortalPage>
        <SubmitAppealPage />
      </PortalPage>
    ),
  },
  {
    path: 'hotline/follow',
    element: (
      <PortalPage>
        <FollowAppealPage />
      </PortalPage>
    ),
  },
]

const page = (path: string, permission: Permission, element: ReactNode): RouteObject => ({ path, element: <RequirePermission permission={permission}>{element}</RequirePermission> })

/** The hotline's workbench pages, under /workbench (the knowledge base and the dashboard bring their own). */
export const hotlineWorkbenchRoutes: RouteObject[] = [
  page('hotline/intake', 'hotline.intake', <IntakePage />),
  page('hotline/dispatch', 'hotline.dispatch', <AppealListPage key="dispatch" view="dispatch" />),
  page('hotline/inbox', 'hotline.handle', <AppealListPage key="inbox" view="inbox" />),
  page('hotline/appeals', 'hotline.read', <AppealListPage key="all" view="all" />),
  page('hotline/appeals/:id', 'hotline.read', <AppealDetailPage />),
  page('hotline/settings', 'hotline.supervise', <HotlineSettingsPage />),
]
