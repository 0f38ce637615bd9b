import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { buildLaw } from '../../../../test/factories/catalog'
import type { Tx } from '../../platform/db/database'
import type { LawChangedEvent } from '../laws'
import { reviewLawChange } from './review.service'

/**
 * The impact of a law change is exactly the entries whose draft or published version cites a
 * touched article, checked against a plain model over random citation graphs. Each run writes its
 * graph in a transaction that is rolled back, so runs do not see each other.
 */
let t: TestApp
const laws: { lawId: string; articleIds: string[] }[] = []

beforeAll(async () => {
  t = await createTestApp()
  laws.push(await buildLaw(t.deps.db, { title: '随机图甲法', articles: 6 }), await buildLaw(t.deps.db, { title: '随机图乙法', articles: 4 }))
})
afterAll(() => t.close())

const articleCount = 10
const articleOf = (i: number) => (i < 6 ? { lawId: laws[0]!.lawId, articleId: laws[0]!.articleIds[i]! } : { lawId: laws[1]!.lawId, articleId: laws[1]!.articleIds[i - 6]! })

const arbitraryVersion = fc.record({ status: fc.constantFrom('draft', 'published', 'retired'), cites: fc.uniqueArray(fc.integer({ min: 0, max: articleCount - 1 }), { maxLength: 4 }) })
/** An entry per level below the national one, each with up to three versions. */
const arbitraryEntry = fc.record({ depth: fc.integer({ min: 0, max: 2 }), versions: fc.array(fc.array(arbitraryVersion, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }) })
const arbitraryGraph = fc.record({
  entries: fc.array(arbitraryEntry, { minLength: 1, maxLength: 6 }),
  touched: fc.uniqueArray(fc.integer({ min: 0, max: articleCount - 1 }), { minLength: 1, maxLength: 4 }),
  repealSecondLaw: fc.boolean(),
})
type Graph = typeof arbitraryGraph extends fc.Arbitrary<infer G> ? G : never

interface Written {
  implementationId: string
  regionCode: string
  versions: { id: string; status: string; cites: number[] }[]
}

const regions = ['00', '32', '3203']

async function writeGraph(trx: Tx, graph: Graph, run: number): Promise<Written[]> {
  const written: Written[] = []
  for (const [e, entry] of graph.entries.entries()) {
    const item = await trx.insertInto('catalog.item').values({ kind: 'licensing', basicCode: `01${String(run % 1000).padStart(5, '0')}${String(e).padStart(3, '0')}`, name: `事项${e}` }).returning('id').executeTakeFirstOrThrow()
    let parentId: string | null = null
    for (let level = 0; level <= entry.depth; level++) {
      const regionCode = regions[level]!
      const implementation: { id: string } = await trx
        .insertInto('catalog.implementation')
        .values({ itemId: item.id, regionCode, level: (['national', 'province', 'city'] as const)[level]!, parentId, orgId: null, implementationCode: `${run}-${e}-${level}`, name: `事项${e}`, kind: 'licensing', claimedAt: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow()
      parentId = implementation.id
      // At most one draft and one published version per entry, as the database insists.
      const seen = new Set<string>()
      const versions = entry.versions[level]!.filter((v) => v.status === 'retired' || (!seen.has(v.status) && seen.add(v.status)))
      const rows: Written['versions'] = []
      for (const [n, version] of versions.entries()) {
        const row = await trx
          .insertInto('catalog.itemVersion')
          .values({ implementationId: implementation.id, number: n + 1, status: version.status as 'draft', parentVersionId: null, elements: '{}', effective: '{}', createdAt: new Date(), createdBy: 'test' })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (version.cites.length > 0) await trx.insertInto('catalog.citation').values(version.cites.map((i) => ({ versionId: row.id, ...articleOf(i) }))).execute()
        rows.push({ id: row.id, status: version.status, cites: version.cites })
      }
      written.push({ implementationId: implementation.id, regionCode, versions: rows })
    }
  }
  return written
}

/** The model: which entries get a task, on which version, for which reason. */
function expectedTasks(written: Written[], graph: Graph) {
  const inForce = (i: number) => !(graph.repealSecondLaw && i >= 6)
  return written.flatMap((entry) => {
    const live = entry.versions.filter((v) => v.status !== 'retired' && v.cites.some((i) => graph.touched.includes(i)))
    const chosen = live.find((v) => v.status === 'published') ?? live[0]
    if (!chosen) return []
    return [{ implementationId: entry.implementationId, versionId: chosen.id, reason: chosen.cites.some(inForce) ? 'basis_changed' : 'basis_repealed' }]
  })
}

class Rollback extends Error {}

describe('law-change impact over random citation graphs', () => {
  it('gives exactly the citing entries a task, on the version a reviewer should see', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(arbitraryGraph, async (graph) => {
        run++
        await t.deps.db
          .transaction()
          .execute(async (trx) => {
            if (graph.repealSecondLaw) await trx.updateTable('laws.law').set({ repealedOn: '2026-01-01' }).where('id', '=', laws[1]!.lawId).execute()
            const written = await writeGraph(trx, graph, run)
            const event: LawChangedEvent = {
              changeId: crypto.randomUUID(),
              lawId: laws[0]!.lawId,
              lawTitle: '随机图甲法',
              kind: 'amend',
              title: '修正',
              effectiveOn: '2026-03-01',
              articles: graph.touched.map((i) => ({ articleId: articleOf(i).articleId, effect: 'changed', label: `第${i}条`, oldLabel: null })),
            }
            await reviewLawChange(trx, t.deps, { actor: { kind: 'system', name: 'test' }, ip: null }, event)
            const tasks = await trx.selectFrom('catalog.reviewTask').select(['implementationId', 'versionId', 'reason']).where('lawChangeId', '=', event.changeId).execute()
            const order = (a: { implementationId: string }, b: { implementationId: string }) => a.implementationId.localeCompare(b.implementationId)
            expect(tasks.sort(order)).toEqual(expectedTasks(written, graph).sort(order))
            throw new Rollback()
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error
          })
      }),
      { numRuns: 40 },
    )
  })
})
