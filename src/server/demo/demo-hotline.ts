import { randomUUID } from 'node:crypto'
import { createCalendar, shanghaiDay, type WorkingCalendar } from '../platform/calendar/calendar'
import type { PlatformDeps, RequestContext } from '../platform/deps'
import { searchTokens } from '../platform/search/text'
import { appealWorkflow, forgetReference, loadHandledAppeals, putDispatchEntries, trainFromHandledAppeals, upsertCategories, type HandledAppeal } from '../modules/hotline'
import { decide, evolve, openCase, registerDefinition, type CaseEvent, type CaseSnapshot, type CommandActor } from '../modules/workflow'
import { demoAppealTexts, type DemoAppealText } from './demo-appeal-texts'
import { demoHotlineCategories } from './demo-hotline-categories'
import { createRandom, type Random } from './random'

const system: RequestContext = { actor: { kind: 'system', name: 'demo-seed' }, ip: null }

/**
 * The hotline's reference data: the categories and, for every city and county, the department that
 * answers each category there (派单目录), found by name among the demo departments. A region
 * lacking the department (a development zone) has no entry and falls back to its city's.
 */
export async function seedDemoDispatchCatalogue(deps: PlatformDeps): Promise<number> {
  if (await deps.db.selectFrom('hotline.category').select('key').limit(1).executeTakeFirst()) return 0
  await upsertCategories(
    deps.db,
    demoHotlineCategories.map((c, i) => ({ key: c.key, nameZh: c.name.zh, nameEn: c.name.en, groupZh: c.group.zh, groupEn: c.group.en, lines: [...c.lines], keywords: [...c.keywords], sort: i + 1 })),
  )
  const regions = await deps.db.selectFrom('platform.region').select(['code', 'name']).where('code', 'like', `${deps.homeProvince}%`).where('level', 'in', [2, 3]).execute()
  const orgs = await deps.db.selectFrom('platform.org').select(['id', 'regionCode', 'name']).where('regionCode', 'like', `${deps.homeProvince}%`).execute()
  const orgByName = new Map(orgs.map((o) => [`${o.regionCode}:${o.name}`, o.id]))
  const entries = regions.flatMap((region) =>
    demoHotlineCategories.flatMap((category) => {
      const orgId = orgByName.get(`${region.code}:${region.name}${category.department}`)
      return orgId ? [{ categoryKey: category.key, regionCode: region.code, orgId }] : []
    }),
  )
  await putDispatchEntries(deps.db, entries)
  forgetReference()
  return entries.length
}


// Where demo appeals come from: Nanjing's districts and Xuzhou's counties, where the demo accounts work.
const demoRegions = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118', '320302', '320303', '320311', '320321', '320322', '320324', '320381', '320382']
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建国', '建华', '志强', '海燕', '玉兰', '晓东']
const surgeTexts = ['小区从昨天晚上开始停水，到现在还没来水，物业说是市政管网的问题，也没有任何通知，家里有老人孩子，请尽快恢复供水。', '我们小区停水快一天了，打自来水公司电话一直占线，什么时候能来水？', '昨晚开始停水，楼里几百户都没水用，希望有关部门尽快抢修并告知恢复时间。']

interface Staffing {
  orgOf: (categoryKey: string, regionCode: string) => { orgId: string; regionCode: string } | undefined
  limits: Record<string, number>
}

const systemActor: CommandActor = 'system'

