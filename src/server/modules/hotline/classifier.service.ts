import { recordAudit } from '../../platform/audit/audit'
import { createTtlCache } from '../../platform/cache'
import type { Db } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { classify, trainClassifier, type Classification, type ClassifierModel, type TrainingExample } from './classifier'
import { handledAppealTexts, insertModel, modelBody, newestModelId } from './appeals.repository'

interface Loaded {
  id: string | null
  model: ClassifierModel | null
}

// Which model is newest is checked at most once a minute, and a model's body (megabytes of JSON)
// is read only when a newer one appears: classifying must not cost a query.
const models = createTtlCache<Db, Loaded>({ ttlMs: 60_000, maxEntries: 100 })
const bodies = new WeakMap<Db, Loaded>()

/** The classifier in use for this database, or null before any model is trained. */
export async function currentModel(db: Db): Promise<ClassifierModel | null> {
  const loaded = await models.get(db, async () => {
    const id = (await newestModelId(db)) ?? null
    const known = bodies.get(db)
    if (known?.id === id) return known
    const fresh = { id, model: id === null ? null : (((await modelBody(db, id)) as ClassifierModel | undefined) ?? null) }
    bodies.set(db, fresh)
    return fresh
  })
  return loaded.model
}

/** Suggests categories for an appeal's text; with no model yet, no suggestion. */
export async function suggestCategories(deps: PlatformDeps, text: string): Promise<Classification> {
  const model = await currentModel(deps.db)
  return model ? classify(model, text) : { best: null, ranked: [], confident: false }
}

/** Every tenth handled appeal (by its number) is held out to measure the model before it is used. */
const heldOut = (example: { number: string }) => Number(example.number.slice(-1)) === 0

/**
 * Trains a new model on the handled appeals (answered or closed, with a category) and makes it the
 * one in use. Returns what was learnt and how well it did on the held-out tenth.
 */
export async function trainFromHandledAppeals(deps: PlatformDeps, ctx: RequestContext): Promise<{ id: string; examples: number; heldOutAccuracy: number | null }> {
  const handled = await handledAppealTexts(deps.db, 200_000)
  const toExample = (a: { title: string; content: string; categoryKey: string }): TrainingExample => ({ text: `${a.title} ${a.content}`, label: a.categoryKey })
  const test = handled.filter(heldOut)
  const check = trainClassifier(handled.filter((a) => !heldOut(a)).map(toExample))
  const heldOutAccuracy = test.length === 0 ? null : test.filter((a) => classify(check, `${a.title} ${a.content}`).best?.label === a.categoryKey).length / test.length
  const model = trainClassifier(handled.map(toExample))
  const at = deps.clock.now()
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertModel(trx, { trainedAt: at, examples: handled.length, heldOutAccuracy, body: model })
    await recordAudit(trx, auditContext(deps, ctx), { action: 'hotline.model.train', targetType: 'hotline_model', targetId: id, regionCode: deps.homeProvince, detail: { examples: handled.length, heldOutAccuracy } })
    return id
  })
  models.forget(deps.db)
  return { id, examples: handled.length, heldOutAccuracy }
}
