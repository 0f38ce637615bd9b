import { randomUUID } from 'node:crypto'
import type { Tx } from '../../platform/db/database'
import { tsvectorOf } from '../../platform/search/text'
import { citationsOf, effectiveOf, implementationCodeOf, levelOfRegion, NATIONAL } from './catalog.rules'
import type { Elements, ItemKind, ServiceElements } from './catalog.schemas'

/** A region's published claim of the entry above it, with the claims of the regions below it. */
export interface PublishedClaim {
  regionCode: string
  orgId: string
  overrides: Partial<Elements>
  claims?: PublishedClaim[]
}

/** An item of the base list, published, with the chain of regions that claimed it. */
export interface PublishedItem {
  kind: ItemKind
  basicCode: string
  elements: Elements
  claims: PublishedClaim[]
}

interface Rows {
  items: { id: string; kind: ItemKind; basicCode: string; name: string }[]
  implementations: ReturnType<typeof implementationRow>[]
  versions: { id: string; implementationId: string; number: number; status: 'published'; parentVersionId: string | null; elements: string; effective: string; note: string; createdAt: Date; createdBy: string; publishedAt: Date }[]
  citations: { versionId: string; lawId: string; articleId: string }[]
}

function implementationRow(row: { id: string; itemId: string; regionCode: string; parentId: string | null; orgId: string | null; basicCode: string; kind: ItemKind; versionId: string; effective: Elements; at: Date }) {
  const e = row.effective as Partial<ServiceElements> & { name: string }
  const implementationCode = implementationCodeOf(row.basicCode, row.regionCode)
  return {
    id: row.id,
    itemId: row.itemId,
    regionCode: row.regionCode,
    level: levelOfRegion(row.regionCode),
    parentId: row.parentId,
    orgId: row.orgId,
    implementationCode,
    currentVersionId: row.versionId,
    name: e.name,
    kind: row.kind,
    themes: e.themes ?? [],
    lifeEvents: e.lifeEvents ?? [],
    provinceWide: e.provinceWide ?? false,
    crossProvince: e.crossProvince ?? false,
    search: tsvectorOf({ a: [e.name, implementationCode, row.basicCode], b: [e.department, ...(e.conditions ?? []), e.result?.name, ...(e.themes ?? []), ...(e.lifeEvents ?? [])] }),
    claimedAt: row.at,
  }
}

/**
 * Writes a whole published catalogue at once, the way the publishing steps would leave it (each
 * claim stores only its overrides on top of its parent's version), for demo data and first loads
 * of an installation. Ids are made here so one pass of batched inserts does it.
 */
export async function loadPublishedCatalog(trx: Tx, items: readonly PublishedItem[], by: string, at: Date): Promise<{ items: number; implementations: number }> {
  const rows: Rows = { items: [], implementations: [], versions: [], citations: [] }
  for (const item of items) {
    const itemId = randomUUID()
    rows.items.push({ id: itemId, kind: item.kind, basicCode: item.basicCode, name: item.elements.name })
    const add = (regionCode: string, parent: { implementationId: string; versionId: string; effective: Elements } | null, orgId: string | null, overrides: Partial<Elements>, claims: PublishedClaim[]) => {
      const effective = parent ? effectiveOf(parent.effective, overrides) : (overrides as Elements)
      const implementationId = randomUUID()
      const versionId = randomUUID()
      rows.implementations.push(implementationRow({ id: implementationId, itemId, regionCode, parentId: parent?.implementationId ?? null, orgId, basicCode: item.basicCode, kind: item.kind, versionId, effective, at }))
      rows.versions.push({ id: versionId, implementationId, number: 1, status: 'published', parentVersionId: parent?.versionId ?? null, elements: JSON.stringify(overrides), effective: JSON.stringify(effective), note: '', createdAt: at, createdBy: by, publishedAt: at })
      for (const c of new Map(citationsOf(effective).map((c) => [c.articleId, c])).values()) rows.citations.push({ versionId, lawId: c.lawId, articleId: c.articleId })
      for (const claim of claims) add(claim.regionCode, { implementationId, versionId, effective }, claim.orgId, claim.overrides, claim.claims ?? [])
    }
    add(NATIONAL, null, null, item.elements, item.claims)
  }
  for (const batch of batches(rows.items)) await trx.insertInto('catalog.item').values(batch).execute()
  for (const batch of batches(rows.implementations)) await trx.insertInto('catalog.implementation').values(batch).execute()
  for (const batch of batches(rows.versions)) await trx.insertInto('catalog.itemVersion').values(batch).execute()
  for (const batch of batches(rows.citations)) await trx.insertInto('catalog.citation').values(batch).execute()
  return { items: rows.items.length, implementations: rows.implementations.length }
}

/** Rows in slices small enough for one INSERT's parameters. */
function* batches<T>(rows: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size)
}
