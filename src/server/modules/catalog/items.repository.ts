import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database'
import { tsvectorOf } from '../../platform/search/text'
import { NATIONAL } from './catalog.rules'
import type { Citation, Elements, ItemKind, ServiceElements } from './catalog.schemas'
import type { CatalogLevel, VersionStatus } from './catalog.tables'

export interface ItemRecord {
  id: string
  kind: ItemKind
  basicCode: string
  name: string
}

export interface ImplementationRecord {
  id: string
  itemId: string
  regionCode: string
  level: CatalogLevel
  parentId: string | null
  orgId: string | null
  implementationCode: string
  currentVersionId: string | null
  name: string
  kind: ItemKind
  claimedAt: Date
}

export interface VersionRecord {
  id: string
  implementationId: string
  number: number
  status: VersionStatus
  parentVersionId: string | null
  elements: Partial<Elements>
  effective: Elements
  note: string
  createdAt: Date
  createdBy: string
  publishedAt: Date | null
  retiredAt: Date | null
}

const implementationColumns = ['id', 'itemId', 'regionCode', 'level', 'parentId', 'orgId', 'implementationCode', 'currentVersionId', 'name', 'kind', 'claimedAt'] as const
const versionColumns = ['id', 'implementationId', 'number', 'status', 'parentVersionId', 'elements', 'effective', 'note', 'createdAt', 'createdBy', 'publishedAt', 'retiredAt'] as const

export async function findItem(db: Executor, id: string): Promise<ItemRecord | undefined> {
  return db.selectFrom('catalog.item').select(['id', 'kind', 'basicCode', 'name']).where('id', '=', id).executeTakeFirst()
}

export async function findItemByCode(db: Executor, basicCode: string): Promise<ItemRecord | undefined> {
  return db.selectFrom('catalog.item').select(['id', 'kind', 'basicCode', 'name']).where('basicCode', '=', basicCode).executeTakeFirst()
}

/**
 * Items of the base list by id or by exact name, for modules that link to an item (the hotline's
 * knowledge base): ids that do not exist are simply absent from the answer.
 */
export async function findCatalogItems(db: Executor, ref: { ids?: readonly string[]; names?: readonly string[] }): Promise<ItemRecord[]> {
  const ids = ref.ids ?? []
  const names = ref.names ?? []
  if (ids.length === 0 && names.length === 0) return []
  return db
    .selectFrom('catalog.item')
    .select(['id', 'kind', 'basicCode', 'name'])
    .where((eb) => eb.or([...(ids.length > 0 ? [eb('id', 'in', ids)] : []), ...(names.length > 0 ? [eb('name', 'in', names)] : [])]))
    .orderBy('basicCode')
    .execute()
}

export async function anyItem(db: Executor): Promise<boolean> {
  return (await db.selectFrom('catalog.item').select('id').limit(1).executeTakeFirst()) !== undefined
}

export async function basicCodeTaken(db: Executor, basicCode: string): Promise<boolean> {
  return (await db.selectFrom('catalog.item').select('id').where('basicCode', '=', basicCode).executeTakeFirst()) !== undefined
}

/** The highest main-item number used by a kind, so a new item gets the next one. */
export async function lastMainItem(db: Executor, typeCode: string): Promise<number> {
  const row = await db
    .selectFrom('catalog.item')
    .select((eb) => eb.fn.max(sql<string>`substr(basic_code, 3, 5)`).as('main'))
    .where('basicCode', 'like', `${typeCode}%`)
    .executeTakeFirst()
  return Number(row?.main ?? 0)
}

export async function insertItem(db: Executor, values: { kind: ItemKind; basicCode: string; name: string }): Promise<ItemRecord> {
  return db.insertInto('catalog.item').values(values).returning(['id', 'kind', 'basicCode', 'name']).executeTakeFirstOrThrow()
}

export async function findImplementation(db: Executor, id: string): Promise<ImplementationRecord | undefined> {
  return db.selectFrom('catalog.implementation').select(implementationColumns).where('id', '=', id).executeTakeFirst()
}

