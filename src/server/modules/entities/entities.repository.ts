import { sql } from 'kysely'
import type { Db, Executor, Tx } from '../../platform/db/database'
import { tsvectorOf } from '../../platform/search/text'
import type { PeriodicKey } from './attributes'
import { ColumnsBuilder, type EntityFacts, type RegistryColumns } from './columns'
import type { NewEntity } from './import'

const BATCH = 1000

/**
 * Writes enterprises by USCC: a new one is created, a known one takes the new values (its version
 * goes up); the years given replace those years' values. Returns how many were created and updated.
 */
export async function upsertEntities(trx: Tx, entities: readonly NewEntity[], at: Date): Promise<{ created: number; updated: number }> {
  let created = 0
  for (let from = 0; from < entities.length; from += BATCH) {
    const batch = entities.slice(from, from + BATCH)
    const rows = await trx
      .insertInto('entities.entity')
      .values(
        batch.map((e) => ({
          uscc: e.uscc,
          name: e.name,
          regionCode: e.region!,
          industry: e.industry,
          registeredOn: e.registeredOn,
          registeredCapital: e.registeredCapital,
          taxCredit: e.taxCredit,
          qualifications: [...e.qualifications],
          flags: [...e.flags],
          search: tsvectorOf({ a: [e.name, e.uscc] }),
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflict((oc) =>
        oc.column('uscc').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          regionCode: eb.ref('excluded.regionCode'),
          industry: eb.ref('excluded.industry'),
          registeredOn: eb.ref('excluded.registeredOn'),
          registeredCapital: eb.ref('excluded.registeredCapital'),
          taxCredit: eb.ref('excluded.taxCredit'),
          qualifications: eb.ref('excluded.qualifications'),
          flags: eb.ref('excluded.flags'),
          search: eb.ref('excluded.search'),
          version: sql`entities.entity.version + 1`,
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .returning(['id', 'uscc', sql<boolean>`xmax = 0`.as('inserted')])
      .execute()
    created += rows.filter((r) => r.inserted).length
    const ids = new Map(rows.map((r) => [r.uscc, r.id]))
    const years = batch.flatMap((e) => Object.entries(e.years).map(([year, v]) => ({ entityId: ids.get(e.uscc)!, year: Number(year), employees: v.employees ?? null, revenue: v.revenue ?? null, tax: v.tax ?? null, rdExpense: v.rdExpense ?? null })))
    if (years.length > 0) {
      await trx
        .insertInto('entities.entityYear')
        .values(years)
        .onConflict((oc) => oc.columns(['entityId', 'year']).doUpdateSet((eb) => ({ employees: eb.ref('excluded.employees'), revenue: eb.ref('excluded.revenue'), tax: eb.ref('excluded.tax'), rdExpense: eb.ref('excluded.rdExpense') })))
        .execute()
    }
  }
  return { created, updated: entities.length - created }
}

type EntityRowRead = { id: string; regionCode: string; industry: string | null; registeredOn: string | null; registeredCapital: number | null; taxCredit: string | null; qualifications: string[]; flags: string[] }

function factsOf(row: EntityRowRead, years: EntityFacts['years']): EntityFacts {
  return { region: row.regionCode, industry: row.industry, registeredOn: row.registeredOn, registeredCapital: row.registeredCapital, taxCredit: row.taxCredit, qualifications: row.qualifications, flags: row.flags, years }
}

async function yearsOf(db: Executor, ids: readonly string[], years?: readonly number[]): Promise<Map<string, Record<number, Partial<Record<PeriodicKey, number | null>>>>> {
  const byEntity = new Map<string, Record<number, Partial<Record<PeriodicKey, number | null>>>>()
  if (ids.length === 0) return byEntity
  let query = db.selectFrom('entities.entityYear').select(['entityId', 'year', 'employees', 'revenue', 'tax', 'rdExpense']).where('entityId', 'in', ids)
  if (years) query = query.where('year', 'in', [...years])
  for (const y of await query.execute()) {
    const of = byEntity.get(y.entityId) ?? {}
    of[y.year] = { employees: y.employees, revenue: y.revenue, tax: y.tax, rdExpense: y.rdExpense }
    byEntity.set(y.entityId, of)
  }
  return byEntity
}

const entityColumns = ['id', 'regionCode', 'industry', 'registeredOn', 'registeredCapital', 'taxCredit', 'qualifications', 'flags'] as const

/** One enterprise's facts with every year the registry holds, or undefined. */
export async function entityFacts(db: Executor, id: string): Promise<EntityFacts | undefined> {
  const row = await db.selectFrom('entities.entity').select(entityColumns).where('id', '=', id).executeTakeFirst()
  return row && factsOf(row, (await yearsOf(db, [id])).get(id) ?? {})
}

/**
 * The whole registry as columns for the given fiscal years, read in one consistent snapshot and
 * in pages (never all rows at once); `ids[i]` is the entity at position i. `shared` puts the
 * columns in shared memory for matching threads.
 */
export async function loadRegistry(db: Db, years: readonly number[], options: { shared?: boolean; pageSize?: number; onProgress?: (loaded: number, total: number) => void } = {}): Promise<{ columns: RegistryColumns; ids: string[] }> {
  const pageSize = options.pageSize ?? 20_000
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { total } = await trx.selectFrom('entities.entity').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
      const builder = new ColumnsBuilder(Number(total), years, options.shared)
      const ids: string[] = []
      let after: string | null = null
      for (;;) {
        let page = trx.selectFrom('entities.entity').select(entityColumns).orderBy('id').limit(pageSize)
        if (after !== null) page = page.where('id', '>', after)
        const rows = await page.execute()
        if (rows.length === 0) break
        const yearValues = await yearsOf(trx, rows.map((r) => r.id), years)
        for (const row of rows) {
          builder.set(ids.length, factsOf(row, yearValues.get(row.id) ?? {}))
          ids.push(row.id)
        }
        after = rows.at(-1)!.id
        options.onProgress?.(ids.length, Number(total))
      }
      return { columns: builder.columns, ids }
    })
}
