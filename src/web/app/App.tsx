import { QueryClientProvider } from '@tanstack/react-query'
import { Flex, Spin } from 'antd'
import { Suspense, useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { MetaProvider } from './meta'
import { PreferencesProvider } from './preferences'
import { createQueryClient } from './queryClient'
import { routes } from './routes'
import './styles.css'

const router = createBrowserRouter(routes)

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <MetaProvider>
        <PreferencesProvider>
          <Suspense
            fallback={
              <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
                <Spin size="large" />
              </Flex>
            }
          >
            <RouterProvider router={router} />
          </Suspense>
        </PreferencesProvider>
      </MetaProvider>
    </QueryClientProvider>
  )
}
