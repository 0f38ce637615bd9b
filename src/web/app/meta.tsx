import { useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { api } from './api/client'
import { BrandProvider, type BrandVars } from './i18n'

/** The installation, as GET /api/meta answers. */
export interface Meta {
  province: {
    /** GB/T 2260 code, e.g. 32 */
    code: string
    /** 江苏省 */
    name: string
    /** 江苏 */
    shortName: string
    /** Jiangsu */
    nameEn: string
  }
}

export const metaKey = ['meta'] as const

/** The installation's home province: asked once per page load, it does not change while the server runs. */
export function useMeta() {
  return useQuery({ queryKey: metaKey, queryFn: () => api.get<Meta>('/api/meta'), staleTime: Infinity, gcTime: Infinity })
}

/**
 * Fills the brand messages (一网 · 江苏政务服务) with the home province. Until the answer arrives,
 * or if it fails, the brand names no province (一网 · 政务服务) rather than a wrong one.
 */
export function MetaProvider({ children }: { children: ReactNode }) {
  const { data } = useMeta()
  const brand = useMemo<BrandVars | null>(
    () => (data ? { province: data.province.shortName, provinceName: data.province.name, provinceEn: data.province.nameEn } : null),
    [data],
  )
  return <BrandProvider brand={brand}>{children}</BrandProvider>
}
