/**
 * Article labels and splitting a pasted statute into articles. The labels are the server's own
 * (第一条, 第十一条, 第一百零一条), so that what the form previews is what the library will print.
 */
export { articleLabel } from '../../../../server/modules/laws/laws.labels'

const numeral = '[一二三四五六七八九十百千零〇两0-9]+'
/** 第一条, at the start of a line, with the space after it. */
const articleStart = new RegExp(`^\\s*第${numeral}条[\\s\\u3000]*`)
/** 第一章 总则, 第二节 …: headings between articles, which are not part of any article. */
const heading = new RegExp(`^\\s*第${numeral}[编章节](\\s|\\u3000|$)`)

/**
 * Splits the full text of a law into article texts at each line beginning 第…条, dropping the
 * labels and the chapter headings. Text before the first article (the title, a preamble) is
 * dropped too. With no labels at all, every non-empty paragraph is an article.
 */
export function splitArticles(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const hasLabels = lines.some((line) => articleStart.test(line))
  if (!hasLabels) {
    return text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
  }
  const articles: string[] = []
  let current: string[] | null = null
  for (const line of lines) {
    if (heading.test(line)) continue
    if (articleStart.test(line)) {
      if (current) articles.push(current.join('\n').trim())
      current = [line.replace(articleStart, '')]
    } else if (current) {
      current.push(line.trim())
    }
  }
  if (current) articles.push(current.join('\n').trim())
  return articles.filter(Boolean)
}
