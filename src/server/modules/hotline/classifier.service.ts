import { recordAudit } from '../../platform/audit/audit'
import { createTtlCache } from '../../platform/cache'
import type { Db } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { classify, trainClassifier, type Classification, type ClassifierModel, type TrainingExample } from './classifier'
import { handledAppealTexts, insertModel, modelBody, newestModelId } from './appeals.repository'

// Which model is newest is checked at most once a minute, and a model's body (megabytes of JSON)
// is read only when a newer one appears: classifying must not cost a query.
const newestIds = createTtlCache<Db, string | null>({ ttlMs: 60_000, maxEntries: 100 })
const loaded = new WeakMap<Db, { id: string; model: Promise<ClassifierModel | null> }>()

/** The classifier in use for this database, or null before any model is trained. */
async function currentModel(db: Db): Promise<ClassifierModel | null> {
  const id = await newestIds.get(db, async () => (await newestModelId(db)) ?? null)
  if (id === null) return null
  let known = loaded.get(db)
  if (known?.id !== id) {
    // Kept as a promise, so requests arriving while it loads wait for the one read.
    known = { id, model: modelBody(db, id).then((body) => (body as ClassifierModel | undefined) ?? null) }
    loaded.set(db, known)
    known.model.catch(() => loaded.delete(db))
  }
  return known.model
}

/** Suggests categories for an appeal's text; with no model yet, no suggestion. */
export async function suggestCategories(deps: PlatformDeps, text: string | readonly string[]): Promise<Classification> {
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
  newestIds.forget(deps.db)
  return { id, examples: handled.length, heldOutAccuracy }
}
