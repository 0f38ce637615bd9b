import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Actor } from '../access'
import { insertRows, type Executor, type Tx } from '../db/database'

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

// A batch's hashing holds the event loop (about 10 µs a record), so batches stay small on a busy server.
const sealBatch = 1000

// Only the sealer takes this lock: appends never wait for one another.
const AUDIT_SEAL_LOCK_KEY = 734_201_001

/**
 * Appends an entry to the audit log inside the caller's transaction, so the record and the
 * change it describes commit or roll back together. The record is sealed into the SM3 hash chain
 * once committed (sealAuditLog), so concurrent writers never queue on the chain's end.
 *
 * @example await recordAudit(trx, ctx, { action: 'org.create', targetType: 'org', targetId: org.id, regionCode: org.regionCode })
 */
export async function recordAudit(trx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await auditInsert([{ ctx, entry }]).execute(trx)
}

/** The statement appending these entries, for a caller that writes it together with others (writeTogether). */
export function auditInsert(records: readonly { ctx: AuditContext; entry: AuditEntry }[]) {
  return insertRows('platform.auditLog', records.map(({ ctx, entry }) => chainedFields(ctx, entry)))
}

function chainedFields(ctx: AuditContext, entry: AuditEntry): ChainedFields {
  return {
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
}

/** Records an entry in a transaction of its own: for events with no accompanying change (denials, failed logins). */
export async function recordAuditAlone(db: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  // One statement is atomic on its own.
  await auditInsert([{ ctx, entry }]).execute(db)
}

/**
 * Links the committed, unsealed records into the chain, oldest first, up to `batchSize` of them:
 * each gets a seal with the next link number, the previous record's hash and its own, and leaves
 * the pending list. The record itself is never written again. One sealer at a time (another
 * finding the lock taken does nothing). Returns how many it sealed.
 */
export async function sealAuditLog(db: Executor, batchSize = sealBatch): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY}) as locked`.execute(trx)
    if (!rows[0]?.locked) return 0
    const pending = await trx.selectFrom('platform.auditPending as p').innerJoin('platform.auditLog as a', 'a.seq', 'p.seq').selectAll('a').orderBy('p.seq').limit(batchSize).execute()
    if (pending.length === 0) return 0
    const head = await trx.selectFrom('platform.auditHead').select(['seq', 'hash']).executeTakeFirst()
    let prevHash = head?.hash ?? GENESIS_HASH
    let link = head?.seq ?? 0
    const seals = pending.map((row) => {
      const hash = auditLinkHash(prevHash, row)
      const seal = { link: ++link, seq: row.seq, prevHash, hash }
      prevHash = hash
      return seal
    })
    await insertRows('platform.auditSeal', seals).execute(trx)
    await sql`delete from platform.audit_pending where seq in (select jsonb_array_elements_text(${JSON.stringify(seals.map((s) => s.seq))}::jsonb)::bigint)`.execute(trx)
    await trx
      .insertInto('platform.auditHead')
      .values({ id: true, seq: link, hash: prevHash })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq: link, hash: prevHash }))
      .execute()
    return pending.length
  })
}

/** Seals everything committed so far. */
export async function sealAllAudit(db: Executor): Promise<number> {
  let total = 0
  for (;;) {
    const sealed = await sealAuditLog(db)
    total += sealed
    if (sealed < sealBatch) return total
  }
}

export interface ChainReport {
  ok: boolean
  checked: number
  brokenAt?: number
  reason?: 'hash_mismatch' | 'link_mismatch' | 'head_mismatch' | 'unlinked'
}

/**
 * Seals what has committed, then walks the whole chain in link order and reports the first link
 * that does not hold (a record edited, removed from the middle, or removed from the end), or a
 * record kept out of the chain (neither sealed nor waiting to be).
 */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  await sealAllAudit(db)
  let prevHash = GENESIS_HASH
  let lastLink = 0
  let checked = 0
  for (;;) {
    const rows = await db.selectFrom('platform.auditSeal as s').innerJoin('platform.auditLog as a', 'a.seq', 's.seq').selectAll('a').select(['s.link', 's.prevHash', 's.hash']).where('s.link', '>', lastLink).orderBy('s.link').limit(batchSize).execute()
    for (const row of rows) {
      if (row.prevHash !== prevHash || row.link !== lastLink + 1) return { ok: false, checked, brokenAt: row.seq, reason: 'link_mismatch' }
      if (auditLinkHash(prevHash, row) !== row.hash) return { ok: false, checked, brokenAt: row.seq, reason: 'hash_mismatch' }
      prevHash = row.hash
      lastLink = row.link
      checked++
    }
    if (rows.length < batchSize) break
  }
  const head = await db.selectFrom('platform.auditHead').select(['seq', 'hash']).executeTakeFirst()
  const headMatches = head === undefined ? checked === 0 : head.seq === lastLink && head.hash === prevHash
  if (!headMatches) return { ok: false, checked, brokenAt: head?.seq ?? lastLink, reason: 'head_mismatch' }
  const unlinked = await db
    .selectFrom('platform.auditLog as a')
    .select('a.seq')
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('platform.auditSeal as s').select('s.seq').whereRef('s.seq', '=', 'a.seq'))))
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('platform.auditPending as p').select('p.seq').whereRef('p.seq', '=', 'a.seq'))))
    .orderBy('a.seq')
    .limit(1)
    .executeTakeFirst()
  if (unlinked) return { ok: false, checked, brokenAt: unlinked.seq, reason: 'unlinked' }
  return { ok: true, checked }
}
