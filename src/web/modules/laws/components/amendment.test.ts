import { describe, expect, it } from 'vitest'
import type { LawArticle } from '../api'
import { amendmentsOf, previewAmendment } from './amendment'
import { splitArticles } from './articleText'

const article = (ordinal: number, label: string, text: string): LawArticle => ({ id: `a${ordinal}`, ordinal, label, text, inForce: true })
const law = [article(1, '第一条', '一'), article(2, '第二条', '二'), article(3, '第三条', '三')]

describe('splitArticles', () => {
  it('splits at each 第…条, dropping headings and what comes before the first article', () => {
    const text = '某某条例\n第一章 总则\n第一条 为了规范。\n第二条　本条例适用于本省。\n第二章 管理\n第十一条 应当公布。\n公布应当及时。'
    expect(splitArticles(text)).toEqual(['为了规范。', '本条例适用于本省。', '应当公布。\n公布应当及时。'])
  })

  it('takes paragraphs when there are no article numbers', () => {
    expect(splitArticles('甲\n\n乙\n  \n丙')).toEqual(['甲', '乙', '丙'])
  })
})

describe('amendmentsOf', () => {
  it('orders changes, then additions, then removals, and drops an edit of a removed article', () => {
    const ops = amendmentsOf({ edits: { a1: ' 新一 ', a3: '新三' }, removed: ['a3'], additions: [{ key: 'k', after: 'a3', text: ' 四 ' }] })
    expect(ops).toEqual([
      { op: 'change', articleId: 'a1', text: '新一' },
      { op: 'add', after: 'a3', text: '四' },
      { op: 'remove', articleId: 'a3' },
    ])
  })
})

describe('previewAmendment', () => {
  it('numbers the amended law as the server will', () => {
    const preview = previewAmendment(law, [{ op: 'add', after: null, text: '零' }, { op: 'remove', articleId: 'a2' }], '2027-01-01')
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    expect(preview.rows.map((r) => [r.effect, r.oldLabel, r.label])).toEqual([
      ['added', null, '第一条'],
      ['renumbered', '第一条', '第二条'],
      ['removed', '第二条', '第二条'],
    ])
  })

  it('refuses an unchanged text with the server’s message', () => {
    const preview = previewAmendment(law, [{ op: 'change', articleId: 'a1', text: '一' }], '2027-01-01')
    expect(preview.ok).toBe(false)
    if (preview.ok) return
    expect(preview.error.zh).toContain('相同')
  })
})
