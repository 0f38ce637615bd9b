import { randomBytes } from 'node:crypto'
import type { Executor } from '../db/database'
import { tokenHash } from './session'

export const API_TOKEN_PREFIX = 'ywt_'

/** Creates a token for system-to-system calls acting as a staff account; the plain token is shown once. */
export async function createApiToken(
  db: Executor,
  input: { staffId: string; name: string; expiresAt: Date | null; createdAt?: Date },
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const row = await db
    .insertInto('platform.apiToken')
    .values({ staffId: input.staffId, name: input.name, tokenHash: tokenHash(token), expiresAt: input.expiresAt, ...(input.createdAt ? { createdAt: input.createdAt } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, token }
}

/** The staff account a live token acts for and until when, or null for an unknown, revoked or expired token. */
export async function resolveApiToken(db: Executor, token: string, now: Date): Promise<{ staffId: string; expiresAt: Date | null } | null> {
  const row = await db
    .selectFrom('platform.apiToken')
    .select(['id', 'staffId', 'expiresAt', 'revokedAt', 'lastUsedAt'])
    .where('tokenHash', '=', tokenHash(token))
    .executeTakeFirst()
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.updateTable('platform.apiToken').set({ lastUsedAt: now }).where('id', '=', row.id).execute()
  }
  return { staffId: row.staffId, expiresAt: row.expiresAt }
}

/** Marks a token revoked; inside endingSessions. */
export async function revokeApiToken(db: Executor, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('platform.apiToken').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** A token as the management screens see it: its account and region, never its hash. */
export interface ApiTokenRecord {
  id: string
  name: string
  staffId: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  orgId: string
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

function apiTokenQuery(db: Executor) {
  return db
    .selectFrom('platform.apiToken as t')
    .innerJoin('platform.staffAccount as s', 's.id', 't.staffId')
    .innerJoin('platform.region as r', 'r.code', 's.regionCode')
    .select([
      't.id',
      't.name',
      't.staffId',
      's.username',
      's.displayName',
      's.regionCode',
      'r.fullName as regionName',
      's.orgId',
      't.createdAt',
      't.expiresAt',
      't.lastUsedAt',
      't.revokedAt',
    ])
}

export async function findApiToken(db: Executor, id: string): Promise<ApiTokenRecord | undefined> {
  return apiTokenQuery(db).where('t.id', '=', id).executeTakeFirst()
}

/** The tokens of the accounts in a region and the regions below it, newest first. */
export async function searchApiTokens(db: Executor, filter: { regionPrefix: string; staffId?: string }): Promise<ApiTokenRecord[]> {
  let query = apiTokenQuery(db).where('s.regionCode', 'like', `${filter.regionPrefix}%`)
  if (filter.staffId) query = query.where('t.staffId', '=', filter.staffId)
  return query.orderBy('t.createdAt', 'desc').orderBy('t.id').execute()
}

/** Revokes every live token of an account (it became an administrator, who may hold none); inside endingSessions. */
export async function revokeApiTokensOf(db: Executor, staffId: string, now: Date): Promise<number> {
  const result = await db.updateTable('platform.apiToken').set({ revokedAt: now }).where('staffId', '=', staffId).where('revokedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
