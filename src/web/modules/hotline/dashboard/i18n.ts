import { useCallback } from 'react'
import { fill, useLang } from '../../../app/i18n'
import { hotlineDashboardMessages, type DashboardMessageKey } from './messages'

type Vars = Record<string, string | number>

/**
 * The dashboard's own translator: `d('hotline.dashboard.title')`. The app's `useT` serves the
 * shared words (common.*) and server messages (`t.pick`); these keys live in this folder.
 */
export function useDashboardT(): (key: DashboardMessageKey, vars?: Vars) => string {
  const lang = useLang()
  return useCallback((key: DashboardMessageKey, vars?: Vars) => fill(hotlineDashboardMessages[key][lang], vars), [lang])
}
