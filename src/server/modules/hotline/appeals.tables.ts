import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Instant = ColumnType<Date, Date | string, Date | string>

export type HotlineLine = '12345' | 'enterprise' | 'talent'
export type AppealType = 'inquiry' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise'
export type AppealChannel = 'phone' | 'web' | 'wechat' | 'app' | 'national' | 'open311'
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied'
export type EmergencyService = '110' | '119' | '120'

/** What the classifier said when the appeal came in, kept to measure it and to explain a suggestion. */
export interface StoredClassification {
  categoryKey: string | null
  probability: number
  confident: boolean
  /** How the department was chosen: a routing rule, the dispatch catalogue, or left to the dispatcher. */
  route: 'rule' | 'catalogue' | 'dispatcher'
}

export interface CategoryTable {
  key: string
  nameZh: string
  nameEn: string
  groupZh: string
  groupEn: string
  lines: HotlineLine[]
  keywords: Generated<string[]>
  sort: Generated<number>
  active: Generated<boolean>
}

export interface TypeLimitTable {
  type: AppealType
  limitDays: number
}

export interface DispatchEntryTable {
  categoryKey: string
  regionCode: string
  orgId: string
}

export interface RoutingRuleTable {
  id: Generated<string>
  position: number
  name: string
  categoryKey: string | null
  regionPrefix: string | null
  line: HotlineLine | null
  keywords: Generated<string[]>
  targetRegionCode: string
  targetOrgId: string
  active: Generated<boolean>
  createdAt: Instant
}

export interface AppealTable {
  id: Generated<string>
  number: string
  caseId: string
  queryCodeHash: string
  line: HotlineLine
  channel: AppealChannel
  type: AppealType
  categoryKey: string | null
  regionCode: string
  title: string
  content: string
  location: string | null
  latitude: number | null
  longitude: number | null
  appellantNameCipher: string | null
  appellantPhoneCipher: string | null
  appellantPhoneIndex: string | null
  confidential: Generated<boolean>
  publicAccountId: string | null
  externalRef: string | null
  emergency: EmergencyService | null
  emergencyRef: string | null
  resolvedOnCall: Generated<boolean>
  knowledgeEntryId: string | null
  classification: ColumnType<StoredClassification | null, string | null, string | null>
  state: string
  caseVersion: number
  orgId: string | null
  handlingRegionCode: string
  deadline: string | null
  alarm: Generated<number>
  escalation: Generated<number>
  mergedInto: string | null
  answer: string | null
  satisfaction: Satisfaction | null
  submittedAt: Instant
  dispatchedAt: Instant | null
  dispatchDueAt: Instant
  answeredAt: Instant | null
  answeredLate: boolean | null
  calledBackAt: Instant | null
  closedAt: Instant | null
  /** When anything about the appeal last changed. */
  updatedAt: Instant
  search: ColumnType<string, string | undefined, string>
}

export interface ModelTable {
  id: Generated<string>
  trainedAt: Instant
  examples: number
  heldOutAccuracy: number | null
  body: JSONColumnType<object, string, string>
}

export interface AppealTables {
  'hotline.category': CategoryTable
  'hotline.typeLimit': TypeLimitTable
  'hotline.dispatchEntry': DispatchEntryTable
  'hotline.routingRule': RoutingRuleTable
  'hotline.appeal': AppealTable
  'hotline.model': ModelTable
}
