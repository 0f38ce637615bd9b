import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** A timestamptz column: written as a Date, read as a Date. */
type Instant = ColumnType<Date, Date | string, Date | string>
type InstantDefault = ColumnType<Date, Date | string | undefined, Date | string>

export interface RegionTable {
  code: string
  name: string
  fullName: string
  level: number
  parentCode: string | null
  functionalZone: Generated<boolean>
}

export type OrgKind = 'government' | 'office' | 'department' | 'service_center' | 'other'

export interface OrgTable {
  id: Generated<string>
  regionCode: string
  parentId: string | null
  name: string
  kind: OrgKind
  creditCode: string | null
  sort: Generated<number>
  createdAt: InstantDefault
}

export interface StaffAccountTable {
  id: Generated<string>
  username: string
  displayName: string
  regionCode: string
  orgId: string
  passwordHash: string
  status: Generated<'active' | 'disabled'>
  failedLogins: Generated<number>
  lockedUntil: Instant | null
  passwordChangedAt: InstantDefault
  phoneCipher: string | null
  phoneIndex: string | null
  createdAt: InstantDefault
}

export interface StaffRoleTable {
  staffId: string
  role: string
}

export interface PublicAccountTable {
  id: Generated<string>
  kind: 'person' | 'enterprise'
  name: string
  idNumberCipher: string | null
  idNumberIndex: string | null
  uscc: string | null
  phoneCipher: string | null
  phoneIndex: string | null
  regionCode: string | null
  passwordHash: string
  status: Generated<'active' | 'disabled'>
  failedLogins: Generated<number>
  lockedUntil: Instant | null
  createdAt: InstantDefault
}

export interface SessionTable {
  idHash: string
  subjectKind: 'staff' | 'public'
  subjectId: string
  createdAt: Instant
  lastSeenAt: Instant
  ip: string | null
  userAgent: string | null
}

export interface ApiTokenTable {
  id: Generated<string>
  staffId: string
  name: string
  tokenHash: string
  createdAt: InstantDefault
  expiresAt: Instant | null
  lastUsedAt: Instant | null
  revokedAt: Instant | null
}

export interface AuditLogTable {
  seq: Generated<number>
  at: Instant
  actorKind: string
  actorId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  regionCode: string | null
  result: 'success' | 'denied' | 'failure'
  ip: string | null
  detail: JSONColumnType<Record<string, unknown>, string, string>
}

/** A record's link in the hash chain, added by the sealer once the record has committed. */
export interface AuditSealTable {
  /** The record's place in the chain: 1, 2, 3 … in the order the sealer linked them. */
  link: number
  seq: number
  prevHash: string
  hash: string
}

/** Records appended and not sealed yet (a trigger notes each one). */
export interface AuditPendingTable {
  seq: number
}

export interface AuditHeadTable {
  id: Generated<boolean>
  seq: number
  hash: string
}

export interface IdempotencyKeyTable {
  actor: string
  key: string
  method: string
  path: string
  requestHash: string
  state: 'pending' | 'done'
  statusCode: number | null
  responseBody: string | null
  createdAt: Instant
}

export interface CalendarOverrideTable {
  day: string
  workday: boolean
  note: Generated<string>
  updatedBy: string | null
  updatedAt: InstantDefault
}

export interface PlatformTables {
  'platform.region': RegionTable
  'platform.org': OrgTable
  'platform.staffAccount': StaffAccountTable
  'platform.staffRole': StaffRoleTable
  'platform.publicAccount': PublicAccountTable
  'platform.session': SessionTable
  'platform.apiToken': ApiTokenTable
  'platform.auditLog': AuditLogTable
  'platform.auditHead': AuditHeadTable
  'platform.auditSeal': AuditSealTable
  'platform.auditPending': AuditPendingTable
  'platform.idempotencyKey': IdempotencyKeyTable
  'platform.calendarOverride': CalendarOverrideTable
}
