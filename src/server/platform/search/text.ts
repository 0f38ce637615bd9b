import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { sql, type RawBuilder } from 'kysely'

/**
 * Chinese full-text search the same way on PGlite and PostgreSQL: jieba segments the text in
 * Node, PostgreSQL stores the tokens as `tsvector('simple')` under a GIN index, and a query is
 * segmented the same way and ANDed. No database extension is needed, so both engines agree.
 */
const jieba = Jieba.withDict(dict)

const punctuation = /^[\s\p{P}\p{S}]+$/u

function clean(tokens: string[]): string[] {
  const seen = new Set<string>()
  for (const token of tokens) {
    const t = token.trim().toLowerCase()
    if (t && !punctuation.test(t)) seen.add(t)
  }
  return [...seen]
}

/**
 * The tokens a document is indexed under: jieba's search mode, which adds the shorter words inside
 * long ones (建筑工程施工 → 建筑, 工程, 施工, 工程施工), so a query for any of them finds it.
 */
export function documentTokens(...texts: (string | null | undefined)[]): string[] {
  return clean(texts.flatMap((text) => (text ? jieba.cutForSearch(text, true) : [])))
}

/** The tokens of a query: the precise segmentation, so 食品经营许可 asks for 食品 & 经营 & 许可. */
export function queryTokens(text: string): string[] {
  return clean(jieba.cut(text, true))
}

/** `to_tsvector('simple', …)` over weighted parts: A for names and titles, B for the rest. */
export function tsvectorOf(parts: { a?: (string | null | undefined)[]; b?: (string | null | undefined)[] }): RawBuilder<string> {
  const a = documentTokens(...(parts.a ?? [])).join(' ')
  const b = documentTokens(...(parts.b ?? [])).join(' ')
  return sql<string>`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B')`
}

/**
 * The tsquery of a search text, or null when it has no searchable token. Each token is quoted
 * as a lexeme, so user input can never be read as tsquery syntax.
 */
export function tsqueryOf(text: string): RawBuilder<string> | null {
  const tokens = queryTokens(text)
  if (tokens.length === 0) return null
  const lexemes = tokens.map((t) => `'${t.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`).join(' & ')
  return sql<string>`to_tsquery('simple', ${lexemes})`
}
