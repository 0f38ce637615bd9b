/**
 * `npm run bench:classifier`: the hotline's category suggester (issue 4: ≥ 5,000 classifications
 * a second on this 2-core machine, accuracy on a held-out set) side by side with the `bayes` npm
 * package, a naive-Bayes text classifier, given the same jieba tokens on the same split.
 *
 *   BENCH_APPEALS=60000   demo appeals generated (80% trained on, 20% held out)
 *   BENCH_SEED=20261128   their seed
 *   BENCH_REPS=5          timed passes over the held-out appeals, after one untimed warm-up pass
 *
 * No database: the appeals come from src/server/demo/demo-appeal-texts.ts. Everything runs on one
 * thread (jieba segments on the calling thread), so the throughput is a single core's.
 */
import { createRequire } from 'node:module'
import { demoAppealTexts, type DemoAppealText } from '../src/server/demo/demo-appeal-texts'
import { appealTokens, classify, defaultConfidenceThreshold, trainClassifier, type ClassifierModel } from '../src/server/modules/hotline/classifier'
import { stats } from './measure'

/** The part of `bayes` 1.0.0 the benchmark uses (the package ships no types). */
interface BayesClassifier {
  learn(text: string, category: string): Promise<unknown>
  categorize(text: string): Promise<string | null>
  toJson(): string
}
type BayesFactory = (options?: { tokenizer?: (text: string) => string[] }) => BayesClassifier

const require = createRequire(import.meta.url)
const bayes: BayesFactory = require('bayes')

