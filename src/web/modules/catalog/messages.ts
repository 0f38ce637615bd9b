import type { Text } from '../../app/i18n/messages'
import { catalogPortalMessages } from './components/portal/portal.messages'
import { catalogWorkbenchMessages } from './workbench.messages'

/** The catalogue's strings (workbench and portal), merged into the app's messages. */
export const catalogMessages = {
  'menu.catalogGroup': { zh: '事项管理', en: 'Catalogue' },
  'menu.catalogBrowser': { zh: '事项清单', en: 'Service catalogue' },
  'menu.catalogReviews': { zh: '复核任务', en: 'Review tasks' },
  'menu.catalogCoverage': { zh: '认领覆盖', en: 'Claim coverage' },
  'catalog.desc': { zh: '基本目录与各级实施清单，版本、认领与差异', en: 'The base list and each level’s entries: versions, claims and differences' },
  'catalog.reviews.desc': { zh: '上级事项变更和法规立改废释带来的复核', en: 'Reviews caused by parent changes and law changes' },
  'catalog.coverage.desc': { zh: '各地区认领基本目录的情况', en: 'How far each region has claimed the base list' },
  // the workbench pages (事项清单, 事项详情, 复核任务, 认领覆盖)
  ...catalogWorkbenchMessages,
  // the portal pages (办事服务, 省内通办, 办事指南): keys guide.* and portal.catalog.*
  ...catalogPortalMessages,
} as const satisfies Record<string, Text>
