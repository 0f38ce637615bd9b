import { hasAccess, requireAccess, requireStaff, type Actor } from '../../platform/access'
import { recordAudit } from '../../platform/audit/audit'
import { shanghaiDay } from '../../platform/calendar/calendar'
import type { Tx } from '../../platform/db/database'
import { auditContext, type PlatformDeps, type RequestContext } from '../../platform/deps'
import { AppError, type Message } from '../../platform/errors'
import type { Permission } from '../../platform/roles'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { maskName, maskPhone } from '../../platform/pii/pii'
import { tsqueryOf } from '../../platform/search/text'
import { commandActor, effectRequires, eventsOf, fireTransition, mayFire, type CaseChangedEvent } from '../workflow'
import { APPEAL_WORKFLOW, appealStateNames, appealWorkflow } from './appeal.workflow'
import type { AppealType, HotlineLine, Satisfaction } from './appeals.tables'
import { appealsMergedInto, caseCopy, findAppeal, findAppealByCase, findAppealByNumber, listAppealRows, updateAppeal, type AppealFilter, type AppealRow } from './appeals.repository'
import { listCategories } from './dispatch.repository'
import { requirePublishedKnowledge } from './knowledge.service'
import { hotlineReference } from './reference'

const appealNotFound = () => new AppError('not_found', 'appeal_not_found', { zh: '诉求不存在', en: 'Appeal not found' })
const transitionNames = new Map<string, Message>([
  ['open', { zh: '受理', en: 'Received' }],
  ['timer.remind', { zh: '临期提醒', en: 'Deadline reminder' }],
  ['timer.overdue', { zh: '已超期', en: 'Overdue' }],
  ['timer.escalate', { zh: '超期督办', en: 'Escalated for being overdue' }],
  ...appealWorkflow.transitions.map((t) => [t.key, t.name] as const),
])

const centreWork: readonly Permission[] = ['hotline.intake', 'hotline.dispatch', 'hotline.callback', 'hotline.supervise']

/** The centre's staff (agents, dispatchers, supervisors) see who appealed; a handling department sees it only when the appellant allowed it. */
function seesAppellant(actor: Actor, appeal: AppealRow): boolean {
  const centre = centreWork.some((p) => hasAccess(actor, p, { regionCode: appeal.handlingRegionCode }))
  return centre || !appeal.confidential
}

/** Whether the actor may see this appeal at all: its region, and for a department, its own cases. */
function requireRead(actor: Actor, appeal: AppealRow): void {
  requireAccess(actor, 'hotline.read', { regionCode: appeal.handlingRegionCode, orgId: appeal.orgId ?? undefined })
}

