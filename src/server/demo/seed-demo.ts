import { randomUUID } from 'node:crypto'
import type { Actor } from '../platform/access'
import type { PlatformDeps } from '../platform/deps'
import { residentIdCheckDigit, usccCheckCharacter } from '../platform/identity/identity-codes'
import { createAdminAccount } from '../platform/users/staff.service'
import { registerEnterprise, registerPerson } from '../platform/users/public-account.service'
import { seedDemoCatalog } from './demo-catalog'
import { seedDemoAppeals, seedDemoDispatchCatalogue } from './demo-hotline'
import { seedDemoKnowledge } from './demo-knowledge'
import { seedDemoLaws } from './demo-laws'
import { demoOrgs } from './demo-orgs'

export const DEMO_PASSWORD = 'Yiwang@2026'

interface DemoStaff {
  username: string
  displayName: string
  role: string
  regionCode: string
  org: string
  note: string
}

/** The demo staff of Jiangsu: the three separated administrators of the province, city and county administrators to show scoping, and business roles. */
const jiangsuStaff: readonly DemoStaff[] = [
  { username: 'sysadmin', displayName: '王建国', role: 'system_admin', regionCode: '32', org: '江苏省政务服务管理办公室', note: '省级系统管理员 province system administrator' },
  { username: 'security', displayName: '李安', role: 'security_admin', regionCode: '32', org: '江苏省政务服务管理办公室', note: '省级安全管理员 province security administrator' },
  { username: 'auditor', displayName: '赵审', role: 'auditor', regionCode: '32', org: '江苏省政务服务管理办公室', note: '省级审计管理员 province auditor' },
  { username: 'nanjing.admin', displayName: '陈宁', role: 'system_admin', regionCode: '3201', org: '南京市政务服务管理办公室', note: '南京市系统管理员 Nanjing city administrator' },
  { username: 'xuanwu.admin', displayName: '周玄', role: 'system_admin', regionCode: '320102', org: '玄武区行政审批局', note: '玄武区系统管理员 Xuanwu district administrator' },
  { username: 'peixian.admin', displayName: '刘沛', role: 'system_admin', regionCode: '320322', org: '沛县行政审批局', note: '沛县系统管理员 Pei county administrator' },
  { username: 'clerk', displayName: '孙窗', role: 'window_clerk', regionCode: '320102', org: '玄武区政务服务中心', note: '玄武区窗口人员 Xuanwu window clerk' },
  { username: 'dispatcher', displayName: '吴派', role: 'dispatcher', regionCode: '3201', org: '南京市12345政务服务便民热线中心', note: '南京市12345派单员 Nanjing hotline dispatcher' },
  { username: 'handler', displayName: '郑办', role: 'handler', regionCode: '3201', org: '南京市市场监督管理局', note: '南京市市场监管局承办人员 Nanjing market-regulation handler' },
  { username: 'agent', displayName: '冯话', role: 'hotline_agent', regionCode: '3201', org: '南京市12345政务服务便民热线中心', note: '南京市12345话务员 Nanjing hotline agent' },
  { username: 'supervisor', displayName: '褚督', role: 'supervisor', regionCode: '3201', org: '南京市12345政务服务便民热线中心', note: '南京市12345督办人员 Nanjing hotline supervisor' },
  { username: 'xuanwu.handler', displayName: '卫玄', role: 'handler', regionCode: '320102', org: '玄武区市场监督管理局', note: '玄武区市场监管局承办人员 Xuanwu market-regulation handler' },
  { username: 'xuanwu.housing', displayName: '蒋建', role: 'handler', regionCode: '320102', org: '玄武区住房和城乡建设局', note: '玄武区住建局承办人员 Xuanwu housing handler' },
  { username: 'catalog', displayName: '钱清', role: 'catalog_editor', regionCode: '32', org: '江苏省政务服务管理办公室', note: '省级事项编辑 province catalogue editor' },
  { username: 'xuzhou.catalog', displayName: '韩彭', role: 'catalog_editor', regionCode: '3203', org: '徐州市政务服务管理办公室', note: '徐州市事项编辑 Xuzhou catalogue editor' },
  { username: 'peixian.catalog', displayName: '樊沛', role: 'catalog_editor', regionCode: '320322', org: '沛县行政审批局', note: '沛县事项编辑 Pei county catalogue editor' },
  { username: 'lawyer', displayName: '孔法', role: 'law_editor', regionCode: '32', org: '江苏省司法厅', note: '省司法厅法规编辑 province law editor' },
]

