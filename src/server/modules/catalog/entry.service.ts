import { requireAccess } from '../../platform/access'
import { shanghaiDay } from '../../platform/calendar/calendar'
import type { Executor } from '../../platform/db/database'
import type { PlatformDeps, RequestContext } from '../../platform/deps'
import { AppError } from '../../platform/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { findRegion, findRegions } from '../../platform/regions/regions.repository'
import { citedArticles, type CitedArticle } from '../laws'
import { citationsOf, diffElements, NATIONAL, type FieldChange } from './catalog.rules'
import type { ItemKind } from './catalog.schemas'
import { implementationNotFound } from './items.service'
import {
  childImplementations,
  findImplementation,
  findImplementationByCode,
  findItem,
  findVersion,
  implementationsOfRegion,
  versionsOf,
  type ImplementationRecord,
  type VersionRecord,
} from './items.repository'
import { openTaskCounts, openTasksOf } from './review.repository'

async function regionRef(db: Executor, code: string): Promise<{ code: string; name: string }> {
  if (code === NATIONAL) return { code, name: '国家基本目录' }
  return { code, name: (await findRegion(db, code))?.name ?? code }
}

/** The cited articles of a version as they read today, in the order the version cites them. */
async function legalBasisOf(db: Executor, version: VersionRecord | undefined, today: string): Promise<CitedArticle[]> {
  const citations = version ? citationsOf(version.effective) : []
  const found = new Map((await citedArticles(db, citations.map((c) => c.articleId), today)).map((a) => [a.articleId, a]))
  return citations.flatMap((c) => found.get(c.articleId) ?? [])
}

/** A page of a region's catalogue entries. */
export async function listImplementations(deps: PlatformDeps, ctx: RequestContext, query: { region: string; kind?: ItemKind; page: number; pageSize: number }) {
  requireAccess(ctx.actor, 'catalog.read')
  return implementationsOfRegion(deps.db, { regionCode: query.region, kind: query.kind, page: query.page, pageSize: query.pageSize })
}

/** Everything the item editor shows about one entry. The catalogue is open to every reader of it, at every level. */
export async function getImplementationDetail(deps: PlatformDeps, ctx: RequestContext, id: string) {
  requireAccess(ctx.actor, 'catalog.read')
  const db = deps.db
  const implementation = await findImplementation(db, id)
  if (!implementation) throw implementationNotFound()
  const [item, versions, openTasks, children, parent, org] = await Promise.all([
    findItem(db, implementation.itemId),
    versionsOf(db, id),
    openTasksOf(db, id),
    childImplementations(db, id),
    implementation.parentId ? findImplementation(db, implementation.parentId) : undefined,
    implementation.orgId ? findOrg(db, implementation.orgId) : undefined,
  ])
  const current = versions.find((v) => v.status === 'published') ?? null
  const draft = versions.find((v) => v.status === 'draft') ?? null
  const shown = current ?? draft
  const parentVersion = shown?.parentVersionId ? await findVersion(db, shown.parentVersionId) : undefined
  const [counts, childRegions] = await Promise.all([openTaskCounts(db, children.map((c) => c.id)), findRegions(db, children.map((c) => c.regionCode))])
  const childRegionNames = new Map(childRegions.map((r) => [r.code, r.name]))
  return {
    implementation,
    basicCode: item?.basicCode ?? '',
    region: await regionRef(db, implementation.regionCode),
    orgName: org?.name ?? null,
    parent: parent ? { id: parent.id, regionCode: parent.regionCode, name: parent.name, currentVersionId: parent.currentVersionId } : null,
    current,
    draft,
    versions: versions.map(({ id: versionId, number, status, note, createdAt, createdBy, publishedAt, retiredAt }) => ({ id: versionId, number, status, note, createdAt, createdBy, publishedAt, retiredAt })),
    regionChanges: shown && parentVersion ? diffElements(parentVersion.effective, shown.effective) : ([] as FieldChange[]),
    legalBasis: await legalBasisOf(db, shown ?? undefined, shanghaiDay(deps.clock.now())),
    openTasks,
    children: children.map((c: ImplementationRecord) => ({
      id: c.id,
      regionCode: c.regionCode,
      regionName: childRegionNames.get(c.regionCode) ?? c.regionCode,
      level: c.level,
      published: c.currentVersionId !== null,
      openTasks: counts.get(c.id) ?? 0,
    })),
  }
}

export async function getVersion(deps: PlatformDeps, ctx: RequestContext, id: string): Promise<VersionRecord> {
  requireAccess(ctx.actor, 'catalog.read')
  const version = await findVersion(deps.db, id)
  if (!version) throw new AppError('not_found', 'version_not_found', { zh: '事项版本不存在', en: 'Item version not found' })
  return version
}

/**
 * The service guide (办事指南) of a published entry, by id or implementation code: open to
 * everyone, since citizens read it before they apply.
 */
export async function serviceGuide(deps: PlatformDeps, idOrCode: string) {
  const db = deps.db
  const implementation = /^[0-9a-f-]{36}$/.test(idOrCode) ? await findImplementation(db, idOrCode) : await findImplementationByCode(db, idOrCode)
  const version = implementation?.currentVersionId ? await findVersion(db, implementation.currentVersionId) : undefined
  if (!implementation || !version) throw new AppError('not_found', 'guide_not_found', { zh: '办事指南不存在或事项未发布', en: 'No published service guide' })
  const [item, org, tasks] = await Promise.all([findItem(db, implementation.itemId), implementation.orgId ? findOrg(db, implementation.orgId) : undefined, openTasksOf(db, implementation.id)])
  return {
    implementationId: implementation.id,
    implementationCode: implementation.implementationCode,
    basicCode: item?.basicCode ?? '',
    kind: implementation.kind,
    region: await regionRef(db, implementation.regionCode),
    orgName: org?.name ?? null,
    versionNumber: version.number,
    publishedAt: version.publishedAt,
    elements: version.effective,
    legalBasis: await legalBasisOf(db, version, shanghaiDay(deps.clock.now())),
    basisUnderReview: tasks.some((t) => t.reason !== 'parent_changed'),
  }
}
