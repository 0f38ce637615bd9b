import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../../test/db'
import { columnsOf } from './columns'
import { upsertEntities, entityFacts, loadRegistry } from './entities.repository'
import { entityGenerator } from '../../demo/demo-entities'
import type { NewEntity } from './import'

let t: TestDatabase
const counties = [{ code: '320102', cityCode: '3201' }, { code: '320583', cityCode: '3205' }]
const generated = Array.from({ length: 7 }, (_, i) => entityGenerator(3, '2026-11-28', counties)(i))
const at = new Date('2026-11-28T02:00:00Z')

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.close())

describe('the market-entity registry', () => {
  it('creates enterprises by USCC, then updates them with a new version and the years given', async () => {
    expect(await t.db.transaction().execute((trx) => upsertEntities(trx, generated, at))).toEqual({ created: 7, updated: 0 })
    const changed: NewEntity = { ...generated[0]!, name: '改名后的公司', qualifications: ['high_tech'], years: { 2025: { revenue: 123_400, employees: 9 } } }
    expect(await t.db.transaction().execute((trx) => upsertEntities(trx, [changed], at))).toEqual({ created: 0, updated: 1 })
    const row = await t.db.selectFrom('entities.entity').select(['id', 'name', 'version', 'qualifications']).where('uscc', '=', changed.uscc).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: '改名后的公司', version: 2, qualifications: ['high_tech'] })
    const facts = await entityFacts(t.db, row.id)
    // 2025 replaced, the other years kept.
    expect(facts!.years[2025]).toEqual({ revenue: 123_400, employees: 9, tax: null, rdExpense: null })
    expect(facts!.years[2024]).toEqual(generated[0]!.years[2024] ?? undefined)
    generated[0] = { ...changed, years: { ...generated[0]!.years, 2025: facts!.years[2025]! } }
  })

  it('loads the whole registry into columns page by page, in one snapshot', async () => {
    const progress: number[] = []
    const { columns, ids } = await loadRegistry(t.db, [2023, 2024, 2025], { pageSize: 3, onProgress: (loaded) => progress.push(loaded) })
    expect(progress).toEqual([3, 6, 7])
    const byId = new Map((await t.db.selectFrom('entities.entity').select(['id', 'uscc']).execute()).map((r) => [r.id, r.uscc]))
    const inOrder = ids.map((id) => generated.find((g) => g.uscc === byId.get(id))!)
    const expected = columnsOf(inOrder, [2023, 2024, 2025])
    expect(columns.size).toBe(7)
    expect(columns.numbers).toEqual(expected.numbers)
    expect(columns.sets).toEqual(expected.sets)
    // Codes are numbered in the order they were met; compare the codes themselves.
    for (const [key, column] of columns.codes) {
      const want = expected.codes.get(key)!
      expect([...column.values].map((v) => column.dictionary[v] ?? null)).toEqual([...want.values].map((v) => want.dictionary[v] ?? null))
    }
  })

  it('refuses what breaks the schema: a malformed USCC, an unknown tax credit level', async () => {
    const bad = { ...generated[1]!, uscc: 'NOT-A-CODE' }
    await expect(t.db.transaction().execute((trx) => upsertEntities(trx, [bad], at))).rejects.toThrow()
    await expect(t.db.transaction().execute((trx) => upsertEntities(trx, [{ ...generated[1]!, taxCredit: 'E' }], at))).rejects.toThrow()
  })
})
