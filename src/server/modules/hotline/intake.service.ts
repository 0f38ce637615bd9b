import { randomInt } from 'node:crypto'
import { shanghaiDay } from '../../platform/calendar/calendar'
import type { Tx } from '../../platform/db/database'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { tsvectorOf } from '../../platform/search/text'
import { fireTransition, openWorkflowCase } from '../workflow'
import { APPEAL_WORKFLOW } from './appeal.workflow'
import type { AppealChannel, AppealType, HotlineLine, StoredClassification } from './appeals.tables'
import { findAppealByExternalRef, insertAppeal, nextAppealNumber, type AppealRow } from './appeals.repository'
import { suggestCategories } from './classifier.service'
import type { Classification } from './classifier'
import { routeAppeal, type Route } from './dispatch.service'
import { emergencySignals } from './emergency'
import { requirePublishedKnowledge } from './knowledge.service'
import type { SettleInput } from './appeals.schemas'
import type { Static } from 'typebox'
import { hotlineReference, type HotlineReference } from './reference'

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

/** Whether the line files appeals under this category. */
function lineUses(reference: HotlineReference, key: string, line: HotlineLine): boolean {
  const category = reference.categories.get(key)
  return category !== undefined && category.active && category.lines.includes(line)
}

/** A category the appeal's line uses, or a clear error. */
function requireCategory(reference: HotlineReference, key: string, line: HotlineLine): string {
  if (!lineUses(reference, key, line)) throw invalid('category_unknown', '诉求分类不存在或不属于该热线', 'Unknown category for this line', 'categoryKey')
  return key
}

/**
 * Takes in an appeal from any channel: checks it, classifies it when no category is given, flags
 * a possible emergency, opens its case with the type's time limit and, when the category is
 * certain and a route is known, dispatches it at once. Everything commits together; a retry with
 * the same external reference returns the appeal already filed. `onFiled` runs in the same
 * transaction, for what a channel keeps beside the appeal.
 */
export async function submitAppeal(deps: PlatformDeps, ctx: RequestContext, channel: AppealChannel, input: AppealInput, onFiled?: (trx: Tx, appeal: AppealRow) => Promise<void>): Promise<Intake> {
  const text = `${input.title ?? ''} ${input.content}`.trim()
  if (input.content.trim() === '') throw invalid('content_required', '请填写诉求内容', 'Please describe the appeal', 'content')
  const classification = await suggestCategories(deps, text)
  const emergencies = emergencySignals(text)
  if (input.externalRef) {
    const filed = await findAppealByExternalRef(deps.db, channel, input.externalRef)
    if (filed) return { appeal: filed, queryCode: null, classification, route: null, emergencies, duplicate: true }
  }
  const reference = await hotlineReference(deps.db, deps.homeProvince)
  const regionCode = appealRegion(reference, input.regionCode)
  const given = input.categoryKey === undefined ? null : requireCategory(reference, input.categoryKey, input.line)
  const suggested = classification.confident && classification.best ? classification.best.label : null
  const categoryKey = given ?? (suggested && lineUses(reference, suggested, input.line) ? suggested : null)
  const phone = input.appellantPhone ? normalisePhone(input.appellantPhone) : null
  if (input.settle?.transition === 'resolve_on_call' && input.settle.knowledgeEntryId) await requirePublishedKnowledge(deps, input.settle.knowledgeEntryId)
  // A possible emergency waits for the agent's decision instead of going out on its own; a settled one goes nowhere.
  const route = emergencies.length > 0 || input.settle ? null : routeAppeal(reference, { categoryKey, regionCode, line: input.line, text })
  const limits = reference.limits
  const stored: StoredClassification = { categoryKey: classification.best?.label ?? null, probability: classification.best?.probability ?? 0, confident: classification.confident, route: route?.via ?? 'dispatcher' }
  const queryCode = String(randomInt(0, 1_000_000)).padStart(6, '0')

  const appeal = await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now()
    const number = await nextAppealNumber(trx, shanghaiDay(at))
    const opened = await openWorkflowCase(trx, deps, ctx, { kind: APPEAL_WORKFLOW, regionCode, orgId: null, limitDays: limits[input.type] })
    const row = await insertAppeal(trx, {
      number,
      caseId: opened.id,
      queryCodeHash: deps.pii.blindIndex(`${number}:${queryCode}`),
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
      emergency: null,
      emergencyRef: null,
      knowledgeEntryId: null,
      classification: stored,
      state: opened.state,
      caseVersion: opened.version,
      orgId: null,
      handlingRegionCode: regionCode,
      deadline: opened.deadline,
      mergedInto: null,
      answer: null,
      satisfaction: null,
      submittedAt: at,
      dispatchedAt: null,
      dispatchDueAt: new Date(at.getTime() + DISPATCH_LIMIT_MS),
      answeredAt: null,
      answeredLate: null,
      calledBackAt: null,
      closedAt: null,
      search: tsvectorOf({ a: [input.title], b: [input.content, input.location] }),
    })
    if (route) await dispatchByRule(trx, deps, row, route)
    if (input.settle) {
      const { transition, ...fields } = input.settle
      await fireTransition(trx, deps, ctx, row.caseId, { transition, expectedVersion: row.caseVersion, fields })
    }
    // What a channel keeps beside the appeal (Open311's client and media link) commits with it.
    await onFiled?.(trx, row)
    return row
  })
  return { appeal, queryCode, classification, route, emergencies, duplicate: false }
}

const dispatcherSystem: RequestContext = { actor: { kind: 'system', name: 'hotline.auto-dispatch' }, ip: null }

/** Sends a new appeal where its route says, as the system, in the intake's transaction. */
async function dispatchByRule(trx: Tx, deps: PlatformDeps, appeal: AppealRow, route: Route): Promise<void> {
  await fireTransition(trx, deps, dispatcherSystem, appeal.caseId, { transition: 'dispatch', expectedVersion: appeal.caseVersion, fields: { orgId: route.orgId, regionCode: route.regionCode, via: route.via } })
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
  const report: ImportReport = { filed: 0, duplicates: 0, rejected: [] }
  for (const [index, appeal] of appeals.entries()) {
    try {
      const intake = await submitAppeal(deps, ctx, 'national', appeal)
      if (intake.duplicate) report.duplicates++
      else report.filed++
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      report.rejected.push({ index, externalRef: appeal.externalRef, id: error.id, zh: error.text.zh, en: error.text.en })
    }
  }
  return report
}
