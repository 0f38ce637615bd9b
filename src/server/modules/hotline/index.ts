import type { YiwangModule } from '../../platform/module'
import { hotlineRoutes } from './hotline.routes'
import * as createAppeals from './migrations/2026-11-28T06-00_hotline_create-appeals'
import * as createKnowledge from './migrations/2026-11-28T06-30_hotline_create-knowledge'

/** The 12345 hotline: appeals on the workflow engine, dispatch, the knowledge base (热线百科), surges and metrics. */
export const hotlineModule: YiwangModule = {
  name: 'hotline',
  migrations: {
    '2026-11-28T06-00_hotline_create-appeals': createAppeals,
    '2026-11-28T06-30_hotline_create-knowledge': createKnowledge,
  },
  routes: hotlineRoutes,
}
