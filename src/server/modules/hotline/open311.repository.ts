import type { Selectable } from 'kysely'
import { insertRows, type Executor } from '../../platform/db/database'
import type { AppealType } from './appeals.tables'
import type { Open311ClientTable } from './open311.tables'

export type Open311ClientRow = Omit<Selectable<Open311ClientTable>, 'keyHash'>

const clientColumns = ['id', 'name', 'regionCode', 'regionScopes', 'createdAt', 'createdBy', 'lastUsedAt', 'revokedAt', 'revokedBy'] as const

export async function insertOpen311Client(db: Executor, values: { name: string; keyHash: string; regionCode: string; regionScopes: string[]; createdAt: Date; createdBy: string }): Promise<Open311ClientRow> {
  return db
    .insertInto('hotline.open311Client')
    .values({ ...values, lastUsedAt: null, revokedAt: null, revokedBy: null })
    .returning(clientColumns)
    .executeTakeFirstOrThrow()
}

export async function findOpen311Client(db: Executor, id: string): Promise<Open311ClientRow | undefined> {
  return db.selectFrom('hotline.open311Client').select(clientColumns).where('id', '=', id).executeTakeFirst()
}

export async function findOpen311ClientByKeyHash(db: Executor, keyHash: string): Promise<Open311ClientRow | undefined> {
  return db.selectFrom('hotline.open311Client').select(clientColumns).where('keyHash', '=', keyHash).executeTakeFirst()
}

/** A live client of that name, whatever its case. */
export async function findLiveOpen311ClientByName(db: Executor, name: string): Promise<Open311ClientRow | undefined> {
  return db
    .selectFrom('hotline.open311Client')
    .select(clientColumns)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
}

/** The clients managed in a region and the regions below it, newest first. */
export async function listOpen311Clients(db: Executor, regionPrefix: string): Promise<Open311ClientRow[]> {
  return db.selectFrom('hotline.open311Client').select(clientColumns).where('regionCode', 'like', `${regionPrefix}%`).orderBy('createdAt', 'desc').orderBy('id').execute()
}

/** Revokes a live client; false when it was revoked already (also by a racing request). */
export async function markOpen311ClientRevoked(db: Executor, id: string, at: Date, by: string): Promise<boolean> {
  const result = await db.updateTable('hotline.open311Client').set({ revokedAt: at, revokedBy: by }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function touchOpen311Client(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('hotline.open311Client').set({ lastUsedAt: at }).where('id', '=', id).execute()
}

/** The statement keeping an Open311 request's client and media link beside its appeal (written with the appeal). */
export function open311RequestInsert(values: { appealId: string; clientId: string; regionCode: string; mediaUrl: string | null; filedAt: Date }) {
  return insertRows('hotline.open311Request', [values])
}

/** An appeal filed through Open311, with what GET requests may publish of it: nothing of who filed it. */
export interface PublishedAppeal {
  id: string
  number: string
  type: AppealType
  state: string
  categoryKey: string | null
  categoryName: string | null
  content: string
  confidential: boolean
  regionCode: string
  location: string | null
  latitude: number | null
  longitude: number | null
  orgId: string | null
  deadline: string | null
  submittedAt: Date
  dispatchedAt: Date | null
  answeredAt: Date | null
  calledBackAt: Date | null
  closedAt: Date | null
  updatedAt: Date
  mediaUrl: string | null
}

export interface PublishedAppealFilter {
  numbers?: readonly string[]
  ids?: readonly string[]
  categoryKeys?: readonly string[]
  submittedFrom?: Date
  submittedTo?: Date
  /** Appeals in these states only, or (with `exclude`) in any other. */
  states?: { in: readonly string[]; exclude: boolean }
  regionPrefix?: string
  limit: number
}

/**
 * The appeals filed through Open311, newest first. The channel, not the link row, says which they
 * are, so an appeal is published even if its link was never written.
 */
export async function listPublishedAppeals(db: Executor, filter: PublishedAppealFilter): Promise<PublishedAppeal[]> {
  let query = db
    .selectFrom('hotline.appeal as a')
    .leftJoin('hotline.open311Request as r', 'r.appealId', 'a.id')
    .leftJoin('hotline.category as c', 'c.key', 'a.categoryKey')
    .where('a.channel', '=', 'open311')
  if (filter.numbers) query = query.where('a.number', 'in', filter.numbers)
  if (filter.ids) query = query.where('a.id', 'in', filter.ids)
  if (filter.categoryKeys) query = query.where('a.categoryKey', 'in', filter.categoryKeys)
  if (filter.submittedFrom) query = query.where('a.submittedAt', '>=', filter.submittedFrom)
  if (filter.submittedTo) query = query.where('a.submittedAt', '<=', filter.submittedTo)
  if (filter.states) query = query.where('a.state', filter.states.exclude ? 'not in' : 'in', filter.states.in)
  if (filter.regionPrefix) query = query.where('a.regionCode', 'like', `${filter.regionPrefix}%`)
  return query
    .select([
      'a.id', 'a.number', 'a.type', 'a.state', 'a.categoryKey', 'c.nameZh as categoryName', 'a.content', 'a.confidential', 'a.regionCode', 'a.location',
      'a.latitude', 'a.longitude', 'a.orgId', 'a.deadline', 'a.submittedAt', 'a.dispatchedAt', 'a.answeredAt', 'a.calledBackAt', 'a.closedAt', 'a.updatedAt', 'r.mediaUrl',
    ])
    .orderBy('a.submittedAt', 'desc')
    .orderBy('a.number', 'desc')
    .limit(filter.limit)
    .execute()
}
