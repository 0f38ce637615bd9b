import { actorName, hasAccess, regionWithin, requireAccess, type Actor, type Target } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { shanghaiDay } from '../../platform/calendar/calendar'
import type { Executor, Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { findRegion } from '../../platform/regions/regions.repository'
import { requireRegion } from '../../platform/regions/regions.service'
import { findCatalogItems } from '../catalog'
import {
  anyEntry,
  attachFirstRevision,
  categoriesOf,
  findEntries,
  findEntry,
  findRevision,
  findSuggestions,
  insertEntry,
  insertRevision,
  isPublishedUnexpired,
  lastRevisionNumber,
  lockEntry,
  revisionsOf,
  rewriteRevision,
  setRevisionStatus,
  updateEntry,
  type EntryRecord,
  type ReadScope,
  type RevisionContent,
  type RevisionRecord,
} from './knowledge.repository'
import {
  MAX_SUGGESTIONS,
  type CatalogLink,
  type CategoryCount,
  type KnowledgeActions,
  type KnowledgeContent,
  type KnowledgeEntryDetail,
  type KnowledgeEntrySummary,
  type KnowledgeListQuery,
  type KnowledgePage,
  type KnowledgeRevisionView,
  type KnowledgeSuggestion,
  type NewKnowledgeEntry,
  type RevisionSummary,
} from './knowledge.schemas'
import type { KnowledgeStatus } from './knowledge.tables'
import { appealWords, levelOfRegion, regionsAnswering, snippetOf, tidyContent, validUntilPast } from './knowledge.rules'

// ---- Errors ---------------------------------------------------------------------------------------

const entryNotFound = () => new AppError('not_found', 'knowledge_entry_not_found', { zh: '热线百科条目不存在', en: 'Knowledge entry not found' })
const revisionNotFound = () => new AppError('not_found', 'knowledge_revision_not_found', { zh: '该条目没有这个修订版本', en: 'This entry has no such revision' })
const staleVersion = (current: number) =>
  new AppError('conflict', 'knowledge_stale_version', { zh: '该条目已被他人修改，请刷新后重试', en: 'Someone changed this entry meanwhile: reload and try again' }, { currentVersion: current })
const entryRetired = () => new AppError('conflict', 'knowledge_entry_retired', { zh: '该条目已废止', en: 'This entry has been retired' })
const inReview = () => new AppError('conflict', 'knowledge_in_review', { zh: '修订正在审核中，审核退回后才能修改', en: 'The revision is in review: it can be changed once it is sent back' })
const notSubmitted = () => new AppError('conflict', 'knowledge_not_submitted', { zh: '该条目没有待审核的修订', en: 'This entry has no revision waiting for review' })
const noDraft = () => new AppError('conflict', 'knowledge_no_draft', { zh: '该条目没有可提交的草稿', en: 'This entry has no draft to submit' })
const invalid = (id: string, field: string, zh: string, en: string) => new AppError('invalid', id, { zh, en }, { field })


function targetOf(entry: Pick<EntryRecord, 'regionCode' | 'orgId'>): Target {
  return { regionCode: entry.regionCode, orgId: entry.orgId }
}

function staffIdOf(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.id : null
}

function withContributor(contributors: readonly string[], actor: Actor): string[] {
  const id = staffIdOf(actor)
  return id && !contributors.includes(id) ? [...contributors, id] : [...contributors]
}

/** Editors and reviewers of an entry's region see its drafts; everyone else its published text. */
function mayWork(actor: Actor, entry: EntryRecord): boolean {
  return hasAccess(actor, 'knowledge.edit', targetOf(entry)) || hasAccess(actor, 'knowledge.review', targetOf(entry))
}

function readScopeOf(actor: Actor): ReadScope {
  if (actor.kind !== 'staff') return { ancestors: [], within: '', unpublished: actor.kind === 'system' }
  return {
    ancestors: regionsAnswering(actor.regionCode),
    within: actor.regionCode,
    unpublished: hasAccess(actor, 'knowledge.edit') || hasAccess(actor, 'knowledge.review'),
  }
}

function mayRead(actor: Actor, entry: EntryRecord): boolean {
  const scope = readScopeOf(actor)
  const below = regionWithin(entry.regionCode, scope.within)
  if (entry.status === 'published' && (below || scope.ancestors.includes(entry.regionCode))) return true
  return scope.unpublished && below && mayWork(actor, entry)
}

/** Denies by default: a reader outside the entry's reach gets the same answer as for any refusal. */
function requireReadable(actor: Actor, entry: EntryRecord): void {
  requireAccess(actor, 'knowledge.read')
  if (!mayRead(actor, entry)) requireAccess(actor, 'knowledge.edit', targetOf(entry))
}

function requireVersion(entry: EntryRecord, expected: number): void {
  if (entry.version !== expected) throw staleVersion(entry.version)
}

async function requireCatalogItem(db: Executor, id: string | null): Promise<void> {
  if (id === null) return
  const [item] = await findCatalogItems(db, { ids: [id] })
  if (!item) throw invalid('knowledge_catalog_item_not_found', 'catalogItemId', '关联的事项不存在', 'The linked catalogue item does not exist')
}

async function requireOwner(db: Executor, regionCode: string, orgId: string): Promise<void> {
  await requireRegion(db, regionCode)
  const org = await findOrg(db, orgId)
  if (!org || org.regionCode !== regionCode) {
    throw invalid('knowledge_org_invalid', 'orgId', '负责部门须属于条目所属地区', 'The owning department must belong to the entry’s region')
  }
}

function today(deps: Pick<PlatformDeps, 'clock'>): string {
  return shanghaiDay(deps.clock.now())
}

// ---- Presenters ------------------------------------------------------------------------------------

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null)

