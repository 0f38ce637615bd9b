import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors'
import { articleLabel } from './laws.labels'
import { lawStatus, numberArticles, planAmendment, planInterpretation, planRepeal, type CurrentArticle } from './laws.rules'

function law(ordinals: number[]): CurrentArticle[] {
  return ordinals.map((ordinal) => ({ id: `a${ordinal}`, ordinal, label: articleLabel(ordinal), text: `text ${ordinal}`, effectiveFrom: '2020-01-01' }))
}

function ids() {
  let n = 0
  return () => `new${++n}`
}

function errorOf(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

describe('law status', () => {
  it('is not yet in force before its effective day, in force from it, repealed from the repeal day', () => {
    const l = { effectiveOn: '2026-03-01', repealedOn: '2027-01-01' }
    expect(lawStatus(l, '2026-02-28')).toBe('not_yet')
    expect(lawStatus(l, '2026-03-01')).toBe('in_force')
    expect(lawStatus(l, '2026-12-31')).toBe('in_force')
    expect(lawStatus(l, '2027-01-01')).toBe('repealed')
  })
})

describe('numbering a new law', () => {
  it('numbers plain texts 1..n and keeps given ordinals of an excerpt', () => {
    expect(numberArticles([' 甲 ', '乙']).map((a) => [a.ordinal, a.label, a.text])).toEqual([
      [1, '第一条', '甲'],
      [2, '第二条', '乙'],
    ])
    expect(numberArticles([{ ordinal: 7, text: '甲' }, { text: '乙' }, { ordinal: 35, text: '丙' }]).map((a) => a.label)).toEqual(['第七条', '第八条', '第三十五条'])
  })

  it('refuses ordinals that do not increase', () => {
    const error = errorOf(() => numberArticles([{ ordinal: 5, text: '甲' }, { ordinal: 5, text: '乙' }]))
    expect(error.id).toBe('article_ordinals_invalid')
    expect(error.details).toEqual({ field: 'articles/1' })
  })
})

describe('planning an amendment', () => {
  it('adds after an article and moves every later one up, keeping ids', () => {
    const plan = planAmendment(law([1, 2, 3]), [{ op: 'add', after: 'a1', text: '新条' }], '2026-05-01', ids())
    expect(plan.map((p) => [p.articleId, p.effect, p.label, p.oldLabel])).toEqual([
      ['new1', 'added', '第二条', null],
      ['a2', 'renumbered', '第三条', '第二条'],
      ['a3', 'renumbered', '第四条', '第三条'],
    ])
  })

  it('keeps several additions after one anchor in the order given', () => {
    const plan = planAmendment(law([1, 2]), [{ op: 'add', after: 'a1', text: 'x' }, { op: 'add', after: 'a1', text: 'y' }], '2026-05-01', ids())
    expect(plan.filter((p) => p.effect === 'added').map((p) => [p.text, p.ordinal])).toEqual([
      ['x', 2],
      ['y', 3],
    ])
    expect(plan.find((p) => p.articleId === 'a2')).toMatchObject({ ordinal: 4, label: '第四条', oldLabel: '第二条' })
  })

  it('adds before the first article when after is null', () => {
    const plan = planAmendment(law([1, 2]), [{ op: 'add', after: null, text: 'x' }], '2026-05-01', ids())
    expect(plan.map((p) => [p.articleId, p.ordinal])).toEqual([
      ['new1', 1],
      ['a1', 2],
      ['a2', 3],
    ])
  })

  it('removes an article and moves later ones down; the removed one keeps its label as the old label', () => {
    const plan = planAmendment(law([1, 2, 3]), [{ op: 'remove', articleId: 'a2' }], '2026-05-01', ids())
    expect(plan.map((p) => [p.articleId, p.effect, p.ordinal, p.label, p.oldLabel])).toEqual([
      ['a2', 'removed', null, '第二条', '第二条'],
      ['a3', 'renumbered', 2, '第二条', '第三条'],
    ])
  })

  it('gives each touched article one effect, the strongest, and leaves untouched ones out', () => {
    const plan = planAmendment(
      law([1, 2, 3, 4]),
      [
        { op: 'add', after: 'a1', text: 'x' },
        { op: 'change', articleId: 'a3', text: 'new 3' },
        { op: 'remove', articleId: 'a4' },
      ],
      '2026-05-01',
      ids(),
    )
    expect(plan.map((p) => [p.articleId, p.effect, p.label, p.oldLabel, p.text])).toEqual([
      ['new1', 'added', '第二条', null, 'x'],
      ['a2', 'renumbered', '第三条', '第二条', null],
      ['a3', 'changed', '第四条', '第三条', 'new 3'],
      ['a4', 'removed', '第四条', '第四条', null],
    ])
    expect(new Set(plan.map((p) => p.articleId)).size).toBe(plan.length)
  })

  it('cancels out: an addition and a removal before an article leave it where it was', () => {
    const plan = planAmendment(law([1, 2, 3]), [{ op: 'remove', articleId: 'a1' }, { op: 'add', after: null, text: 'x' }], '2026-05-01', ids())
    expect(plan.map((p) => [p.articleId, p.effect])).toEqual([
      ['new1', 'added'],
      ['a1', 'removed'],
    ])
  })

  it('shifts the real numbering of an excerpt', () => {
    const plan = planAmendment(law([7, 8, 35]), [{ op: 'add', after: 'a8', text: 'x' }], '2026-05-01', ids())
    expect(plan.map((p) => [p.articleId, p.label])).toEqual([
      ['new1', '第九条'],
      ['a35', '第三十六条'],
    ])
  })

  it('refuses an article of another law, the same article twice, an anchor already removed and an unchanged text', () => {
    expect(errorOf(() => planAmendment(law([1]), [{ op: 'change', articleId: 'zz', text: 'x' }], '2026-05-01', ids())).details).toEqual({
      field: 'amendments/0/articleId',
      articleId: 'zz',
    })
    expect(errorOf(() => planAmendment(law([1, 2]), [{ op: 'change', articleId: 'a1', text: 'x' }, { op: 'remove', articleId: 'a1' }], '2026-05-01', ids())).id).toBe('amendment_conflict')
    expect(errorOf(() => planAmendment(law([1, 2]), [{ op: 'remove', articleId: 'a1' }, { op: 'add', after: 'a1', text: 'x' }], '2026-05-01', ids())).id).toBe('amendment_conflict')
    expect(errorOf(() => planAmendment(law([1]), [{ op: 'change', articleId: 'a1', text: 'text 1' }], '2026-05-01', ids())).id).toBe('article_text_unchanged')
  })

  it('refuses a second text for an article starting the day its current text did', () => {
    expect(errorOf(() => planAmendment(law([1]), [{ op: 'change', articleId: 'a1', text: 'x' }], '2020-01-01', ids())).id).toBe('article_changed_same_day')
  })
})

describe('repeal and interpretation', () => {
  it('repeals every standing article', () => {
    expect(planRepeal(law([1, 2])).map((p) => [p.articleId, p.effect])).toEqual([
      ['a1', 'repealed'],
      ['a2', 'repealed'],
    ])
  })

  it('interprets the listed articles with their notes and refuses unknown or repeated ones', () => {
    expect(planInterpretation(law([1, 2]), [{ articleId: 'a2', note: ' 释义 ' }])).toEqual([
      { articleId: 'a2', effect: 'interpreted', ordinal: 2, label: '第二条', oldLabel: null, text: null, note: '释义' },
    ])
    expect(errorOf(() => planInterpretation(law([1]), [{ articleId: 'x', note: 'n' }])).id).toBe('article_not_found')
    expect(errorOf(() => planInterpretation(law([1]), [{ articleId: 'a1', note: 'n' }, { articleId: 'a1', note: 'm' }])).id).toBe('interpretation_duplicate')
  })
})
