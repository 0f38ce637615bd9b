import type { Text } from '../../../app/i18n/messages'

/**
 * The supervisor dashboard's strings (热线运行监测). The app merges them into its messages (for the
 * menu); the page reads them through `useDashboardT`, so they work before and after that merge.
 */
export const hotlineDashboardMessages = {
  'menu.hotlineDashboard': { zh: '运行监测', en: 'Hotline dashboard' },
  'hotline.dashboard.desc': { zh: '受理、派单、办结、回访与满意率，话务激增预警', en: 'Appeals, dispatch, completion, callbacks and satisfaction, with surge alerts' },

  'hotline.dashboard.title': { zh: '热线运行监测', en: 'Hotline operations' },
  'hotline.dashboard.scope': { zh: '按诉求发生地统计本辖区诉求，按受理日期计入统计周期', en: 'Appeals arising in your region, counted by the day they were filed' },
  'hotline.dashboard.refresh': { zh: '刷新', en: 'Refresh' },
  'hotline.dashboard.period': { zh: '统计周期', en: 'Period' },
  'hotline.dashboard.last7': { zh: '近7天', en: 'Last 7 days' },
  'hotline.dashboard.last30': { zh: '近30天', en: 'Last 30 days' },
  'hotline.dashboard.custom': { zh: '自定义', en: 'Custom' },
  'hotline.dashboard.line': { zh: '热线', en: 'Line' },
  'hotline.dashboard.line.all': { zh: '全部', en: 'All' },
  'hotline.dashboard.line.12345': { zh: '12345', en: '12345' },
  'hotline.dashboard.line.enterprise': { zh: '一企来', en: 'Yiqilai' },
  'hotline.dashboard.line.talent': { zh: '尚贤', en: 'Shangxian' },
  'hotline.dashboard.noData': { zh: '本周期暂无诉求', en: 'No appeals in this period' },

  // KPI cards: the name, what it divides, and the tooltip with its parts
  'hotline.dashboard.kpi.appeals': { zh: '受理量', en: 'Appeals' },
  'hotline.dashboard.kpi.appealsHelp': { zh: '办理中 {open} · 待回访 {answered} · 已办结 {closed} · 已并单 {merged} · 转紧急服务 {transferred}', en: 'Open {open} · awaiting callback {answered} · closed {closed} · merged {merged} · to emergency services {transferred}' },
  'hotline.dashboard.kpi.onTimeDispatch': { zh: '按时派单率', en: 'On-time dispatch' },
  'hotline.dashboard.kpi.onTimeDispatchHelp': { zh: '2小时内派单 {numerator} 件 / 已派单 {denominator} 件', en: '{numerator} dispatched within 2 hours / {denominator} dispatched' },
  'hotline.dashboard.kpi.onTimeCompletion': { zh: '按时办结率', en: 'On-time completion' },
  'hotline.dashboard.kpi.onTimeCompletionHelp': { zh: '时限内答复 {numerator} 件 / 已答复 {denominator} 件（含即时办结，不含并单）', en: '{numerator} answered by the deadline / {denominator} answered (resolved on the call included, merged duplicates not)' },
  'hotline.dashboard.kpi.firstCallResolution': { zh: '即时办结率', en: 'First-call resolution' },
  'hotline.dashboard.kpi.firstCallResolutionHelp': { zh: '话务员当场办结 {numerator} 件 / 受理 {denominator} 件', en: '{numerator} resolved on the call / {denominator} appeals' },
  'hotline.dashboard.kpi.callback': { zh: '回访率', en: 'Callback rate' },
  'hotline.dashboard.kpi.callbackHelp': { zh: '已回访 {numerator} 件 / 部门已答复 {denominator} 件（不含即时办结）', en: '{numerator} called back / {denominator} answered by departments (resolved on the call left out)' },
  'hotline.dashboard.kpi.satisfaction': { zh: '满意率', en: 'Satisfaction' },
  'hotline.dashboard.kpi.satisfactionHelp': { zh: '满意及基本满意 {numerator} 件 / 已回访 {denominator} 件', en: '{numerator} satisfied or basically satisfied / {denominator} called back' },
  'hotline.dashboard.kpi.fraction': { zh: '{numerator} / {denominator}', en: '{numerator} / {denominator}' },

  // Charts
  'hotline.dashboard.trend': { zh: '每日受理与满意率', en: 'Appeals and satisfaction per day' },
  'hotline.dashboard.trendHint': { zh: '按受理日期：当天受理的诉求中已答复多少、回访满意率多少', en: 'By day filed: how many of the day’s appeals are answered, and how satisfied those called back were' },
  'hotline.dashboard.series.appeals': { zh: '受理量', en: 'Appeals' },
  'hotline.dashboard.series.answered': { zh: '已答复', en: 'Answered' },
  'hotline.dashboard.series.satisfaction': { zh: '满意率', en: 'Satisfaction' },
  'hotline.dashboard.byOrg': { zh: '承办部门（受理量前15）', en: 'Departments (15 busiest)' },
  'hotline.dashboard.byOrgMetric': { zh: '部门指标', en: 'Department measure' },
  'hotline.dashboard.byLine': { zh: '各热线受理量', en: 'Appeals by line' },
  'hotline.dashboard.byLineHint': { zh: '不受热线筛选影响', en: 'Not narrowed by the line filter' },
  'hotline.dashboard.satisfactionMix': { zh: '回访满意度构成', en: 'Callback verdicts' },
  'hotline.dashboard.satisfied': { zh: '满意', en: 'Satisfied' },
  'hotline.dashboard.basicallySatisfied': { zh: '基本满意', en: 'Basically satisfied' },
  'hotline.dashboard.dissatisfied': { zh: '不满意', en: 'Dissatisfied' },
  'hotline.dashboard.pieItem': { zh: '{name}：{value} 件（{percent}）', en: '{name}: {value} ({percent})' },

  // Surges
  'hotline.dashboard.surge.title': { zh: '话务激增预警', en: 'Surge alerts' },
  'hotline.dashboard.surge.count': { zh: '{n} 处话务激增', en: 'Surges: {n}' },
  'hotline.dashboard.surge.none': { zh: '近{hours}小时各分类、各区县诉求量均在常态范围内', en: 'Every category and county is within its usual range over the last {hours} hours' },
  'hotline.dashboard.surge.item': { zh: '{region} · {category}：近{hours}小时 {count} 件', en: '{region} · {category}: {count} appeals in {hours} hours' },
  'hotline.dashboard.surge.detail': { zh: '前{days}天同一时段平均 {mean} 件，偏离 {z} 个标准差', en: '{mean} on average in the same hours of the previous {days} days; {z} standard deviations above' },
  'hotline.dashboard.surge.terms': { zh: '高频词：{terms}', en: 'Shared terms: {terms}' },
  'hotline.dashboard.surge.open': { zh: '查看聚类', en: 'View cluster' },
  'hotline.dashboard.surge.drawerTitle': { zh: '{region} · {category} 话务激增', en: 'Surge: {category} in {region}' },
  'hotline.dashboard.surge.window': { zh: '统计时段', en: 'Window' },
  'hotline.dashboard.surge.appeals': { zh: '诉求量', en: 'Appeals' },
  'hotline.dashboard.surge.baseline': { zh: '前{days}天同期均值', en: 'Mean of the previous {days} days' },
  'hotline.dashboard.surge.z': { zh: '偏离程度（标准差）', en: 'Deviation (z)' },
  'hotline.dashboard.surge.rule': { zh: '判定规则：不少于 {minCount} 件，且高于均值 {k} 个标准差、不低于均值的 {ratio} 倍', en: 'Rule: at least {minCount}, at least {k} standard deviations above the mean and {ratio} times the mean' },
  'hotline.dashboard.surge.sharedTerms': { zh: '共同关键词', en: 'Shared terms' },
  'hotline.dashboard.surge.termCount': { zh: '{n}件', en: '{n}' },
  'hotline.dashboard.surge.samples': { zh: '典型诉求（{shown}/{total}）', en: 'Sample appeals ({shown} of {total})' },
  'hotline.dashboard.surge.noRegion': { zh: '未知地区', en: 'Unknown region' },
} as const satisfies Record<string, Text>

export type DashboardMessageKey = keyof typeof hotlineDashboardMessages
