import { documentTokens } from '../../platform/search/text'

/**
 * The hotline's category suggester: a multinomial naive-Bayes classifier over the jieba tokens of
 * an appeal, trained on the platform's own handled appeals. Each token counts once per appeal
 * (binarised counts), which suits short texts where a repeated word says little more.
 *
 * Naive Bayes ranks well but is far too sure of itself (it multiplies evidence it should not), so
 * the posteriors are a softmax of the log-scores divided by a temperature, fitted at training on a
 * tenth of the examples held out: a suggestion given 0.8 is then right roughly 80% of the time,
 * and the dispatcher's threshold means what it says.
 *
 * The model is plain JSON (stored in PostgreSQL jsonb); the first classification with a model
 * compiles it into typed arrays, so a classification is tokenisation plus one array row per token.
 */

export interface TrainingExample {
  text: string
  label: string
}

export interface ClassifierModel {
  version: typeof classifierModelVersion
  /** Additive (Lidstone) smoothing of the token counts. */
  smoothing: number
  /** Log-scores are divided by it before the softmax (1: plain naive Bayes). */
  temperature: number
  /** Sorted, so the same examples in any order give the same model. */
  labels: string[]
  /** Training appeals per label. */
  documents: number[]
  /** Sorted tokens kept after minTokenCount. */
  vocabulary: string[]
  /** For each vocabulary token, sparse pairs: [labelIndex, appeals with the token, labelIndex, …]. */
  counts: number[][]
}

export interface Prediction {
  label: string
  probability: number
}

export interface Classification {
  best: Prediction | null
  ranked: Prediction[]
  confident: boolean
}

export interface TrainOptions {
  /** Tokens seen in fewer training appeals than this are dropped (default 1: keep all). */
  minTokenCount?: number
  /** Additive smoothing (default 0.1; 1 is Laplace's). */
  smoothing?: number
  /**
   * Fit the temperature on a tenth of the examples held out (default true; with fewer than ~500
   * examples there is too little to fit on and it stays 1); when false, use `temperature`.
   */
  calibrate?: boolean
  /** The temperature when not calibrating (default 1). */
  temperature?: number
}

export interface ClassifyOptions {
  /** How many labels `ranked` holds (default 3; Infinity for all; `best` is given even for 0). */
  top?: number
  /** The probability from which the best label is `confident` (default 0.6). */
  threshold?: number
}

export const classifierModelVersion = 1
export const defaultConfidenceThreshold = 0.6
const defaultSmoothing = 0.1
const defaultTop = 3

// Amounts, dates, house and bus numbers vary from appeal to appeal and name no category.
const numeral = /^[\d.,:%/-]+$/

/** The tokens an appeal is classified by: jieba's search-mode tokens, each once, numerals dropped. */
export function appealTokens(text: string): string[] {
  return classifiable(documentTokens(text))
}

function classifiable(tokens: readonly string[]): string[] {
  return [...new Set(tokens)].filter((token) => !numeral.test(token))
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Counts the tokens of the examples per label and fits the temperature.
 *
 * @example
 * const model = trainClassifier([{ text: '小区电梯坏了物业不修', label: 'housing.property' }, …])
 * classify(model, '物业不管电梯').best // { label: 'housing.property', probability: … }
 */
export function trainClassifier(examples: readonly TrainingExample[], options: TrainOptions = {}): ClassifierModel {
  const smoothing = options.smoothing ?? defaultSmoothing
  if (!(smoothing > 0)) throw new RangeError('smoothing must be positive')
  const counting = { minTokenCount: options.minTokenCount ?? 1, smoothing }
  const tokenized = examples.map(({ text, label }) => ({ tokens: appealTokens(text), label }))
  const temperature = options.calibrate === false ? (options.temperature ?? 1) : fitTemperature(tokenized, counting)
  if (!(temperature > 0)) throw new RangeError('temperature must be positive')
  return { ...countTokens(tokenized, counting), temperature }
}

interface TokenizedExample {
  tokens: readonly string[]
  label: string
}

interface Counting {
  minTokenCount: number
  smoothing: number
}

function countTokens(examples: readonly TokenizedExample[], { minTokenCount, smoothing }: Counting): ClassifierModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort(byCodePoint)
  const labelIndex = new Map(labels.map((label, i) => [label, i]))
  const documents = labels.map(() => 0)
  const tokenCounts = new Map<string, number[]>()
  for (const { tokens, label } of examples) {
    const l = labelIndex.get(label) ?? 0
    documents[l]! += 1
    for (const token of tokens) {
      let row = tokenCounts.get(token)
      if (!row) tokenCounts.set(token, (row = labels.map(() => 0)))
      row[l]! += 1
    }
  }
  const vocabulary = [...tokenCounts.keys()].filter((token) => total(tokenCounts.get(token)!) >= minTokenCount).sort(byCodePoint)
  const counts = vocabulary.map((token) => sparse(tokenCounts.get(token)!))
  return { version: classifierModelVersion, smoothing, temperature: 1, labels, documents, vocabulary, counts }
}

