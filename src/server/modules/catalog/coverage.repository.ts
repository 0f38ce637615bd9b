import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database'
import { escapeLike } from '../../platform/db/like'
import { NATIONAL } from './catalog.rules'
import type { ItemKind } from './catalog.schemas'

/** The levels a coverage report looks at: the regions that claim from the level above. */
export type CoverageLevel = 'city' | 'county'

/** platform.region's level numbers (1 province, 2 city, 3 county). */
const regionLevel: Record<CoverageLevel, number> = { city: 2, county: 3 }

/** A cell of the coverage matrix: how far a region has taken up a base item. */
export const CoverageState = { unclaimed: 0, claimed: 1, published: 2, underReview: 3 } as const

export interface UncoveredRegion {
  code: string
  name: string
  functionalZone: boolean
}

export interface RegionShare {
  /** Items of the national base list (items with a national entry). */
  baseItems: number
  /** Of those, the ones the region has an entry for, published or not. */
  claimed: number
  published: number
  /** claimed / baseItems, 0 when the base list is empty. */
  share: number
}

export interface CoverageMatrix {
  regions: { code: string; name: string }[]
  items: { id: string; basicCode: string; name: string }[]
  /** cells[region][item], in the order of `regions` and `items`: a CoverageState. */
  cells: number[][]
}

/**
 * The regions at a level, inside `within` (the home province, or a city), that have no entry for
 * an item at all. Functional zones (开发区) count: they claim items like counties.
 *
 * @example await unclaimedRegions(db, itemId, 'county', '32')
 */
export async function unclaimedRegions(db: Executor, itemId: string, level: CoverageLevel, within: string): Promise<UncoveredRegion[]> {
  return db
    .selectFrom('platform.region as r')
    .select(['r.code', 'r.name', 'r.functionalZone'])
    .where('r.level', '=', regionLevel[level])
    .where('r.code', 'like', `${escapeLike(within)}%`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('catalog.implementation as m').select('m.id').where('m.itemId', '=', itemId).whereRef('m.regionCode', '=', 'r.code'))),
    )
    .orderBy('r.code')
    .execute()
}

/**
 * How much of the national base list a region has claimed and published.
 *
 * @example await regionShare(db, '3201') // { baseItems: 719, claimed: 700, published: 690, share: 0.9736 }
 */
export async function regionShare(db: Executor, regionCode: string): Promise<RegionShare> {
  const row = await db
    .selectFrom('catalog.implementation as base')
    .leftJoin('catalog.implementation as own', (join) => join.onRef('own.itemId', '=', 'base.itemId').on('own.regionCode', '=', regionCode))
    .select((eb) => [eb.fn.countAll<number>().as('baseItems'), eb.fn.count<number>('own.id').as('claimed'), eb.fn.count<number>('own.currentVersionId').as('published')])
    .where('base.regionCode', '=', NATIONAL)
    .executeTakeFirstOrThrow()
  const baseItems = Number(row.baseItems)
  const claimed = Number(row.claimed)
  return { baseItems, claimed, published: Number(row.published), share: baseItems === 0 ? 0 : claimed / baseItems }
}

/** What the matrix query answers: the grid's axes and, per region, its entries in compact form. */
interface MatrixRows {
  regions: { code: string; name: string }[]
  items: { id: string; basicCode: string; name: string }[]
  /** Per region (in `regions` order): its published and its unpublished entries, one character per item (see below). */
  claims: [published: string, unpublished: string][]
  /** [region code, item column] of every entry with an open review task. */
  reviews: [string, number][]
}

/**
 * An entry travels as one character whose code point is its item's column plus this offset, so
 * a region's ~2,000 entries are a short string. Past ~55,000 columns the code points would reach
 * the UTF-16 surrogates, which chr() refuses: the query fails loudly rather than mislabel cells.
 */
const columnOffset = 256

/**
 * Regions × base items for a heat map, in one query; the grid is filled here. Measured on 104
 * counties × 3,077 items (191,000 entries), aggregating the entries is what the query costs, and
 * appending one character per entry is the cheapest aggregate found: with JSON arrays of numbers
 * the matrix took twice as long and shipped four times the bytes, and a dense grid built in SQL
 * aggregates the unclaimed cells too. Regions by code, items (columns) by basic code.
 *
 * @example await coverageMatrix(db, { level: 'county', parentRegion: '32', kind: 'licensing' })
 */
export async function coverageMatrix(db: Executor, query: { level: CoverageLevel; parentRegion: string; kind?: ItemKind }): Promise<CoverageMatrix> {
  const result = await sql<{ matrix: MatrixRows }>`
    with region as materialized (
      select code, name from platform.region
      where level = ${regionLevel[query.level]} and code like ${`${escapeLike(query.parentRegion)}%`}
    ),
    -- Not materialized: through it the planner sees catalog.item's statistics and hashes the
    -- 3,000 items rather than the 190,000 entries.
    base as not materialized (
      select i.id, i.basic_code, i.name, (row_number() over (order by i.basic_code))::int - 1 as col
      from catalog.item i
      where exists (select 1 from catalog.implementation n where n.item_id = i.id and n.region_code = ${NATIONAL})
        ${query.kind ? sql`and i.kind = ${query.kind}` : sql``}
    ),
    claim as (
      select m.region_code,
        string_agg(chr(${sql.lit(columnOffset)} + b.col), '') filter (where m.current_version_id is not null) as published,
        string_agg(chr(${sql.lit(columnOffset)} + b.col), '') filter (where m.current_version_id is null) as unpublished
      from catalog.implementation m join base b on b.id = m.item_id
      where m.region_code = any (array(select code from region))
      group by m.region_code
    )
    select json_build_object(
      'regions', (select coalesce(json_agg(json_build_object('code', code, 'name', name) order by code), '[]') from region),
      'items', (select coalesce(json_agg(json_build_object('id', id, 'basicCode', basic_code, 'name', name) order by col), '[]') from base),
      'claims', (
        select coalesce(json_agg(json_build_array(coalesce(c.published, ''), coalesce(c.unpublished, '')) order by r.code), '[]')
        from region r left join claim c on c.region_code = r.code
      ),
      'reviews', (
        select coalesce(json_agg(distinct jsonb_build_array(m.region_code, b.col)), '[]')
        from catalog.review_task t
        join catalog.implementation m on m.id = t.implementation_id
        join base b on b.id = m.item_id
        where t.status = 'open' and m.region_code = any (array(select code from region))
      )
    ) as matrix`.execute(db)
  const rows = result.rows[0]?.matrix
  if (!rows) throw new Error('coverageMatrix: the query answered no row')
  return gridOf(rows)
}

/** The dense grid: every base item of every region, 0 where the region has no entry. */
function gridOf({ regions, items, claims, reviews }: MatrixRows): CoverageMatrix {
  const mark = (line: number[], entries: string, state: number) => {
    for (const entry of entries) line[(entry.codePointAt(0) ?? 0) - columnOffset] = state
  }
  const cells = regions.map((_, r) => {
    const line = new Array<number>(items.length).fill(CoverageState.unclaimed)
    const [published = '', unpublished = ''] = claims[r] ?? []
    mark(line, published, CoverageState.published)
    mark(line, unpublished, CoverageState.claimed)
    return line
  })
  const row = new Map(regions.map((region, r) => [region.code, r]))
  for (const [regionCode, col] of reviews) {
    const line = cells[row.get(regionCode) ?? -1]
    if (line) line[col] = CoverageState.underReview
  }
  return { regions, items, cells }
}

