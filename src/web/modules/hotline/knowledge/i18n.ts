import { useCallback } from 'react'
import { fill, useLang } from '../../../app/i18n'
import { knowledgeMessages, type KnowledgeMessageKey } from './messages'

type Vars = Record<string, string | number>

/**
 * The knowledge base's own translator: `k('knowledge.create')`. The app's `useT` serves the
 * shared words (common.*); these keys live in the module's messages file.
 */
export function useKnowledgeT(): (key: KnowledgeMessageKey, vars?: Vars) => string {
  const lang = useLang()
  return useCallback((key: KnowledgeMessageKey, vars?: Vars) => fill(knowledgeMessages[key][lang], vars), [lang])
}
