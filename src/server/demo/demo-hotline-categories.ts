/**
 * The hotline's demo dispatch catalogue (派单目录): the categories an appeal is filed under, as a
 * Jiangsu 12345 hotline keeps them, each routed to the county department that answers it. The
 * department is a name suffix of demo-orgs.ts' county departments, so the demo finds the same
 * department in every city and county. Departments the demo counties lack (生态环境局, 城市管理局,
 * 公安局) hand their categories to the nearest one listed, as merged county bureaus often do.
 */

/** 12345 itself, 一企来 (the enterprise line) and 尚贤 (the talent line). */
export type HotlineLine = '12345' | 'enterprise' | 'talent'

/** 咨询 求助 投诉 举报 建议 表扬. */
export type AppealType = 'inquiry' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise'

export const appealTypeNames: Readonly<Record<AppealType, { zh: string; en: string }>> = {
  inquiry: { zh: '咨询', en: 'Inquiry' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
}

export interface DemoHotlineCategory {
  /** ASCII, dotted: group.leaf. */
  key: string
  name: { zh: string; en: string }
  group: { zh: string; en: string }
  /** The responsible department's name suffix, one of the demo county departments. */
  department: string
  lines: readonly HotlineLine[]
  keywords: readonly string[]
}

const g = {
  housing: { zh: '城乡建设', en: 'Urban construction' },
  environment: { zh: '生态环境', en: 'Environment' },
  urban: { zh: '城市管理', en: 'City management' },
  planning: { zh: '自然资源', en: 'Natural resources and planning' },
  labour: { zh: '劳动社保', en: 'Labour and social security' },
  health: { zh: '医疗卫生', en: 'Health care' },
  market: { zh: '市场监管', en: 'Market regulation' },
  transport: { zh: '交通出行', en: 'Transport' },
  education: { zh: '教育', en: 'Education' },
  civil: { zh: '民政', en: 'Civil affairs' },
  agriculture: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  safety: { zh: '安全生产', en: 'Work safety' },
  culture: { zh: '文化旅游', en: 'Culture and tourism' },
  legal: { zh: '司法', en: 'Justice' },
  enterprise: { zh: '企业服务', en: 'Enterprise services' },
  talent: { zh: '人才服务', en: 'Talent services' },
} as const

export const demoHotlineCategories: readonly DemoHotlineCategory[] = [
  { key: 'housing.property', name: { zh: '物业管理', en: 'Property management' }, group: g.housing, department: '住房和城乡建设局', lines: ['12345'], keywords: ['物业', '物业费', '电梯', '楼道', '业委会'] },
  { key: 'housing.quality', name: { zh: '房屋质量与交付', en: 'Housing quality and handover' }, group: g.housing, department: '住房和城乡建设局', lines: ['12345'], keywords: ['渗水', '开裂', '交房', '开发商', '维修基金'] },
  { key: 'environment.noise', name: { zh: '噪声扰民', en: 'Noise nuisance' }, group: g.environment, department: '住房和城乡建设局', lines: ['12345'], keywords: ['噪音', '施工', '夜间', '广场舞', '扰民'] },
  { key: 'environment.pollution', name: { zh: '环境污染', en: 'Pollution' }, group: g.environment, department: '住房和城乡建设局', lines: ['12345'], keywords: ['油烟', '异味', '污水', '废气', '焚烧'] },
  { key: 'urban.roads', name: { zh: '道路设施', en: 'Roads and street furniture' }, group: g.urban, department: '住房和城乡建设局', lines: ['12345'], keywords: ['路面', '坑洼', '路灯', '井盖', '红绿灯'] },
  { key: 'urban.utilities', name: { zh: '供水供气', en: 'Water and gas supply' }, group: g.urban, department: '住房和城乡建设局', lines: ['12345'], keywords: ['停水', '水压', '燃气', '天然气', '水管'] },
  { key: 'urban.sanitation', name: { zh: '市容环卫', en: 'Street cleaning and order' }, group: g.urban, department: '住房和城乡建设局', lines: ['12345'], keywords: ['垃圾', '占道经营', '环卫', '广告', '绿化'] },
  { key: 'planning.illegal_building', name: { zh: '违法建设', en: 'Unauthorised building' }, group: g.planning, department: '自然资源和规划局', lines: ['12345'], keywords: ['违建', '搭建', '加盖', '楼顶', '规划'] },
  { key: 'labour.wages', name: { zh: '欠薪', en: 'Unpaid wages' }, group: g.labour, department: '人力资源和社会保障局', lines: ['12345'], keywords: ['工资', '拖欠', '讨薪', '包工头', '工地'] },
  { key: 'labour.social_insurance', name: { zh: '社会保险', en: 'Social insurance' }, group: g.labour, department: '人力资源和社会保障局', lines: ['12345', 'enterprise'], keywords: ['社保', '养老保险', '缴费', '退休', '转移'] },
  { key: 'labour.employment', name: { zh: '就业创业', en: 'Jobs and business start-ups' }, group: g.labour, department: '人力资源和社会保障局', lines: ['12345', 'talent'], keywords: ['失业', '就业', '培训', '创业补贴', '招聘'] },
  { key: 'health.insurance', name: { zh: '医疗保障', en: 'Medical insurance' }, group: g.health, department: '医疗保障局', lines: ['12345'], keywords: ['医保', '报销', '异地就医', '医保卡', '门诊'] },
  { key: 'health.services', name: { zh: '医疗服务', en: 'Medical services' }, group: g.health, department: '卫生健康委员会', lines: ['12345'], keywords: ['医院', '医生', '挂号', '诊所', '疫苗'] },
  { key: 'market.food_safety', name: { zh: '食品安全', en: 'Food safety' }, group: g.market, department: '市场监督管理局', lines: ['12345'], keywords: ['过期', '变质', '食物中毒', '卫生', '外卖'] },
  { key: 'market.consumer', name: { zh: '消费维权', en: 'Consumer rights' }, group: g.market, department: '市场监督管理局', lines: ['12345'], keywords: ['退款', '预付卡', '质量', '商家', '售后'] },
  { key: 'market.price', name: { zh: '价格收费', en: 'Prices and fees' }, group: g.market, department: '发展和改革委员会', lines: ['12345', 'enterprise'], keywords: ['收费', '涨价', '标价', '停车费', '乱收费'] },
  { key: 'transport.public', name: { zh: '公共交通', en: 'Public transport' }, group: g.transport, department: '交通运输局', lines: ['12345'], keywords: ['公交', '站台', '出租车', '网约车', '班次'] },
  { key: 'education.schools', name: { zh: '学校管理', en: 'Schools' }, group: g.education, department: '教育局', lines: ['12345'], keywords: ['入学', '学区', '老师', '作业', '校车'] },
  { key: 'education.training', name: { zh: '校外培训', en: 'Private tutoring' }, group: g.education, department: '教育局', lines: ['12345'], keywords: ['培训机构', '补课', '退费', '课时', '学科类'] },
  { key: 'civil.elderly', name: { zh: '养老服务', en: 'Elderly care' }, group: g.civil, department: '民政局', lines: ['12345'], keywords: ['养老院', '老人', '高龄津贴', '助餐', '护理'] },
  { key: 'civil.assistance', name: { zh: '社会救助', en: 'Social assistance' }, group: g.civil, department: '民政局', lines: ['12345'], keywords: ['低保', '困难', '救助', '残疾', '临时救助'] },
  { key: 'agriculture.rural', name: { zh: '农业农村', en: 'Farming and villages' }, group: g.agriculture, department: '农业农村局', lines: ['12345'], keywords: ['土地承包', '农资', '种粮补贴', '村委会', '宅基地'] },
  { key: 'safety.production', name: { zh: '安全隐患', en: 'Safety hazards' }, group: g.safety, department: '应急管理局', lines: ['12345', 'enterprise'], keywords: ['安全隐患', '危化品', '消防通道', '液化气', '仓库'] },
  { key: 'culture.tourism', name: { zh: '文化旅游', en: 'Culture and tourism' }, group: g.culture, department: '文化广电和旅游局', lines: ['12345'], keywords: ['景区', '旅行社', '门票', '导游', '网吧'] },
  { key: 'legal.services', name: { zh: '法律服务', en: 'Legal services' }, group: g.legal, department: '司法局', lines: ['12345'], keywords: ['法律援助', '律师', '调解', '公证', '纠纷'] },
  { key: 'enterprise.policy', name: { zh: '惠企政策', en: 'Business support policies' }, group: g.enterprise, department: '发展和改革委员会', lines: ['enterprise'], keywords: ['补贴', '申报', '专精特新', '兑现', '奖励'] },
  { key: 'enterprise.environment', name: { zh: '营商环境', en: 'Business environment' }, group: g.enterprise, department: '发展和改革委员会', lines: ['enterprise', '12345'], keywords: ['审批', '营商环境', '刁难', '检查', '拖延'] },
  { key: 'enterprise.startup', name: { zh: '企业开办', en: 'Starting a business' }, group: g.enterprise, department: '市场监督管理局', lines: ['enterprise'], keywords: ['营业执照', '注册', '变更', '注销', '经营范围'] },
  { key: 'talent.settlement', name: { zh: '人才落户与安居', en: 'Talent residence and housing' }, group: g.talent, department: '人力资源和社会保障局', lines: ['talent'], keywords: ['落户', '人才公寓', '租房补贴', '购房补贴', '毕业生'] },
  { key: 'talent.policy', name: { zh: '人才政策', en: 'Talent policies' }, group: g.talent, department: '人力资源和社会保障局', lines: ['talent', 'enterprise'], keywords: ['人才计划', '高层次人才', '职称', '引才', '人才认定'] },
]
