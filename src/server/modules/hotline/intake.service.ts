import { randomInt, randomUUID } from 'node:crypto'
import { shanghaiDay } from '../../platform/calendar/calendar'
import type { Write } from '../../platform/db/database'
import { createGroupCommit, type GroupCommit } from '../../platform/db/group-commit'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { documentTokens, searchTokensFrom } from '../../platform/search/text'
import { decideOpenings, type Opened, type Opening } from '../workflow'
import { APPEAL_WORKFLOW } from './appeal.workflow'
import type { AppealChannel, AppealType, HotlineLine, StoredClassification } from './appeals.tables'
import { caseCopy, findAppealsByExternalRef, insertAppeals, reserveNumbers, type AppealRow, type NewAppeal } from './appeals.repository'
import { appealChanges } from './appeals.service'
import { suggestCategories } from './classifier.service'
import type { Classification } from './classifier'
import { routeAppeal, type Route } from './dispatch.service'
import { emergencySignals } from './emergency'
import { requirePublishedKnowledge } from './knowledge.service'
import type { SettleInput } from './appeals.schemas'
import type { Static } from 'typebox'
import { hotlineReference, lineUses, requireCategory, type HotlineReference } from './reference'

export interface AppealInput {
  line: HotlineLine
  type: AppealType
  categoryKey?: string
  regionCode: string
  title?: string
  content: string
  location?: string
  latitude?: number
  longitude?: number
  appellantName?: string
  appellantPhone?: string
  confidential?: boolean
  /** The appeal's id on the platform it came from (a national platform, a messaging channel), so a retry never files it twice. */
  externalRef?: string
  /** Settled by the agent on the call instead of being dispatched. */
  settle?: Static<typeof SettleInput>
}

export interface Intake {
  appeal: AppealRow
  /** Given to the appellant once, with the number, to follow the appeal; only its digest is stored. */
  queryCode: string | null
  classification: Classification
  route: Route | null
  emergencies: ReturnType<typeof emergencySignals>
  /** True when the appeal was already filed under the same external reference. */
  duplicate: boolean
}

/** How long the centre has to dispatch an appeal (派单时限). */
export const DISPATCH_LIMIT_MS = 2 * 60 * 60 * 1000

const mobile = /^1[3-9]\d{9}$/
const landline = /^0\d{2,3}-?\d{7,8}$/

const invalid = (id: string, zh: string, en: string, field: string) => new AppError('invalid', id, { zh, en }, { field })

/** A phone number as stored: digits (and a landline's dash) only, or a clear error. */
export function normalisePhone(phone: string): string {
  const compact = phone.replace(/[\s()（）]/g, '').replace(/^\+?86/, '')
  if (!mobile.test(compact) && !landline.test(compact)) throw invalid('phone_invalid', '电话号码格式不正确', 'The phone number is not valid', 'appellantPhone')
  return compact
}

/** The region an appeal is about: in the home province, the province, a city or a county (a street is recorded in the location). */
function appealRegion(reference: HotlineReference, code: string): string {
  if (!reference.regions.has(code)) throw invalid('region_invalid', '诉求所在地区不正确', 'The region of the appeal is not valid', 'regionCode')
  return code
}

/** An appeal checked, classified and routed, with its row but for what its group gives it (number, case, times). */
interface Filing {
  ctx: RequestContext
  input: AppealInput
  classification: Classification
  emergencies: ReturnType<typeof emergencySignals>
  route: Route | null
  limitDays: number
  queryCode: string
  row: Omit<NewAppeal, 'number' | 'caseId' | 'queryCodeHash' | 'submittedAt' | 'dispatchDueAt' | 'updatedAt' | 'state' | 'caseVersion' | 'handlingRegionCode' | 'orgId' | 'deadline' | 'mergedInto'> & { id: string }
  alongWith?: AlongWith
}

/** A write a channel keeps beside the appeal, stored with it in the same statement. */
export type AlongWith = (appeal: { id: string; submittedAt: Date }) => Write

/**
 * Takes in an appeal from any channel: checks it, classifies it when no category is given, flags
 * a possible emergency, opens its case with the type's time limit and, when the category is
 * certain and a route is known, dispatches it at once. Everything commits together; a retry with
 * the same external reference returns the appeal already filed. `alongWith` is what a channel
 * keeps beside the appeal, stored with it. A busy intake writes appeals in groups
 * (filingGroups); an appeal is acknowledged only once its group has committed.
 */
export async function submitAppeal(deps: PlatformDeps, ctx: RequestContext, channel: AppealChannel, input: AppealInput, alongWith?: AlongWith): Promise<Intake> {
  const filing = await prepareFiling(deps, ctx, channel, input)
  return filingGroups(deps).submit({ ...filing, alongWith })
}