/** Another home province gets the three administrators at its government-service office. */
function provinceStaff(province: { code: string; name: string }): DemoStaff[] {
  const org = `${province.name}政务服务管理办公室`
  return [
    { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', regionCode: province.code, org, note: '省级系统管理员 province system administrator' },
    { username: 'security', displayName: '安全管理员', role: 'security_admin', regionCode: province.code, org, note: '省级安全管理员 province security administrator' },
    { username: 'auditor', displayName: '审计管理员', role: 'auditor', regionCode: province.code, org, note: '省级审计管理员 province auditor' },
  ]
}

/** The demo accounts of an installation's home province. */
export async function demoStaff(deps: Pick<PlatformDeps, 'db' | 'homeProvince'>): Promise<readonly DemoStaff[]> {
  if (deps.homeProvince === '32') return jiangsuStaff
  const province = await deps.db.selectFrom('platform.region').select(['code', 'name']).where('code', '=', deps.homeProvince).executeTakeFirstOrThrow()
  return provinceStaff(province)
}

const system: Actor = { kind: 'system', name: 'demo-seed' }

/** Inserts the demo departments of every province, city and county region, parents first. */
async function seedDemoOrgs(deps: PlatformDeps): Promise<number> {
  const regions = await deps.db
    .selectFrom('platform.region')
    .select(['code', 'name', 'level', 'functionalZone'])
    .where('code', 'like', `${deps.homeProvince}%`)
    .where('level', '<=', 3)
    .execute()
  const orgs = demoOrgs(regions, deps.homeProvince)
  // Ids are made here so that whole batches can be inserted; parents come first in the list.
  const idOfKey = new Map(orgs.map((org) => [org.key, randomUUID()]))
  const rows = orgs.map((org) => ({
    id: idOfKey.get(org.key)!,
    regionCode: org.regionCode,
    parentId: org.parentKey ? idOfKey.get(org.parentKey)! : null,
    name: org.name,
    kind: org.kind,
    sort: org.sort,
    creditCode: null,
  }))
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('platform.org').values(rows.slice(i, i + 500)).execute()
  })
  return orgs.length
}

function demoResidentId(region: string, birth: string, serial: string): string {
  const first17 = `${region}${birth}${serial}`
  return first17 + residentIdCheckDigit(first17)
}

function demoUscc(region: string, body: string): string {
  const first17 = `91${region}${body}`
  return first17 + usccCheckCharacter(first17)
}

export interface DemoSeeded {
  orgs: number
  staff: number
  laws: number
  items: number
  entries: number
  knowledge: number
  appeals: number
}

/**
 * Seeds the demo data into an installation: departments, staff and public accounts and the
 * hotline's dispatch catalogue, then (unless `content` is false, as for the test template) the
 * laws library, the catalogue and two months of hotline appeals. Each part is
 * seeded once; a part already there is left alone.
 */
export async function seedDemo(deps: PlatformDeps, options: { content?: boolean } = {}): Promise<DemoSeeded> {
  const accounts = await seedDemoAccounts(deps)
  await seedDemoDispatchCatalogue(deps)
  if (options.content === false) return { ...accounts, laws: 0, items: 0, entries: 0, knowledge: 0, appeals: 0 }
  const laws = await seedDemoLaws(deps)
  const catalog = await seedDemoCatalog(deps, laws)
  // After the catalogue: knowledge entries link to its items by name.
  const knowledge = await seedDemoKnowledge(deps)
  const appeals = await seedDemoAppeals(deps)
  return { ...accounts, laws: Object.keys(laws).length, items: catalog.items, entries: catalog.implementations, knowledge, appeals }
}

async function seedDemoAccounts(deps: PlatformDeps): Promise<{ orgs: number; staff: number }> {
  const anyStaff = await deps.db.selectFrom('platform.staffAccount').select('id').limit(1).executeTakeFirst()
  if (anyStaff) return { orgs: 0, staff: 0 }
  const orgCount = await seedDemoOrgs(deps)
  const ctx = { actor: system, ip: null }
  const staff = await demoStaff(deps)
  for (const person of staff) {
    const org = await deps.db.selectFrom('platform.org').select('id').where('regionCode', '=', person.regionCode).where('name', '=', person.org).executeTakeFirstOrThrow()
    await createAdminAccount(deps, ctx, { username: person.username, displayName: person.displayName, regionCode: person.regionCode, orgId: org.id, password: DEMO_PASSWORD, role: person.role, phone: '13912345678' })
  }
  await registerPerson(deps, ctx, { name: '张三', idNumber: demoResidentId('320102', '19900101', '123'), phone: '13812345678', password: DEMO_PASSWORD })
  await registerPerson(deps, ctx, { name: '李四', idNumber: demoResidentId('320322', '19851231', '456'), phone: '13698765432', password: DEMO_PASSWORD })
  await registerEnterprise(deps, ctx, { name: '南京玄武示范科技有限公司', uscc: demoUscc('320102', 'MA1MW8K7R'), phone: '13555550001', password: DEMO_PASSWORD })
  return { orgs: orgCount, staff: staff.length }
}