// Fewer held-out examples than this say too little about the temperature.
const minCalibrationCases = 50
const calibrationStride = 10

/**
 * The temperature that minimises the held-out log-loss. A tenth of each label's examples is held
 * out, chosen in an order fixed by a hash of their tokens: so every label is in both parts, and the
 * same examples in any order give the same temperature.
 */
function fitTemperature(examples: readonly TokenizedExample[], counting: Counting): number {
  const ordered = examples
    .map((example, i) => ({ example, key: textHash(example.tokens), i }))
    .sort((a, b) => byCodePoint(a.example.label, b.example.label) || a.key - b.key || a.i - b.i)
    .map((e) => e.example)
  const isHeld = (i: number) => i % calibrationStride === calibrationStride - 1
  const held = ordered.filter((_, i) => isHeld(i))
  const model = compile(countTokens(ordered.filter((_, i) => !isHeld(i)), counting))
  const labelIndex = new Map(model.labels.map((label, i) => [label, i]))
  const cases = held.flatMap(({ tokens, label }) => {
    const truth = labelIndex.get(label)
    const scores = logScores(model, tokens)
    return truth === undefined || scores === null ? [] : [{ scores, truth }]
  })
  if (cases.length < minCalibrationCases || model.labels.length < 2) return 1
  const logLoss = (temperature: number) => cases.reduce((sum, c) => sum - logSoftmaxAt(c.scores, c.truth, temperature), 0)
  return Math.exp(goldenSectionMinimum((logT) => logLoss(Math.exp(logT)), Math.log(0.5), Math.log(50)))
}

/** FNV-1a over the tokens: a stable pseudo-random order that does not group similar texts. */
function textHash(tokens: readonly string[]): number {
  let hash = 0x811c9dc5
  for (const token of tokens) {
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193)
    hash = Math.imul(hash ^ 0x20, 0x01000193)
  }
  return hash >>> 0
}

function logSoftmaxAt(scores: Float64Array, at: number, temperature: number): number {
  let max = -Infinity
  for (const s of scores) if (s > max) max = s
  let sum = 0
  for (const s of scores) sum += Math.exp((s - max) / temperature)
  return (scores[at]! - max) / temperature - Math.log(sum)
}