/** Everything that needs no writing: the checks (before any work), classification, emergency signs and the route. */
async function prepareFiling(deps: PlatformDeps, ctx: RequestContext, channel: AppealChannel, input: AppealInput): Promise<Filing> {
  if (input.content.trim() === '') throw invalid('content_required', '请填写诉求内容', 'Please describe the appeal', 'content')
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  const regionCode = appealRegion(reference, input.regionCode)
  const given = input.categoryKey === undefined ? null : requireCategory(reference, input.categoryKey, input.line)
  const phone = input.appellantPhone ? normalisePhone(input.appellantPhone) : null
  if (input.settle?.transition === 'resolve_on_call' && input.settle.knowledgeEntryId) await requirePublishedKnowledge(deps, input.settle.knowledgeEntryId)
  const text = `${input.title ?? ''} ${input.content}`.trim()
  // Each part is cut once, for the classifier and for the search column alike.
  const titleTokens = documentTokens(input.title)
  const contentTokens = documentTokens(input.content)
  const classification = await suggestCategories(deps, [...titleTokens, ...contentTokens])
  const emergencies = emergencySignals(text)
  const suggested = classification.confident && classification.best ? classification.best.label : null
  const categoryKey = given ?? (suggested && lineUses(reference, suggested, input.line) ? suggested : null)
  // A possible emergency waits for the agent's decision instead of going out on its own; a settled one goes nowhere.
  const route = emergencies.length > 0 || input.settle ? null : routeAppeal(reference, { categoryKey, regionCode, line: input.line, text })
  const stored: StoredClassification = { categoryKey: classification.best?.label ?? null, probability: classification.best?.probability ?? 0, confident: classification.confident, route: route?.via ?? 'dispatcher' }
  // Tokens and ciphers are computed here, while other appeals are being written, not in the group's transaction.
  const row: Filing['row'] = {
    id: randomUUID(),
    line: input.line,
    channel,
    type: input.type,
    categoryKey,
    regionCode,
    title: input.title?.trim() || titleOf(input.content),
    content: input.content.trim(),
    location: input.location ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    appellantNameCipher: input.appellantName ? deps.pii.encrypt(input.appellantName) : null,
    appellantPhoneCipher: phone && deps.pii.encrypt(phone),
    appellantPhoneIndex: phone && deps.pii.blindIndex(phone),
    confidential: input.confidential ?? false,
    publicAccountId: ctx.actor.kind === 'public' ? ctx.actor.id : null,
    externalRef: input.externalRef ?? null,
    classification: stored,
    search: searchTokensFrom(titleTokens, [...contentTokens, ...documentTokens(input.location)]),
  }
  const queryCode = String(randomInt(0, 1_000_000)).padStart(6, '0')
  return { ctx, input, classification, emergencies, route, limitDays: reference.limits[input.type], queryCode, row }
}

// One group at a time, of up to 64: while it is written the next one gathers. Two or more at a
// time made smaller groups and more round trips, and filed fewer appeals (bench/intake.bench.ts).
const groups = new WeakMap<PlatformDeps, GroupCommit<Filing, Intake>>()

function filingGroups(deps: PlatformDeps): GroupCommit<Filing, Intake> {
  let group = groups.get(deps)
  if (!group) {
    const spareNumbers: number[] = []
    group = createGroupCommit((filings) => fileGroup(deps, filings, spareNumbers), { maxSize: 64, maxInFlight: 1 })
    groups.set(deps, group)
  }
  return group
}

/**
 * Writes a group of appeals: their numbers, their cases opened (and dispatched or settled) by the
 * engine, and their rows, all in one statement, atomic without a transaction, so a group costs
 * one round trip. A retry of an appeal filed before under the same external reference is caught
 * by the reference's unique index, not looked for first: its group fails and is written again
 * one appeal at a time (createGroupCommit), and the retry, alone, is answered with the original.
 */
async function fileGroup(deps: PlatformDeps, filings: readonly Filing[], spareNumbers: number[]): Promise<Intake[]> {
  try {
    return await writeGroup(deps, filings, spareNumbers)
  } catch (error) {
    const retried = filings.length === 1 && isExternalRefTaken(error) ? await filedBefore(deps, filings[0]!) : undefined
    if (!retried) throw error
    return [{ classification: retried.filing.classification, emergencies: retried.filing.emergencies, appeal: retried.appeal, queryCode: null, route: null, duplicate: true }]
  }
}

