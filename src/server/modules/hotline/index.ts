import type { YiwangModule } from '../../platform/module'
import { CASE_CHANGED, registerDefinition } from '../workflow'
import { appealWorkflow } from './appeal.workflow'
import { followCase } from './appeals.service'
import { hotlineRoutes } from './hotline.routes'
import * as createAppeals from './migrations/2026-11-28T06-00_hotline_create-appeals'
import * as createKnowledge from './migrations/2026-11-28T06-30_hotline_create-knowledge'
import * as open311Clients from './migrations/2026-11-28T06-40_hotline_open311-clients'
import * as appealUpdatedAt from './migrations/2026-11-28T10-10_hotline_appeal-updated-at'

/** The 12345 hotline: appeals on the workflow engine, dispatch, the knowledge base (热线百科), surges and metrics. */
export const hotlineModule: YiwangModule = {
  name: 'hotline',
  migrations: {
    '2026-11-28T06-00_hotline_create-appeals': createAppeals,
    '2026-11-28T06-30_hotline_create-knowledge': createKnowledge,
    '2026-11-28T06-40_hotline_open311-clients': open311Clients,
    '2026-11-28T10-10_hotline_appeal-updated-at': appealUpdatedAt,
  },
  routes: hotlineRoutes,
  on: { [CASE_CHANGED]: followCase },
  start: (deps) => registerDefinition(deps.db, appealWorkflow, deps.clock.now()),
}

export { appealWorkflow, APPEAL_WORKFLOW } from './appeal.workflow'
export type { AppealType, HotlineLine, StoredClassification } from './appeals.tables'
export { loadHandledAppeals, type HandledAppeal } from './bulk-load'
export { trainFromHandledAppeals } from './classifier.service'
export { putDispatchEntries, upsertCategories } from './dispatch.repository'
export { forgetReference } from './reference'
