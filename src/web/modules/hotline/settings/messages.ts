import type { Text } from '../../../app/i18n/messages'

/** The hotline's configuration page (热线配置): merged into the app's messages. */
export const hotlineSettingsMessages = {
  'menu.hotlineSettings': { zh: '热线配置', en: 'Hotline settings' },
  'hotline.settings.desc': { zh: '派单目录、派单规则、办理时限、分类模型和 Open311 接入', en: 'Dispatch catalogue, routing rules, time limits, the classifier and Open311 clients' },
  'hotline.settings.title': { zh: '热线配置', en: 'Hotline settings' },

  'hotline.settings.tab.catalogue': { zh: '派单目录', en: 'Dispatch catalogue' },
  'hotline.settings.tab.rules': { zh: '派单规则', en: 'Routing rules' },
  'hotline.settings.tab.limits': { zh: '办理时限', en: 'Time limits' },
  'hotline.settings.tab.model': { zh: '分类模型', en: 'Classifier' },
  'hotline.settings.tab.open311': { zh: 'Open311 接入', en: 'Open311 clients' },

  'hotline.settings.saved': { zh: '已保存', en: 'Saved' },
  'hotline.settings.department': { zh: '承办部门', en: 'Department' },
  'hotline.settings.departmentRequired': { zh: '请选择承办部门', en: 'Choose the department' },
  'hotline.settings.region': { zh: '地区', en: 'Region' },

  // 派单目录
  'hotline.settings.catalogue.help': { zh: '某地区某类诉求由哪个部门承办；地区没有的分类沿用上一级的目录。', en: 'Which department answers each category in a region; a category missing here falls back to the level above.' },
  'hotline.settings.catalogue.add': { zh: '新增目录项', en: 'Add entry' },
  'hotline.settings.catalogue.edit': { zh: '更换承办部门', en: 'Change department' },
  'hotline.settings.catalogue.remove': { zh: '删除', en: 'Remove' },
  'hotline.settings.catalogue.removeTitle': { zh: '删除“{category}”的目录项？', en: 'Remove the entry for "{category}"?' },
  'hotline.settings.catalogue.removeBody': { zh: '删除后，本地区此类诉求将按上一级地区的派单目录派单。', en: 'This region will then use the dispatch catalogue of the level above for this category.' },
  'hotline.settings.catalogue.removed': { zh: '已删除，本地区此类诉求沿用上一级目录', en: 'Removed: the level above now answers for this category' },
  'hotline.settings.catalogue.empty': { zh: '本地区还没有自己的派单目录，全部沿用上一级', en: 'This region has no entries of its own: the level above answers for all' },
  'hotline.settings.catalogue.categoryRequired': { zh: '请选择诉求分类', en: 'Choose a category' },
  'hotline.settings.catalogue.noMissing': { zh: '本地区每个分类都已有目录项', en: 'Every category already has an entry here' },
  'hotline.settings.catalogue.orgHint': { zh: '只能选择本地区的部门', en: 'Only departments of this region' },

  // 派单规则
  'hotline.settings.rules.help': { zh: '规则按顺序逐条匹配，先命中的规则决定承办部门；未命中时按派单目录派单。', en: 'Rules are tried in order and the first match names the department; otherwise the dispatch catalogue does.' },
  'hotline.settings.rules.position': { zh: '顺序', en: 'Order' },
  'hotline.settings.rules.name': { zh: '规则名称', en: 'Name' },
  'hotline.settings.rules.nameRequired': { zh: '请填写规则名称', en: 'Enter a name' },
  'hotline.settings.rules.conditions': { zh: '条件', en: 'Conditions' },
  'hotline.settings.rules.target': { zh: '派往部门', en: 'Sends to' },
  'hotline.settings.rules.add': { zh: '新增规则', en: 'Add rule' },
  'hotline.settings.rules.retire': { zh: '停用', en: 'Retire' },
  'hotline.settings.rules.retireTitle': { zh: '停用规则“{name}”？', en: 'Retire the rule "{name}"?' },
  'hotline.settings.rules.retireBody': { zh: '停用后新诉求不再按这条规则派单。', en: 'New appeals will no longer be routed by this rule.' },
  'hotline.settings.rules.retired': { zh: '规则已停用', en: 'Rule retired' },
  'hotline.settings.rules.added': { zh: '规则已新增', en: 'Rule added' },
  'hotline.settings.rules.empty': { zh: '暂无派单规则', en: 'No routing rules' },
  'hotline.settings.rules.regionPrefix': { zh: '诉求地区', en: 'Appeal region' },
  'hotline.settings.rules.keywords': { zh: '关键词', en: 'Keywords' },
  'hotline.settings.rules.keywordsHint': { zh: '输入后回车，任一关键词出现即命中', en: 'Press Enter after each; any one matches' },
  'hotline.settings.rules.needCondition': { zh: '分类、地区、热线、关键词至少填写一项', en: 'Give at least one of category, region, line or keywords' },
  'hotline.settings.rules.positionRequired': { zh: '请填写顺序', en: 'Enter the order' },

  // 办理时限
  'hotline.settings.limits.help': { zh: '各类诉求的办理时限（工作日），只对之后受理的诉求生效。', en: 'Working days to handle each type; applies to appeals filed from now on.' },
  'hotline.settings.limits.provinceOnly': { zh: '办理时限由省级设定，本级只能查看。', en: 'Time limits are set by the province; you can view them here.' },
  'hotline.settings.limits.days': { zh: '时限（工作日）', en: 'Limit (working days)' },
  'hotline.settings.limits.daysUnit': { zh: '个工作日', en: 'working days' },

  // 分类模型
  'hotline.settings.model.help': { zh: '用已办结诉求重新训练分类模型，受理时据此推荐诉求分类和承办部门。', en: 'Retrain the classifier on handled appeals; intake uses it to suggest categories and departments.' },
  'hotline.settings.model.train': { zh: '重新训练', en: 'Retrain' },
  'hotline.settings.model.trained': { zh: '训练完成', en: 'Training finished' },
  'hotline.settings.model.examples': { zh: '训练样本', en: 'Examples' },
  'hotline.settings.model.accuracy': { zh: '留出集准确率', en: 'Held-out accuracy' },
  'hotline.settings.model.noAccuracy': { zh: '样本过少，未计算', en: 'Too few examples to measure' },

  // Open311 接入
  'hotline.settings.open311.help': { zh: '外部系统通过 Open311 GeoReport v2 接口提交诉求，每个接入方持有一个 api_key。', en: 'Outside systems file appeals through the Open311 GeoReport v2 API, each with its own api_key.' },
  'hotline.settings.open311.register': { zh: '登记接入方', en: 'Register client' },
  'hotline.settings.open311.name': { zh: '接入方名称', en: 'Client name' },
  'hotline.settings.open311.nameRequired': { zh: '请填写接入方名称', en: 'Enter the client’s name' },
  'hotline.settings.open311.scopes': { zh: '可提交地区', en: 'Regions it may file into' },
  'hotline.settings.open311.scopesRequired': { zh: '请至少选择一个地区', en: 'Choose at least one region' },
  'hotline.settings.open311.status': { zh: '状态', en: 'Status' },
  'hotline.settings.open311.active': { zh: '有效', en: 'Active' },
  'hotline.settings.open311.revoked': { zh: '已撤销', en: 'Revoked' },
  'hotline.settings.open311.createdAt': { zh: '登记时间', en: 'Registered' },
  'hotline.settings.open311.lastUsedAt': { zh: '最近使用', en: 'Last used' },
  'hotline.settings.open311.revoke': { zh: '撤销', en: 'Revoke' },
  'hotline.settings.open311.revokeTitle': { zh: '撤销“{name}”的 api_key？', en: 'Revoke the api_key of "{name}"?' },
  'hotline.settings.open311.revokeBody': { zh: '撤销后该接入方不能再提交诉求，且不可恢复。', en: 'The client can no longer file appeals; this cannot be undone.' },
  'hotline.settings.open311.revokedDone': { zh: '已撤销', en: 'Revoked' },
  'hotline.settings.open311.empty': { zh: '暂无接入方', en: 'No clients' },
  'hotline.settings.open311.keyTitle': { zh: 'api_key 只显示这一次', en: 'The api_key is shown only this once' },
  'hotline.settings.open311.keyWarning': { zh: '请立即复制并妥善交给接入方；关闭后无法再次查看，遗失只能撤销后重新登记。', en: 'Copy it now and hand it over safely: it cannot be shown again; if lost, revoke and register anew.' },
  'hotline.settings.open311.registered': { zh: '接入方“{name}”已登记', en: 'Client "{name}" registered' },
  'hotline.settings.open311.done': { zh: '我已保存', en: 'I have saved it' },
} as const satisfies Record<string, Text>

export type HotlineSettingsMessageKey = keyof typeof hotlineSettingsMessages
