import { actorName, requireAccess, requireStaff } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import type { Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { citedArticles, type LawChangedEvent } from '../laws'
import { citationsOf, effectiveOf, requireValidElements } from './catalog.rules'
import type { ReviewReason } from './catalog.tables'
import { implementationNotFound, publishInTransaction, retireInTransaction, targetOf } from './items.service'
import { draftOf, findImplementation, findVersion, insertVersion, rebaseDraft, writeCitations } from './items.repository'
import { closeReviewTask, findReviewTask, insertReviewTasks, listReviewTasks, versionsCiting, type ImpactedVersion, type ReviewTaskRecord, type ReviewTaskRow } from './review.repository'

/**
 * The catalogue's answer to a law change (立改废释): every entry whose draft or published version
 * cites a touched article gets one review task for its owning department. When none of the
 * articles a version cites is in force any more, the task proposes retiring the entry.
 */
export async function reviewLawChange(trx: Tx, deps: PlatformDeps, _ctx: RequestContext, payload: unknown): Promise<void> {
  const change = payload as LawChangedEvent
  const touched = change.articles.filter((a) => a.effect !== 'added')
  const impacted = onePerImplementation(await versionsCiting(trx, touched.map((a) => a.articleId)))
  if (impacted.length === 0) return
  const cited = [...new Set(impacted.flatMap((v) => v.citedArticleIds))]
  const standing = new Set((await citedArticles(trx, cited, change.effectiveOn)).filter((a) => a.inForce).map((a) => a.articleId))
  const byId = new Map(touched.map((a) => [a.articleId, a]))
  const at = deps.clock.now()
  await insertReviewTasks(
    trx,
    impacted.map((v) => ({
      implementationId: v.implementationId,
      versionId: v.versionId,
      regionCode: targetOf(deps, v).regionCode,
      orgId: v.orgId,
      reason: (v.citedArticleIds.some((id) => standing.has(id)) ? 'basis_changed' : 'basis_repealed') satisfies ReviewReason,
      lawChangeId: change.changeId,
      detail: {
        lawTitle: change.lawTitle,
        changeTitle: change.title,
        changeKind: change.kind,
        effectiveOn: change.effectiveOn,
        articles: v.citedArticleIds.flatMap((id) => {
          const article = byId.get(id)
          return article ? [{ articleId: id, label: article.label, oldLabel: article.oldLabel, effect: article.effect }] : []
        }),
      },
      createdAt: at,
    })),
  )
}

/** One task per entry: it reviews its published version, or its draft when nothing is published. */
function onePerImplementation(versions: ImpactedVersion[]): ImpactedVersion[] {
  const chosen = new Map<string, ImpactedVersion>()
  for (const v of versions) {
    const seen = chosen.get(v.implementationId)
    if (!seen || (seen.status === 'draft' && v.status === 'published')) chosen.set(v.implementationId, v)
  }
  return [...chosen.values()]
}

export interface TaskQuery {
  region?: string
  status?: 'open' | 'resolved'
  lawChangeId?: string
  implementationId?: string
  mine?: boolean
  page: number
  pageSize: number
}

/** Review tasks in the actor's region (and below); `mine` narrows to the actor's own department. */
export async function reviewTasks(deps: PlatformDeps, ctx: RequestContext, query: TaskQuery): Promise<{ items: ReviewTaskRow[]; total: number }> {
  const actor = requireStaff(ctx.actor)
  const region = query.region ?? actor.regionCode
  requireAccess(actor, 'catalog.read', { regionCode: region })
  return listReviewTasks(deps.db, { ...query, regionPrefix: region, orgId: query.mine ? actor.orgId : undefined })
}

export type ReviewAction = 'adopt' | 'confirm' | 'retire'

/**
 * Settles a review: `adopt` republishes a claimed entry on the parent's newest version with its
 * own overrides kept; `confirm` records that the entry still holds under the changed law;
 * `retire` withdraws the entry (what a repealed basis proposes).
 */
export async function resolveReviewTask(deps: PlatformDeps, ctx: RequestContext, taskId: string, input: { action: ReviewAction; note?: string }): Promise<ReviewTaskRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const task = await findReviewTask(trx, taskId)
    if (!task) throw new AppError('not_found', 'review_task_not_found', { zh: '复核任务不存在', en: 'Review task not found' })
    const implementation = await findImplementation(trx, task.implementationId)
    if (!implementation) throw implementationNotFound()
    requireAccess(ctx.actor, 'catalog.edit', targetOf(deps, implementation))
    if (task.status !== 'open') throw new AppError('conflict', 'review_task_closed', { zh: '该复核任务已处理', en: 'This review task is already settled' })
    if (input.action === 'adopt') await adoptParentVersion(trx, deps, ctx, task)
    if (input.action === 'retire') await retireInTransaction(trx, deps, implementation)
    // Adopting publishes on the parent's version, which settles the task already.
    const after = await findReviewTask(trx, taskId)
    const closed = after?.status === 'open' ? await closeReviewTask(trx, taskId, { resolution: resolutionText(input), at: deps.clock.now(), by: actorName(ctx.actor) }) : (after ?? task)
    await recordAudit(trx, auditContext(deps, ctx), { action: 'catalog.review.resolve', targetType: 'review_task', targetId: taskId, regionCode: task.regionCode, detail: { action: input.action, reason: task.reason, note: input.note ?? '' } })
    return closed
  })
}

function resolutionText(input: { action: ReviewAction; note?: string }): string {
  const label = { adopt: '已采用上级新版本', confirm: '经复核无需调整', retire: '已废止该事项' }[input.action]
  return input.note ? `${label}：${input.note}` : label
}

/** Republishes the entry's overrides on the parent's newest version: its draft if it has one, else a copy of the published version. */
async function adoptParentVersion(trx: Tx, deps: PlatformDeps, ctx: RequestContext, task: ReviewTaskRecord): Promise<void> {
  if (task.reason !== 'parent_changed' || !task.parentVersionId) {
    throw new AppError('invalid', 'review_action_invalid', { zh: '只有上级事项变更的复核可以采用上级新版本', en: 'Only a parent-changed review can adopt the parent version' }, { field: 'action' })
  }
  const implementation = await findImplementation(trx, task.implementationId)
  const parentVersion = await findVersion(trx, task.parentVersionId)
  if (!implementation || !parentVersion) throw implementationNotFound()
  const draft = await draftOf(trx, implementation.id)
  const base = draft ?? (implementation.currentVersionId ? await findVersion(trx, implementation.currentVersionId) : undefined)
  if (!base) throw implementationNotFound()
  const effective = requireValidElements(implementation.kind, effectiveOf(parentVersion.effective, base.elements))
  const rebased = draft
    ? await rebaseDraft(trx, draft.id, { parentVersionId: parentVersion.id, effective })
    : await insertVersion(trx, { implementationId: implementation.id, parentVersionId: parentVersion.id, elements: base.elements, effective, note: '采用上级新版本', createdAt: deps.clock.now(), createdBy: actorName(ctx.actor) })
  await writeCitations(trx, rebased.id, citationsOf(effective))
  await publishInTransaction(trx, deps, ctx, implementation, rebased)
}