const appealCount = Number(process.env.BENCH_APPEALS ?? 60_000)
const seed = Number(process.env.BENCH_SEED ?? 20261128)
const reps = Number(process.env.BENCH_REPS ?? 5)

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const perSecond = (rate: number) => Math.round(rate).toLocaleString('en')
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`

function time<T>(run: () => T): [T, number] {
  const started = performance.now()
  const result = run()
  return [result, performance.now() - started]
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await run()
  return [result, performance.now() - started]
}

interface Accuracy {
  top1: number
  top3: number
  confident: number
  confidentRight: number
}

function accuracyOf(model: ClassifierModel, heldOut: readonly DemoAppealText[]): Accuracy {
  let top1 = 0
  let top3 = 0
  let confident = 0
  let confidentRight = 0
  for (const appeal of heldOut) {
    const c = classify(model, appeal.text)
    const right = c.best?.label === appeal.categoryKey
    if (right) top1++
    if (c.ranked.some((p) => p.label === appeal.categoryKey)) top3++
    if (c.confident) {
      confident++
      if (right) confidentRight++
    }
  }
  const n = heldOut.length
  return { top1: top1 / n, top3: top3 / n, confident: confident / n, confidentRight: confident ? confidentRight / confident : NaN }
}

/** How often a suggestion of each probability is right: the threshold only means something if these agree. */
function printCalibration(model: ClassifierModel, heldOut: readonly DemoAppealText[]): void {
  const bins = [0, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0001]
  const counts = bins.slice(1).map(() => ({ n: 0, right: 0 }))
  let unclassified = 0
  for (const appeal of heldOut) {
    const { best } = classify(model, appeal.text)
    if (!best) {
      unclassified++
      continue
    }
    const bin = counts[bins.findIndex((edge, i) => best.probability >= edge && best.probability < bins[i + 1]!)]!
    bin.n++
    if (best.label === appeal.categoryKey) bin.right++
  }
  console.log(`calibration (best probability → share right; ${unclassified} held-out appeals with no known word):`)
  counts.forEach((c, i) => console.log(`  [${bins[i]!.toFixed(2)}, ${Math.min(1, bins[i + 1]!).toFixed(2)}${i === counts.length - 1 ? ']' : ')'}  ${String(c.n).padStart(6)} appeals  ${c.n ? pct(c.right / c.n) : '—'} right`))
}

type Contender = { name: string; run: (text: string) => unknown }

/**
 * Classifications per second of each contender over the held-out texts: one untimed warm-up pass
 * each, then `reps` rounds of one timed pass each, in a rotating order so that none always runs
 * first or last while the machine's load changes. Returns each one's passes.
 */
async function throughputs(texts: readonly string[], contenders: readonly Contender[]): Promise<Map<string, number[]>> {
  const pass = async (run: Contender['run']) => {
    const started = performance.now()
    for (const text of texts) {
      // Only the peer answers with a promise; awaiting every call would tax the others too.
      const answer = run(text)
      if (answer instanceof Promise) await answer
    }
    return (texts.length * 1000) / (performance.now() - started)
  }
  for (const c of contenders) await pass(c.run)
  const rates = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(rep + i) % contenders.length]!
      rates.get(c.name)?.push(await pass(c.run))
    }
  }
  return rates
}

const median = (rates: readonly number[]) => stats([...rates]).p50

/** Per-call latency of one pass, in microseconds. */
function latency(texts: readonly string[], run: (text: string) => unknown): { p50: number; p99: number } {
  const us: number[] = []
  for (const text of texts) us.push(time(() => run(text))[1] * 1000)
  const s = stats(us)
  return { p50: s.p50, p99: s.p99 }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}; ${appealCount.toLocaleString('en')} demo appeals, seed ${seed}, ${reps} timed passes`)
  const [appeals, generateMs] = time(() => demoAppealTexts(appealCount, seed))
  const cut = Math.floor(appeals.length * 0.8)
  const training = appeals.slice(0, cut)
  const heldOut = appeals.slice(cut)
  const heldOutTexts = heldOut.map((a) => a.text)
  const meanLength = heldOutTexts.reduce((sum, t) => sum + t.length, 0) / heldOutTexts.length
  console.log(`generated in ${generateMs.toFixed(0)} ms; trained on ${training.length.toLocaleString('en')}, held out ${heldOut.length.toLocaleString('en')} (mean ${meanLength.toFixed(0)} characters, ${new Set(appeals.map((a) => a.categoryKey)).size} categories)`)

  const examples = training.map((a) => ({ text: a.text, label: a.categoryKey }))
  const [model, trainMs] = time(() => trainClassifier(examples))
  const stored = JSON.stringify(model)
  const [readBack, compileMs] = time(() => {
    const parsed: ClassifierModel = JSON.parse(stored)
    classify(parsed, '')
    return parsed
  })
  console.log(`\n== ours: trainClassifier / classify (multinomial NB, binarised jieba tokens, α ${model.smoothing}, temperature ${model.temperature.toFixed(2)}) ==`)
  console.log(`train ${trainMs.toFixed(0)} ms (incl. fitting the temperature); vocabulary ${model.vocabulary.length.toLocaleString('en')} tokens; model JSON ${kib(stored.length)}; read back and compiled in ${compileMs.toFixed(1)} ms`)
  const ours = accuracyOf(readBack, heldOut)
  console.log(`accuracy top-1 ${pct(ours.top1)}, top-3 ${pct(ours.top3)}; confident (p ≥ ${defaultConfidenceThreshold}) ${pct(ours.confident)} of appeals, of which ${pct(ours.confidentRight)} right`)
  printCalibration(readBack, heldOut)
  const laplace = accuracyOf(trainClassifier(examples, { smoothing: 1 }), heldOut)
  console.log(`same with the peer's smoothing (α 1): top-1 ${pct(laplace.top1)}, top-3 ${pct(laplace.top3)}`)

  const oursLatency = latency(heldOutTexts, (text) => classify(readBack, text))
  console.log(`latency per classification (one pass): p50 ${oursLatency.p50.toFixed(1)} µs, p99 ${oursLatency.p99.toFixed(1)} µs`)

  console.log('\n== peer: bayes 1.0.0 (npm; multinomial NB, Laplace smoothing), the same tokens ==')
  const peer = bayes({ tokenizer: appealTokens })
  const [, peerTrainMs] = await timeAsync(async () => {
    for (const e of examples) await peer.learn(e.text, e.label)
  })
  console.log(`train ${peerTrainMs.toFixed(0)} ms; model JSON ${kib(peer.toJson().length)}`)
  let peerRight = 0
  for (const appeal of heldOut) if ((await peer.categorize(appeal.text)) === appeal.categoryKey) peerRight++
  const peerTop1 = peerRight / heldOut.length
  console.log(`accuracy top-1 ${pct(peerTop1)} (the package gives one label, no probabilities: no top-3, no confidence)`)

  const rates = await throughputs(heldOutTexts, [
    { name: 'ours', run: (text) => classify(readBack, text) },
    { name: 'peer', run: (text) => peer.categorize(text) },
    { name: 'tokens', run: appealTokens },
  ])
  const passesOf = (name: string) => rates.get(name) ?? []
  const passes = (name: string) => passesOf(name).map((r) => perSecond(r)).join(', ')
  const oursRate = median(passesOf('ours'))
  const peerRate = median(passesOf('peer'))
  const tokensRate = median(passesOf('tokens'))
  console.log(`\n== side by side: classifications per second, median of ${reps} passes over the ${heldOut.length.toLocaleString('en')} held-out appeals, interleaved ==`)
  console.log(`ours  classify      ${perSecond(oursRate).padStart(7)}/s   (passes: ${passes('ours')})`)
  console.log(`peer  categorize    ${perSecond(peerRate).padStart(7)}/s   (passes: ${passes('peer')})`)
  console.log(`jieba tokens alone  ${perSecond(tokensRate).padStart(7)}/s   (passes: ${passes('tokens')})`)
  console.log(`accuracy top-1: ours ${pct(ours.top1)}, peer ${pct(peerTop1)}; throughput ratio ours / peer ×${(oursRate / peerRate).toFixed(1)}`)
  // Both pay for the same jieba tokens; what is left is the model's own work.
  const beyondTokens = (rate: number) => 1e6 / rate - 1e6 / tokensRate
  console.log(`per classification beyond tokenising (${(1e6 / tokensRate).toFixed(1)} µs): ours ${beyondTokens(oursRate).toFixed(1)} µs, peer ${beyondTokens(peerRate).toFixed(1)} µs, ratio ×${(beyondTokens(peerRate) / beyondTokens(oursRate)).toFixed(0)}`)
  console.log(`target ≥ 5,000 classifications/s on one core: ${oursRate >= 5000 ? 'met' : 'MISSED'}`)
}

await main()
