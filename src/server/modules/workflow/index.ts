import type { YiwangModule } from '../../platform/module'
import * as createCases from './migrations/2026-11-28T05-00_workflow_create-cases'

export { checkDefinition, type StateDefinition, type TransitionDefinition, type TransitionEffect, type WorkflowDefinition } from './definition'
export { replay, type CaseEvent, type CaseSnapshot } from './engine'
export { fireTransition, openWorkflowCase, registerDefinition, type Fire, type OpenCase } from './workflow.service'
export { eventsOf, findCase, type CaseRecord } from './workflow.repository'

/** The case engine every moving case runs on (appeals first); it has no routes of its own yet. */
export const workflowModule: YiwangModule = {
  name: 'workflow',
  migrations: { '2026-11-28T05-00_workflow_create-cases': createCases },
}
