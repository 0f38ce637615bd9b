import {
  ApartmentOutlined,
  ApiOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CheckSquareOutlined,
  HeatMapOutlined,
  UnorderedListOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FormOutlined,
  GiftOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReadOutlined,
  SendOutlined,
  SettingOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Permission } from '../auth'
import type { MessageKey } from '../i18n'

export interface MenuLeaf {
  /** The route, which is also the menu key. */
  path: string
  label: MessageKey
  icon: ReactNode
  /** Shown only to accounts holding this permission; none = everyone signed in. */
  permission?: Permission
  description?: MessageKey
}

export interface MenuGroup {
  key: string
  label: MessageKey
  icon: ReactNode
  children: MenuLeaf[]
}

export type MenuEntry = MenuLeaf | MenuGroup

export function isGroup(entry: MenuEntry): entry is MenuGroup {
  return 'children' in entry
}

/** The workbench menu: one entry or group per module. */
export const workbenchMenu: MenuEntry[] = [
  { path: '/workbench', label: 'menu.dashboard', icon: <HomeOutlined /> },
  {
    key: 'basic',
    label: 'menu.basic',
    icon: <DatabaseOutlined />,
    children: [
      { path: '/workbench/regions', label: 'menu.regions', icon: <EnvironmentOutlined />, permission: 'region.read', description: 'region.desc' },
      { path: '/workbench/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, permission: 'org.read', description: 'org.desc' },
      { path: '/workbench/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, permission: 'region.read', description: 'calendar.desc' },
    ],
  },
  {
    key: 'catalog',
    label: 'menu.catalogGroup',
    icon: <ProfileOutlined />,
    children: [
      { path: '/workbench/catalog', label: 'menu.catalogBrowser', icon: <UnorderedListOutlined />, permission: 'catalog.read', description: 'catalog.desc' },
      { path: '/workbench/catalog/reviews', label: 'menu.catalogReviews', icon: <CheckSquareOutlined />, permission: 'catalog.read', description: 'catalog.reviews.desc' },
      { path: '/workbench/catalog/coverage', label: 'menu.catalogCoverage', icon: <HeatMapOutlined />, permission: 'catalog.read', description: 'catalog.coverage.desc' },
      { path: '/workbench/laws', label: 'menu.laws', icon: <BookOutlined />, permission: 'law.read', description: 'laws.desc' },
    ],
  },
  {
    key: 'hotline',
    label: 'menu.hotline',
    icon: <PhoneOutlined />,
    children: [
      { path: '/workbench/hotline/intake', label: 'menu.hotlineIntake', icon: <FormOutlined />, permission: 'hotline.intake', description: 'hotline.intake.desc' },
      { path: '/workbench/hotline/dispatch', label: 'menu.hotlineDispatch', icon: <SendOutlined />, permission: 'hotline.dispatch', description: 'hotline.dispatch.desc' },
      { path: '/workbench/hotline/inbox', label: 'menu.hotlineInbox', icon: <InboxOutlined />, permission: 'hotline.handle', description: 'hotline.inbox.desc' },
      { path: '/workbench/hotline/appeals', label: 'menu.hotlineAppeals', icon: <UnorderedListOutlined />, permission: 'hotline.read', description: 'hotline.appeals.desc' },
      { path: '/workbench/hotline/dashboard', label: 'menu.hotlineDashboard', icon: <AreaChartOutlined />, permission: 'hotline.supervise', description: 'hotline.dashboard.desc' },
      { path: '/workbench/hotline/knowledge', label: 'menu.hotlineKnowledge', icon: <ReadOutlined />, permission: 'knowledge.read', description: 'knowledge.desc' },
      { path: '/workbench/hotline/settings', label: 'menu.hotlineSettings', icon: <SettingOutlined />, permission: 'hotline.supervise', description: 'hotline.settings.desc' },
    ],
  },
  {
    key: 'accounts',
    label: 'menu.accounts',
    icon: <TeamOutlined />,
    children: [
      { path: '/workbench/staff', label: 'menu.staff', icon: <TeamOutlined />, permission: 'staff.read', description: 'staff.desc' },
      { path: '/workbench/tokens', label: 'menu.tokens', icon: <ApiOutlined />, permission: 'token.manage', description: 'token.desc' },
    ],
  },
  {
    key: 'security',
    label: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    children: [{ path: '/workbench/audit', label: 'menu.audit', icon: <FileSearchOutlined />, permission: 'audit.read', description: 'audit.desc' }],
  },
  {
    key: 'mine',
    label: 'menu.mine',
    icon: <UserOutlined />,
    children: [{ path: '/workbench/account', label: 'menu.password', icon: <KeyOutlined /> }],
  },
]

/** Modules still being built: shown greyed with 即将上线. */
export const upcomingModules: { key: string; label: MessageKey; icon: ReactNode }[] = [
  { key: 'policy', label: 'menu.policy', icon: <GiftOutlined /> },
  { key: 'inspection', label: 'menu.inspection', icon: <AuditOutlined /> },
  { key: 'data', label: 'menu.data', icon: <ClusterOutlined /> },
]

export const brandIcon = <BankOutlined />

/** The menu as this account may see it: leaves it lacks the permission for, and then empty groups, removed. */
export function visibleMenu(can: (permission: Permission) => boolean): MenuEntry[] {
  const allowed = (leaf: MenuLeaf) => !leaf.permission || can(leaf.permission)
  const result: MenuEntry[] = []
  for (const entry of workbenchMenu) {
    if (isGroup(entry)) {
      const children = entry.children.filter(allowed)
      if (children.length > 0) result.push({ ...entry, children })
    } else if (allowed(entry)) {
      result.push(entry)
    }
  }
  return result
}

/** Every leaf, flattened (for shortcuts and for finding the selected key). */
export function leavesOf(entries: MenuEntry[]): MenuLeaf[] {
  return entries.flatMap((entry) => (isGroup(entry) ? entry.children : [entry]))
}
