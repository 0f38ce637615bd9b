import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { sql, type Expression, type RawBuilder } from 'kysely'
import type { Executor } from '../db/database'

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

type Parts = { a?: (string | null | undefined)[]; b?: (string | null | undefined)[] }

/** The tokens of a document's weighted parts (A for names and titles, B for the rest), space-separated: what its search column is made of. */
export interface SearchTokens {
  a: string
  b: string
}

export function searchTokens(parts: Parts): SearchTokens {
  return searchTokensFrom(documentTokens(...(parts.a ?? [])), documentTokens(...(parts.b ?? [])))
}

/** SearchTokens from tokens already cut (documentTokens), for a caller that uses them for something else too. */
export function searchTokensFrom(a: readonly string[], b: readonly string[]): SearchTokens {
  return { a: a.join(' '), b: b.join(' ') }
}

/** `to_tsvector('simple', …)` over weighted parts: A for names and titles, B for the rest. */
export function tsvectorOf(parts: Parts): RawBuilder<string> {
  const { a, b } = searchTokens(parts)
  return weightedVector(sql`${a}`, sql`${b}`)
}

/** The search column's value from SearchTokens held in SQL as jsonb (a row written by insertRows). */
export function tsvectorOfJson(tokens: Expression<unknown>): RawBuilder<string> {
  return weightedVector(sql`${tokens} ->> 'a'`, sql`${tokens} ->> 'b'`)
}

function weightedVector(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<string> {
  return sql<string>`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B')`
}

/** A lexeme of to_tsquery, quoted (with an optional weight such as `:A`) so that user text is never read as tsquery syntax. */
export function quoteLexeme(token: string, weight = ''): string {
  return `'${token.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${weight}`
}

/**
 * The tsquery of a search text, or null when it has no searchable token. Each token is quoted
 * as a lexeme, so user input can never be read as tsquery syntax.
 */
export function tsqueryOf(text: string): RawBuilder<string> | null {
  const tokens = queryTokens(text)
  if (tokens.length === 0) return null
  const lexemes = tokens.map((t) => quoteLexeme(t)).join(' & ')
  return sql<string>`to_tsquery('simple', ${lexemes})`
}

/**
 * Merges the entries new rows left in the pending lists of this database's GIN indexes (the
 * search columns) into the indexes, and returns how many pending pages were merged. PostgreSQL
 * otherwise merges a list when it outgrows gin_pending_list_limit (4 MB), inside whichever INSERT
 * tips it over: at the hotline's volume that was one filing in a few hundred waiting several
 * hundred milliseconds (the intake's p99). Run every second in the background, no request pays
 * for it and a search scans little unmerged. Only indexes this role owns can be merged.
 */
export async function mergePendingSearchEntries(db: Executor): Promise<number> {
  const { rows } = await sql<{ pages: number }>`
    select coalesce(sum(gin_clean_pending_list(c.oid)), 0)::int as pages
    from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
    where am.amname = 'gin' and n.nspname not in ('pg_catalog', 'information_schema') and pg_has_role(c.relowner, 'USAGE')`.execute(db)
  return rows[0]!.pages
}
