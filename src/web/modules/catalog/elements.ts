import type { Translator } from '../../app/i18n'
import { shapeOf, type ElementRecord, type ElementShape, type ItemKind } from './api'

/** The elements of each shape, in the order of the server's schemas (and of the service guide). */
export const fieldsOfShape: Record<ElementShape, readonly string[]> = {
  service: [
    'name',
    'department',
    'levels',
    'legalBasis',
    'serviceObjects',
    'conditions',
    'materials',
    'statutoryDays',
    'committedDays',
    'fees',
    'onlineDepth',
    'visits',
    'steps',
    'result',
    'channels',
    'place',
    'phone',
    'provinceWide',
    'crossProvince',
    'themes',
    'lifeEvents',
  ],
  inspection: [
    'name',
    'category',
    'method',
    'object',
    'content',
    'legalBasis',
    'implementingBody',
    'level',
    'frequency',
    'ratio',
    'procedure',
    'handling',
    'undertakingUnit',
    'supervisionItemCode',
    'remarks',
  ],
  supervision: ['name', 'department', 'object', 'content', 'method', 'legalBasis', 'levels', 'remarks'],
}

export function fieldsOf(kind: ItemKind): readonly string[] {
  return fieldsOfShape[shapeOf(kind)]
}

/** The label of an element; supervision items name some fields differently from inspection ones. */
export function fieldLabel(t: Translator, field: string, kind?: ItemKind): string {
  if (kind === 'supervision' && ['object', 'content', 'method', 'department'].includes(field)) {
    return t.dynamic(`catalog.field.supervision.${field}`, field)
  }
  return t.dynamic(`catalog.field.${field}`, field)
}

/** A new item's elements before anything is typed. */
export function blankElements(kind: ItemKind): ElementRecord {
  const shape = shapeOf(kind)
  if (shape === 'inspection') {
    return {
      name: '',
      category: '',
      method: '',
      object: '',
      content: '',
      legalBasis: [],
      implementingBody: '',
      level: 'county',
      frequency: '',
      ratio: '',
      procedure: '',
      handling: '',
      undertakingUnit: '',
      supervisionItemCode: null,
      remarks: '',
    }
  }
  if (shape === 'supervision') {
    return { name: '', department: '', object: '', content: '', method: '', legalBasis: [], levels: ['province', 'city', 'county'], remarks: '' }
  }
  return {
    name: '',
    department: '',
    levels: ['province', 'city', 'county'],
    legalBasis: [],
    serviceObjects: ['person'],
    conditions: [],
    materials: [],
    statutoryDays: 20,
    committedDays: 10,
    fees: [],
    onlineDepth: 3,
    visits: 1,
    steps: [],
    result: { name: '', type: 'other' },
    channels: ['window', 'web'],
    place: '',
    phone: '',
    provinceWide: false,
    crossProvince: false,
    themes: [],
    lifeEvents: [],
  }
}

/** The form's view of the elements: fees in yuan, a missing code as an empty text. */
export function toFormValues(kind: ItemKind, elements: ElementRecord): ElementRecord {
  const values: ElementRecord = { ...blankElements(kind), ...elements }
  if (Array.isArray(values.fees)) {
    values.fees = (values.fees as { name: string; amountFen: number; basis?: string }[]).map(({ amountFen, ...fee }) => ({ ...fee, amountYuan: amountFen / 100 }))
  }
  if (values.supervisionItemCode === null) values.supervisionItemCode = undefined
  return values
}

const levelOrder = ['province', 'city', 'county']
const objectOrder = ['person', 'enterprise']
const channelOrder = ['window', 'web', 'app', 'self_service', 'mail']
/** A multiple choice in its canonical order, whatever order it was ticked in. */
const ordered = (value: unknown, order: readonly string[]): string[] =>
  ((value as string[] | undefined) ?? []).filter((x) => order.includes(x)).sort((a, b) => order.indexOf(a) - order.indexOf(b))

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const int = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback)