/** Builds one appeal's history with the engine, step by step, from intake to callback (or as far as it has come). */
function historyOf(text: DemoAppealText, regionCode: string, submittedAt: Date, rng: Random, staffing: Staffing, calendar: WorkingCalendar, now: Date): HandledAppeal['history'] {
  const events: { event: CaseEvent; actor: string; at: Date }[] = []
  let snapshot: CaseSnapshot | null = null
  const add = (event: CaseEvent, actor: string, at: Date) => {
    events.push({ event, actor, at })
    snapshot = evolve(snapshot, event)
  }
  const step = (transition: string, fields: Record<string, unknown>, actor: string, at: Date) => {
    add(decide(appealWorkflow, snapshot!, { transition, expectedVersion: snapshot!.version, actor: systemActor, fields, on: shanghaiDay(at) }, calendar), actor, at)
  }
  add(openCase(appealWorkflow, { regionCode, orgId: null, on: shanghaiDay(submittedAt), limitDays: staffing.limits[text.type] }, calendar), 'agent', submittedAt)
  const later = (from: Date, minutes: number) => new Date(Math.min(from.getTime() + minutes * 60_000, now.getTime() - 60_000))
  if (text.type === 'inquiry' && rng.next() < 0.3) {
    step('resolve_on_call', { answer: '已根据热线百科当场解答。' }, 'agent', later(submittedAt, 6))
    return { events }
  }
  const target = staffing.orgOf(text.categoryKey, regionCode)
  const ageHours = (now.getTime() - submittedAt.getTime()) / 3_600_000
  if (!target || ageHours < 1.5) return { events }
  let at = later(submittedAt, rng.next() < 0.9 ? rng.int(5, 100) : rng.int(130, 400))
  step('dispatch', { ...target, via: 'catalogue' }, 'dispatcher', at)
  if (rng.next() < 0.06) {
    at = later(at, rng.int(60, 600))
    step('return', { reason: '诉求地址不在本部门辖区，请核实后重新派单。' }, 'handler', at)
    at = later(at, rng.int(20, 120))
    step('dispatch', { ...target, via: 'dispatcher' }, 'dispatcher', at)
  }
  const limit = staffing.limits[text.type]!
  const late = rng.next() < 0.05
  const workDays = late ? limit + rng.int(1, 3) : rng.int(1, limit)
  const replyDay = calendar.addWorkingDays(shanghaiDay(at), workDays)
  const replyAt = new Date(`${replyDay}T${String(rng.int(9, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`)
  if (replyAt >= now) return { events }
  step('reply', { answer: '经核实，已安排工作人员现场处理，问题已解决。如有疑问请再次来电。' }, 'handler', replyAt)
  const callbackAt = new Date(replyAt.getTime() + rng.int(18, 40) * 3_600_000)
  if (callbackAt >= now || rng.next() < 0.03) return { events }
  const roll = rng.next()
  const satisfaction = roll < 0.86 ? 'satisfied' : roll < 0.95 ? 'basically_satisfied' : 'dissatisfied'
  step('callback', { satisfaction }, 'agent', callbackAt)
  return { events }
}

/**
 * Two months of demo appeals (about 3,000) handled the way the engine moves them, a fresh water
 * outage in Nanjing's Gulou district (a surge for the Nanjing supervisor's dashboard), and a
 * classifier trained on the handled ones. Runs once.
 */
