import { Type, type Static } from 'typebox'
import { Nullable, Page, PageSize, RegionCode } from '../../platform/http/schemas'

const Id = Type.String({ format: 'uuid' })
const Instant = Type.String({ format: 'date-time' })

/** The longest answer an entry may carry: a long policy explanation, not a document archive. */
export const MAX_BODY_LENGTH = 20_000
export const MAX_TITLE_LENGTH = 200
export const MAX_SUGGESTIONS = 5

export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'an Asia/Shanghai date, YYYY-MM-DD' })
/** Entries belong to a province (2 digits), a city (4) or a county (6). */
export const KnowledgeRegion = Type.String({ pattern: '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$', description: 'GB/T 2260 code of a province, city or county' })

export const KnowledgeLevelSchema = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])
export const KnowledgeStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('published'), Type.Literal('retired')])
export const WorkingStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('submitted')])
export const RevisionStatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('published'),
  Type.Literal('superseded'),
  Type.Literal('retired'),
  Type.Literal('withdrawn'),
])
/** What the list filters on: `published` leaves out the expired ones, which `expired` lists. */
export const StatusFilterSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('published'),
  Type.Literal('expired'),
  Type.Literal('retired'),
])
export type StatusFilter = Static<typeof StatusFilterSchema>

/** What an editor writes: the text of a revision. */
export const KnowledgeContent = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH }),
    body: Type.String({ maxLength: MAX_BODY_LENGTH, description: 'plain text; line breaks are kept' }),
    categoryKey: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'the hotline category the entry answers' }))),
    catalogItemId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'the catalogue item (catalog.item id) the entry explains' }))),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 20 })),
    validUntil: Day,
  },
  { additionalProperties: false },
)
export type KnowledgeContent = Static<typeof KnowledgeContent>

export const NewKnowledgeEntry = Type.Object(
  { regionCode: KnowledgeRegion, orgId: Id, ...KnowledgeContent.properties },
  { additionalProperties: false },
)
export type NewKnowledgeEntry = Static<typeof NewKnowledgeEntry>

const ExpectedVersion = Type.Integer({ minimum: 1, description: 'the entry version the change was made on; a stale one is refused with 409' })
export const SaveDraftBody = Type.Object({ expectedVersion: ExpectedVersion, ...KnowledgeContent.properties }, { additionalProperties: false })
export type SaveDraftBody = Static<typeof SaveDraftBody>
export const VersionedBody = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false })
export const RejectBody = Type.Object({ expectedVersion: ExpectedVersion, comment: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false })
export const RetireBody = Type.Object({ expectedVersion: ExpectedVersion, reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false })

export const CatalogLink = Type.Object({ id: Type.String(), name: Type.String() })
export type CatalogLink = Static<typeof CatalogLink>

/** One revision in full. */
export const KnowledgeRevisionView = Type.Object({
  id: Type.String(),
  entryId: Type.String(),
  number: Type.Integer(),
  status: RevisionStatusSchema,
  title: Type.String(),
  body: Type.String(),
  categoryKey: Nullable(Type.String()),
  catalogItem: Nullable(CatalogLink),
  keywords: Type.Array(Type.String()),
  validUntil: Type.String(),
  createdAt: Instant,
  createdBy: Type.String(),
  updatedAt: Instant,
  updatedBy: Type.String(),
  submittedAt: Nullable(Instant),
  submittedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Instant),
  reviewedBy: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  publishedAt: Nullable(Instant),
  retiredAt: Nullable(Instant),
})
export type KnowledgeRevisionView = Static<typeof KnowledgeRevisionView>

/** A revision in the history: who did what when, without the text. */
export const RevisionSummary = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  status: RevisionStatusSchema,
  title: Type.String(),
  createdAt: Instant,
  createdBy: Type.String(),
  submittedAt: Nullable(Instant),
  submittedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Instant),
  reviewedBy: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  publishedAt: Nullable(Instant),
  retiredAt: Nullable(Instant),
})
export type RevisionSummary = Static<typeof RevisionSummary>

/** An entry in a list: the shown revision's title and dates, and where the entry stands. */
export const KnowledgeEntrySummary = Type.Object({
  id: Type.String({ description: 'stable across revisions: what a first-call resolution records' }),
  regionCode: Type.String(),
  regionName: Type.String(),
  level: KnowledgeLevelSchema,
  orgId: Type.String(),
  orgName: Nullable(Type.String()),
  status: KnowledgeStatusSchema,
  workingStatus: Nullable(WorkingStatusSchema),
  expired: Type.Boolean(),
  version: Type.Integer(),
  revisionNumber: Type.Integer(),
  title: Type.String(),
  categoryKey: Nullable(Type.String()),
  catalogItem: Nullable(CatalogLink),
  keywords: Type.Array(Type.String()),
  validUntil: Type.String(),
  updatedAt: Instant,
})
export type KnowledgeEntrySummary = Static<typeof KnowledgeEntrySummary>

/** What the caller may do with an entry now, so that the editor offers only those actions. */
export const KnowledgeActions = Type.Object({
  edit: Type.Boolean(),
  submit: Type.Boolean(),
  approve: Type.Boolean(),
  reject: Type.Boolean(),
  retire: Type.Boolean(),
})
export type KnowledgeActions = Static<typeof KnowledgeActions>

export const KnowledgeEntryDetail = Type.Object({
  entry: KnowledgeEntrySummary,
  published: Nullable(KnowledgeRevisionView),
  /** The draft or submitted revision; only for those who may edit or review the entry. */
  working: Nullable(KnowledgeRevisionView),
  /** The revision shown when nothing is published (a retired entry's last text). */
  shown: KnowledgeRevisionView,
  revisions: Type.Array(RevisionSummary),
  retireReason: Nullable(Type.String()),
  actions: KnowledgeActions,
})
export type KnowledgeEntryDetail = Static<typeof KnowledgeEntryDetail>

export const KnowledgeListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: '标题、关键词或正文中的词 Words of the title, keywords or answer' })),
  status: Type.Optional(StatusFilterSchema),
  level: Type.Optional(KnowledgeLevelSchema),
  categoryKey: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  // entries of this region and below
  regionCode: Type.Optional(RegionCode),
  page: Type.Optional(Page),
  pageSize: Type.Optional(PageSize),
})
export type KnowledgeListQuery = Static<typeof KnowledgeListQuery>

export const KnowledgePage = Type.Object({ items: Type.Array(KnowledgeEntrySummary), total: Type.Integer() })
export type KnowledgePage = Static<typeof KnowledgePage>

export const SuggestionQuery = Type.Object({
  text: Type.String({ maxLength: 2000, description: 'the appeal as typed so far' }),
  // where the caller is; the agent's own region when left out
  regionCode: Type.Optional(RegionCode),
})

export const KnowledgeSuggestion = Type.Object({
  id: Type.String(),
  revisionId: Type.String(),
  title: Type.String(),
  snippet: Type.String(),
  level: KnowledgeLevelSchema,
  regionCode: Type.String(),
  catalogItem: Nullable(CatalogLink),
  validUntil: Type.String(),
})
export type KnowledgeSuggestion = Static<typeof KnowledgeSuggestion>

export const CategoryCount = Type.Object({ key: Type.String(), count: Type.Integer() })
export type CategoryCount = Static<typeof CategoryCount>
