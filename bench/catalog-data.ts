/**
 * Builds the catalogue benchmark's data set at run time from a seed (never committed): the
 * national base list (719 licensing items and the other kinds), Jiangsu's implementations down
 * to every county and functional zone, a few open review tasks, and a laws library with article
 * text. Same seed, same data.
 */
import { sql } from 'kysely'
import type { Db } from '../src/server/platform/db/database'
import { tsvectorOf } from '../src/server/platform/search/text'
import { basicCodeOf, implementationCodeOf, NATIONAL } from '../src/server/modules/catalog/catalog.rules'
import type { ItemKind } from '../src/server/modules/catalog/catalog.schemas'
import type { CatalogLevel } from '../src/server/modules/catalog/catalog.tables'
import {
  conditionTemplates,
  departments,
  inspectionMethods,
  licensing,
  licensingVariants,
  lifeEvents,
  regulatedSubjects,
  services,
  supervisionAspects,
  supervisionMethods,
  type Department,
} from './catalog-vocabulary'
import { buildLaws, type LawPlan } from './laws-data'
import { createRandom, type Random } from '../src/server/demo/random'

export const benchDataVersion = 'catalog-bench-v1'

/** A base-list item and everything its implementations share. */
interface ItemPlan {
  id: string
  kind: ItemKind
  basicCode: string
  name: string
  department: Department
  /** The deepest level that implements it. */
  reach: CatalogLevel
  conditions: string[]
  result: string
  themes: string[]
  lifeEvents: string[]
  provinceWide: boolean
  crossProvince: boolean
}

export interface RegionInfo {
  code: string
  name: string
  level: number
  functionalZone: boolean
}

interface ImplementationPlan {
  id: string
  item: ItemPlan
  regionCode: string
  level: CatalogLevel
  parentId: string | null
  orgId: string
  department: string
  published: boolean
  underReview: boolean
  claimedAt: Date
}

export interface BenchDataSummary {
  items: number
  licensingItems: number
  implementations: number
  published: number
  unpublished: number
  openReviewTasks: number
  regions: { cities: number; counties: number }
  laws: number
  articles: number
}

const levelOrder: CatalogLevel[] = ['national', 'province', 'city', 'county']

/** How deep items of a kind usually go: P(deepest level = national, province, city, county). */
const reachOfKind: Record<ItemKind, [number, number, number, number]> = {
  licensing: [0.06, 0.14, 0.2, 0.6],
  public_service: [0.02, 0.08, 0.12, 0.78],
  confirmation: [0.03, 0.1, 0.12, 0.75],
  benefit: [0.02, 0.08, 0.1, 0.8],
  reward: [0.1, 0.3, 0.3, 0.3],
  adjudication: [0.05, 0.2, 0.35, 0.4],
  other_power: [0.03, 0.1, 0.17, 0.7],
  supervision: [0.05, 0.1, 0.15, 0.7],
  inspection: [0.03, 0.07, 0.15, 0.75],
  policy_service: [0.05, 0.3, 0.3, 0.35],
}

/** The base list's size by kind beyond licensing (capped by what the vocabulary yields). */
const targetCount: Partial<Record<ItemKind, number>> = { supervision: 1000, inspection: 900 }

const resultOfKind: Record<ItemKind, string> = {
  licensing: '许可证',
  benefit: '给付决定',
  confirmation: '确认文书',
  reward: '奖励决定',
  adjudication: '裁决书',
  other_power: '备案回执',
  public_service: '办理结果通知',
  supervision: '检查结果',
  inspection: '检查记录',
  policy_service: '兑现结果',
}

/** What a licensing decision hands over: 食品经营许可 → 食品经营许可证, 娱乐场所设立审批 → 娱乐场所设立批准文件. */
function licenceOf(name: string): string {
  const suffixes: [RegExp, string][] = [[/许可证核发$/, '许可证'], [/许可$/, '许可证'], [/审批$/, '批准文件'], [/核准$/, '核准文件'], [/登记$/, '登记证'], [/认定$/, '认定证书']]
  for (const [pattern, result] of suffixes) if (pattern.test(name)) return name.replace(pattern, result)
  return `${name}决定书`
}

function departmentOf(key: string): Department {
  const found = departments.find((d) => d.key === key)
  if (!found) throw new Error(`unknown department ${key}`)
  return found
}

function lifeEventsOf(random: Random, department: string): string[] {
  const events = Object.entries(lifeEvents)
    .filter(([, keys]) => keys.includes(department))
    .map(([event]) => event)
  return random.sample(events, random.int(0, Math.min(2, events.length)))
}

