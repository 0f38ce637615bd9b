import { createHash, randomBytes } from 'node:crypto'
import type { Db, Executor, Tx } from '../db/database'

export const SESSION_COOKIE = 'yw_session'
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
// Touching last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60 * 1000

export interface SessionSubject {
  kind: 'staff' | 'public'
  id: string
}

/** Only a hash of the token is stored, so a copy of the table opens no session. */
export function tokenHash(token: string): string {
  return createHash('sm3').update(token).digest('hex')
}

/** Opens a session with a fresh random id (never reusing one from before login) and returns its token. */
export async function startSession(
  db: Executor,
  subject: SessionSubject,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('platform.session')
    .values({ idHash: tokenHash(token), subjectKind: subject.kind, subjectId: subject.id, createdAt: now, lastSeenAt: now, ...meta })
    .execute()
  return token
}

/** The live session of a token and when it would end; an idle or too-old session is removed and answers null. */
export async function resolveSession(db: Executor, token: string, now: Date): Promise<(SessionSubject & { expiresAt: Date }) | null> {
  const idHash = tokenHash(token)
  const row = await db.selectFrom('platform.session').selectAll().where('idHash', '=', idHash).executeTakeFirst()
  if (!row) return null
  const idle = now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS
  const tooOld = now.getTime() - row.createdAt.getTime() > SESSION_ABSOLUTE_MS
  if (idle || tooOld) {
    await db.deleteFrom('platform.session').where('idHash', '=', idHash).execute()
    return null
  }
  let lastSeenAt = row.lastSeenAt
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('platform.session').set({ lastSeenAt: now }).where('idHash', '=', idHash).execute()
    lastSeenAt = now
  }
  const expiresAt = new Date(Math.min(lastSeenAt.getTime() + SESSION_IDLE_MS, row.createdAt.getTime() + SESSION_ABSOLUTE_MS))
  return { kind: row.subjectKind, id: row.subjectId, expiresAt }
}

// Bumped whenever sessions or tokens end, so that what a process remembers of them is dropped.
let revision = 0

/** Changes whenever a session ends or an API token is revoked in this process. */
export function sessionsRevision(): number {
  return revision
}

export function sessionsEnded(): void {
  revision++
}

/**
 * Runs a transaction that ends sessions or revokes tokens (endSessionsOf, revokeApiTokensOf), and
 * has what this process remembers of sign-ins read again once it has committed: forgetting
 * before the commit would let a request in between remember the old state.
 */
export async function endingSessions<T>(db: Db, write: (trx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(write)
  } finally {
    sessionsEnded()
  }
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('platform.session').where('idHash', '=', tokenHash(token)).execute()
  sessionsEnded()
}

/** Ends every session of an account (disable, role change), or every other one (password change); inside endingSessions. */
export async function endSessionsOf(db: Executor, subject: SessionSubject, keepToken?: string): Promise<void> {
  let query = db.deleteFrom('platform.session').where('subjectKind', '=', subject.kind).where('subjectId', '=', subject.id)
  if (keepToken) query = query.where('idHash', '<>', tokenHash(keepToken))
  await query.execute()
}
