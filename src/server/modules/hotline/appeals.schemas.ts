import { Type } from 'typebox'
import { Nullable, RegionCode, Uuid } from '../../platform/http/schemas'

export const LineSchema = Type.Union([Type.Literal('12345'), Type.Literal('enterprise'), Type.Literal('talent')], { description: '12345 / 一企来 enterprise / 尚贤 talent' })
export const AppealTypeSchema = Type.Union(
  [Type.Literal('inquiry'), Type.Literal('help'), Type.Literal('complaint'), Type.Literal('report'), Type.Literal('suggestion'), Type.Literal('praise')],
  { description: '咨询 inquiry, 求助 help, 投诉 complaint, 举报 report, 建议 suggestion, 表扬 praise' },
)
const Message = Type.Object({ zh: Type.String(), en: Type.String() })

/** Content limits: what a phone agent or a citizen can reasonably write, and a bound against abuse. */
export const MAX_CONTENT = 4000

const appealFields = {
  line: LineSchema,
  type: AppealTypeSchema,
  categoryKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  regionCode: RegionCode,
  title: Type.Optional(Type.String({ maxLength: 100 })),
  content: Type.String({ minLength: 1, maxLength: MAX_CONTENT }),
  location: Type.Optional(Type.String({ maxLength: 200 })),
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  appellantName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  appellantPhone: Type.Optional(Type.String({ minLength: 5, maxLength: 20 })),
  confidential: Type.Optional(Type.Boolean()),
}

/** How an agent settles an appeal on the call, in the same transaction as filing it: answered from the knowledge base (即时办结) or handed to 110/119/120. */
export const SettleInput = Type.Union([
  Type.Object({ transition: Type.Literal('resolve_on_call'), answer: Type.String({ minLength: 1, maxLength: MAX_CONTENT }), knowledgeEntryId: Type.Optional(Uuid) }, { additionalProperties: false }),
  Type.Object({ transition: Type.Literal('transfer_emergency'), service: Type.Union([Type.Literal('110'), Type.Literal('119'), Type.Literal('120')]), reference: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
])

/** An appeal taken by an agent or arriving from a messaging channel. */
export const StaffAppealInput = Type.Object(
  {
    ...appealFields,
    channel: Type.Union([Type.Literal('phone'), Type.Literal('wechat'), Type.Literal('app')]),
    externalRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    settle: Type.Optional(SettleInput),
  },
  { additionalProperties: false },
)

/** An appeal a citizen files on the portal. */
export const PublicAppealInput = Type.Object(appealFields, { additionalProperties: false })

/** Appeals transferred from a national platform: each carries that platform's reference, so a resent batch files nothing twice. */
export const ImportInput = Type.Object(
  { appeals: Type.Array(Type.Object({ ...appealFields, externalRef: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
)

const Classification = Type.Object({
  best: Nullable(Type.Object({ label: Type.String(), probability: Type.Number() })),
  ranked: Type.Array(Type.Object({ label: Type.String(), probability: Type.Number() })),
  confident: Type.Boolean(),
})
const Emergencies = Type.Array(Type.Object({ service: Type.String(), words: Type.Array(Type.String()) }))

export const AppealViewSchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  line: Type.String(),
  channel: Type.String(),
  type: Type.String(),
  categoryKey: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  title: Type.String(),
  content: Type.String(),
  location: Nullable(Type.String()),
  appellant: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  confidential: Type.Boolean(),
  emergency: Nullable(Type.String()),
  emergencyRef: Nullable(Type.String()),
  resolvedOnCall: Type.Boolean(),
  knowledgeEntryId: Nullable(Type.String()),
  classification: Nullable(Type.Object({ categoryKey: Nullable(Type.String()), probability: Type.Number(), confident: Type.Boolean(), route: Type.String() })),
  state: Type.String(),
  stateName: Message,
  caseVersion: Type.Integer(),
  orgId: Nullable(Type.String()),
  orgName: Nullable(Type.String()),
  handlingRegionCode: Type.String(),
  deadline: Nullable(Type.String()),
  alarm: Type.Integer(),
  escalation: Type.Integer(),
  mergedInto: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  submittedAt: Type.String(),
  dispatchedAt: Nullable(Type.String()),
  dispatchDueAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  answeredLate: Nullable(Type.Boolean()),
  calledBackAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  actions: Type.Array(Type.Object({ key: Type.String(), name: Message, requires: Type.Array(Type.String()), choices: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))) })),
})

export const AppealDetailSchema = Type.Intersect([
  AppealViewSchema,
  Type.Object({
    timeline: Type.Array(Type.Object({ seq: Type.Integer(), transition: Type.String(), name: Message, from: Type.String(), to: Type.String(), at: Type.String(), actor: Type.String(), orgName: Nullable(Type.String()), fields: Type.Record(Type.String(), Type.Unknown()) })),
    merged: Type.Array(Type.Object({ id: Uuid, number: Type.String() })),
  }),
])

export const IntakeSchema = Type.Object({
  appeal: AppealViewSchema,
  queryCode: Nullable(Type.String()),
  classification: Classification,
  route: Nullable(Type.Object({ regionCode: Type.String(), orgId: Type.String(), via: Type.String(), ruleName: Type.Optional(Type.String()) })),
  emergencies: Emergencies,
  duplicate: Type.Boolean(),
})

export const PublicReceiptSchema = Type.Object({ number: Type.String(), queryCode: Type.String(), state: Type.String(), stateName: Message, deadline: Nullable(Type.String()), emergencies: Emergencies })

export const PublicProgressSchema = Type.Object({
  number: Type.String(),
  title: Type.String(),
  type: Type.String(),
  line: Type.String(),
  submittedAt: Type.String(),
  state: Type.String(),
  stateName: Message,
  orgName: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  mergedWith: Nullable(Type.String()),
  steps: Type.Array(Type.Object({ name: Message, at: Type.String() })),
})

export const ActionInput = Type.Object(
  {
    transition: Type.String({ minLength: 1, maxLength: 50 }),
    expectedVersion: Type.Integer({ minimum: 1 }),
    fields: Type.Optional(
      Type.Object(
        {
          reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
          answer: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_CONTENT })),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
          orgId: Type.Optional(Uuid),
          satisfaction: Type.Optional(Type.String({ maxLength: 30 })),
          primaryAppealId: Type.Optional(Uuid),
          service: Type.Optional(Type.String({ maxLength: 10 })),
          reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          knowledgeEntryId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const CategorySchema = Type.Object({ key: Type.String(), nameZh: Type.String(), nameEn: Type.String(), groupZh: Type.String(), groupEn: Type.String(), lines: Type.Array(Type.String()), keywords: Type.Array(Type.String()) })

export const SuggestionSchema = Type.Object({
  classification: Classification,
  categories: Type.Array(Type.Object({ key: Type.String(), nameZh: Type.String(), nameEn: Type.String(), probability: Type.Number(), orgId: Nullable(Type.String()), orgName: Nullable(Type.String()), regionCode: Nullable(Type.String()) })),
  emergencies: Emergencies,
})
