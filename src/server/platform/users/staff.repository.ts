import { sql } from 'kysely'
import type { Executor } from '../db/database'
import { escapeLike } from '../db/like'

export interface StaffRecord {
  id: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  orgId: string
  orgName: string
  status: 'active' | 'disabled'
  failedLogins: number
  lockedUntil: Date | null
  phoneCipher: string | null
  passwordHash: string
  passwordChangedAt: Date
  createdAt: Date
  roles: string[]
}

function staffQuery(db: Executor) {
  return db
    .selectFrom('platform.staffAccount as s')
    .innerJoin('platform.region as r', 'r.code', 's.regionCode')
    .innerJoin('platform.org as o', 'o.id', 's.orgId')
    .select([
      's.id',
      's.username',
      's.displayName',
      's.regionCode',
      'r.fullName as regionName',
      's.orgId',
      'o.name as orgName',
      's.status',
      's.failedLogins',
      's.lockedUntil',
      's.phoneCipher',
      's.passwordHash',
      's.passwordChangedAt',
      's.createdAt',
      sql<string[]>`coalesce((select array_agg(role order by role) from platform.staff_role sr where sr.staff_id = s.id), '{}')`.as('roles'),
    ])
}

export async function findStaffById(db: Executor, id: string): Promise<StaffRecord | undefined> {
  return staffQuery(db).where('s.id', '=', id).executeTakeFirst()
}

export async function findStaffByUsername(db: Executor, username: string): Promise<StaffRecord | undefined> {
  return staffQuery(db).where('s.username', '=', username).executeTakeFirst()
}

export interface StaffFilter {
  regionPrefix: string
  q?: string
  status?: 'active' | 'disabled'
  orgId?: string
  offset: number
  limit: number
}

export async function searchStaff(db: Executor, filter: StaffFilter): Promise<{ rows: StaffRecord[]; total: number }> {
  let query = staffQuery(db).where('s.regionCode', 'like', `${filter.regionPrefix}%`)
  if (filter.status) query = query.where('s.status', '=', filter.status)
  if (filter.orgId) query = query.where('s.orgId', '=', filter.orgId)
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`
    query = query.where((eb) => eb.or([eb('s.username', 'ilike', pattern), eb('s.displayName', 'ilike', pattern)]))
  }
  const [rows, count] = await Promise.all([
    query.orderBy('s.regionCode').orderBy('s.username').offset(filter.offset).limit(filter.limit).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function insertStaff(
  db: Executor,
  values: { username: string; displayName: string; regionCode: string; orgId: string; passwordHash: string; passwordChangedAt: Date; phoneCipher: string | null; phoneIndex: string | null },
): Promise<string> {
  const row = await db.insertInto('platform.staffAccount').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function replaceStaffRoles(db: Executor, staffId: string, roleList: readonly string[]): Promise<void> {
  await db.deleteFrom('platform.staffRole').where('staffId', '=', staffId).execute()
  if (roleList.length > 0) {
    await db.insertInto('platform.staffRole').values(roleList.map((role) => ({ staffId, role }))).execute()
  }
}

export async function updateStaff(
  db: Executor,
  id: string,
  values: Partial<{ status: 'active' | 'disabled'; failedLogins: number; lockedUntil: Date | null; passwordHash: string; passwordChangedAt: Date }>,
): Promise<void> {
  await db.updateTable('platform.staffAccount').set(values).where('id', '=', id).execute()
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db.selectFrom('platform.staffAccount').select('id').where('username', '=', username).executeTakeFirst()
  return row !== undefined
}