export async function seedDemoAppeals(deps: PlatformDeps, count = 3000): Promise<number> {
  if (await deps.db.selectFrom('hotline.appeal').select('id').limit(1).executeTakeFirst()) return 0
  // The seed may run before the app (and the hotline's start) has stored the definition the cases name.
  await registerDefinition(deps.db, appealWorkflow, deps.clock.now())
  const calendar = createCalendar()
  const rng = createRandom(12345)
  const now = deps.clock.now()
  const entries = await deps.db.selectFrom('hotline.dispatchEntry').select(['categoryKey', 'regionCode', 'orgId']).execute()
  const byKey = new Map(entries.map((e) => [`${e.categoryKey}:${e.regionCode}`, e]))
  const limits = Object.fromEntries((await deps.db.selectFrom('hotline.typeLimit').select(['type', 'limitDays']).execute()).map((r) => [r.type, r.limitDays]))
  const staffing: Staffing = {
    orgOf: (categoryKey, regionCode) => {
      const entry = byKey.get(`${categoryKey}:${regionCode}`) ?? byKey.get(`${categoryKey}:${regionCode.slice(0, 4)}`)
      return entry && { orgId: entry.orgId, regionCode: entry.regionCode }
    },
    limits,
  }
  // Each appeal is filed in the district its text speaks of, among Nanjing's and Xuzhou's.
  const places = await deps.db.selectFrom('platform.region').select(['code', 'name']).where('code', 'in', demoRegions).execute()
  const cityNames = new Map((await deps.db.selectFrom('platform.region').select(['code', 'name']).where('code', 'in', ['3201', '3203']).execute()).map((c) => [c.code, c.name]))
  const placeOf = places.map((p) => ({ code: p.code, place: { city: cityNames.get(p.code.slice(0, 4)) ?? '', district: p.name } }))
  const codeOf = new Map(placeOf.map((p) => [`${p.place.city}:${p.place.district}`, p.code]))
  const texts = demoAppealTexts(count, 2026, placeOf.map((p) => p.place))
  const surge = surgeTexts.flatMap((content) => Array.from({ length: 12 }, () => ({ categoryKey: 'urban.utilities', type: 'help' as const, line: '12345' as const, title: '小区停水', text: `凤凰西街紫竹苑${content}`, place: { city: '南京市', district: '鼓楼区' } })))
  const all = [
    ...texts.map((text) => ({ text, regionCode: codeOf.get(`${text.place.city}:${text.place.district}`)!, hoursAgo: Math.floor(Math.pow(rng.next(), 1.3) * 60 * 24) + 1 })),
    ...surge.map((text) => ({ text, regionCode: '320106', hoursAgo: rng.int(1, 20) })),
  ]
  const appeals: HandledAppeal[] = all.map(({ text, regionCode, hoursAgo }) => {
    const submittedAt = new Date(now.getTime() - hoursAgo * 3_600_000 - rng.int(0, 59) * 60_000)
    const name = rng.pick([...surnames]) + rng.pick(givenNames)
    const phone = `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`
    return {
      history: historyOf(text, regionCode, submittedAt, rng, staffing, calendar, now),
      appeal: {
        queryCodeHash: randomUUID(),
        line: text.line,
        channel: rng.pick(['phone', 'phone', 'phone', 'web', 'wechat'] as const),
        type: text.type,
        categoryKey: text.categoryKey,
        regionCode,
        title: text.title,
        content: text.text,
        location: null,
        latitude: null,
        longitude: null,
        appellantNameCipher: deps.pii.encrypt(name),
        appellantPhoneCipher: deps.pii.encrypt(phone),
        appellantPhoneIndex: deps.pii.blindIndex(phone),
        confidential: rng.next() < 0.05,
        publicAccountId: null,
        externalRef: null,
        emergency: null,
        emergencyRef: null,
        knowledgeEntryId: null,
        classification: null,
        answer: null,
        satisfaction: null,
        submittedAt,
        dispatchedAt: null,
        dispatchDueAt: new Date(submittedAt.getTime() + 2 * 3_600_000),
        answeredAt: null,
        answeredLate: null,
        calledBackAt: null,
        closedAt: null,
        search: searchTokens({ a: [text.title], b: [text.text] }),
      },
    }
  })
  for (const a of appeals) fillOutcome(a)
  await deps.db.transaction().execute((trx) => loadHandledAppeals(trx, appeals, calendar))
  await trainFromHandledAppeals(deps, system)
  return appeals.length
}

/** The appeal's record of what its history did: when it was dispatched, answered, called back. */
function fillOutcome({ history, appeal }: HandledAppeal): void {
  for (const { event, at } of history.events) {
    if (event.transition === 'dispatch') appeal.dispatchedAt ??= at
    if (event.transition === 'reply' || event.transition === 'resolve_on_call') {
      appeal.answer = String(event.fields.answer)
      appeal.answeredAt = at
      appeal.answeredLate = event.deadline !== null && event.on > event.deadline
    }
    if (event.transition === 'resolve_on_call') {
      appeal.resolvedOnCall = true
      appeal.closedAt = at
    }
    if (event.transition === 'callback') {
      appeal.satisfaction = event.fields.satisfaction as 'satisfied'
      appeal.calledBackAt = at
      appeal.closedAt = at
    }
  }
}
