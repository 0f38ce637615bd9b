import type { Executor } from '../db/database'
import type { OrgKind } from '../db/tables'

export interface OrgRecord {
  id: string
  regionCode: string
  parentId: string | null
  name: string
  kind: OrgKind
  sort: number
}

const orgColumns = ['id', 'regionCode', 'parentId', 'name', 'kind', 'sort'] as const

export async function findOrg(db: Executor, id: string): Promise<OrgRecord | undefined> {
  return db.selectFrom('platform.org').select(orgColumns).where('id', '=', id).executeTakeFirst()
}

export async function findOrgs(db: Executor, ids: readonly string[]): Promise<OrgRecord[]> {
  if (ids.length === 0) return []
  return db.selectFrom('platform.org').select(orgColumns).where('id', 'in', ids).execute()
}

export async function orgsOfRegion(db: Executor, regionCode: string): Promise<OrgRecord[]> {
  return db.selectFrom('platform.org').select(orgColumns).where('regionCode', '=', regionCode).orderBy('sort').orderBy('name').execute()
}

export async function orgNameTaken(db: Executor, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('platform.org').select('id').where('regionCode', '=', regionCode).where('name', '=', name)
  if (exceptId) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function insertOrg(
  db: Executor,
  values: { regionCode: string; parentId: string | null; name: string; kind: OrgKind; sort: number },
): Promise<OrgRecord> {
  return db.insertInto('platform.org').values({ ...values, creditCode: null }).returning(orgColumns).executeTakeFirstOrThrow()
}

export async function updateOrg(db: Executor, id: string, values: Partial<{ name: string; kind: OrgKind; sort: number }>): Promise<OrgRecord> {
  return db.updateTable('platform.org').set(values).where('id', '=', id).returning(orgColumns).executeTakeFirstOrThrow()
}

/** Every organisation of a region and the regions below it, for callers that keep names in memory. */
export async function orgsWithin(db: Executor, regionPrefix: string): Promise<OrgRecord[]> {
  return db.selectFrom('platform.org').select(orgColumns).where('regionCode', 'like', `${regionPrefix}%`).execute()
}
