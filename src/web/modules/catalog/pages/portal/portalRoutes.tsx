import { Flex, Spin } from 'antd'
import { lazy, Suspense, type ReactNode } from 'react'
import type { RouteObject } from 'react-router'

const ServicesPage = lazy(() => import('./ServicesPage'))
const GuidePage = lazy(() => import('./GuidePage'))

/** The portal keeps its header and footer while a page's chunk loads. */
function Page({ children }: { children: ReactNode }) {
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

/** 办事服务, 省内通办 and 办事指南: public, inside the portal layout. */
export const portalCatalogRoutes: RouteObject[] = [
  {
    path: 'services',
    element: (
      <Page>
        <ServicesPage />
      </Page>
    ),
  },
  {
    path: 'services/province-wide',
    element: (
      <Page>
        <ServicesPage provinceWide />
      </Page>
    ),
  },
  {
    path: 'guide/:id',
    element: (
      <Page>
        <GuidePage />
      </Page>
    ),
  },
]