export interface AppealView {
  id: string
  number: string
  line: string
  channel: string
  type: string
  categoryKey: string | null
  regionCode: string
  regionName: string | null
  title: string
  content: string
  location: string | null
  appellant: { name: string | null; phone: string | null } | null
  confidential: boolean
  emergency: string | null
  emergencyRef: string | null
  resolvedOnCall: boolean
  knowledgeEntryId: string | null
  classification: AppealRow['classification']
  state: string
  stateName: Message
  caseVersion: number
  orgId: string | null
  orgName: string | null
  handlingRegionCode: string
  deadline: string | null
  alarm: number
  escalation: number
  mergedInto: string | null
  answer: string | null
  satisfaction: Satisfaction | null
  submittedAt: string
  dispatchedAt: string | null
  dispatchDueAt: string
  answeredAt: string | null
  answeredLate: boolean | null
  calledBackAt: string | null
  closedAt: string | null
  /** What this viewer may do now, so a page shows only buttons that work. */
  actions: { key: string; name: Message; requires: string[]; choices?: Record<string, readonly string[]> }[]
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

function viewOf(deps: PlatformDeps, actor: Actor, row: AppealRow, names: { regions: ReadonlyMap<string, { name: string }>; orgs: ReadonlyMap<string, { name: string }> }): AppealView {
  const shows = seesAppellant(actor, row)
  const name = row.appellantNameCipher && deps.pii.decrypt(row.appellantNameCipher)
  const phone = row.appellantPhoneCipher && deps.pii.decrypt(row.appellantPhoneCipher)
  return {
    id: row.id,
    number: row.number,
    line: row.line,
    channel: row.channel,
    type: row.type,
    categoryKey: row.categoryKey,
    regionCode: row.regionCode,
    regionName: names.regions.get(row.regionCode)?.name ?? null,
    title: row.title,
    content: row.content,
    location: row.location,
    appellant: shows ? { name: name ? maskName(name) : null, phone: phone ? maskPhone(phone) : null } : null,
    confidential: row.confidential,
    emergency: row.emergency,
    emergencyRef: row.emergencyRef,
    resolvedOnCall: row.resolvedOnCall,
    knowledgeEntryId: row.knowledgeEntryId,
    classification: row.classification,
    state: row.state,
    stateName: appealStateNames.get(row.state) ?? { zh: row.state, en: row.state },
    caseVersion: row.caseVersion,
    orgId: row.orgId,
    orgName: row.orgId ? (names.orgs.get(row.orgId)?.name ?? null) : null,
    handlingRegionCode: row.handlingRegionCode,
    deadline: row.deadline,
    alarm: row.alarm,
    escalation: row.escalation,
    mergedInto: row.mergedInto,
    answer: row.answer,
    satisfaction: row.satisfaction,
    submittedAt: row.submittedAt.toISOString(),
    dispatchedAt: iso(row.dispatchedAt),
    dispatchDueAt: row.dispatchDueAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    answeredLate: row.answeredLate,
    calledBackAt: iso(row.calledBackAt),
    closedAt: iso(row.closedAt),
    actions: actionsFor(actor, row),
  }
}

/** The fields a person fills in for a transition: the engine's names as the hotline's form has them (a department picks its region; a duplicate names an appeal). */
function formFields(fields: readonly string[]): string[] {
  return [...new Set(fields.filter((f) => f !== 'regionCode').map((f) => (f === 'primaryCaseId' ? 'primaryAppealId' : f)))]
}

function actionsFor(actor: Actor, row: AppealRow): AppealView['actions'] {
  if (actor.kind !== 'staff') return []
  const who = commandActor(actor)
  return appealWorkflow.transitions
    .filter((t) => t.from.includes(row.state) && mayFire(who, t.permission, { regionCode: row.handlingRegionCode, orgId: row.orgId }))
    .map((t) => ({ key: t.key, name: t.name, requires: formFields([...(t.requires ?? []), ...effectRequires[t.effect ?? 'none']]), ...(t.choices ? { choices: t.choices } : {}) }))
}

/** Region and department names, from the hotline's in-memory reference. */
async function namesFor(deps: PlatformDeps) {
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  return { regions: reference.regions, orgs: reference.orgs }
}

/** An appeal as the one who just filed it sees it. */
export async function viewOfFiled(deps: PlatformDeps, actor: Actor, row: AppealRow): Promise<AppealView> {
  return viewOf(deps, actor, row, await namesFor(deps))
}

export interface AppealQuery {
  /** dispatch: the centre's queue; inbox: the actor's department; all: everything in scope. */
  view: 'dispatch' | 'inbox' | 'all'
  state?: string
  line?: HotlineLine
  categoryKey?: string
  type?: AppealType
  number?: string
  /** The appeal of a workflow case (a notice names the case). */
  caseId?: string
  q?: string
  overdue?: boolean
  page: number
  pageSize: number
}

const queueStates: Record<AppealQuery['view'], readonly string[] | undefined> = {
  dispatch: ['received', 'objected', 'extension_requested'],
  inbox: ['handling', 'objected', 'extension_requested'],
  all: undefined,
}

/** A page of the appeals in the actor's scope: the dispatch queue, a department's inbox, or all. */
export async function listAppeals(deps: PlatformDeps, ctx: RequestContext, query: AppealQuery): Promise<{ items: AppealView[]; total: number }> {
  const actor = requireStaff(ctx.actor)
  requireAccess(actor, 'hotline.read')
  const departmentOnly = actor.departmentScoped.has('hotline.read')
  if (query.view === 'dispatch') requireAccess(actor, 'hotline.dispatch')
  const filter: AppealFilter = {
    regionPrefix: actor.regionCode,
    states: query.state ? [query.state] : queueStates[query.view],
    orgId: query.view === 'inbox' || departmentOnly ? actor.orgId : undefined,
    line: query.line,
    categoryKey: query.categoryKey,
    type: query.type,
    number: query.number,
    caseId: query.caseId,
    overdueOn: query.overdue ? shanghaiDay(deps.clock.now()) : undefined,
  }
  const { rows, total } = await listAppealRows(deps.db, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }, query.q ? tsqueryOf(query.q) : null)
  const names = await namesFor(deps)
  return { items: rows.map((row) => viewOf(deps, actor, row, names)), total }
}

export interface TimelineStep {
  seq: number
  transition: string
  name: Message
  from: string
  to: string
  at: string
  actor: string
  orgName: string | null
  fields: Record<string, unknown>
}