async function writeGroup(deps: PlatformDeps, filings: readonly Filing[], spareNumbers: number[]): Promise<Intake[]> {
  const at = deps.clock.now()
  const numbers = await reserveNumbers(deps.db, filings.map(() => shanghaiDay(at)), spareNumbers)
  const { opened, writes } = await decideOpenings(deps.db, deps, filings.map((f) => ({ ctx: f.ctx, kind: APPEAL_WORKFLOW, regionCode: f.row.regionCode, orgId: null, limitDays: f.limitDays, moves: firstMoves(f) })))
  const rows = filings.map((f, i) => appealRow(deps, f, numbers[i]!, opened[i]!, at))
  // What a channel keeps beside the appeal (Open311's client and media link) goes in the same statement.
  const besides = filings.flatMap((f) => (f.alongWith ? [f.alongWith({ id: f.row.id, submittedAt: at })] : []))
  const stored = await insertAppeals(deps.db, rows, [...writes, ...besides])
  return filings.map((f, i) => ({ classification: f.classification, emergencies: f.emergencies, appeal: stored[i]!, queryCode: f.queryCode, route: f.route, duplicate: false }))
}

function isExternalRefTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown }
  return code === '23505' && constraint === 'appeal_external_ref_idx'
}

async function filedBefore(deps: PlatformDeps, filing: Filing) {
  const { input, row: { channel } } = filing
  if (!input.externalRef) return undefined
  const appeal = (await findAppealsByExternalRef(deps.db, [{ channel, externalRef: input.externalRef }])).get(`${channel}:${input.externalRef}`)
  return appeal && { filing, appeal }
}

const dispatcherSystem: RequestContext = { actor: { kind: 'system', name: 'hotline.auto-dispatch' }, ip: null }

/** What happens to a new appeal at once: sent where its route says (by the system), or settled by the agent on the call. */
function firstMoves(f: Filing): Opening['moves'] {
  if (f.route) return [{ ctx: dispatcherSystem, transition: 'dispatch', fields: { orgId: f.route.orgId, regionCode: f.route.regionCode, via: f.route.via } }]
  if (f.input.settle) {
    const { transition, ...fields } = f.input.settle
    return [{ ctx: f.ctx, transition, fields }]
  }
  return []
}

/** The appeal as stored: what was filed, its number, and where its case stands after its first moves. */
function appealRow(deps: PlatformDeps, f: Filing, number: string, opened: Opened, at: Date): NewAppeal {
  const row: NewAppeal = {
    ...f.row,
    number,
    caseId: opened.record.id,
    queryCodeHash: deps.pii.blindIndex(`${number}:${f.queryCode}`),
    ...caseCopy(opened.record),
    submittedAt: at,
    dispatchDueAt: new Date(at.getTime() + DISPATCH_LIMIT_MS),
    updatedAt: at,
  }
  for (const change of opened.changes) Object.assign(row, appealChanges(row, change))
  return row
}

/** A title for an appeal given none: its first sentence, at most 30 characters. */
function titleOf(content: string): string {
  const first = content.trim().split(/[。！？!?\n]/)[0] ?? ''
  return Array.from(first).slice(0, 30).join('') || '诉求'
}

/**
 * What the agent sees while typing: the likeliest categories with the department each would go
 * to in the appeal's region, and any sign of an emergency.
 */
export async function suggestForText(deps: PlatformDeps, input: { text: string; line: HotlineLine; regionCode?: string }) {
  const classification = await suggestCategories(deps, input.text)
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  const categories = classification.ranked
    .filter((p) => lineUses(reference, p.label, input.line))
    .map((p) => {
      const category = reference.categories.get(p.label)!
      const route = input.regionCode ? routeAppeal(reference, { categoryKey: p.label, regionCode: input.regionCode, line: input.line, text: input.text }) : null
      return { key: category.key, nameZh: category.nameZh, nameEn: category.nameEn, probability: p.probability, orgId: route?.orgId ?? null, orgName: route ? (reference.orgs.get(route.orgId)?.name ?? null) : null, regionCode: route?.regionCode ?? null }
    })
  return { classification, categories, emergencies: emergencySignals(input.text) }
}

export interface ImportReport {
  filed: number
  duplicates: number
  rejected: { index: number; externalRef: string; id: string; zh: string; en: string }[]
}

/**
 * Files a batch transferred from a national platform, each appeal on its own: a bad one is
 * reported with its reason and does not hold back the rest; one filed before is not filed again.
 */
export async function importAppeals(deps: PlatformDeps, ctx: RequestContext, appeals: readonly (AppealInput & { externalRef: string })[]): Promise<ImportReport> {
  // Submitted together, the batch is written in a few groups rather than one transaction per appeal.
  const outcomes = await Promise.allSettled(appeals.map((appeal) => submitAppeal(deps, ctx, 'national', appeal)))
  const report: ImportReport = { filed: 0, duplicates: 0, rejected: [] }
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'fulfilled') {
      if (outcome.value.duplicate) report.duplicates++
      else report.filed++
    } else {
      if (!(outcome.reason instanceof AppError)) throw outcome.reason
      const error = outcome.reason
      report.rejected.push({ index, externalRef: appeals[index]!.externalRef, id: error.id, zh: error.text.zh, en: error.text.en })
    }
  }
  return report
}
