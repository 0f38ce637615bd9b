import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { RequirePermission } from '../../app/shell/RequireAuth'

const LawsPage = lazy(() => import('./pages/LawsPage'))
const LawDetailPage = lazy(() => import('./pages/LawDetailPage'))
const LawChangePage = lazy(() => import('./pages/LawChangePage'))
const LawChangeWizardPage = lazy(() => import('./pages/LawChangeWizardPage'))

/** The laws library's workbench pages, under /workbench. */
export const lawsWorkbenchRoutes: RouteObject[] = [
  {
    path: 'laws',
    element: (
      <RequirePermission permission="law.read">
        <LawsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'laws/changes/:changeId',
    element: (
      <RequirePermission permission="law.read">
        <LawChangePage />
      </RequirePermission>
    ),
  },
  {
    path: 'laws/:id',
    element: (
      <RequirePermission permission="law.read">
        <LawDetailPage />
      </RequirePermission>
    ),
  },
  {
    path: 'laws/:id/change',
    element: (
      <RequirePermission permission="law.edit">
        <LawChangeWizardPage />
      </RequirePermission>
    ),
  },
]