/** One appeal as a staff member sees it, with its history and the duplicates merged into it. */
export async function getAppeal(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<AppealView & { timeline: TimelineStep[]; merged: { id: string; number: string }[] }> {
  const actor = requireStaff(ctx.actor)
  const row = await findAppeal(deps.db, id)
  if (!row) throw appealNotFound()
  requireRead(actor, row)
  const [events, merged, names] = await Promise.all([eventsOf(deps.db, row.caseId), appealsMergedInto(deps.db, row.caseId), namesFor(deps)])
  const timeline = events.map((e) => ({
    seq: e.seq,
    transition: e.transition,
    name: transitionNames.get(e.transition) ?? { zh: e.transition, en: e.transition },
    from: e.from,
    to: e.to,
    at: e.at.toISOString(),
    actor: e.actor,
    orgName: e.orgId ? (names.orgs.get(e.orgId)?.name ?? null) : null,
    fields: publicFields(e.fields),
  }))
  return { ...viewOf(deps, actor, row, names), timeline, merged: merged.map((m) => ({ id: m.id, number: m.number })) }
}

/** The fields of a step worth showing (never an internal id). */
function publicFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const shown = ['reason', 'answer', 'days', 'satisfaction', 'service', 'reference', 'via']
  return Object.fromEntries(Object.entries(fields).filter(([key]) => shown.includes(key)))
}

