import { isValidDay } from '../../platform/calendar/calendar'
import { AppError } from '../../platform/errors'
import { ancestorCodes } from '../../platform/regions/regions.service'
import { queryTokens } from '../../platform/search/text'
import type { RevisionContent } from './knowledge.repository'
import type { KnowledgeContent } from './knowledge.schemas'
import type { KnowledgeLevel } from './knowledge.tables'

/** The knowledge base's rules, pure: levels, who is answered by which entries, tidying content, the words and snippets of suggestions. */

const invalid = (id: string, field: string, zh: string, en: string) => new AppError('invalid', id, { zh, en }, { field })
export const validUntilPast = () => invalid('knowledge_valid_until_past', 'validUntil', '有效期不能早于今天', 'The valid-until date cannot be before today')

/** Entries live at three levels, told by the length of the region code. */
export function levelOfRegion(code: string): KnowledgeLevel {
  if (code.length === 2) return 'province'
  if (code.length === 4) return 'city'
  if (code.length === 6) return 'county'
  throw invalid('knowledge_region_level', 'regionCode', '条目只能归属省、设区市或县（市、区）', 'An entry belongs to a province, a city or a county')
}

/** The regions whose entries an agent in `code` is given: the province, the city and the county it lies in. */
export function regionsAnswering(code: string): string[] {
  return [...ancestorCodes(code), code].filter((c) => c.length <= 6)
}

/**
 * What an editor sent, tidied: titles trimmed, line breaks kept (\r\n read as \n), empty category
 * dropped, keywords deduplicated; refused when the title or answer is empty, the date is no date or,
 * given `today`, already past.
 */
export function tidyContent(input: KnowledgeContent, today: string | null): RevisionContent {
  const title = input.title.trim()
  if (!title) throw invalid('knowledge_title_empty', 'title', '标题不能为空', 'The title cannot be empty')
  const body = input.body.replace(/\r\n?/g, '\n').trim()
  if (!body) throw invalid('knowledge_body_empty', 'body', '答复内容不能为空', 'The answer cannot be empty')
  if (!isValidDay(input.validUntil)) throw invalid('knowledge_valid_until_invalid', 'validUntil', '有效期不是有效的日期', 'The valid-until date is not a real date')
  if (today !== null && input.validUntil < today) throw validUntilPast()
  const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))]
  return { title, body, categoryKey: input.categoryKey?.trim() || null, catalogItemId: input.catalogItemId ?? null, keywords, validUntil: input.validUntil }
}

// Words any appeal is full of: as suggestions' anchors they would match every entry.
const fillerWords = new Set([
  '请问', '你好', '您好', '我们', '你们', '他们', '怎么', '怎么办', '怎样', '如何', '什么', '哪里', '哪个', '为什么', '可以', '能否', '能不能',
  '需要', '想要', '一下', '这个', '那个', '没有', '已经', '还是', '就是', '因为', '所以', '但是', '现在', '问题', '情况', '反映', '咨询', '办理', '相关', '有关',
])

/**
 * The words of a typed appeal worth matching: no fillers, no single characters (的, 了, 办),
 * unless the text has nothing else.
 */
export function appealWords(text: string): string[] {
  const tokens = queryTokens(text.slice(0, 500)).filter((t) => !fillerWords.has(t))
  const words = tokens.filter((t) => [...t].length > 1)
  return (words.length > 0 ? words : tokens).slice(0, 24)
}

const SNIPPET_LENGTH = 80

/** A line of the answer around the first word the agent typed, else its opening. */
export function snippetOf(body: string, words: readonly string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  if (chars.length <= SNIPPET_LENGTH) return flat
  const hits = words.map((w) => flat.toLowerCase().indexOf(w)).filter((i) => i >= 0)
  const at = hits.length > 0 ? [...flat.slice(0, Math.min(...hits))].length : 0
  const start = Math.max(0, Math.min(at - 20, chars.length - SNIPPET_LENGTH))
  const text = chars.slice(start, start + SNIPPET_LENGTH).join('')
  return `${start > 0 ? '…' : ''}${text}${start + SNIPPET_LENGTH < chars.length ? '…' : ''}`
}

