import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { isMessageKey, messages, type Lang, type MessageKey, type Text } from './messages'

export type { Lang, MessageKey, Text } from './messages'

type Vars = Record<string, string | number>

function fill(template: string, vars: Vars | undefined): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export interface Translator {
  (key: MessageKey, vars?: Vars): string
  lang: Lang
  /** Picks the language's side of a zh/en pair (a server message, a role name). */
  pick: (text: Text | undefined | null) => string
  /** A key built at run time (`region.level.${n}`), falling back to `fallback` when unknown. */
  dynamic: (key: string, fallback: string, vars?: Vars) => string
}

const LangContext = createContext<Lang>('zh')

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>
}

export function useLang(): Lang {
  return useContext(LangContext)
}

/** The translator of the current language: `t('login.title')`, `t.pick(error)`. */
export function useT(): Translator {
  const lang = useLang()
  const translate = useCallback((key: MessageKey, vars?: Vars) => fill(messages[key][lang], vars), [lang])
  return useMemo(() => {
    const t = translate as Translator
    t.lang = lang
    t.pick = (text) => (text ? text[lang] || text.zh : '')
    t.dynamic = (key, fallback, vars) => (isMessageKey(key) ? fill(messages[key][lang], vars) : fallback)
    return t
  }, [translate, lang])
}
