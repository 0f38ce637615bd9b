import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { LangProvider, type Lang } from './i18n'
import { themeOf } from './theme'

const dayjsLocale: Record<Lang, string> = { zh: 'zh-cn', en: 'en' }

const LANG_KEY = 'yiwang.lang'
const ELDER_KEY = 'yiwang.elder'

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // private mode or storage full: the choice simply is not remembered
  }
}

interface Preferences {
  lang: Lang
  setLang: (lang: Lang) => void
  elder: boolean
  setElder: (on: boolean) => void
}

const PreferencesContext = createContext<Preferences | null>(null)

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext)
  if (!value) throw new Error('usePreferences outside PreferencesProvider')
  return value
}

/**
 * Language (Chinese by default) and elder mode, remembered in localStorage, applied to antd
 * (locale and theme), dayjs, <html lang> and a body class for our own CSS.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial: Lang = readStored(LANG_KEY) === 'en' ? 'en' : 'zh'
    dayjs.locale(dayjsLocale[initial])
    return initial
  })
  const [elder, setElderState] = useState<boolean>(() => readStored(ELDER_KEY) === '1')

  const setLang = useCallback((next: Lang) => {
    store(LANG_KEY, next)
    dayjs.locale(dayjsLocale[next])
    setLangState(next)
  }, [])
  const setElder = useCallback((on: boolean) => {
    store(ELDER_KEY, on ? '1' : '0')
    setElderState(on)
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [lang])
  useEffect(() => {
    document.body.classList.toggle('elder', elder)
  }, [elder])

  const value = useMemo(() => ({ lang, setLang, elder, setElder }), [lang, setLang, elder, setElder])
  const theme = useMemo(() => themeOf(elder), [elder])

  return (
    <PreferencesContext.Provider value={value}>
      <LangProvider lang={lang}>
        <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </LangProvider>
    </PreferencesContext.Provider>
  )
}
