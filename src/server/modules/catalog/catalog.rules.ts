import { Value } from 'typebox/value'
import { AppError } from '../../platform/errors'
import { elementsSchemaOf, InspectionElements, itemKinds, ServiceElements, SupervisionElements, type Citation, type Elements, type ItemKind } from './catalog.schemas'
import type { CatalogLevel } from './catalog.tables'

/** The catalogue level a region code stands at: 2 digits a province, 4 a city, 6 a county. */
export function levelOfRegion(regionCode: string): CatalogLevel {
  if (regionCode === NATIONAL) return 'national'
  if (regionCode.length === 2) return 'province'
  if (regionCode.length === 4) return 'city'
  if (regionCode.length === 6) return 'county'
  throw new AppError('invalid', 'catalog_region_level', { zh: '事项只能由省、市、县三级认领', en: 'Items are claimed by provinces, cities and counties only' }, { field: 'regionCode' })
}

/** The region code of the national base list (国家基本目录), which no region of GB/T 2260 uses. */
export const NATIONAL = '00'

/** The region whose entry a region claims from: the level just above it. */
export function parentRegionOf(regionCode: string): string {
  if (regionCode.length === 2) return NATIONAL
  return regionCode.slice(0, regionCode.length - 2)
}

/**
 * A basic code (GB/T 39554.1): the kind's 2-digit type code, a 5-digit main item and a 3-digit
 * sub-item (000 when the item has none).
 */
export function basicCodeOf(kind: ItemKind, mainItem: number, subItem = 0): string {
  return `${itemKinds[kind].code}${String(mainItem).padStart(5, '0')}${String(subItem).padStart(3, '0')}`
}

/** Whether a basic code belongs to a kind: its first two digits are the kind's type code. */
export function basicCodeMatchesKind(basicCode: string, kind: ItemKind): boolean {
  return /^[0-9]{10}$/.test(basicCode) && basicCode.startsWith(itemKinds[kind].code)
}

/**
 * The implementation code of a region's entry: the basic code, the implementing region padded to
 * six digits (GB/T 2260), and a 2-digit business-item number. It identifies the entry a case
 * applies under, so it never changes once given.
 */
export function implementationCodeOf(basicCode: string, regionCode: string, businessItem = 1): string {
  return `${basicCode}${regionCode.padEnd(6, '0')}${String(businessItem).padStart(2, '0')}`
}

/** The effective elements of a claimed entry: the parent's, with this region's overrides on top. */
export function effectiveOf(parent: Elements, overrides: Partial<Elements>): Elements {
  return { ...parent, ...overrides } as Elements
}

const fieldOrder = [...new Set([ServiceElements, InspectionElements, SupervisionElements].flatMap((schema) => Object.keys(schema.properties)))]
const fieldRank = (field: string) => (fieldOrder.indexOf(field) + fieldOrder.length + 1) % (fieldOrder.length + 1)

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** The elements that differ between two versions, in the order of the later one's fields. */
export function diffElements(before: Partial<Elements>, after: Partial<Elements>): FieldChange[] {
  // The order of the element schemas, not of the keys: jsonb does not keep key order.
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].sort((a, b) => fieldRank(a) - fieldRank(b))
  const record = (e: Partial<Elements>, f: string) => (e as Record<string, unknown>)[f]
  return fields
    .filter((f) => JSON.stringify(record(before, f)) !== JSON.stringify(record(after, f)))
    .map((f) => ({ field: f, before: record(before, f) ?? null, after: record(after, f) ?? null }))
}

/** Only the fields where an edited entry differs from its parent: what a region stores. */
export function overridesOf(parent: Elements, edited: Partial<Elements>): Partial<Elements> {
  const changed = diffElements(parent, { ...parent, ...edited }).map((c) => c.field)
  return Object.fromEntries(changed.map((f) => [f, (edited as Record<string, unknown>)[f]])) as Partial<Elements>
}

/** Checks elements against their kind's schema; the error names the first bad field as a JSON pointer. */
export function requireValidElements(kind: ItemKind, elements: unknown, field = 'elements'): Elements {
  const schema = elementsSchemaOf(kind)
  if (Value.Check(schema, elements)) return elements as Elements
  const first = [...Value.Errors(schema, elements)].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]
  const where = `${field}${first?.instancePath ?? ''}`
  throw new AppError('invalid', 'item_elements_invalid', { zh: `事项要素不符合要求：${where}`, en: `Item elements are invalid at ${where}: ${first?.message ?? ''}` }, { field: where })
}

/** The cited articles of some elements; every kind carries its legal basis as `legalBasis`. */
export function citationsOf(elements: Partial<Elements>): Citation[] {
  return elements.legalBasis ?? []
}
