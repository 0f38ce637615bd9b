import { Type, type Static } from 'typebox'
import { Nullable } from '../../platform/http/schemas'

/**
 * The kinds of item, with the two-digit type code that starts a basic code (GB/T 39554.1:
 * type code, 5-digit main item, 3-digit sub-item). The service kinds use the national codes;
 * supervision, inspection and policy-service items the codes of their own national lists.
 */
export const itemKinds = {
  licensing: { code: '01', zh: '行政许可', en: 'Administrative licensing' },
  benefit: { code: '05', zh: '行政给付', en: 'Administrative benefit' },
  confirmation: { code: '07', zh: '行政确认', en: 'Administrative confirmation' },
  reward: { code: '08', zh: '行政奖励', en: 'Administrative reward' },
  adjudication: { code: '09', zh: '行政裁决', en: 'Administrative adjudication' },
  other_power: { code: '10', zh: '其他行政权力', en: 'Other administrative power' },
  public_service: { code: '20', zh: '公共服务', en: 'Public service' },
  supervision: { code: '30', zh: '监管事项', en: 'Supervision item' },
  inspection: { code: '06', zh: '行政检查事项', en: 'Inspection item' },
  policy_service: { code: '21', zh: '政策服务事项', en: 'Policy service item' },
} as const
export type ItemKind = keyof typeof itemKinds
export const ItemKindSchema = Type.Union(Object.keys(itemKinds).map((k) => Type.Literal(k as ItemKind)))

export const serviceKinds: readonly ItemKind[] = ['licensing', 'benefit', 'confirmation', 'reward', 'adjudication', 'other_power', 'public_service', 'policy_service']

const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max })
const Short = Type.String({ minLength: 1, maxLength: 200 })

/** A citation of the legal basis: one article of one law, by the laws module's ids. */
export const Citation = Type.Object({ lawId: Type.String({ format: 'uuid' }), articleId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export type Citation = Static<typeof Citation>

export const Material = Type.Object(
  {
    name: Short,
    form: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('both')]),
    original: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('both')]),
    copies: Type.Integer({ minimum: 0, maximum: 99 }),
    required: Type.Boolean(),
    /** Where the office gets it: the applicant, an e-licence (免提交), or shared data. */
    source: Type.Union([Type.Literal('applicant'), Type.Literal('e_licence'), Type.Literal('shared_data')]),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type Material = Static<typeof Material>

export const Fee = Type.Object({ name: Short, amountFen: Type.Integer({ minimum: 0, maximum: 10_000_000_000 }), basis: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })
export const Step = Type.Object({ name: Short, description: Type.String({ maxLength: 1000 }), days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })) }, { additionalProperties: false })

export const Level = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])
export const Channel = Type.Union([Type.Literal('window'), Type.Literal('web'), Type.Literal('app'), Type.Literal('self_service'), Type.Literal('mail')])

/** The elements of a government-service (or policy-service) item: what the service guide shows. */
export const ServiceElements = Type.Object(
  {
    name: Short,
    /** The department that exercises it at this level, as the guide names it (e.g. 市场监督管理部门). */
    department: Short,
    levels: Type.Array(Level, { minItems: 1, uniqueItems: true }),
    legalBasis: Type.Array(Citation, { maxItems: 50 }),
    serviceObjects: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), { minItems: 1, uniqueItems: true }),
    conditions: Type.Array(Text(), { maxItems: 50 }),
    materials: Type.Array(Material, { maxItems: 100 }),
    statutoryDays: Type.Integer({ minimum: 0, maximum: 365 }),
    committedDays: Type.Integer({ minimum: 0, maximum: 365 }),
    fees: Type.Array(Fee, { maxItems: 20 }),
    /** 1 to 4: information only, download forms, online application, fully online (全程网办). */
    onlineDepth: Type.Integer({ minimum: 1, maximum: 4 }),
    visits: Type.Integer({ minimum: 0, maximum: 5 }),
    steps: Type.Array(Step, { maxItems: 30 }),
    result: Type.Object({ name: Short, type: Type.Union([Type.Literal('licence'), Type.Literal('approval'), Type.Literal('certificate'), Type.Literal('other')]) }, { additionalProperties: false }),
    channels: Type.Array(Channel, { minItems: 1, uniqueItems: true }),
    /** Where and how to apply: address, hours, telephone. */
    place: Type.String({ maxLength: 1000 }),
    phone: Type.String({ maxLength: 100 }),
    provinceWide: Type.Boolean(),
    crossProvince: Type.Boolean(),
    themes: Type.Array(Short, { maxItems: 20, uniqueItems: true }),
    lifeEvents: Type.Array(Short, { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type ServiceElements = Static<typeof ServiceElements>

/** The 15 elements of an inspection item (行政检查事项). */
export const InspectionElements = Type.Object(
  {
    name: Short,
    category: Short,
    method: Short,
    object: Short,
    content: Text(),
    legalBasis: Type.Array(Citation, { maxItems: 50 }),
    implementingBody: Short,
    level: Level,
    frequency: Short,
    ratio: Short,
    procedure: Text(),
    handling: Text(),
    undertakingUnit: Short,
    /** The basic code of the supervision item it carries out. */
    supervisionItemCode: Type.Union([Type.String({ pattern: '^[0-9]{10}$' }), Type.Null()]),
    remarks: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
)
export type InspectionElements = Static<typeof InspectionElements>

/** A supervision item (监管事项): what is supervised, by whom, on what basis. */
export const SupervisionElements = Type.Object(
  {
    name: Short,
    department: Short,
    object: Short,
    content: Text(),
    method: Short,
    legalBasis: Type.Array(Citation, { maxItems: 50 }),
    levels: Type.Array(Level, { minItems: 1, uniqueItems: true }),
    remarks: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
)
export type SupervisionElements = Static<typeof SupervisionElements>

export type Elements = ServiceElements | InspectionElements | SupervisionElements

/** The element schema of a kind. */
export function elementsSchemaOf(kind: ItemKind) {
  if (kind === 'inspection') return InspectionElements
  if (kind === 'supervision') return SupervisionElements
  return ServiceElements
}

// ---- HTTP shapes (the web app imports these types) ----

const Instant = Type.String({ format: 'date-time' })

export const Level4 = Type.Union([Type.Literal('national'), Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])
export const VersionStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])

export const ImplementationSchema = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  regionCode: Type.String(),
  level: Level4,
  parentId: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  implementationCode: Type.String(),
  currentVersionId: Nullable(Type.String()),
  name: Type.String(),
  kind: ItemKindSchema,
  claimedAt: Instant,
})
export type ImplementationView = Static<typeof ImplementationSchema>

