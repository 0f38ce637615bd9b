import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { escapeLike } from '../db/like'
import type { RegionRow } from './region-data'

export interface RegionRecord {
  code: string
  name: string
  fullName: string
  level: number
  parentCode: string | null
  functionalZone: boolean
  hasChildren: boolean
}

function regionQuery(db: Executor) {
  return db
    .selectFrom('platform.region as r')
    .select(['r.code', 'r.name', 'r.fullName', 'r.level', 'r.parentCode', 'r.functionalZone'])
    .select(sql<boolean>`exists (select 1 from platform.region c where c.parent_code = r.code)`.as('hasChildren'))
}

export async function findRegion(db: Executor, code: string): Promise<RegionRecord | undefined> {
  return regionQuery(db).where('r.code', '=', code).executeTakeFirst()
}

export async function findRegions(db: Executor, codes: readonly string[]): Promise<RegionRecord[]> {
  if (codes.length === 0) return []
  return regionQuery(db).where('r.code', 'in', codes).orderBy('r.code').execute()
}

export async function childRegions(db: Executor, parentCode: string | null): Promise<RegionRecord[]> {
  const query = regionQuery(db)
  return (parentCode === null ? query.where('r.parentCode', 'is', null) : query.where('r.parentCode', '=', parentCode)).orderBy('r.code').execute()
}

/** Digits search by code prefix; anything else by name, exact names first, then the higher levels. */
export async function searchRegions(db: Executor, q: string, limit: number): Promise<RegionRecord[]> {
  const query = regionQuery(db)
  if (/^\d+$/.test(q)) return query.where('r.code', 'like', `${q}%`).orderBy('r.code').limit(limit).execute()
  const pattern = `%${escapeLike(q)}%`
  return query
    .where((eb) => eb.or([eb('r.name', 'like', pattern), eb('r.fullName', 'like', pattern)]))
    .orderBy(sql`r.name = ${q}`, 'desc')
    .orderBy('r.level')
    .orderBy('r.code')
    .limit(limit)
    .execute()
}

export async function countRegions(db: Executor): Promise<number> {
  const row = await db.selectFrom('platform.region').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Inserts regions in batches; existing codes are left as they are, so loading twice is harmless. */
export async function insertRegions(db: Executor, rows: readonly RegionRow[], batchSize = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insertInto('platform.region')
      .values(rows.slice(i, i + batchSize).map((r) => ({ ...r })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute()
  }
}

/** The regions under a code down to a level (a province's cities and counties), for callers that keep them in memory. */
export async function regionsWithin(db: Executor, prefix: string, maxLevel: number): Promise<Pick<RegionRecord, 'code' | 'name' | 'level'>[]> {
  return db.selectFrom('platform.region').select(['code', 'name', 'level']).where('code', 'like', `${prefix}%`).where('level', '<=', maxLevel).execute()
}