export async function findImplementationByCode(db: Executor, code: string): Promise<ImplementationRecord | undefined> {
  return db.selectFrom('catalog.implementation').select(implementationColumns).where('implementationCode', '=', code).executeTakeFirst()
}

export async function implementationOfRegion(db: Executor, itemId: string, regionCode: string): Promise<ImplementationRecord | undefined> {
  return db.selectFrom('catalog.implementation').select(implementationColumns).where('itemId', '=', itemId).where('regionCode', '=', regionCode).executeTakeFirst()
}

export async function childImplementations(db: Executor, parentId: string): Promise<ImplementationRecord[]> {
  return db.selectFrom('catalog.implementation').select(implementationColumns).where('parentId', '=', parentId).orderBy('regionCode').execute()
}

export async function insertImplementation(
  db: Executor,
  values: { itemId: string; regionCode: string; level: CatalogLevel; parentId: string | null; orgId: string | null; implementationCode: string; name: string; kind: ItemKind; claimedAt: Date },
): Promise<ImplementationRecord> {
  return db.insertInto('catalog.implementation').values(values).returning(implementationColumns).executeTakeFirstOrThrow()
}

/** A page of a region's entries, for the catalogue browser. */
export async function implementationsOfRegion(
  db: Executor,
  filter: { regionCode: string; kind?: ItemKind; page: number; pageSize: number },
): Promise<{ items: ImplementationRecord[]; total: number }> {
  let query = db.selectFrom('catalog.implementation').where('regionCode', '=', filter.regionCode)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  const [items, count] = await Promise.all([
    query.select(implementationColumns).orderBy('name').orderBy('implementationCode').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}

/**
 * Copies the published version's searchable fields onto its implementation, so the catalogue and
 * its search read one row per entry.
 */
export async function setCurrentVersion(db: Executor, implementation: ImplementationRecord, itemCode: string, version: VersionRecord | null): Promise<void> {
  if (!version) {
    await db.updateTable('catalog.implementation').set({ currentVersionId: null, search: '' }).where('id', '=', implementation.id).execute()
    return
  }
  const e = version.effective as Partial<ServiceElements> & { name: string; department?: string; implementingBody?: string; content?: string }
  await db
    .updateTable('catalog.implementation')
    .set({
      currentVersionId: version.id,
      name: e.name,
      themes: e.themes ?? [],
      lifeEvents: e.lifeEvents ?? [],
      provinceWide: e.provinceWide ?? false,
      crossProvince: e.crossProvince ?? false,
      search: tsvectorOf({
        a: [e.name, implementation.implementationCode, itemCode],
        b: [e.department ?? e.implementingBody, ...(e.conditions ?? []), e.content, e.result?.name, ...(e.themes ?? []), ...(e.lifeEvents ?? [])],
      }),
    })
    .where('id', '=', implementation.id)
    .execute()
}

export async function findVersion(db: Executor, id: string): Promise<VersionRecord | undefined> {
  return db.selectFrom('catalog.itemVersion').select(versionColumns).where('id', '=', id).executeTakeFirst()
}

/** Locks a version for a change of status, so two publishers cannot both win. */
export async function lockVersion(db: Executor, id: string): Promise<VersionRecord | undefined> {
  return db.selectFrom('catalog.itemVersion').select(versionColumns).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function versionsOf(db: Executor, implementationId: string): Promise<VersionRecord[]> {
  return db.selectFrom('catalog.itemVersion').select(versionColumns).where('implementationId', '=', implementationId).orderBy('number', 'desc').execute()
}

export async function draftOf(db: Executor, implementationId: string): Promise<VersionRecord | undefined> {
  return db.selectFrom('catalog.itemVersion').select(versionColumns).where('implementationId', '=', implementationId).where('status', '=', 'draft').executeTakeFirst()
}

export async function insertVersion(
  db: Executor,
  values: { implementationId: string; parentVersionId: string | null; elements: Partial<Elements>; effective: Elements; note: string; createdAt: Date; createdBy: string },
): Promise<VersionRecord> {
  const next = await db
    .selectFrom('catalog.itemVersion')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.lit(0)).as('n'))
    .where('implementationId', '=', values.implementationId)
    .executeTakeFirstOrThrow()
  return db
    .insertInto('catalog.itemVersion')
    .values({ ...values, number: Number(next.n) + 1, status: 'draft', elements: JSON.stringify(values.elements), effective: JSON.stringify(values.effective) })
    .returning(versionColumns)
    .executeTakeFirstOrThrow()
}

export async function updateDraft(db: Executor, id: string, values: { elements: Partial<Elements>; effective: Elements; note: string }): Promise<VersionRecord> {
  return db
    .updateTable('catalog.itemVersion')
    .set({ elements: JSON.stringify(values.elements), effective: JSON.stringify(values.effective), note: values.note })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirstOrThrow()
}

/** Moves a draft onto another parent version (adopting what the level above changed). */
export async function rebaseDraft(db: Executor, id: string, values: { parentVersionId: string; effective: Elements }): Promise<VersionRecord> {
  return db
    .updateTable('catalog.itemVersion')
    .set({ parentVersionId: values.parentVersionId, effective: JSON.stringify(values.effective) })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirstOrThrow()
}

export async function setVersionStatus(db: Executor, id: string, status: 'published' | 'retired', at: Date): Promise<VersionRecord> {
  return db
    .updateTable('catalog.itemVersion')
    .set(status === 'published' ? { status, publishedAt: at } : { status, retiredAt: at })
    .where('id', '=', id)
    .returning(versionColumns)
    .executeTakeFirstOrThrow()
}

/** Replaces a version's citation rows with its effective legal basis. */
export async function writeCitations(db: Executor, versionId: string, citations: readonly Citation[]): Promise<void> {
  await db.deleteFrom('catalog.citation').where('versionId', '=', versionId).execute()
  const unique = [...new Map(citations.map((c) => [c.articleId, c])).values()]
  if (unique.length > 0) await db.insertInto('catalog.citation').values(unique.map((c) => ({ versionId, lawId: c.lawId, articleId: c.articleId }))).execute()
}

/** The published versions of a region's entries, in code order: what an export writes. */
export async function publishedVersionsOfRegion(db: Executor, regionCode: string, kind: ItemKind | undefined) {
  let query = db
    .selectFrom('catalog.implementation as i')
    .innerJoin('catalog.item as it', 'it.id', 'i.itemId')
    .innerJoin('catalog.itemVersion as v', 'v.id', 'i.currentVersionId')
    .select(['it.basicCode', 'i.implementationCode', 'i.kind', 'i.regionCode', 'i.orgId', 'v.number', 'v.publishedAt', 'v.effective'])
    .where('i.regionCode', '=', regionCode)
  if (kind) query = query.where('i.kind', '=', kind)
  return query.orderBy('it.basicCode').orderBy('i.implementationCode').execute()
}

export interface ExistingItem {
  kind: ItemKind
  nationalEntryId: string | null
  hasDraft: boolean
}

/** The items with these basic codes, with their national entries; batched, as an import has up to 5,000 codes. */
export async function existingItems(db: Executor, codes: readonly string[]): Promise<Map<string, ExistingItem>> {
  const found = new Map<string, ExistingItem>()
  const unique = [...new Set(codes)]
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .selectFrom('catalog.item as it')
      .leftJoin('catalog.implementation as i', (join) => join.onRef('i.itemId', '=', 'it.id').on('i.regionCode', '=', NATIONAL))
      .select(['it.basicCode', 'it.kind', 'i.id as implementationId'])
      .select((eb) => eb.exists(eb.selectFrom('catalog.itemVersion as v').select('v.id').whereRef('v.implementationId', '=', 'i.id').where('v.status', '=', 'draft')).as('hasDraft'))
      .where('it.basicCode', 'in', unique.slice(i, i + 1000))
      .execute()
    for (const row of rows) found.set(row.basicCode, { kind: row.kind, nationalEntryId: row.implementationId, hasDraft: Boolean(row.hasDraft) })
  }
  return found
}
