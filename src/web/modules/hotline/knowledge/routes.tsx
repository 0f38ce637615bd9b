import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { RequirePermission } from '../../../app/shell/RequireAuth'

const KnowledgePage = lazy(() => import('./pages/KnowledgePage'))

/** The knowledge base's workbench page (热线百科), under /workbench. */
export const knowledgeWorkbenchRoutes: RouteObject[] = [
  {
    path: 'hotline/knowledge',
    element: (
      <RequirePermission permission="knowledge.read">
        <KnowledgePage />
      </RequirePermission>
    ),
  },
]