/**
 * The elements of a kind from the form's values, shaped as the server stores them: only the
 * kind's fields, optional parts left out when empty, keys in jsonb order, so that an unchanged
 * value reads the same as the stored one.
 */
export function fromFormValues(kind: ItemKind, values: ElementRecord): ElementRecord {
  const v = values
  const shape = shapeOf(kind)
  const legalBasis = ((v.legalBasis as { lawId?: string; articleId?: string }[] | undefined) ?? [])
    .filter((c) => c?.lawId && c.articleId)
    .map((c) => ({ lawId: c.lawId!, articleId: c.articleId! }))
  let out: ElementRecord
  if (shape === 'inspection') {
    out = {
      name: text(v.name),
      category: text(v.category),
      method: text(v.method),
      object: text(v.object),
      content: text(v.content),
      legalBasis,
      implementingBody: text(v.implementingBody),
      level: v.level,
      frequency: text(v.frequency),
      ratio: text(v.ratio),
      procedure: text(v.procedure),
      handling: text(v.handling),
      undertakingUnit: text(v.undertakingUnit),
      supervisionItemCode: optionalText(v.supervisionItemCode) ?? null,
      remarks: text(v.remarks),
    }
  } else if (shape === 'supervision') {
    out = {
      name: text(v.name),
      department: text(v.department),
      object: text(v.object),
      content: text(v.content),
      method: text(v.method),
      legalBasis,
      levels: ordered(v.levels, levelOrder),
      remarks: text(v.remarks),
    }
  } else {
    const result = (v.result as { name?: string; type?: string } | undefined) ?? {}
    out = {
      name: text(v.name),
      department: text(v.department),
      levels: ordered(v.levels, levelOrder),
      legalBasis,
      serviceObjects: ordered(v.serviceObjects, objectOrder),
      conditions: ((v.conditions as unknown[] | undefined) ?? []).map(text).filter((c) => c !== ''),
      materials: ((v.materials as ElementRecord[] | undefined) ?? []).filter(Boolean).map((m) => ({
        name: text(m.name),
        form: m.form,
        original: m.original,
        copies: int(m.copies, 1),
        required: Boolean(m.required),
        source: m.source,
        note: optionalText(m.note),
      })),
      statutoryDays: int(v.statutoryDays),
      committedDays: int(v.committedDays),
      fees: ((v.fees as ElementRecord[] | undefined) ?? []).filter(Boolean).map((f) => ({
        name: text(f.name),
        amountFen: Math.round((typeof f.amountYuan === 'number' ? f.amountYuan : 0) * 100),
        basis: optionalText(f.basis),
      })),
      onlineDepth: int(v.onlineDepth, 1),
      visits: int(v.visits),
      steps: ((v.steps as ElementRecord[] | undefined) ?? []).filter(Boolean).map((s) => ({
        name: text(s.name),
        description: text(s.description),
        days: typeof s.days === 'number' ? int(s.days) : undefined,
      })),
      result: { name: text(result.name), type: result.type ?? 'other' },
      channels: ordered(v.channels, channelOrder),
      place: text(v.place),
      phone: text(v.phone),
      provinceWide: Boolean(v.provinceWide),
      crossProvince: Boolean(v.crossProvince),
      themes: ((v.themes as string[] | undefined) ?? []).map(text).filter((x) => x !== ''),
      lifeEvents: ((v.lifeEvents as string[] | undefined) ?? []).map(text).filter((x) => x !== ''),
    }
  }
  return jsonbOrdered(out) as ElementRecord
}

/**
 * A value with its object keys in the order PostgreSQL's jsonb keeps them (shorter keys first,
 * then by code unit) and undefined members dropped: the server compares element values as JSON
 * text, so a value the form did not change must read exactly as the stored one.
 */
export function jsonbOrdered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonbOrdered)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, jsonbOrdered(v)]))
  }
  return value
}