/** The appellant's name and phone in full, for a caller holding pii.read; audited. */
export async function revealAppellant(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<{ name: string | null; phone: string | null }> {
  const actor = requireStaff(ctx.actor)
  const row = await findAppeal(deps.db, id)
  if (!row) throw appealNotFound()
  requireRead(actor, row)
  requireAccess(actor, 'pii.read', { regionCode: row.handlingRegionCode })
  if (!seesAppellant(actor, row)) throw new AppError('forbidden', 'appellant_confidential', { zh: '诉求人要求保密', en: 'The appellant asked for confidentiality' })
  return deps.db.transaction().execute(async (trx) => {
    await recordAudit(trx, auditContext(deps, ctx), { action: 'pii.reveal', targetType: 'hotline_appeal', targetId: row.id, regionCode: row.handlingRegionCode, detail: { fields: ['appellantName', 'appellantPhone'] } })
    return { name: row.appellantNameCipher && deps.pii.decrypt(row.appellantNameCipher), phone: row.appellantPhoneCipher && deps.pii.decrypt(row.appellantPhoneCipher) }
  })
}

export interface AppealAction {
  transition: string
  expectedVersion: number
  fields?: { reason?: string; answer?: string; days?: number; orgId?: string; satisfaction?: string; primaryAppealId?: string; service?: string; reference?: string; knowledgeEntryId?: string }
}

/**
 * A staff member moves an appeal: the engine checks the state, the version and who may fire the
 * transition; the hotline turns what the form names (a department, the appeal a duplicate joins)
 * into what the engine needs.
 */
export async function actOnAppeal(deps: PlatformDeps, ctx: RequestContext, id: string, action: AppealAction): Promise<AppealView> {
  const actor = requireStaff(ctx.actor)
  const row = await findAppeal(deps.db, id)
  if (!row) throw appealNotFound()
  requireRead(actor, row)
  const fields: Record<string, unknown> = { ...action.fields }
  if (action.fields?.orgId) {
    const org = await findOrg(deps.db, action.fields.orgId)
    if (!org) throw new AppError('invalid', 'assignee_invalid', { zh: '承办部门不存在', en: 'The department does not exist' }, { field: 'orgId' })
    fields.regionCode = org.regionCode
  }
  if (action.fields?.knowledgeEntryId) await requirePublishedKnowledge(deps, action.fields.knowledgeEntryId)
  if (action.fields?.primaryAppealId) {
    const primary = await findAppeal(deps.db, action.fields.primaryAppealId)
    if (!primary) throw new AppError('invalid', 'merge_target_invalid', { zh: '要并入的诉求不存在', en: 'The appeal to merge into does not exist' }, { field: 'primaryAppealId' })
    fields.primaryCaseId = primary.caseId
    delete fields.primaryAppealId
  }
  await deps.db.transaction().execute((trx) => fireTransition(trx, deps, ctx, row.caseId, { transition: action.transition, expectedVersion: action.expectedVersion, fields }))
  const updated = (await findAppeal(deps.db, id))!
  return viewOf(deps, actor, updated, await namesFor(deps))
}

/**
 * Keeps an appeal in step with its case, in the transition's transaction: its place in the
 * workflow, and what each step means for the appellant (dispatched, answered, called back). A
 * reply to a case reaches every appeal merged into it, so each appellant hears the answer.
 */
export async function followCase(trx: Tx, _deps: PlatformDeps, _ctx: RequestContext, payload: unknown): Promise<void> {
  const event = payload as CaseChangedEvent
  if (event.kind !== APPEAL_WORKFLOW) return
  const appeal = await findAppealByCase(trx, event.caseId)
  if (!appeal) return
  await updateAppeal(trx, appeal.id, appealChanges(appeal, event))
  if (event.transition === 'reply') {
    for (const duplicate of await appealsMergedInto(trx, event.caseId)) await updateAppeal(trx, duplicate.id, { answer: String(event.fields.answer), answeredAt: event.at, updatedAt: event.at })
  }
}

/** What a change of its case means for an appeal: where it stands, and when it was dispatched, answered, called back or closed. */
export function appealChanges(appeal: { dispatchedAt?: Date | string | null }, event: CaseChangedEvent): Partial<Omit<AppealRow, 'classification'>> {
  const c = event.case
  const fields = event.fields
  const deadlinePassed = c.deadline !== null && event.on > c.deadline
  return {
    ...caseCopy(c),
    updatedAt: event.at,
    ...(event.transition === 'dispatch' && !appeal.dispatchedAt ? { dispatchedAt: event.at } : {}),
    ...(event.transition === 'reply' ? { answer: String(fields.answer), answeredAt: event.at, answeredLate: deadlinePassed } : {}),
    ...(event.transition === 'callback' ? { satisfaction: fields.satisfaction as Satisfaction, calledBackAt: event.at, closedAt: event.at } : {}),
    ...(event.transition === 'resolve_on_call' ? { answer: String(fields.answer), answeredAt: event.at, answeredLate: false, resolvedOnCall: true, closedAt: event.at, knowledgeEntryId: typeof fields.knowledgeEntryId === 'string' ? fields.knowledgeEntryId : null } : {}),
    ...(event.transition === 'transfer_emergency' ? { emergency: fields.service as '110', emergencyRef: String(fields.reference), closedAt: event.at } : {}),
    ...(event.transition === 'reopen' ? { closedAt: null, satisfaction: null } : {}),
  }
}

export interface PublicProgress {
  number: string
  title: string
  type: string
  line: string
  submittedAt: string
  state: string
  stateName: Message
  orgName: string | null
  deadline: string | null
  answer: string | null
  answeredAt: string | null
  satisfaction: Satisfaction | null
  /** Set when the appeal was merged with others about the same matter: the progress shown is theirs. */
  mergedWith: string | null
  steps: { name: Message; at: string }[]
}

const publicSteps = new Set(['open', 'dispatch', 'reply', 'callback', 'resolve_on_call', 'reopen', 'merge', 'transfer_emergency', 'approve_extension'])

/** What an appellant sees with the number and the query code: the same answer for a wrong code as for no such appeal. */
export async function followAppeal(deps: PlatformDeps, number: string, code: string): Promise<PublicProgress> {
  const own = await findAppealByNumber(deps.db, number)
  if (!own || own.queryCodeHash !== deps.pii.blindIndex(`${number}:${code}`)) throw appealNotFound()
  const primary = own.mergedInto ? await findAppealByCase(deps.db, own.mergedInto) : undefined
  const shown = primary ?? own
  const [events, org] = await Promise.all([eventsOf(deps.db, shown.caseId), shown.orgId ? findOrg(deps.db, shown.orgId) : undefined])
  return {
    number: own.number,
    title: own.title,
    type: own.type,
    line: own.line,
    submittedAt: own.submittedAt.toISOString(),
    state: shown.state,
    stateName: appealStateNames.get(shown.state) ?? { zh: shown.state, en: shown.state },
    orgName: org?.name ?? null,
    deadline: shown.deadline,
    answer: own.answer ?? shown.answer,
    answeredAt: iso(own.answeredAt ?? shown.answeredAt),
    satisfaction: own.satisfaction,
    mergedWith: primary?.number ?? null,
    steps: events.filter((e) => publicSteps.has(e.transition)).map((e) => ({ name: transitionNames.get(e.transition)!, at: e.at.toISOString() })),
  }
}

/** The categories with their names, for forms and filters. */
export async function categories(deps: PlatformDeps) {
  return (await listCategories(deps.db)).filter((c) => c.active)
}
