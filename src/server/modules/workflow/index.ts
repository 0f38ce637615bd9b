import type { YiwangModule } from '../../platform/module'
import { noticeRoutes } from './notices.routes'
import * as createCases from './migrations/2026-11-28T05-00_workflow_create-cases'
import * as timersMergesNotices from './migrations/2026-11-28T06-05_workflow_timers-merges-notices'

export { checkDefinition, effectRequires, type StateDefinition, type TransitionDefinition, type TransitionEffect, type WorkflowDefinition } from './definition'
export { ALARM, decide, dueTimer, evolve, mayFire, openCase, replay, type CaseEvent, type CaseSnapshot, type CommandActor } from './engine'
export { commandActor, decideOpenings, fireTransition, openWorkflowCase, registerDefinition, runDueTimers, type Fire, type OpenCase, type Opened, type Opening } from './workflow.service'
export { eventsOf, findCase, mergedCases, type CaseRecord, type NoticeRecord, type StoredEvent } from './workflow.repository'
export { loadCaseHistories, type CaseHistory } from './bulk-load'
export { CASE_CHANGED, type CaseChangedEvent } from './workflow.events'

/** The case engine every moving case runs on (appeals first), with its timers and notices. */
export const workflowModule: YiwangModule = {
  name: 'workflow',
  migrations: {
    '2026-11-28T05-00_workflow_create-cases': createCases,
    '2026-11-28T06-05_workflow_timers-merges-notices': timersMergesNotices,
  },
  routes: noticeRoutes,
}