async function catalogLinks(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, CatalogLink>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  const items = await findCatalogItems(db, { ids: wanted })
  return new Map(items.map((item) => [item.id, { id: item.id, name: item.name }]))
}

function presentRevision(revision: RevisionRecord, links: ReadonlyMap<string, CatalogLink>): KnowledgeRevisionView {
  return {
    id: revision.id,
    entryId: revision.entryId,
    number: revision.number,
    status: revision.status,
    title: revision.title,
    body: revision.body,
    categoryKey: revision.categoryKey,
    catalogItem: revision.catalogItemId ? (links.get(revision.catalogItemId) ?? null) : null,
    keywords: revision.keywords,
    validUntil: revision.validUntil,
    createdAt: revision.createdAt.toISOString(),
    createdBy: revision.createdBy,
    updatedAt: revision.updatedAt.toISOString(),
    updatedBy: revision.updatedBy,
    submittedAt: iso(revision.submittedAt),
    submittedBy: revision.submittedBy,
    reviewedAt: iso(revision.reviewedAt),
    reviewedBy: revision.reviewedBy,
    reviewComment: revision.reviewComment,
    publishedAt: iso(revision.publishedAt),
    retiredAt: iso(revision.retiredAt),
  }
}

function summariseRevision(r: RevisionRecord): RevisionSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    title: r.title,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    submittedAt: iso(r.submittedAt),
    submittedBy: r.submittedBy,
    reviewedAt: iso(r.reviewedAt),
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    publishedAt: iso(r.publishedAt),
    retiredAt: iso(r.retiredAt),
  }
}

function actionsOf(actor: Actor, entry: EntryRecord, working: RevisionRecord | null): KnowledgeActions {
  const edit = hasAccess(actor, 'knowledge.edit', targetOf(entry))
  const review = hasAccess(actor, 'knowledge.review', targetOf(entry))
  const submitted = entry.workingStatus === 'submitted'
  const actorId = staffIdOf(actor)
  return {
    edit: edit && entry.status !== 'retired' && !submitted,
    submit: edit && entry.workingStatus === 'draft',
    approve: review && submitted && !(actorId && working?.contributors.includes(actorId)),
    reject: review && submitted,
    retire: review && entry.status !== 'retired',
  }
}

