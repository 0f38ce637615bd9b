import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Actor } from '../access'
import type { Executor, Tx } from '../db/database'

/** One thing that happened, as the audit log records it. */
export interface AuditEntry {
  action: string
  targetType?: string
  targetId?: string
  regionCode?: string
  result?: 'success' | 'denied' | 'failure'
  detail?: Record<string, unknown>
}

/** Who did it and from where; `at` comes from the caller's clock. */
export interface AuditContext {
  actor: Actor
  ip: string | null
  at: Date
}

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex')
}

interface ChainedFields {
  at: Date
  actorKind: string
  actorId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  regionCode: string | null
  result: 'success' | 'denied' | 'failure'
  ip: string | null
  detail: Record<string, unknown>
}

/** The SM3 link of a row: it covers every recorded field and the previous row's hash. */
export function auditLinkHash(prevHash: string, row: ChainedFields): string {
  return sm3Hex(
    canonicalJson([
      prevHash,
      row.at.toISOString(),
      row.actorKind,
      row.actorId,
      row.actorName,
      row.action,
      row.targetType,
      row.targetId,
      row.regionCode,
      row.result,
      row.ip,
      row.detail,
    ]),
  )
}

function actorFields(actor: Actor): Pick<ChainedFields, 'actorKind' | 'actorId' | 'actorName'> {
  switch (actor.kind) {
    case 'staff':
      return { actorKind: 'staff', actorId: actor.id, actorName: actor.username }
    case 'public':
      return { actorKind: 'public', actorId: actor.id, actorName: actor.name }
    case 'system':
      return { actorKind: 'system', actorId: null, actorName: actor.name }
    case 'anonymous':
      return { actorKind: 'anonymous', actorId: null, actorName: null }
  }
}

// One lock serialises appends, because each link needs the one before it.
const AUDIT_LOCK_KEY = 734_201_001

/**
 * Appends an entry to the audit log inside the caller's transaction, so the record and the
 * change it describes commit or roll back together.
 *
 * @example await recordAudit(trx, ctx, { action: 'org.create', targetType: 'org', targetId: org.id, regionCode: org.regionCode })
 */
export async function recordAudit(trx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
  const head = await trx.selectFrom('platform.auditHead').select(['seq', 'hash']).executeTakeFirst()
  const prevHash = head?.hash ?? GENESIS_HASH
  const fields: ChainedFields = {
    at: ctx.at,
    ...actorFields(ctx.actor),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    regionCode: entry.regionCode ?? null,
    result: entry.result ?? 'success',
    ip: ctx.ip,
    detail: entry.detail ?? {},
  }
  const hash = auditLinkHash(prevHash, fields)
  const inserted = await trx
    .insertInto('platform.auditLog')
    .values({ ...fields, detail: JSON.stringify(fields.detail), prevHash, hash })
    .returning('seq')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('platform.auditHead')
    .values({ id: true, seq: inserted.seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: inserted.seq, hash }))
    .execute()
}

/** Records an entry in a transaction of its own: for events with no accompanying change (denials, failed logins). */
export async function recordAuditAlone(db: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, ctx, entry))
}

export interface ChainReport {
  ok: boolean
  checked: number
  brokenAt?: number
  reason?: 'hash_mismatch' | 'link_mismatch' | 'head_mismatch'
}

/** Walks the whole chain in order and reports the first link that does not hold. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let lastSeq = 0
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('platform.auditLog')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenAt: row.seq, reason: 'link_mismatch' }
      if (auditLinkHash(prevHash, row) !== row.hash) return { ok: false, checked, brokenAt: row.seq, reason: 'hash_mismatch' }
      prevHash = row.hash
      lastSeq = row.seq
      checked++
    }
    if (rows.length < batchSize) break
  }
  const head = await db.selectFrom('platform.auditHead').select(['seq', 'hash']).executeTakeFirst()
  const headMatches = head === undefined ? checked === 0 : head.seq === lastSeq && head.hash === prevHash
  if (!headMatches) return { ok: false, checked, brokenAt: head?.seq ?? lastSeq, reason: 'head_mismatch' }
  return { ok: true, checked }
}
