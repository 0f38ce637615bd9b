import type { Executor } from '../platform/db/database'
import type { PlatformDeps, RequestContext } from '../platform/deps'
import { anyLawExists, createLaw, lawArticleIndex, recordLawChange } from '../modules/laws'
import { demoLaws, type DemoLaw, type DemoLawKey } from './demo-laws-texts'

/** A demo law as seed data cites it: its id, and the ids of its articles by real ordinal. */
export interface DemoLawRef {
  lawId: string
  articles: Record<number, string>
}

export type DemoLawIndex = Partial<Record<DemoLawKey, DemoLawRef>>

const ctx: RequestContext = { actor: { kind: 'system', name: 'demo-seed' }, ip: null }

function articleInputs(articles: Record<number, string>): { ordinal: number; text: string }[] {
  return Object.entries(articles)
    .map(([ordinal, text]) => ({ ordinal: Number(ordinal), text }))
    .sort((a, b) => a.ordinal - b.ordinal)
}

async function seedDemoLaw(deps: PlatformDeps, law: DemoLaw): Promise<DemoLawRef> {
  const { key: _key, articles, amendments, ...fields } = law
  const created = await createLaw(deps, ctx, { ...fields, articles: articleInputs(articles) })
  const ids: Record<number, string> = Object.fromEntries(created.articles.map((a) => [a.ordinal, a.id]))
  for (const { texts, ...change } of amendments ?? []) {
    const amendments = Object.entries(texts).map(([ordinal, text]) => ({ op: 'change' as const, articleId: ids[Number(ordinal)]!, text }))
    await recordLawChange(deps, ctx, created.id, { ...change, kind: 'amend', amendments })
  }
  return { lawId: created.id, articles: ids }
}

/**
 * Seeds the demo laws into an empty library and answers where they are; a library that already
 * holds laws is left alone and answered from (see demoLawIndex).
 */
export async function seedDemoLaws(deps: PlatformDeps): Promise<DemoLawIndex> {
  if (await anyLawExists(deps.db)) return demoLawIndex(deps.db)
  const index: DemoLawIndex = {}
  for (const law of demoLaws) index[law.key] = await seedDemoLaw(deps, law)
  return index
}

/** The demo laws found in a library by title and issuer; a law not there is left out. */
export async function demoLawIndex(db: Executor): Promise<DemoLawIndex> {
  const index: DemoLawIndex = {}
  for (const law of demoLaws) {
    const found = await lawArticleIndex(db, law.title, law.issuer)
    if (found) index[law.key] = found
  }
  return index
}
