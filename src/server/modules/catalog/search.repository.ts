import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database'
import { tsqueryOf } from '../../platform/search/text'
import type { CatalogFacets, CatalogSearchQuery } from './search.service'

/** The themes, life events and departments of a region's published entries, most used first, for browsing. */
export async function facetsOfRegion(db: Executor, region: string): Promise<CatalogFacets> {
  const row = await sql<CatalogFacets>`
    with entry as materialized (
      select themes, life_events, org_id from catalog.implementation
      where region_code = ${region} and current_version_id is not null
    )
    select
      coalesce((select json_agg(json_build_object('name', name, 'count', n) order by n desc, name)
                from (select unnest(themes) as name, count(*)::int as n from entry group by 1) t), '[]') as themes,
      coalesce((select json_agg(json_build_object('name', name, 'count', n) order by n desc, name)
                from (select unnest(life_events) as name, count(*)::int as n from entry group by 1) l), '[]') as life_events,
      coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'count', d.n) order by d.n desc, o.name)
                from (select org_id, count(*)::int as n from entry where org_id is not null group by 1) d
                join platform.org o on o.id = d.org_id), '[]') as orgs`.execute(db)
  return row.rows[0] ?? { themes: [], lifeEvents: [], orgs: [] }
}

export type Filter = Omit<CatalogSearchQuery, 'page' | 'pageSize'>

/** Published entries matching every filter; the text (when it has tokens) must match the search vector. */
function publishedEntries(db: Executor, filter: Filter) {
  let query = db.selectFrom('catalog.implementation as m').where('m.currentVersionId', 'is not', null)
  if (filter.region !== undefined) query = query.where('m.regionCode', '=', filter.region)
  if (filter.kind !== undefined) query = query.where('m.kind', '=', filter.kind)
  if (filter.orgId !== undefined) query = query.where('m.orgId', '=', filter.orgId)
  if (filter.level !== undefined) query = query.where('m.level', '=', filter.level)
  if (filter.provinceWide !== undefined) query = query.where('m.provinceWide', '=', filter.provinceWide)
  // `@>` rather than `= any(…)`, so the GIN indexes on the arrays can answer it.
  if (filter.theme !== undefined) query = query.where(sql<boolean>`m.themes @> array[${filter.theme}]::text[]`)
  if (filter.lifeEvent !== undefined) query = query.where(sql<boolean>`m.life_events @> array[${filter.lifeEvent}]::text[]`)
  const tsquery = filter.q ? tsqueryOf(filter.q) : null
  if (tsquery) query = query.where(sql<boolean>`m.search @@ ${tsquery}`)
  return { query, tsquery }
}

/**
 * A page in ranking order: the exact name first, then names that start with the text, then by
 * ts_rank_cd (names weigh A, the rest B), then by name and region, so equal ranks page stably.
 *
 * The matches are ranked in a subquery fenced with OFFSET 0 and counted by a scalar subquery
 * rather than `count(*) over ()`. Measured on 230,000 entries, a word as common as 许可 (36,000
 * matches): a window over the matches has to keep each one with its search vector (~1 kB) and
 * spills to disk, and without the fence the planner may trade the GIN index for a parallel
 * sequential scan of the whole table; this form takes about a third of the time.
 */
export async function findPublishedEntries(db: Executor, filter: Filter, page: number, pageSize: number) {
  const { query, tsquery } = publishedEntries(db, filter)
  const text = filter.q?.trim() ?? ''
  const matches = query
    .select(['m.id', 'm.itemId', 'm.name', 'm.kind', 'm.regionCode', 'm.level', 'm.implementationCode', 'm.orgId', 'm.themes', 'm.lifeEvents', 'm.provinceWide', 'm.crossProvince'])
    .select([
      (text ? sql<boolean>`m.name = ${text}` : sql<boolean>`false`).as('exactName'),
      (text ? sql<boolean>`starts_with(m.name, ${text})` : sql<boolean>`false`).as('namePrefix'),
      (tsquery ? sql<number>`ts_rank_cd(m.search, ${tsquery})` : sql<number>`0`).as('rank'),
    ])
    .offset(0)
  const total = publishedEntries(db, filter).query.select((eb) => eb.fn.countAll<number>().as('n'))
  return db
    .selectFrom(matches.as('hit'))
    .select(['hit.id as implementationId', 'hit.itemId', 'hit.name', 'hit.kind', 'hit.regionCode', 'hit.level', 'hit.implementationCode', 'hit.orgId'])
    .select((eb) => eb.selectFrom('platform.org as o').select('o.name').whereRef('o.id', '=', 'hit.orgId').as('orgName'))
    .select(['hit.themes', 'hit.lifeEvents', 'hit.provinceWide', 'hit.crossProvince'])
    .select(sql<number>`(${total})::int`.as('total'))
    .orderBy('hit.exactName', 'desc')
    .orderBy('hit.namePrefix', 'desc')
    .orderBy('hit.rank', 'desc')
    .orderBy('hit.name')
    .orderBy('hit.regionCode')
    .orderBy('hit.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
}

export async function countPublishedEntries(db: Executor, filter: Filter): Promise<number> {
  const row = await publishedEntries(db, filter)
    .query.select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
