import { useEffect } from 'react'
import { useT } from '../app/i18n'

/** Sets document.title to "<page> - 一网 · 江苏政务服务" (the home province once known, see app/meta.tsx). */
export function usePageTitle(title: string | undefined): void {
  const t = useT()
  useEffect(() => {
    const app = t('app.name')
    document.title = title ? `${title} - ${app}` : app
  }, [title, t])
}
