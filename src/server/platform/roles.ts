import type { Message } from './errors'

/**
 * The permissions of the platform. A permission is a string `area.verb`; modules add their own
 * by extending the role table below, so that one table answers "who may do what".
 */
export const permissions = [
  'region.read',
  'org.read',
  'org.manage',
  'staff.read',
  'staff.manage',
  'staff.assign_roles',
  'staff.unlock',
  'token.manage',
  'audit.read',
  'calendar.manage',
  'person.read',
  'pii.read',
  'catalog.read',
  'catalog.edit',
  'law.read',
  'law.edit',
  'hotline.read',
  'hotline.intake',
  'hotline.dispatch',
  'hotline.handle',
  'hotline.approve',
  'hotline.supervise',
  'hotline.callback',
  'knowledge.read',
  'knowledge.edit',
  'knowledge.review',
] as const
export type Permission = (typeof permissions)[number]

export type RoleGroup = 'admin' | 'business'

export interface RoleDefinition {
  role: string
  group: RoleGroup
  name: Message
  description: Message
  permissions: readonly Permission[]
  /** Of those, the ones this role holds only inside its own department (a handler acts on its department's cases). */
  departmentScoped?: readonly Permission[]
}

const everyoneReads: Permission[] = ['region.read', 'org.read']
/** Business staff read the catalogue, the laws library and the hotline's knowledge base: a clerk, a handler and a dispatcher all work from them. */
const businessReads: Permission[] = [...everyoneReads, 'catalog.read', 'law.read', 'knowledge.read']

/**
 * The three separated administrators (三员分立) and the business roles. No administrator
 * role overlaps another's work: the system administrator runs accounts and organisations but
 * cannot grant roles; the security administrator grants roles and unlocks but cannot create
 * accounts; the auditor only reads the audit log.
 */
export const roles: readonly RoleDefinition[] = [
  {
    role: 'system_admin',
    group: 'admin',
    name: { zh: '系统管理员', en: 'System administrator' },
    description: { zh: '管理部门、工作人员账号和工作日历', en: 'Manages departments, staff accounts and the working calendar' },
    permissions: [...everyoneReads, 'org.manage', 'staff.read', 'staff.manage', 'calendar.manage'],
  },
  {
    role: 'security_admin',
    group: 'admin',
    name: { zh: '安全管理员', en: 'Security administrator' },
    description: { zh: '分配角色权限、解锁账号、管理接口令牌', en: 'Assigns roles, unlocks accounts, manages API tokens' },
    permissions: [...everyoneReads, 'staff.read', 'staff.assign_roles', 'staff.unlock', 'token.manage'],
  },
  {
    role: 'auditor',
    group: 'admin',
    name: { zh: '审计管理员', en: 'Auditor' },
    description: { zh: '只读查看和校验审计日志', en: 'Reads and verifies the audit log, read-only' },
    permissions: [...everyoneReads, 'staff.read', 'audit.read'],
  },
  {
    role: 'window_clerk',
    group: 'business',
    name: { zh: '窗口人员', en: 'Window clerk' },
    description: { zh: '综合窗口受理办件，核验申请人身份', en: 'Accepts applications at the window and verifies applicants' },
    permissions: [...businessReads, 'person.read', 'pii.read'],
  },
  {
    role: 'dispatcher',
    group: 'business',
    name: { zh: '派单员', en: 'Dispatcher' },
    description: { zh: '12345热线诉求派单，审核退回、异议和延期', en: 'Dispatches hotline appeals; reviews returns, objections and extensions' },
    permissions: [...businessReads, 'hotline.read', 'hotline.dispatch', 'hotline.approve', 'knowledge.edit', 'knowledge.review'],
  },
  {
    role: 'hotline_agent',
    group: 'business',
    name: { zh: '话务员', en: 'Hotline agent' },
    description: { zh: '接听12345来电，登记诉求、即时办结和回访', en: 'Answers 12345 calls: records appeals, resolves on the call and calls back' },
    permissions: [...businessReads, 'hotline.read', 'hotline.intake', 'hotline.callback', 'pii.read'],
  },
  {
    role: 'handler',
    group: 'business',
    name: { zh: '承办人员', en: 'Handler' },
    description: { zh: '部门承办工单和办件', en: 'Handles tickets and applications for a department' },
    permissions: [...businessReads, 'hotline.read', 'hotline.handle', 'knowledge.edit'],
    departmentScoped: ['hotline.read', 'hotline.handle', 'knowledge.edit'],
  },
  {
    role: 'supervisor',
    group: 'business',
    name: { zh: '督办人员', en: 'Supervisor' },
    description: { zh: '督办超期工单，查看运行指标', en: 'Escalates late tickets and watches metrics' },
    permissions: [...businessReads, 'person.read', 'hotline.read', 'hotline.supervise', 'hotline.approve', 'knowledge.review'],
  },
  {
    role: 'catalog_editor',
    group: 'business',
    name: { zh: '事项编辑', en: 'Catalogue editor' },
    description: { zh: '编制、认领和复核事项清单', en: 'Compiles, claims and reviews catalogue items' },
    permissions: [...businessReads, 'catalog.edit'],
  },
  {
    role: 'law_editor',
    group: 'business',
    name: { zh: '法规编辑', en: 'Law editor' },
    description: { zh: '维护法律法规库，录入立改废释', en: 'Keeps the laws library and records law changes' },
    permissions: [...businessReads, 'law.edit'],
  },
  {
    role: 'policy_editor',
    group: 'business',
    name: { zh: '政策编辑', en: 'Policy editor' },
    description: { zh: '录入惠企政策和申报条件', en: 'Enters policies and their eligibility rules' },
    permissions: [...businessReads],
  },
  {
    role: 'inspector',
    group: 'business',
    name: { zh: '执法检查人员', en: 'Inspector' },
    description: { zh: '参与双随机抽查和联合检查', en: 'Takes part in random and joint inspections' },
    permissions: [...businessReads],
  },
  {
    role: 'data_officer',
    group: 'business',
    name: { zh: '数据管理员', en: 'Data officer' },
    description: { zh: '管理公共数据目录和开放数据', en: 'Manages the public data catalogue and open data' },
    permissions: [...businessReads],
  },
]

export const roleNames: ReadonlySet<string> = new Set(roles.map((r) => r.role))
export const adminRoles: ReadonlySet<string> = new Set(roles.filter((r) => r.group === 'admin').map((r) => r.role))

/** The permissions that a set of roles grants only department-wide: no role of the set grants them region-wide. */
export function departmentScopedOf(roleList: readonly string[]): Set<string> {
  const held = roles.filter((r) => roleList.includes(r.role))
  const regionWide = new Set(held.flatMap((r) => r.permissions.filter((p) => !r.departmentScoped?.includes(p))))
  return new Set(held.flatMap((r) => r.departmentScoped ?? []).filter((p) => !regionWide.has(p)))
}

/** The permissions granted by a set of roles; unknown roles grant nothing. */
export function permissionsOf(roleList: readonly string[]): Set<string> {
  const granted = new Set<string>()
  for (const definition of roles) {
    if (roleList.includes(definition.role)) definition.permissions.forEach((p) => granted.add(p))
  }
  return granted
}
