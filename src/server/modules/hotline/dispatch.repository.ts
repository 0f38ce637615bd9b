import type { Executor } from '../../platform/db/database'
import type { AppealType, HotlineLine } from './appeals.tables'

export interface CategoryRecord {
  key: string
  nameZh: string
  nameEn: string
  groupZh: string
  groupEn: string
  lines: HotlineLine[]
  keywords: string[]
  sort: number
  active: boolean
}

const categoryColumns = ['key', 'nameZh', 'nameEn', 'groupZh', 'groupEn', 'lines', 'keywords', 'sort', 'active'] as const

export async function listCategories(db: Executor): Promise<CategoryRecord[]> {
  return db.selectFrom('hotline.category').select(categoryColumns).orderBy('sort').orderBy('key').execute()
}

export async function findCategory(db: Executor, key: string): Promise<CategoryRecord | undefined> {
  return db.selectFrom('hotline.category').select(categoryColumns).where('key', '=', key).executeTakeFirst()
}

export async function upsertCategories(db: Executor, categories: readonly Omit<CategoryRecord, 'active'>[]): Promise<void> {
  if (categories.length === 0) return
  await db
    .insertInto('hotline.category')
    .values(categories.map((c) => ({ ...c })))
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ nameZh: eb.ref('excluded.nameZh'), nameEn: eb.ref('excluded.nameEn'), groupZh: eb.ref('excluded.groupZh'), groupEn: eb.ref('excluded.groupEn'), lines: eb.ref('excluded.lines'), keywords: eb.ref('excluded.keywords'), sort: eb.ref('excluded.sort') })))
    .execute()
}

export async function typeLimits(db: Executor): Promise<Record<AppealType, number>> {
  const rows = await db.selectFrom('hotline.typeLimit').select(['type', 'limitDays']).execute()
  return Object.fromEntries(rows.map((r) => [r.type, r.limitDays])) as Record<AppealType, number>
}

export async function setTypeLimit(db: Executor, type: AppealType, limitDays: number): Promise<void> {
  await db.updateTable('hotline.typeLimit').set({ limitDays }).where('type', '=', type).execute()
}

export interface DispatchEntry {
  categoryKey: string
  regionCode: string
  orgId: string
}

/** The catalogue entries of a category for a region and the regions above it, nearest first. */
export async function dispatchEntriesFor(db: Executor, categoryKey: string, regionCodes: readonly string[]): Promise<DispatchEntry[]> {
  if (regionCodes.length === 0) return []
  const rows = await db.selectFrom('hotline.dispatchEntry').select(['categoryKey', 'regionCode', 'orgId']).where('categoryKey', '=', categoryKey).where('regionCode', 'in', regionCodes).execute()
  return rows.toSorted((a, b) => b.regionCode.length - a.regionCode.length)
}

export async function dispatchEntriesOfRegion(db: Executor, regionCode: string): Promise<DispatchEntry[]> {
  return db.selectFrom('hotline.dispatchEntry').select(['categoryKey', 'regionCode', 'orgId']).where('regionCode', '=', regionCode).orderBy('categoryKey').execute()
}

export async function putDispatchEntries(db: Executor, entries: readonly DispatchEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('hotline.dispatchEntry')
    .values(entries.map((e) => ({ ...e })))
    .onConflict((oc) => oc.columns(['categoryKey', 'regionCode']).doUpdateSet((eb) => ({ orgId: eb.ref('excluded.orgId') })))
    .execute()
}

export async function deleteDispatchEntry(db: Executor, categoryKey: string, regionCode: string): Promise<boolean> {
  const result = await db.deleteFrom('hotline.dispatchEntry').where('categoryKey', '=', categoryKey).where('regionCode', '=', regionCode).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface RoutingRule {
  id: string
  position: number
  name: string
  categoryKey: string | null
  regionPrefix: string | null
  line: HotlineLine | null
  keywords: string[]
  targetRegionCode: string
  targetOrgId: string
}

const ruleColumns = ['id', 'position', 'name', 'categoryKey', 'regionPrefix', 'line', 'keywords', 'targetRegionCode', 'targetOrgId'] as const

export async function activeRules(db: Executor): Promise<RoutingRule[]> {
  return db.selectFrom('hotline.routingRule').select(ruleColumns).where('active', '=', true).orderBy('position').orderBy('createdAt').execute()
}

export async function insertRule(db: Executor, rule: Omit<RoutingRule, 'id'>, at: Date): Promise<RoutingRule> {
  return db.insertInto('hotline.routingRule').values({ ...rule, createdAt: at }).returning(ruleColumns).executeTakeFirstOrThrow()
}

export async function findRule(db: Executor, id: string): Promise<RoutingRule | undefined> {
  return db.selectFrom('hotline.routingRule').select(ruleColumns).where('id', '=', id).where('active', '=', true).executeTakeFirst()
}

export async function retireRule(db: Executor, id: string): Promise<void> {
  await db.updateTable('hotline.routingRule').set({ active: false }).where('id', '=', id).execute()
}
