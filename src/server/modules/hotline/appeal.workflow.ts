import type { Message } from '../../platform/errors'
import type { TransitionDefinition, WorkflowDefinition } from '../workflow'

export const APPEAL_WORKFLOW = 'hotline.appeal'

const m = (zh: string, en: string) => ({ zh, en })
/** The states of an appeal still being worked on (open, and counted against its deadline). */
export const liveStates = ['received', 'handling', 'objected', 'extension_requested'] as const
const live = liveStates

const transitions: TransitionDefinition[] = [
  { key: 'dispatch', name: m('派单', 'Dispatch'), from: ['received'], to: 'handling', permission: 'hotline.dispatch', effect: 'assign' },
  { key: 'return', name: m('退回', 'Return'), from: ['handling'], to: 'received', permission: 'hotline.handle', effect: 'return', requires: ['reason'] },
  { key: 'object', name: m('派单异议', 'Object to dispatch'), from: ['handling'], to: 'objected', permission: 'hotline.handle', requires: ['reason'], notify: 'dispatch' },
  { key: 'accept_objection', name: m('异议成立', 'Accept objection'), from: ['objected'], to: 'received', permission: 'hotline.approve', effect: 'return', requires: ['reason'] },
  { key: 'reject_objection', name: m('异议不成立', 'Reject objection'), from: ['objected'], to: 'handling', permission: 'hotline.approve', requires: ['reason'] },
  { key: 'request_extension', name: m('申请延期', 'Request extension'), from: ['handling'], to: 'extension_requested', permission: 'hotline.handle', requires: ['days', 'reason'], notify: 'dispatch' },
  { key: 'approve_extension', name: m('同意延期', 'Approve extension'), from: ['extension_requested'], to: 'handling', permission: 'hotline.approve', effect: 'extend' },
  { key: 'reject_extension', name: m('不同意延期', 'Refuse extension'), from: ['extension_requested'], to: 'handling', permission: 'hotline.approve', requires: ['reason'] },
  { key: 'reply', name: m('答复', 'Reply'), from: ['handling'], to: 'answered', permission: 'hotline.handle', requires: ['answer'] },
  {
    key: 'callback',
    name: m('回访', 'Call back'),
    from: ['answered'],
    to: 'closed',
    permission: 'hotline.callback',
    requires: ['satisfaction'],
    choices: { satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied'] },
  },
  { key: 'reopen', name: m('重办', 'Reopen'), from: ['answered', 'closed'], to: 'handling', permission: 'hotline.supervise', effect: 'reopen' },
  { key: 'escalate', name: m('督办', 'Escalate'), from: [...live], permission: 'hotline.supervise', effect: 'escalate' },
  { key: 'merge', name: m('并单', 'Merge duplicate'), from: ['received'], to: 'merged', permission: 'hotline.dispatch', effect: 'merge' },
  { key: 'resolve_on_call', name: m('即时办结', 'Resolve on the call'), from: ['received'], to: 'closed', permission: 'hotline.intake', requires: ['answer'] },
  { key: 'transfer_emergency', name: m('转紧急服务', 'Transfer to emergency services'), from: ['received'], to: 'transferred', permission: 'hotline.intake', requires: ['service', 'reference'], choices: { service: ['110', '119', '120'] } },
]

/**
 * How an appeal moves (v1): received → dispatched to a department → answered → called back.
 * Departments may return it, object to the dispatch or ask for more time; the centre reviews
 * both; supervisors escalate and reopen; duplicates merge into one case; an inquiry the agent
 * answers from the knowledge base closes on the call.
 */
export const appealWorkflow: WorkflowDefinition = {
  key: APPEAL_WORKFLOW,
  version: 1,
  name: m('12345热线诉求', '12345 hotline appeal'),
  initial: 'received',
  // The type's limit applies (hotline.type_limit); this is only the fallback.
  deadlineDays: 13,
  timers: { remindAt: 0.8, escalateAfterDays: 1 },
  audiences: { dispatch: 'hotline.dispatch', supervise: 'hotline.supervise' },
  states: [
    { key: 'received', name: m('待派单', 'Awaiting dispatch'), clock: 'running' },
    { key: 'handling', name: m('办理中', 'Being handled'), clock: 'running' },
    { key: 'objected', name: m('异议审核中', 'Objection under review'), clock: 'running' },
    { key: 'extension_requested', name: m('延期审核中', 'Extension under review'), clock: 'running' },
    { key: 'answered', name: m('待回访', 'Awaiting callback'), clock: 'stopped' },
    { key: 'closed', name: m('已办结', 'Closed'), clock: 'stopped', terminal: true },
    { key: 'merged', name: m('已并单', 'Merged'), clock: 'stopped', terminal: true },
    { key: 'transferred', name: m('已转紧急服务', 'Transferred to emergency services'), clock: 'stopped', terminal: true },
  ],
  transitions,
}

/** Each state's name, for answers and reports. */
export const appealStateNames: ReadonlyMap<string, Message> = new Map(appealWorkflow.states.map((s) => [s.key, s.name]))