export const VersionSchema = Type.Object({
  id: Type.String(),
  implementationId: Type.String(),
  number: Type.Integer(),
  status: VersionStatus,
  parentVersionId: Nullable(Type.String()),
  /** Every element for a national entry; only the overrides for a claimed one. */
  elements: Type.Unknown(),
  /** Parent + overrides. */
  effective: Type.Unknown(),
  note: Type.String(),
  createdAt: Instant,
  createdBy: Type.String(),
  publishedAt: Nullable(Instant),
  retiredAt: Nullable(Instant),
})
export type VersionView = Omit<Static<typeof VersionSchema>, 'elements' | 'effective'> & { elements: Partial<Elements>; effective: Elements }

export const FieldChangeSchema = Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })

export const ReviewReasonSchema = Type.Union([Type.Literal('parent_changed'), Type.Literal('basis_changed'), Type.Literal('basis_repealed')])
export const ReviewTaskSchema = Type.Object({
  id: Type.String(),
  implementationId: Type.String(),
  versionId: Type.String(),
  regionCode: Type.String(),
  orgId: Nullable(Type.String()),
  reason: ReviewReasonSchema,
  lawChangeId: Nullable(Type.String()),
  parentVersionId: Nullable(Type.String()),
  detail: Type.Unknown(),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolution: Nullable(Type.String()),
  createdAt: Instant,
  resolvedAt: Nullable(Instant),
  resolvedBy: Nullable(Type.String()),
  name: Type.Optional(Type.String()),
  implementationCode: Type.Optional(Type.String()),
  level: Type.Optional(Type.String()),
})

export const CitedArticleSchema = Type.Object({
  lawId: Type.String(),
  lawTitle: Type.String(),
  lawKind: Type.String(),
  docNumber: Nullable(Type.String()),
  articleId: Type.String(),
  label: Type.String(),
  text: Type.String(),
  inForce: Type.Boolean(),
})

const RegionRef = Type.Object({ code: Type.String(), name: Type.String() })

export const ImplementationDetailSchema = Type.Object({
  implementation: ImplementationSchema,
  basicCode: Type.String(),
  region: RegionRef,
  orgName: Nullable(Type.String()),
  parent: Nullable(Type.Object({ id: Type.String(), regionCode: Type.String(), name: Type.String(), currentVersionId: Nullable(Type.String()) })),
  current: Nullable(VersionSchema),
  draft: Nullable(VersionSchema),
  versions: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), status: VersionStatus, note: Type.String(), createdAt: Instant, createdBy: Type.String(), publishedAt: Nullable(Instant), retiredAt: Nullable(Instant) })),
  /** What this region changed from the level above (its current version, else its draft). */
  regionChanges: Type.Array(FieldChangeSchema),
  legalBasis: Type.Array(CitedArticleSchema),
  openTasks: Type.Array(ReviewTaskSchema),
  children: Type.Array(Type.Object({ id: Type.String(), regionCode: Type.String(), regionName: Type.String(), level: Level4, published: Type.Boolean(), openTasks: Type.Integer() })),
})

/** The service guide (办事指南) as a citizen reads it. */
export const GuideSchema = Type.Object({
  implementationId: Type.String(),
  implementationCode: Type.String(),
  basicCode: Type.String(),
  kind: ItemKindSchema,
  region: RegionRef,
  orgName: Nullable(Type.String()),
  versionNumber: Type.Integer(),
  publishedAt: Nullable(Instant),
  elements: Type.Unknown(),
  legalBasis: Type.Array(CitedArticleSchema),
  /** A law it rests on has changed and the department has not yet reviewed the entry. */
  basisUnderReview: Type.Boolean(),
})