function newItem(random: Random, kind: ItemKind, basicCode: string, name: string, departmentKey: string, object: string): ItemPlan {
  const department = departmentOf(departmentKey)
  const [national, province, city] = reachOfKind[kind]
  const roll = random.next()
  const reach: CatalogLevel = roll < national ? 'national' : roll < national + province ? 'province' : roll < national + province + city ? 'city' : 'county'
  return {
    id: random.uuid(),
    kind,
    basicCode,
    name,
    department,
    reach,
    conditions: random.sample(conditionTemplates, random.int(2, 4)).map((t) => t.replaceAll('{o}', object)),
    result: kind === 'licensing' ? licenceOf(object) : `${object}${resultOfKind[kind]}`,
    themes: random.sample(department.themes, random.int(1, department.themes.length)),
    lifeEvents: lifeEventsOf(random, department.key),
    // 省内通办 and 跨省通办 lists: a few hundred items that reach the counties.
    provinceWide: reach === 'county' && random.next() < 0.12,
    crossProvince: reach === 'county' && random.next() < 0.07,
  }
}

/** 719 licensing items: every main item, then its sub-items (变更, 延续 …) until the list is full. */
function licensingItems(random: Random): ItemPlan[] {
  const mains = Object.entries(licensing).flatMap(([department, names]) => names.map((name) => ({ department, name })))
  const items: ItemPlan[] = []
  for (let round = 0; round < licensingVariants.length && items.length < 719; round++) {
    for (let main = 0; main < mains.length && items.length < 719; main++) {
      const { department, name } = mains[main]!
      if (round > 0 && random.next() < 0.15) continue
      items.push(newItem(random, 'licensing', basicCodeOf('licensing', main + 1, round), `${name}${licensingVariants[round]}`, department, name))
    }
  }
  return items
}

/** "object: action, action" lines → object + action, one main item per object. */
function serviceItems(random: Random, kind: ItemKind, byDepartment: Record<string, string[]>): ItemPlan[] {
  const items: ItemPlan[] = []
  const seen = new Set<string>()
  let main = 0
  for (const [department, lines] of Object.entries(byDepartment)) {
    for (const line of lines) {
      const [object = '', actions = ''] = line.split(':')
      main++
      actions.split(',').forEach((action, sub) => {
        const name = `${object.trim()}${action.trim()}`
        if (seen.has(name)) return
        seen.add(name)
        items.push(newItem(random, kind, basicCodeOf(kind, main, sub + 1), name, department, object.trim()))
      })
    }
  }
  return items
}

/** 对食品经营者经营行为的监督检查; 食品经营者经营行为双随机抽查. */
function regulatoryItems(random: Random, kind: 'supervision' | 'inspection', count: number): ItemPlan[] {
  const combos = regulatedSubjects.flatMap(([department, subject], s) =>
    supervisionAspects.flatMap((aspect, a) =>
      (kind === 'supervision' ? supervisionMethods : inspectionMethods).map((method, m) => ({ department, subject, aspect, method, main: s * supervisionAspects.length + a + 1, sub: m + 1 })),
    ),
  )
  return random
    .sample(combos, Math.min(count, combos.length))
    .sort((x, y) => x.main - y.main || x.sub - y.sub)
    .map((c) => {
      const name = kind === 'supervision' ? `对${c.subject}${c.aspect}的${c.method}` : `${c.subject}${c.aspect}${c.method}`
      return newItem(random, kind, basicCodeOf(kind, c.main, c.sub), name, c.department, c.subject)
    })
}

/** The kinds built from `services`, in the order they draw from the seed (changing it changes the data). */
const serviceKindsInOrder: ItemKind[] = ['public_service', 'confirmation', 'benefit', 'reward', 'adjudication', 'other_power', 'policy_service']

export function planItems(random: Random): ItemPlan[] {
  const items = [...licensingItems(random)]
  for (const kind of serviceKindsInOrder) {
    const byDepartment = services[kind]
    if (byDepartment) items.push(...serviceItems(random, kind, byDepartment))
  }
  items.push(...regulatoryItems(random, 'supervision', targetCount.supervision ?? 0))
  items.push(...regulatoryItems(random, 'inspection', targetCount.inspection ?? 0))
  return items
}

const claimStart = Date.parse('2023-01-01T00:00:00Z')
const claimSpan = Date.parse('2026-11-01T00:00:00Z') - claimStart

/**
 * The entries down the levels: the national one, the province's, each city's below the
 * province's, each county's below its city's; a region claims only what its parent holds.
 */
