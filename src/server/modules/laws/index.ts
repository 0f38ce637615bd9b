import type { YiwangModule } from '../../platform/module'
import * as createLaws from './migrations/2026-11-28T03-00_laws_create-laws'
import { lawsRoutes } from './laws.routes'

export { citedArticles, resolveCitations, type CitedArticle } from './laws.citations'
export type { ArticleEffect, LawChangeKind, LawKind } from './laws.tables'
// The event lives in its own file so the service can publish it without importing this index.
export { LAW_CHANGED, type LawChangedEvent } from './laws.events'
export { articleLabel, articleOrdinal } from './laws.labels'
export { anyLawExists, createLaw, lawArticleIndex, recordLawChange, type NewLaw, type NewLawChange } from './laws.service'

/** Laws, regulations and rules down to the article, and their changes. */
export const lawsModule: YiwangModule = {
  name: 'laws',
  migrations: { '2026-11-28T03-00_laws_create-laws': createLaws },
  routes: lawsRoutes,
}