/** Everything the editor shows of one entry, as the actor may see it. */
async function detailOf(db: Executor, actor: Actor, entry: EntryRecord, day: string): Promise<KnowledgeEntryDetail> {
  const [revisions, region, org] = await Promise.all([revisionsOf(db, entry.id), findRegion(db, entry.regionCode), findOrg(db, entry.orgId)])
  const byId = new Map(revisions.map((r) => [r.id, r]))
  const published = entry.publishedRevisionId ? (byId.get(entry.publishedRevisionId) ?? null) : null
  const shown = (entry.shownRevisionId && byId.get(entry.shownRevisionId)) || revisions[0]
  if (!shown) throw entryNotFound()
  const working = mayWork(actor, entry) && entry.workingRevisionId ? (byId.get(entry.workingRevisionId) ?? null) : null
  // Readers see the history of what was published; drafts and their comments are the editors'.
  const history = mayWork(actor, entry) ? revisions : revisions.filter((r) => r.publishedAt !== null)
  const links = await catalogLinks(db, [shown.catalogItemId, published?.catalogItemId ?? null, working?.catalogItemId ?? null])
  return {
    entry: summaryOf(entry, shown, { regionName: region?.name ?? entry.regionCode, orgName: org?.name ?? null }, links, day),
    published: published ? presentRevision(published, links) : null,
    working: working ? presentRevision(working, links) : null,
    shown: presentRevision(shown, links),
    revisions: history.map(summariseRevision),
    retireReason: entry.retireReason,
    actions: actionsOf(actor, entry, working),
  }
}

function summaryOf(
  entry: Pick<EntryRecord, 'id' | 'regionCode' | 'level' | 'orgId' | 'status' | 'workingStatus' | 'version' | 'updatedAt'>,
  shown: Pick<RevisionRecord, 'number' | 'title' | 'categoryKey' | 'catalogItemId' | 'keywords' | 'validUntil'>,
  names: { regionName: string; orgName: string | null },
  links: ReadonlyMap<string, CatalogLink>,
  day: string,
): KnowledgeEntrySummary {
  return {
    id: entry.id,
    regionCode: entry.regionCode,
    regionName: names.regionName,
    level: entry.level,
    orgId: entry.orgId,
    orgName: names.orgName,
    status: entry.status,
    workingStatus: entry.workingStatus,
    expired: entry.status === 'published' && shown.validUntil < day,
    version: entry.version,
    revisionNumber: shown.number,
    title: shown.title,
    categoryKey: shown.categoryKey,
    catalogItem: shown.catalogItemId ? (links.get(shown.catalogItemId) ?? null) : null,
    keywords: shown.keywords,
    validUntil: shown.validUntil,
    updatedAt: entry.updatedAt.toISOString(),
  }
}

// ---- Reading ---------------------------------------------------------------------------------------

/**
 * The entries the caller may see, filtered and ranked (exact title first): published ones of the
 * caller's province, city and county and of the regions below; for editors and reviewers, also the
 * drafts, reviews and retired entries of their region and below.
 */
export async function listKnowledge(deps: PlatformDeps, ctx: RequestContext, query: KnowledgeListQuery): Promise<KnowledgePage> {
  requireAccess(ctx.actor, 'knowledge.read')
  const day = today(deps)
  const { rows, total } = await findEntries(deps.db, readScopeOf(ctx.actor), { ...query, today: day }, query.page ?? 1, query.pageSize ?? 20)
  const links = await catalogLinks(deps.db, rows.map((r) => r.catalogItemId))
  return { items: rows.map((row) => summaryOf(row, { ...row, number: row.revisionNumber }, { regionName: row.regionName ?? row.regionCode, orgName: row.orgName }, links, day)), total }
}

