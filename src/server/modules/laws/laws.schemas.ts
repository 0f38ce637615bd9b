import { Type, type Static } from 'typebox'
import { Nullable, Page, PageSize, RegionCode } from '../../platform/http/schemas'
import { MAX_ARTICLE_ORDINAL } from './laws.labels'
import type { ArticleEffect, LawKind } from './laws.tables'

const Id = Type.String({ format: 'uuid' })

export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'an Asia/Shanghai date, YYYY-MM-DD' })

/** The kinds of legal document, as the web app names them. */
export const lawKinds: Record<LawKind, { zh: string; en: string }> = {
  law: { zh: '法律', en: 'Law' },
  administrative_regulation: { zh: '行政法规', en: 'Administrative regulation' },
  local_regulation: { zh: '地方性法规', en: 'Local regulation' },
  department_rule: { zh: '部门规章', en: 'Department rule' },
  local_government_rule: { zh: '地方政府规章', en: 'Local government rule' },
  normative_document: { zh: '规范性文件', en: 'Normative document' },
}
export type { ArticleEffect, LawKind }
export const LawKindSchema = Type.Union([
  Type.Literal('law'),
  Type.Literal('administrative_regulation'),
  Type.Literal('local_regulation'),
  Type.Literal('department_rule'),
  Type.Literal('local_government_rule'),
  Type.Literal('normative_document'),
])

export const LawStatusSchema = Type.Union([Type.Literal('in_force'), Type.Literal('not_yet'), Type.Literal('repealed')])
export const LawChangeKindSchema = Type.Union([Type.Literal('enact'), Type.Literal('amend'), Type.Literal('repeal'), Type.Literal('interpret')])
export const ArticleEffectSchema = Type.Union([
  Type.Literal('added'),
  Type.Literal('changed'),
  Type.Literal('removed'),
  Type.Literal('renumbered'),
  Type.Literal('interpreted'),
  Type.Literal('repealed'),
])

/** A law in a list: what it is, who issued it, and whether it is in force today. */
export const LawSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: LawKindSchema,
  issuer: Type.String(),
  docNumber: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  promulgatedOn: Type.String(),
  effectiveOn: Type.String(),
  repealedOn: Nullable(Type.String()),
  status: LawStatusSchema,
  /** Articles standing now (removed ones not counted). */
  articleCount: Type.Integer(),
})
export type LawSummary = Static<typeof LawSummary>

/** An article as it read on a day. */
export const LawArticle = Type.Object({
  id: Type.String(),
  ordinal: Type.Integer(),
  label: Type.String(),
  text: Type.String(),
  inForce: Type.Boolean(),
})
export type LawArticle = Static<typeof LawArticle>

export const LawChangeSummary = Type.Object({
  id: Type.String(),
  lawId: Type.String(),
  kind: LawChangeKindSchema,
  title: Type.String(),
  docNumber: Nullable(Type.String()),
  decidedOn: Type.String(),
  effectiveOn: Type.String(),
  summary: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
  recordedBy: Type.String(),
  articleCount: Type.Integer(),
})
export type LawChangeSummary = Static<typeof LawChangeSummary>

/** A law with its articles as of a day (`on`) and every change recorded for it. */
export const LawDetail = Type.Object({
  ...LawSummary.properties,
  on: Type.String(),
  articles: Type.Array(LawArticle),
  changes: Type.Array(LawChangeSummary),
})
export type LawDetail = Static<typeof LawDetail>

/** One article a change touched, as the change reads: the labels and texts before and after. */
export const ChangedArticle = Type.Object({
  articleId: Type.String(),
  effect: ArticleEffectSchema,
  label: Type.String(),
  oldLabel: Nullable(Type.String()),
  oldText: Nullable(Type.String()),
  newText: Nullable(Type.String()),
  note: Type.String(),
})
export type ChangedArticle = Static<typeof ChangedArticle>

export const LawChangeDetail = Type.Object({
  ...LawChangeSummary.properties,
  lawTitle: Type.String(),
  articles: Type.Array(ChangedArticle),
})
export type LawChangeDetail = Static<typeof LawChangeDetail>

export const ArticleVersion = Type.Object({
  id: Type.String(),
  text: Type.String(),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  changeId: Nullable(Type.String()),
  changeKind: Nullable(LawChangeKindSchema),
  changeTitle: Nullable(Type.String()),
})
export type ArticleVersion = Static<typeof ArticleVersion>

export const ArticleHistory = Type.Object({
  articleId: Type.String(),
  lawId: Type.String(),
  label: Type.String(),
  ordinal: Nullable(Type.Integer()),
  removedOn: Nullable(Type.String()),
  versions: Type.Array(ArticleVersion),
})
export type ArticleHistory = Static<typeof ArticleHistory>

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' })
const ArticleText = Text(20_000)

export const LawListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(LawKindSchema),
  page: Page,
  pageSize: PageSize,
})
export type LawListQuery = Static<typeof LawListQuery>

export const LawOnQuery = Type.Object({ on: Type.Optional(Day) })

/** A new law: its articles are texts numbered 1..n, or `{ ordinal, text }` where the law is kept as an excerpt. */
export const NewLawBody = Type.Object(
  {
    title: Text(200),
    kind: LawKindSchema,
    issuer: Text(200),
    docNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    regionCode: Type.Optional(Nullable(RegionCode)),
    promulgatedOn: Day,
    effectiveOn: Day,
    articles: Type.Array(Type.Union([ArticleText, Type.Object({ ordinal: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ARTICLE_ORDINAL })), text: ArticleText }, { additionalProperties: false })]), {
      minItems: 1,
      maxItems: 3000,
    }),
  },
  { additionalProperties: false },
)
export type NewLawBody = Static<typeof NewLawBody>

export const AmendmentSchema = Type.Union([
  Type.Object({ op: Type.Literal('change'), articleId: Id, text: ArticleText }, { additionalProperties: false }),
  Type.Object({ op: Type.Literal('add'), after: Nullable(Id), text: ArticleText }, { additionalProperties: false }),
  Type.Object({ op: Type.Literal('remove'), articleId: Id }, { additionalProperties: false }),
])

/** A change to a law: an amendment (修改), a repeal (废止) or an interpretation (解释). */
export const NewLawChangeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('amend'), Type.Literal('repeal'), Type.Literal('interpret')]),
    title: Text(300),
    docNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    decidedOn: Day,
    effectiveOn: Day,
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    amendments: Type.Optional(Type.Array(AmendmentSchema, { maxItems: 3000 })),
    interpretations: Type.Optional(Type.Array(Type.Object({ articleId: Id, note: Text(5000) }, { additionalProperties: false }), { maxItems: 3000 })),
  },
  { additionalProperties: false },
)
export type NewLawChangeBody = Static<typeof NewLawChangeBody>