export function planImplementations(random: Random, items: ItemPlan[], regions: RegionInfo[], homeProvince: string): ImplementationPlan[] {
  const province = regions.find((r) => r.code === homeProvince)
  if (!province) throw new Error(`home province ${homeProvince} is not loaded`)
  const cities = regions.filter((r) => r.level === 2)
  const counties = regions.filter((r) => r.level === 3)
  const orgIds = new Map<string, string>()
  const orgOf = (regionCode: string, department: string) => {
    const key = `${regionCode}/${department}`
    if (!orgIds.has(key)) orgIds.set(key, random.uuid())
    return orgIds.get(key)!
  }
  const plans: ImplementationPlan[] = []
  const entry = (item: ItemPlan, region: RegionInfo | null, level: CatalogLevel, parentId: string | null): ImplementationPlan => {
    const regionCode = region?.code ?? NATIONAL
    const published = level === 'national' ? random.next() > 0.005 : random.next() > 0.03
    const plan: ImplementationPlan = {
      id: random.uuid(),
      item,
      regionCode,
      level,
      parentId,
      orgId: orgOf(regionCode, item.department.key),
      department: region ? `${region.name}${item.department.bureau}` : item.department.national,
      published,
      underReview: published && (level === 'city' || level === 'county') && random.next() < 0.01,
      claimedAt: new Date(claimStart + Math.floor(random.next() * claimSpan)),
    }
    plans.push(plan)
    return plan
  }
  const reaches = (item: ItemPlan, level: CatalogLevel) => levelOrder.indexOf(item.reach) >= levelOrder.indexOf(level)
  for (const item of items) {
    const national = entry(item, null, 'national', null)
    if (!reaches(item, 'province') || random.next() > 0.99) continue
    const own = entry(item, province, 'province', national.id)
    if (!reaches(item, 'city')) continue
    for (const city of cities) {
      if (random.next() > 0.96) continue
      const cityEntry = entry(item, city, 'city', own.id)
      if (!reaches(item, 'county')) continue
      for (const county of counties.filter((c) => c.code.startsWith(city.code))) {
        if (random.next() < (county.functionalZone ? 0.55 : 0.93)) entry(item, county, 'county', cityEntry.id)
      }
    }
  }
  return plans
}

/** The bench's data set; reused when the database already holds it, refused over other data. */
export async function ensureCatalogBenchData(db: Db, options: { seed: number; homeProvince: string; log: (line: string) => void }): Promise<BenchDataSummary> {
  await sql`create table if not exists public.yiwang_bench_data (name text primary key, seed integer not null, summary jsonb not null, loaded_at timestamptz not null default now())`.execute(db)
  const marker = await sql<{ seed: number; summary: BenchDataSummary }>`select seed, summary from public.yiwang_bench_data where name = ${benchDataVersion}`.execute(db)
  const loaded = marker.rows[0]
  if (loaded && loaded.seed === options.seed) {
    options.log(`reusing the data set already loaded (${benchDataVersion}, seed ${options.seed})`)
    return loaded.summary
  }
  const existing = await db.selectFrom('catalog.item').select('id').limit(1).executeTakeFirst()
  if (existing) throw new Error('the database already holds catalogue data that this benchmark did not load: point BENCH_DATABASE_URL at an empty database')
  const summary = await loadCatalogBenchData(db, options)
  await sql`insert into public.yiwang_bench_data (name, seed, summary) values (${benchDataVersion}, ${options.seed}, ${JSON.stringify(summary)})`.execute(db)
  return summary
}

