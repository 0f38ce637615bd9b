import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { isMessageKey, messages, type Lang, type MessageKey, type Text } from './messages'

export type { Lang, MessageKey, Text } from './messages'

type Vars = Record<string, string | number>

/** The installation's brand, filled into every message by `t` (see messages.ts). */
export interface BrandVars {
  /** 江苏 */
  province: string
  /** 江苏省 */
  provinceName: string
  /** Jiangsu */
  provinceEn: string
}

const placeholder = /\{(\w+)\}/g
/** `[when]` or `[when|otherwise]`: `when` if every placeholder in it has a value, else `otherwise` (or nothing). */
const optionalPart = /\[([^[\]|]*)(?:\|([^[\]]*))?\]/g

function hasValue(vars: Vars | undefined, name: string): boolean {
  const value = vars?.[name]
  return value !== undefined && value !== ''
}

export function fill(template: string, vars: Vars | undefined): string {
  return template
    .replace(optionalPart, (_whole, when: string, otherwise: string | undefined) =>
      [...when.matchAll(placeholder)].every((match) => hasValue(vars, match[1]!)) ? when : (otherwise ?? ''),
    )
    .replace(placeholder, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole))
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
const BrandContext = createContext<BrandVars | null>(null)

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>
}

/** The home province for the brand messages; null while unknown (the brand then names none). */
export function BrandProvider({ brand, children }: { brand: BrandVars | null; children: ReactNode }) {
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>
}

export function useLang(): Lang {
  return useContext(LangContext)
}

/** The translator of the current language: `t('login.title')`, `t.pick(error)`. */
export function useT(): Translator {
  const lang = useLang()
  const brand = useContext(BrandContext)
  const withBrand = useCallback((vars: Vars | undefined): Vars | undefined => (brand ? { ...brand, ...vars } : vars), [brand])
  const translate = useCallback((key: MessageKey, vars?: Vars) => fill(messages[key][lang], withBrand(vars)), [lang, withBrand])
  return useMemo(() => {
    const t = translate as Translator
    t.lang = lang
    t.pick = (text) => (text ? text[lang] || text.zh : '')
    t.dynamic = (key, fallback, vars) => (isMessageKey(key) ? fill(messages[key][lang], withBrand(vars)) : fallback)
    return t
  }, [translate, lang, withBrand])
}
