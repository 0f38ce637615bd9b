import type { ColumnType, Generated } from 'kysely'

type Instant = ColumnType<Date, Date | string, Date | string>

/**
 * An Open311 client (a city app, a partner platform) allowed to file appeals through GeoReport v2.
 * Only a digest of its API key is kept; `regionScopes` are the jurisdictions (region codes and the
 * regions below them) it may file into, and `regionCode` the narrowest region holding them all, so
 * that the supervisors of that region manage it.
 */
export interface Open311ClientTable {
  id: Generated<string>
  name: string
  keyHash: string
  regionCode: string
  regionScopes: string[]
  createdAt: Instant
  createdBy: string
  lastUsedAt: Instant | null
  revokedAt: Instant | null
  revokedBy: string | null
}

/** Which client filed an appeal through Open311, and what the appeal table has no column for. */
export interface Open311RequestTable {
  appealId: string
  clientId: string
  regionCode: string
  mediaUrl: string | null
  filedAt: Instant
}

/** The Open311 clients' tables. */
export interface Open311Tables {
  'hotline.open311Client': Open311ClientTable
  'hotline.open311Request': Open311RequestTable
}