async function loadCatalogBenchData(db: Db, options: { seed: number; homeProvince: string; log: (line: string) => void }): Promise<BenchDataSummary> {
  const random = createRandom(options.seed)
  const regions = await db
    .selectFrom('platform.region')
    .select(['code', 'name', 'level', 'functionalZone'])
    .where('code', 'like', `${options.homeProvince}%`)
    .where('level', '<=', 3)
    .orderBy('code')
    .execute()
  const items = planItems(random)
  const implementations = planImplementations(random, items, regions, options.homeProvince)
  const started = performance.now()
  await insertItems(db, items)
  await insertImplementations(db, implementations, options.log)
  const openTasks = await insertReviewTasks(db, random, implementations)
  options.log(`catalogue loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const laws = buildLaws(random, regions)
  await insertLaws(db, laws, options.log)
  const published = implementations.filter((i) => i.published).length
  return {
    items: items.length,
    licensingItems: items.filter((i) => i.kind === 'licensing').length,
    implementations: implementations.length,
    published,
    unpublished: implementations.length - published,
    openReviewTasks: openTasks,
    regions: { cities: regions.filter((r) => r.level === 2).length, counties: regions.filter((r) => r.level === 3).length },
    laws: laws.length,
    articles: laws.reduce((n, law) => n + law.articles.length, 0),
  }
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}

async function insertItems(db: Db, items: ItemPlan[]): Promise<void> {
  await insertInBatches(items, 2000, (batch) =>
    db
      .insertInto('catalog.item')
      .values(batch.map((i) => ({ id: i.id, kind: i.kind, basicCode: i.basicCode, name: i.name })))
      .execute(),
  )
}

/** The row an entry has once its version is published: the publish code's search vector, word for word. */
function implementationRow(plan: ImplementationPlan) {
  const { item } = plan
  const implementationCode = implementationCodeOf(item.basicCode, plan.regionCode)
  return {
    id: plan.id,
    itemId: item.id,
    regionCode: plan.regionCode,
    level: plan.level,
    parentId: plan.parentId,
    orgId: plan.orgId,
    implementationCode,
    // Versions themselves are not loaded (search and coverage never read them), except for the
    // entries under review, whose version the review task must reference.
    currentVersionId: plan.published ? plan.id : null,
    name: item.name,
    kind: item.kind,
    themes: item.themes,
    lifeEvents: item.lifeEvents,
    provinceWide: item.provinceWide,
    crossProvince: item.crossProvince,
    search: plan.published
      ? tsvectorOf({ a: [item.name, implementationCode, item.basicCode], b: [plan.department, ...item.conditions, item.result, ...item.themes, ...item.lifeEvents] })
      : sql<string>`''::tsvector`,
    claimedAt: plan.claimedAt,
  }
}

async function insertImplementations(db: Db, plans: ImplementationPlan[], log: (line: string) => void): Promise<void> {
  // Parents before children: the foreign key to the parent entry is checked per statement.
  const byLevel = levelOrder.map((level) => plans.filter((p) => p.level === level))
  let done = 0
  for (const level of byLevel) {
    await insertInBatches(level, 1000, async (batch) => {
      await db.insertInto('catalog.implementation').values(batch.map(implementationRow)).execute()
      done += batch.length
      if (done % 20000 < batch.length) log(`  ${done.toLocaleString('en')} / ${plans.length.toLocaleString('en')} implementations`)
    })
  }
}

/** An open review task (and the version it is about) for about 1% of the city and county entries. */
async function insertReviewTasks(db: Db, random: Random, plans: ImplementationPlan[]): Promise<number> {
  const reviewed = plans.filter((p) => p.underReview)
  await insertInBatches(reviewed, 1000, async (batch) => {
    await db
      .insertInto('catalog.itemVersion')
      .values(batch.map((p) => ({ id: p.id, implementationId: p.id, number: 1, status: 'published' as const, parentVersionId: null, elements: '{}', effective: '{}', createdAt: p.claimedAt, createdBy: 'bench', publishedAt: p.claimedAt })))
      .execute()
    await db
      .insertInto('catalog.reviewTask')
      .values(
        batch.flatMap((p) => [
          { implementationId: p.id, versionId: p.id, regionCode: p.regionCode, orgId: p.orgId, reason: random.pick(['parent_changed', 'basis_changed'] as const), createdAt: new Date('2026-11-20T02:00:00Z') },
          // A resolved task beside it: only open ones colour the matrix.
          { implementationId: p.id, versionId: p.id, regionCode: p.regionCode, orgId: p.orgId, reason: 'basis_changed' as const, status: 'resolved' as const, resolution: 'kept', createdAt: p.claimedAt, resolvedAt: p.claimedAt, resolvedBy: 'bench' },
        ]),
      )
      .execute()
  })
  return reviewed.length
}

async function insertLaws(db: Db, laws: LawPlan[], log: (line: string) => void): Promise<void> {
  const started = performance.now()
  await insertInBatches(laws, 200, async (batch) => {
    await db
      .insertInto('laws.law')
      .values(
        batch.map((law) => ({
          id: law.id,
          title: law.title,
          kind: law.kind,
          issuer: law.issuer,
          docNumber: law.docNumber,
          regionCode: law.regionCode,
          promulgatedOn: law.promulgatedOn,
          effectiveOn: law.effectiveOn,
          search: tsvectorOf({ a: [law.title, law.docNumber], b: [law.issuer, ...law.articles.map((a) => a.text)] }),
        })),
      )
      .execute()
    const articles = batch.flatMap((law) => law.articles.map((a) => ({ ...a, lawId: law.id, effectiveFrom: law.effectiveOn })))
    await insertInBatches(articles, 2000, async (rows) => {
      await db
        .insertInto('laws.article')
        .values(rows.map((a) => ({ id: a.id, lawId: a.lawId, ordinal: a.ordinal, label: a.label })))
        .execute()
      await db
        .insertInto('laws.articleVersion')
        .values(rows.map((a) => ({ articleId: a.id, text: a.text, effectiveFrom: a.effectiveFrom })))
        .execute()
    })
  })
  log(`laws loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