/** The minimum of a unimodal function on [low, high]. */
function goldenSectionMinimum(f: (x: number) => number, low: number, high: number, iterations = 40): number {
  const ratio = (Math.sqrt(5) - 1) / 2
  let a = low
  let b = high
  let c = b - ratio * (b - a)
  let d = a + ratio * (b - a)
  let fc = f(c)
  let fd = f(d)
  for (let i = 0; i < iterations; i++) {
    if (fc < fd) {
      b = d
      d = c
      fd = fc
      c = b - ratio * (b - a)
      fc = f(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + ratio * (b - a)
      fd = f(d)
    }
  }
  return (a + b) / 2
}

const total = (row: readonly number[]) => row.reduce((sum, n) => sum + n, 0)

function sparse(row: readonly number[]): number[] {
  const pairs: number[] = []
  row.forEach((n, label) => {
    if (n > 0) pairs.push(label, n)
  })
  return pairs
}

/** A model ready for prediction: log-probabilities in one row of `labels` numbers per token. */
interface CompiledModel {
  labels: readonly string[]
  tokenIndex: Map<string, number>
  logPrior: Float64Array
  /** Row-major: logLikelihood[token * labels + label] = log P(token | label). */
  logLikelihood: Float64Array
  temperature: number
}

// Keyed by the model object, so a model read back from the database compiles once per process.
const compiled = new WeakMap<ClassifierModel, CompiledModel>()

function compile(model: ClassifierModel): CompiledModel {
  const cached = compiled.get(model)
  if (cached) return cached
  if (model.version !== classifierModelVersion) throw new Error(`unknown classifier model version ${String(model.version)}`)
  if (!(model.temperature > 0)) throw new Error('a classifier model needs a positive temperature')
  const labelCount = model.labels.length
  const vocabularySize = model.vocabulary.length
  const tokenTotals = new Float64Array(labelCount)
  for (const pairs of model.counts) for (let i = 0; i < pairs.length; i += 2) tokenTotals[pairs[i]!]! += pairs[i + 1]!
  const alpha = model.smoothing
  const unseen = new Float64Array(labelCount)
  for (let l = 0; l < labelCount; l++) unseen[l] = Math.log(alpha / (tokenTotals[l]! + alpha * vocabularySize))
  const logLikelihood = new Float64Array(vocabularySize * labelCount)
  model.counts.forEach((pairs, t) => {
    const row = t * labelCount
    logLikelihood.set(unseen, row)
    for (let i = 0; i < pairs.length; i += 2) {
      const l = pairs[i]!
      logLikelihood[row + l] = Math.log((pairs[i + 1]! + alpha) / (tokenTotals[l]! + alpha * vocabularySize))
    }
  })
  const documentTotal = total(model.documents)
  const logPrior = Float64Array.from(model.documents, (n) => Math.log(n / documentTotal))
  const result: CompiledModel = { labels: model.labels, tokenIndex: new Map(model.vocabulary.map((token, i) => [token, i])), logPrior, logLikelihood, temperature: model.temperature }
  compiled.set(model, result)
  return result
}

const unclassified = (): Classification => ({ best: null, ranked: [], confident: false })

/**
 * The likely categories of an appeal, best first, with posterior probabilities. No label when
 * the model is empty or the text has no token the model knows: the dispatcher decides. `text`
 * may be given as its parts' documentTokens, when the caller has cut them already.
 *
 * @example
 * const { best, confident } = classify(model, '工地晚上打桩太吵了', { threshold: 0.8 })
 * if (confident) suggestDepartment(best.label)
 */
export function classify(model: ClassifierModel, text: string | readonly string[], options: ClassifyOptions = {}): Classification {
  const m = compile(model)
  const scores = logScores(m, typeof text === 'string' ? appealTokens(text) : classifiable(text))
  if (scores === null) return unclassified()
  toPosteriors(scores, m.temperature)
  const top = rankedCount(options.top, m.labels.length)
  const order = topLabels(scores, Math.max(1, top)).map((l) => ({ label: m.labels[l]!, probability: scores[l]! }))
  const best = order[0] ?? null
  return { best, ranked: order.slice(0, top), confident: best !== null && best.probability >= (options.threshold ?? defaultConfidenceThreshold) }
}

/** Log prior plus the log-likelihood of each known token, per label; null when no token is known. */
function logScores(m: CompiledModel, tokens: readonly string[]): Float64Array | null {
  const labelCount = m.labels.length
  if (labelCount === 0) return null
  const scores = new Float64Array(m.logPrior)
  let known = 0
  for (const token of tokens) {
    const t = m.tokenIndex.get(token)
    if (t === undefined) continue
    known++
    const row = t * labelCount
    for (let l = 0; l < labelCount; l++) scores[l]! += m.logLikelihood[row + l]!
  }
  return known === 0 ? null : scores
}

function rankedCount(top: number | undefined, labelCount: number): number {
  const wanted = top === undefined || Number.isNaN(top) ? defaultTop : Math.floor(top)
  return Math.max(0, Math.min(wanted, labelCount))
}

/** Tempered softmax in place: log-scores become probabilities that sum to 1. */
function toPosteriors(scores: Float64Array, temperature: number): void {
  let max = -Infinity
  for (const s of scores) if (s > max) max = s
  let sum = 0
  for (let l = 0; l < scores.length; l++) sum += scores[l] = Math.exp((scores[l]! - max) / temperature)
  for (let l = 0; l < scores.length; l++) scores[l]! /= sum
}

/** The indices of the `count` largest values, largest first; ties go to the lower index. */
function topLabels(values: Float64Array, count: number): number[] {
  const top: number[] = []
  for (let l = 0; l < values.length; l++) {
    if (top.length === count) {
      if (values[l]! <= values[top[count - 1]!]!) continue
      top.pop()
    }
    let at = top.length
    while (at > 0 && values[top[at - 1]!]! < values[l]!) at--
    top.splice(at, 0, l)
  }
  return top
}