/** One entry with its published text, the revision being worked on (for its editors) and its history. */
export async function getKnowledgeEntry(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<KnowledgeEntryDetail> {
  const entry = await findEntry(deps.db, id)
  if (!entry) throw entryNotFound()
  requireReadable(ctx.actor, entry)
  return detailOf(deps.db, ctx.actor, entry, today(deps))
}

/** One revision in full, for the history; a reader sees only revisions that were published. */
export async function getKnowledgeRevision(deps: PlatformDeps, ctx: RequestContext, entryId: string, revisionId: string): Promise<KnowledgeRevisionView> {
  const entry = await findEntry(deps.db, entryId)
  if (!entry) throw entryNotFound()
  requireReadable(ctx.actor, entry)
  const revision = await findRevision(deps.db, revisionId)
  if (!revision || revision.entryId !== entry.id || (revision.publishedAt === null && !mayWork(ctx.actor, entry))) throw revisionNotFound()
  return presentRevision(revision, await catalogLinks(deps.db, [revision.catalogItemId]))
}

/** The categories of the entries the caller may see, for the list's filter. */
export async function knowledgeCategories(deps: PlatformDeps, ctx: RequestContext): Promise<CategoryCount[]> {
  requireAccess(ctx.actor, 'knowledge.read')
  return categoriesOf(deps.db, readScopeOf(ctx.actor), today(deps))
}

/**
 * Up to five published, unexpired entries of the caller's province, city and county that the
 * appeal typed so far is about, best first: what the agent may answer from on the call.
 *
 * @example await suggestKnowledge(deps, ctx, { text: '社保卡丢了怎么补办', regionCode: '320322' })
 */
export async function suggestKnowledge(deps: PlatformDeps, ctx: RequestContext, query: { text: string; regionCode?: string }): Promise<KnowledgeSuggestion[]> {
  const actor = ctx.actor
  const regionCode = query.regionCode ?? (actor.kind === 'staff' ? actor.regionCode : deps.homeProvince)
  requireAccess(actor, 'knowledge.read', { regionCode })
  const words = appealWords(query.text)
  const rows = await findSuggestions(deps.db, { regions: regionsAnswering(regionCode), today: today(deps), text: query.text, tokens: words, limit: MAX_SUGGESTIONS })
  const links = await catalogLinks(deps.db, rows.map((r) => r.catalogItemId))
  return rows.map((row) => ({
    id: row.id,
    revisionId: row.revisionId,
    title: row.title,
    snippet: snippetOf(row.body, words),
    level: levelOfRegion(row.regionCode),
    regionCode: row.regionCode,
    catalogItem: row.catalogItemId ? (links.get(row.catalogItemId) ?? null) : null,
    validUntil: row.validUntil,
  }))
}

/** A knowledge entry an answer on the call may cite: published and not expired, or a clear error. */
export async function requirePublishedKnowledge(deps: PlatformDeps, id: string): Promise<void> {
  if (!(await isPublishedUnexpired(deps.db, id, today(deps)))) {
    throw new AppError('invalid', 'knowledge_entry_invalid', { zh: '所引用的热线百科条目未发布或已过期', en: 'The knowledge entry is not published or has expired' }, { field: 'knowledgeEntryId' })
  }
}

// ---- Writing ---------------------------------------------------------------------------------------

async function audit(trx: Tx, deps: PlatformDeps, ctx: RequestContext, action: string, entry: EntryRecord, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(trx, auditContext(deps, ctx), { action, targetType: 'knowledge_entry', targetId: entry.id, regionCode: entry.regionCode, detail })
}

/** A new entry, its first revision a draft by the caller. */
export async function createKnowledgeEntry(deps: PlatformDeps, ctx: RequestContext, input: NewKnowledgeEntry): Promise<KnowledgeEntryDetail> {
  const level = levelOfRegion(input.regionCode)
  requireAccess(ctx.actor, 'knowledge.edit', { regionCode: input.regionCode, orgId: input.orgId })
  const day = today(deps)
  const content = tidyContent(input, day)
  return deps.db.transaction().execute(async (trx) => {
    await requireOwner(trx, input.regionCode, input.orgId)
    await requireCatalogItem(trx, content.catalogItemId)
    const now = deps.clock.now()
    const created = await insertBareEntry(trx, input.regionCode, input.orgId, ctx.actor, now)
    const draft = await insertRevision(trx, newRevision(created, 1, 'draft', content, ctx.actor, now))
    const entry = await attachFirstRevision(trx, created.id, draft, 'draft')
    await audit(trx, deps, ctx, 'knowledge.entry.create', entry, { title: content.title, level })
    return detailOf(trx, ctx.actor, entry, day)
  })
}

/** An entry before its first revision: it points at one in the same transaction. */
async function insertBareEntry(trx: Tx, regionCode: string, orgId: string, actor: Actor, now: Date): Promise<EntryRecord> {
  return insertEntry(trx, {
    regionCode,
    level: levelOfRegion(regionCode),
    orgId,
    status: 'draft',
    workingStatus: null,
    publishedRevisionId: null,
    workingRevisionId: null,
    shownRevisionId: null,
    createdAt: now,
    createdBy: actorName(actor),
    updatedAt: now,
    retiredAt: null,
    retireReason: null,
  })
}

function newRevision(entry: Pick<EntryRecord, 'id' | 'regionCode'>, number: number, status: 'draft' | 'published', content: RevisionContent, actor: Actor, now: Date) {
  const by = actorName(actor)
  return {
    entryId: entry.id,
    regionCode: entry.regionCode,
    number,
    status,
    ...content,
    contributors: withContributor([], actor),
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    publishedAt: status === 'published' ? now : null,
    retiredAt: null,
  }
}

/** Locks the entry, checks the caller may act on it and that it is the version the caller saw. */
async function lockForChange(trx: Tx, ctx: RequestContext, id: string, permission: 'knowledge.edit' | 'knowledge.review', expectedVersion: number): Promise<EntryRecord> {
  const entry = await lockEntry(trx, id)
  if (!entry) throw entryNotFound()
  requireAccess(ctx.actor, permission, targetOf(entry))
  requireVersion(entry, expectedVersion)
  return entry
}

async function revisionOf(trx: Tx, id: string | null): Promise<RevisionRecord | null> {
  return id ? ((await findRevision(trx, id)) ?? null) : null
}

/**
 * Saves the caller's text as the entry's draft. A published entry gets a new draft revision; the
 * published text stays what agents see until the new one is approved.
 */
export async function saveKnowledgeDraft(deps: PlatformDeps, ctx: RequestContext, id: string, input: KnowledgeContent & { expectedVersion: number }): Promise<KnowledgeEntryDetail> {
  const day = today(deps)
  const content = tidyContent(input, day)
  return deps.db.transaction().execute(async (trx) => {
    const entry = await lockForChange(trx, ctx, id, 'knowledge.edit', input.expectedVersion)
    if (entry.status === 'retired') throw entryRetired()
    if (entry.workingStatus === 'submitted') throw inReview()
    await requireCatalogItem(trx, content.catalogItemId)
    const now = deps.clock.now()
    const current = await revisionOf(trx, entry.workingRevisionId)
    const draft = current
      ? await rewriteRevision(trx, current.id, content, { contributors: withContributor(current.contributors, ctx.actor), updatedAt: now, updatedBy: actorName(ctx.actor) })
      : await insertRevision(trx, newRevision(entry, (await lastRevisionNumber(trx, entry.id)) + 1, 'draft', content, ctx.actor, now))
    const published = await revisionOf(trx, entry.publishedRevisionId)
    const status: KnowledgeStatus = published ? 'published' : 'draft'
    const saved = await updateEntry(trx, entry.id, { status, workingStatus: 'draft', workingRevisionId: draft.id, shownRevisionId: published?.id ?? draft.id, updatedAt: now }, [published, draft])
    await audit(trx, deps, ctx, 'knowledge.draft.save', saved, { revision: draft.number, newRevision: !current })
    return detailOf(trx, ctx.actor, saved, day)
  })
}

/** Sends the draft for review. */
export async function submitKnowledgeDraft(deps: PlatformDeps, ctx: RequestContext, id: string, expectedVersion: number): Promise<KnowledgeEntryDetail> {
  const day = today(deps)
  return deps.db.transaction().execute(async (trx) => {
    const entry = await lockForChange(trx, ctx, id, 'knowledge.edit', expectedVersion)
    const draft = entry.workingStatus === 'draft' ? await revisionOf(trx, entry.workingRevisionId) : null
    if (!draft) throw noDraft()
    if (draft.validUntil < day) throw validUntilPast()
    const now = deps.clock.now()
    const submitted = await setRevisionStatus(trx, draft.id, { status: 'submitted', submittedAt: now, submittedBy: actorName(ctx.actor), contributors: withContributor(draft.contributors, ctx.actor) })
    const published = await revisionOf(trx, entry.publishedRevisionId)
    const saved = await updateEntry(trx, entry.id, { status: published ? 'published' : 'submitted', workingStatus: 'submitted', updatedAt: now }, [published, submitted])
    await audit(trx, deps, ctx, 'knowledge.revision.submit', saved, { revision: submitted.number })
    return detailOf(trx, ctx.actor, saved, day)
  })
}

/**
 * Publishes the revision in review: agents see it from now on, and the one before is superseded.
 * Whoever wrote or submitted it may not approve it (四眼原则, two people for every answer given out).
 */
export async function approveKnowledgeRevision(deps: PlatformDeps, ctx: RequestContext, id: string, expectedVersion: number): Promise<KnowledgeEntryDetail> {
  const day = today(deps)
  return deps.db.transaction().execute(async (trx) => {
    const entry = await lockForChange(trx, ctx, id, 'knowledge.review', expectedVersion)
    const candidate = entry.workingStatus === 'submitted' ? await revisionOf(trx, entry.workingRevisionId) : null
    if (!candidate) throw notSubmitted()
    const actorId = staffIdOf(ctx.actor)
    if (actorId && candidate.contributors.includes(actorId)) {
      throw new AppError('forbidden', 'knowledge_self_review', { zh: '不能审核通过自己编写或提交的修订', en: 'You cannot approve a revision you wrote or submitted' })
    }
    if (candidate.validUntil < day) throw validUntilPast()
    const now = deps.clock.now()
    const by = actorName(ctx.actor)
    if (entry.publishedRevisionId) await setRevisionStatus(trx, entry.publishedRevisionId, { status: 'superseded' })
    const published = await setRevisionStatus(trx, candidate.id, { status: 'published', publishedAt: now, reviewedAt: now, reviewedBy: by, reviewComment: null })
    const saved = await updateEntry(
      trx,
      entry.id,
      { status: 'published', workingStatus: null, workingRevisionId: null, publishedRevisionId: published.id, shownRevisionId: published.id, updatedAt: now },
      [published],
    )
    await audit(trx, deps, ctx, 'knowledge.revision.approve', saved, { revision: published.number, supersedes: entry.publishedRevisionId })
    return detailOf(trx, ctx.actor, saved, day)
  })
}

/** Sends the revision in review back to draft, with the reviewer's comment for its editors. */
export async function rejectKnowledgeRevision(deps: PlatformDeps, ctx: RequestContext, id: string, input: { expectedVersion: number; comment: string }): Promise<KnowledgeEntryDetail> {
  const comment = input.comment.trim()
  if (comment.length < 2) throw invalid('knowledge_comment_required', 'comment', '请填写退回意见', 'Say why the revision is sent back')
  const day = today(deps)
  return deps.db.transaction().execute(async (trx) => {
    const entry = await lockForChange(trx, ctx, id, 'knowledge.review', input.expectedVersion)
    const candidate = entry.workingStatus === 'submitted' ? await revisionOf(trx, entry.workingRevisionId) : null
    if (!candidate) throw notSubmitted()
    const now = deps.clock.now()
    const returned = await setRevisionStatus(trx, candidate.id, { status: 'draft', reviewedAt: now, reviewedBy: actorName(ctx.actor), reviewComment: comment })
    const published = await revisionOf(trx, entry.publishedRevisionId)
    const saved = await updateEntry(trx, entry.id, { status: published ? 'published' : 'draft', workingStatus: 'draft', updatedAt: now }, [published, returned])
    await audit(trx, deps, ctx, 'knowledge.revision.reject', saved, { revision: returned.number, comment })
    return detailOf(trx, ctx.actor, saved, day)
  })
}

/** Withdraws an entry: agents no longer see it, and a revision being worked on is withdrawn with it. */
export async function retireKnowledgeEntry(deps: PlatformDeps, ctx: RequestContext, id: string, input: { expectedVersion: number; reason: string }): Promise<KnowledgeEntryDetail> {
  const reason = input.reason.trim()
  if (reason.length < 2) throw invalid('knowledge_reason_required', 'reason', '请填写废止原因', 'Say why the entry is retired')
  const day = today(deps)
  return deps.db.transaction().execute(async (trx) => {
    const entry = await lockForChange(trx, ctx, id, 'knowledge.review', input.expectedVersion)
    if (entry.status === 'retired') throw entryRetired()
    const now = deps.clock.now()
    const retired = entry.publishedRevisionId ? await setRevisionStatus(trx, entry.publishedRevisionId, { status: 'retired', retiredAt: now }) : null
    const withdrawn = entry.workingRevisionId ? await setRevisionStatus(trx, entry.workingRevisionId, { status: 'withdrawn', retiredAt: now }) : null
    const saved = await updateEntry(
      trx,
      entry.id,
      { status: 'retired', workingStatus: null, workingRevisionId: null, publishedRevisionId: null, shownRevisionId: retired?.id ?? withdrawn?.id ?? entry.shownRevisionId, retiredAt: now, retireReason: reason, updatedAt: now },
      [retired ?? withdrawn],
    )
    await audit(trx, deps, ctx, 'knowledge.entry.retire', saved, { reason, revision: retired?.number ?? null, withdrawn: withdrawn?.number ?? null })
    return detailOf(trx, ctx.actor, saved, day)
  })
}

// ---- Seeding ---------------------------------------------------------------------------------------

/** An entry as an installation's first load brings it: already reviewed (published) or still a draft. */
export interface SeedKnowledgeEntry {
  regionCode: string
  orgId: string
  status: 'published' | 'draft'
  content: KnowledgeContent
}

/**
 * Loads a knowledge base in one transaction (demo data, an installation's first load), unless it
 * already has entries: a second run changes nothing. The content is taken as reviewed, so dates
 * already past are kept (an expired entry is listed as such).
 */
export async function seedKnowledge(deps: PlatformDeps, ctx: RequestContext, entries: readonly SeedKnowledgeEntry[]): Promise<number> {
  requireAccess(ctx.actor, 'knowledge.review', { regionCode: deps.homeProvince })
  return deps.db.transaction().execute(async (trx) => {
    if (entries.length === 0 || (await anyEntry(trx))) return 0
    const now = deps.clock.now()
    for (const seed of entries) {
      const content = tidyContent(seed.content, null)
      const created = await insertBareEntry(trx, seed.regionCode, seed.orgId, ctx.actor, now)
      const revision = await insertRevision(trx, newRevision(created, 1, seed.status, content, ctx.actor, now))
      await attachFirstRevision(trx, created.id, revision, seed.status)
    }
    await recordAudit(trx, auditContext(deps, ctx), { action: 'knowledge.load', targetType: 'knowledge_base', regionCode: deps.homeProvince, detail: { entries: entries.length } })
    return entries.length
  })
}
