import type { RegistryColumns } from '../entities'
import { compileRule, markEntities, Scratch } from './rules/compile'
import type { Parameter, Rule } from './rules/rule'

/** How many enterprises a rule would admit on a date, what it would cost, and where they are. */
export interface WhatIf {
  eligible: number
  /** Fen: eligible × the item's amount. */
  cost: number
  /** By city (the first four digits of the region code), most first. */
  byCity: { code: string; count: number }[]
  /** By GB/T 4754 section (the industry code's letter), most first. */
  byIndustry: { section: string; count: number }[]
}

const CHUNK_WORDS = 2048

/**
 * A draft rule run over the whole registry before it is published: one rule over four million
 * enterprises is a single columnar pass (tens of milliseconds), so the drafter sees the count
 * change as they edit. The rule must have passed `checkRule`.
 */
export function whatIf(columns: RegistryColumns, rule: Rule, parameters: readonly Parameter[], asOf: string, amountFen: number): WhatIf {
  const bound = compileRule(rule, parameters, asOf).bind(columns)
  const region = columns.codes.get('region')!
  const industry = columns.codes.get('industry')!
  const byRegion = new Float64Array(region.dictionary.length)
  const byIndustry = new Float64Array(industry.dictionary.length)
  let unknownIndustry = 0
  let eligible = 0
  const scratch = new Scratch(CHUNK_WORDS)
  const candidates = new Uint32Array(CHUNK_WORDS)
  const out = new Uint32Array(CHUNK_WORDS)
  const totalWords = Math.ceil(columns.size / 32)
  for (let offset = 0; offset < totalWords; offset += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, totalWords - offset)
    bound.match(markEntities(candidates, columns.size, offset, words), out, offset, words, scratch)
    for (let w = 0; w < words; w++) {
      let m = out[w]!
      while (m !== 0) {
        const bit = m & -m
        m ^= bit
        const i = ((offset + w) << 5) + 31 - Math.clz32(bit)
        eligible++
        const r = region.values[i]!
        if (r >= 0) byRegion[r]!++
        const k = industry.values[i]!
        if (k >= 0) byIndustry[k]!++
        else unknownIndustry++
      }
    }
  }
  return {
    eligible,
    cost: eligible * amountFen,
    byCity: tally(region.dictionary, byRegion, (code) => code.slice(0, 4)),
    byIndustry: tally(industry.dictionary, byIndustry, (code) => code.charAt(0)).map(({ code, count }) => ({ section: code, count })).concat(unknownIndustry > 0 ? [{ section: '', count: unknownIndustry }] : []),
  }
}

function tally(dictionary: readonly string[], counts: Float64Array, group: (code: string) => string): { code: string; count: number }[] {
  const totals = new Map<string, number>()
  dictionary.forEach((code, i) => {
    if (counts[i]! > 0) totals.set(group(code), (totals.get(group(code)) ?? 0) + counts[i]!)
  })
  return [...totals].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
}
