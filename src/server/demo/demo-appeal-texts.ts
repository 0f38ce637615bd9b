import { createRandom, type Random } from './random'
import { appealTypeNames, demoHotlineCategories, type AppealType, type DemoHotlineCategory, type HotlineLine } from './demo-hotline-categories'
import { appealScripts, type AppealScript } from './demo-appeal-scripts'
import {
  askFrames,
  blindLines,
  chineseCounts,
  citizenSpeakers,
  closings,
  companyWords,
  compoundHeads,
  compoundTails,
  districts,
  durations,
  eateryKinds,
  elders,
  groceryKinds,
  helpless,
  histories,
  hospitalKinds,
  impacts,
  industries,
  kids,
  openings,
  praiseEnds,
  questionEnds,
  reportOpenings,
  roads,
  scenics,
  schoolKinds,
  shopHeads,
  storeKinds,
  suggestionTails,
  surnames,
  times,
  townHeads,
  vagueTails,
  villageHeads,
} from './demo-appeal-phrases'

/**
 * Demo appeal texts as citizens and enterprises say them on the 12345 line or type them into the
 * web form: built from a few templates per category and appeal type, with Jiangsu places,
 * compounds, shops, companies, bus lines, times and amounts in the slots. Like real appeals, some
 * mention another category's matter in passing and some are too vague to place, so a good
 * classifier gets most but not all of them right. The same count and seed give the same texts.
 * The templates themselves are data in demo-appeal-scripts.ts and demo-appeal-phrases.ts.
 */

export interface DemoAppealText {
  categoryKey: string
  type: AppealType
  line: HotlineLine
  title: string
  text: string
  /** The city and district the text speaks of. */
  place: { city: string; district: string }
}

function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const sum = entries.reduce((s, [, w]) => s + w, 0)
  let r = random.next() * sum
  for (const [value, weight] of entries) {
    r -= weight
    if (r < 0) return value
  }
  return entries.at(-1)![0]
}

// ---- slot fillers ----------------------------------------------------------------------------

export type Place = { city: string; district: string }

/** Fills `{slot}`s; a slot used twice in one appeal gets the same value both times. */
function filler(random: Random, place: Place): (template: string) => string {
  const chosen = new Map<string, string>()
  const draw: Record<string, () => string> = {
    city: () => place.city,
    district: () => place.district,
    place: () => place.city + place.district,
    compound: () => random.pick(compoundHeads) + random.pick(compoundTails),
    road: () => random.pick(roads),
    road2: () => random.pick(roads),
    eatery: () => random.pick(shopHeads) + random.pick(eateryKinds),
    store: () => random.pick(shopHeads) + random.pick(storeKinds),
    grocery: () => random.pick(shopHeads) + random.pick(groceryKinds),
    company: () => place.city.slice(0, -1) + random.pick(companyWords) + random.pick(industries) + '有限公司',
    bus: () => `${random.int(1, 199)}路`,
    time: () => random.pick(times),
    duration: () => random.pick(durations),
    amount: () => `${random.int(2, 120) * 500}元`,
    workers: () => `${random.pick(chineseCounts)}个工人`,
    school: () => place.district.slice(0, -1) + random.pick(schoolKinds),
    hospital: () => (random.chance(0.7) ? place.city.slice(0, -1) : place.district) + random.pick(hospitalKinds),
    scenic: () => random.pick(scenics),
    village: () => place.district + random.pick(villageHeads) + '村',
    town: () => random.pick(townHeads) + '镇',
    name: () => random.pick(surnames) + random.pick(['先生', '女士']),
    surname: () => random.pick(surnames),
    month: () => `${random.int(1, 12)}月`,
    floor: () => `${random.int(8, 30)}楼`,
    building: () => `${random.int(1, 40)}栋`,
    elder: () => random.pick(elders),
    kid: () => random.pick(kids),
  }
  return (template) =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const known = chosen.get(slot)
      if (known !== undefined) return known
      const make = draw[slot]
      if (!make) throw new Error(`unknown slot {${slot}}`)
      const value = make()
      chosen.set(slot, value)
      return value
    })
}

// ---- composing an appeal ---------------------------------------------------------------------

const minLength = 40
const maxLength = 200

function composeBody(random: Random, script: AppealScript, type: AppealType): string {
  const speaker = random.pick(script.speakers ?? citizenSpeakers)
  const ask = () => random.pick(askFrames).replace('{ask}', random.pick(script.asks))
  const history = () => (random.chance(0.4) ? `${random.pick(histories)}，` : '')
  switch (type) {
    case 'complaint':
      return `${random.pick(openings)}${speaker}${random.pick(script.problems)}，${history()}${random.pick(impacts)}，${ask()}`
    case 'help':
      return `${random.pick(openings)}${speaker}${random.pick(script.problems)}，${history()}${random.pick(helpless)}，${ask()}`
    case 'report':
      return `${random.pick(reportOpenings)}${random.pick(script.problems)}，${ask()}`
    case 'inquiry':
      return `${random.pick(openings)}${speaker}${random.pick(script.questions)}${random.pick(questionEnds)}`
    case 'suggestion':
      return `${random.pick(openings)}${speaker}我建议${random.pick(script.suggestions)}。${random.pick(suggestionTails)}`
    case 'praise':
      return `${random.pick(openings)}我想表扬一下${random.pick(script.praise)}。${random.pick(praiseEnds)}`
  }
}

/** Which list a type draws its matter from; a type with nothing to say never occurs. */
function hasMatter(script: AppealScript, type: AppealType): boolean {
  if (type === 'inquiry') return script.questions.length > 0
  if (type === 'suggestion') return script.suggestions.length > 0
  if (type === 'praise') return script.praise.length > 0
  return script.problems.length > 0
}

interface Category {
  category: DemoHotlineCategory
  script: AppealScript
  types: (readonly [AppealType, number])[]
}

function categories(): Category[] {
  return demoHotlineCategories.map((category) => {
    const script = appealScripts[category.key]
    if (!script) throw new Error(`no appeal script for category ${category.key}`)
    const types = Object.entries(script.types).flatMap(([type, weight]) => (isAppealType(type) && weight > 0 && hasMatter(script, type) ? [[type, weight] as const] : []))
    return { category, script, types }
  })
}

const isAppealType = (value: string): value is AppealType => value in appealTypeNames

/** Keeps a text within the form's bounds: pads a short one, cuts a long one at a clause. */
function fitLength(random: Random, text: string): string {
  let fitted = text
  while (fitted.length < minLength) fitted += random.pick(closings)
  if (fitted.length <= maxLength) return fitted
  const cut = Math.max(fitted.lastIndexOf('，', maxLength - 1), fitted.lastIndexOf('。', maxLength - 1))
  return `${fitted.slice(0, cut > minLength ? cut : maxLength - 1)}。`
}

/** The topic an agent would title the appeal with: the one sharing most two-character words with it. */
function titleTopic(category: DemoHotlineCategory, script: AppealScript, body: string): string {
  let best = category.name.zh
  let bestShared = 0
  for (const topic of script.topics) {
    let shared = 0
    for (let i = 0; i + 2 <= topic.length; i++) if (body.includes(topic.slice(i, i + 2))) shared++
    if (shared > bestShared) [best, bestShared] = [topic, shared]
  }
  return best
}

/**
 * What the caller says: mostly a matter of the category; sometimes only its topic, or nothing
 * that names it; sometimes a second matter in passing (the appeal stays filed under the first).
 */
function appealBody(random: Random, all: readonly Category[], pick: Category, type: AppealType, topic: string): string {
  const roll = random.next()
  if (roll < 0.02) return `${random.pick(openings)}${random.pick(blindLines)}，${random.pick(closings)}`
  if (roll < 0.07) return `${random.pick(openings)}${random.pick(pick.script.speakers ?? citizenSpeakers)}想反映一下${topic}的问题，${random.pick(vagueTails)}`
  let body = composeBody(random, pick.script, type)
  const other = () => random.pick(all.filter((c) => c !== pick))
  if (roll > 0.94) body += `另外，${random.pick(other().script.problems)}。`
  else if (roll > 0.86) body += `另外${random.pick(other().category.keywords)}的事情也想顺便问一下。`
  if (random.chance(0.25)) body += random.pick(closings)
  return body
}

function appealText(random: Random, all: readonly Category[], pick: Category, places?: readonly Place[]): DemoAppealText {
  const { category, script } = pick
  const place = places ? random.pick(places) : randomPlace(random)
  const fill = filler(random, place)
  const type = pickWeighted(random, pick.types)
  const line = category.lines.length > 1 && random.chance(0.25) ? random.pick(category.lines.slice(1)) : category.lines[0]!
  const body = appealBody(random, all, pick, type, random.pick(script.topics))
  const title = `关于{district}${titleTopic(category, script, body)}的${appealTypeNames[type].zh}`
  return { categoryKey: category.key, type, line, title: fill(title), text: fitLength(random, fill(body)), place }
}

const cities = Object.keys(districts)

function randomPlace(random: Random): Place {
  const city = random.pick(cities)
  return { city, district: random.pick(districts[city]!) }
}

/**
 * `count` demo appeals, categories as often as a city hotline sees them (property, noise and
 * unpaid wages most, praise rarely). The same count and seed give the same appeals, and a
 * larger count extends a smaller one. `places` confines the appeals to those districts (the demo
 * files each where its text says it is); by default they come from all over Jiangsu.
 *
 * @example
 * demoAppealTexts(2, 7)
 * // [{ categoryKey: 'housing.property', type: 'help', line: '12345', title: '关于栖霞区物业服务的求助',
 * //    text: '我是南京市栖霞区的居民，锦绣家园12栋的楼顶漏水，找物业报修好几个月了一直推脱，…',
 * //    place: { city: '南京市', district: '栖霞区' } }, …]
 */
export function demoAppealTexts(count: number, seed: number, places?: readonly Place[]): DemoAppealText[] {
  const random = createRandom(seed)
  const all = categories()
  const weighted = all.map((c) => [c, c.script.weight] as const)
  const appeals: DemoAppealText[] = []
  for (let i = 0; i < count; i++) appeals.push(appealText(random, all, pickWeighted(random, weighted), places))
  return appeals
}
