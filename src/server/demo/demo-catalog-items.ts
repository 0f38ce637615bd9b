/**
 * The demo base list: real licensing items of the national list (国务院行政许可事项清单, 2022)
 * and a few other kinds, by the department that exercises them. `basis` cites demo laws by key
 * and real article number; `dept` is the key of the department in each region (see deptNames).
 */
export interface DemoItem {
  name: string
  dept: DeptKey
  kind?: 'licensing' | 'confirmation' | 'benefit' | 'public_service'
  basis?: `${string}:${number}`[]
  days?: number
  result?: string
  objects?: ('person' | 'enterprise')[]
  themes?: string[]
  events?: string[]
  /** 省内通办: can be applied for anywhere in the province. */
  anywhere?: boolean
}

export type DeptKey = 'market' | 'drug' | 'housing' | 'planning' | 'transport' | 'health' | 'education' | 'culture' | 'police' | 'emergency' | 'ecology' | 'water' | 'agriculture' | 'hr' | 'civil' | 'commerce' | 'fire'

/** Who exercises an item at each level: the line department's name, and how the guide names it. */
export const deptNames: Record<DeptKey, { province: string; city: string; county: string; guide: string }> = {
  market: { province: '市场监督管理局', city: '市场监督管理局', county: '市场监督管理局', guide: '市场监督管理部门' },
  drug: { province: '市场监督管理局', city: '市场监督管理局', county: '市场监督管理局', guide: '药品监督管理部门' },
  housing: { province: '住房和城乡建设厅', city: '住房和城乡建设局', county: '住房和城乡建设局', guide: '住房和城乡建设主管部门' },
  planning: { province: '自然资源厅', city: '自然资源和规划局', county: '自然资源和规划局', guide: '自然资源和规划主管部门' },
  transport: { province: '交通运输厅', city: '交通运输局', county: '交通运输局', guide: '交通运输主管部门' },
  health: { province: '卫生健康委员会', city: '卫生健康委员会', county: '卫生健康委员会', guide: '卫生健康主管部门' },
  education: { province: '教育厅', city: '教育局', county: '教育局', guide: '教育行政部门' },
  culture: { province: '文化和旅游厅', city: '文化广电和旅游局', county: '文化广电和旅游局', guide: '文化和旅游主管部门' },
  police: { province: '公安厅', city: '公安局', county: '公安局', guide: '公安机关' },
  emergency: { province: '应急管理厅', city: '应急管理局', county: '应急管理局', guide: '应急管理部门' },
  ecology: { province: '生态环境厅', city: '生态环境局', county: '生态环境局', guide: '生态环境主管部门' },
  water: { province: '自然资源厅', city: '自然资源和规划局', county: '自然资源和规划局', guide: '水行政主管部门' },
  agriculture: { province: '农业农村厅', city: '农业农村局', county: '农业农村局', guide: '农业农村主管部门' },
  hr: { province: '人力资源和社会保障厅', city: '人力资源和社会保障局', county: '人力资源和社会保障局', guide: '人力资源社会保障行政部门' },
  civil: { province: '民政厅', city: '民政局', county: '民政局', guide: '民政部门' },
  commerce: { province: '商务厅', city: '商务局', county: '商务局', guide: '商务主管部门' },
  fire: { province: '应急管理厅', city: '应急管理局', county: '应急管理局', guide: '消防救援机构' },
}

const open = ['开办企业', '市场准入']
const build = ['工程建设项目审批', '投资建设']

export const demoItems: DemoItem[] = [
  // 市场监管
  { name: '食品生产许可', dept: 'market', basis: ['food_safety:35'], days: 20, result: '食品生产许可证', themes: open, events: ['开办食品加工厂'], anywhere: true },
  { name: '食品经营许可', dept: 'market', basis: ['food_safety:35'], days: 20, result: '食品经营许可证', themes: open, events: ['开办餐馆', '开办便利店'], anywhere: true },
  { name: '食品添加剂生产许可', dept: 'market', basis: ['food_safety:39'], days: 20, result: '食品生产许可证', themes: open },
  { name: '特种设备安装改造修理许可', dept: 'market', days: 30, result: '特种设备生产许可证', themes: open },
  { name: '特种设备使用登记', dept: 'market', kind: 'confirmation', days: 15, result: '特种设备使用登记证', themes: ['安全生产'] },
  { name: '移动式压力容器、气瓶充装许可', dept: 'market', days: 30, result: '充装许可证', themes: ['安全生产'] },
  { name: '重要工业产品生产许可证核发', dept: 'market', days: 60, result: '全国工业产品生产许可证', themes: open },
  { name: '计量标准器具核准', dept: 'market', days: 20, result: '计量标准考核证书' },
  { name: '检验检测机构资质认定', dept: 'market', days: 20, result: '资质认定证书', themes: open },
  { name: '计量器具型式批准', dept: 'market', days: 20, result: '型式批准证书' },
  { name: '承担国家法定计量检定机构任务授权', dept: 'market', days: 20, result: '计量授权证书' },
  { name: '特种设备检验检测机构核准', dept: 'market', days: 30, result: '核准证' },
  { name: '保健食品广告审查', dept: 'market', days: 10, result: '广告批准文号' },
  { name: '特殊医学用途配方食品广告审查', dept: 'market', days: 10, result: '广告批准文号' },
  { name: '医疗器械广告审查', dept: 'drug', days: 10, result: '广告批准文号' },
  { name: '药品广告审查', dept: 'drug', days: 10, result: '广告批准文号' },
  { name: '企业名称登记', dept: 'market', kind: 'confirmation', basis: ['market_entity_registration:3', 'market_entity_registration:16'], days: 1, result: '名称登记', themes: open, events: ['开办企业'], anywhere: true },
  { name: '个体工商户登记', dept: 'market', kind: 'confirmation', basis: ['market_entity_registration:3', 'market_entity_registration:16'], days: 1, result: '营业执照', objects: ['person'], themes: open, events: ['个体经营'], anywhere: true },
  // 药品
  { name: '药品零售企业经营许可', dept: 'drug', basis: ['drug_administration:51'], days: 30, result: '药品经营许可证', themes: open, events: ['开办药店'], anywhere: true },
  { name: '药品批发企业经营许可', dept: 'drug', basis: ['drug_administration:51'], days: 30, result: '药品经营许可证', themes: open },
  { name: '药品生产许可', dept: 'drug', basis: ['drug_administration:41'], days: 30, result: '药品生产许可证', themes: open },
  { name: '第三类医疗器械经营许可', dept: 'drug', days: 20, result: '医疗器械经营许可证', themes: open },
  { name: '第二类医疗器械产品注册', dept: 'drug', days: 60, result: '医疗器械注册证', themes: open },
  { name: '第二类、第三类医疗器械生产许可', dept: 'drug', days: 30, result: '医疗器械生产许可证', themes: open },
  { name: '化妆品生产许可', dept: 'drug', days: 30, result: '化妆品生产许可证', themes: open },
  { name: '医疗机构制剂许可', dept: 'drug', days: 30, result: '医疗机构制剂许可证' },
  { name: '麻醉药品和第一类精神药品运输证明核发', dept: 'drug', days: 10, result: '运输证明' },
  // 住房和城乡建设
  { name: '建筑工程施工许可证核发', dept: 'housing', basis: ['construction:7', 'construction:8'], days: 7, result: '建筑工程施工许可证', themes: build, events: ['新建厂房'], anywhere: true },
  { name: '建筑业企业资质核准', dept: 'housing', days: 20, result: '建筑业企业资质证书', themes: build },
  { name: '工程监理企业资质认定', dept: 'housing', days: 20, result: '工程监理资质证书', themes: build },
  { name: '建设工程勘察设计资质核准', dept: 'housing', days: 20, result: '工程勘察、设计资质证书', themes: build },
  { name: '房地产开发企业资质核定', dept: 'housing', days: 20, result: '房地产开发企业资质证书', themes: build },
  { name: '商品房预售许可', dept: 'housing', days: 10, result: '商品房预售许可证', themes: build },
  { name: '燃气经营许可证核发', dept: 'housing', days: 20, result: '燃气经营许可证', themes: open },
  { name: '城镇污水排入排水管网许可', dept: 'housing', days: 20, result: '排水许可证', themes: build },
  { name: '建筑施工企业安全生产许可证核发', dept: 'housing', days: 45, result: '安全生产许可证', themes: ['安全生产'] },
  { name: '建筑起重机械使用登记', dept: 'housing', kind: 'confirmation', days: 7, result: '使用登记证明', themes: ['安全生产'] },
  { name: '城市建筑垃圾处置核准', dept: 'housing', days: 20, result: '建筑垃圾处置核准文件', themes: build },
  { name: '特殊建设工程消防设计审查', dept: 'housing', basis: ['fire_protection:11'], days: 15, result: '消防设计审查意见书', themes: build },
  { name: '特殊建设工程消防验收', dept: 'housing', basis: ['fire_protection:13'], days: 15, result: '消防验收意见书', themes: build },
  { name: '拆除、改动、迁移、占用城市供水设施审批', dept: 'housing', days: 20, result: '批准文件', themes: build },
  { name: '城市桥梁上架设各类市政管线审批', dept: 'housing', days: 20, result: '批准文件', themes: build },
  { name: '临时占用城市绿化用地审批', dept: 'housing', days: 20, result: '批准文件', themes: build },
  { name: '砍伐城市树木、迁移古树名木审批', dept: 'housing', days: 20, result: '批准文件' },
  { name: '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批', dept: 'housing', days: 20, result: '批准文件', themes: open },
  // 自然资源和规划
  { name: '建设项目用地预审与选址意见书核发', dept: 'planning', basis: ['urban_rural_planning:36'], days: 20, result: '建设项目用地预审与选址意见书', themes: build },
  { name: '建设用地规划许可证核发', dept: 'planning', basis: ['urban_rural_planning:37', 'urban_rural_planning:38'], days: 20, result: '建设用地规划许可证', themes: build, events: ['新建厂房'] },
  { name: '建设工程规划许可证核发', dept: 'planning', basis: ['urban_rural_planning:40'], days: 20, result: '建设工程规划许可证', themes: build, events: ['新建厂房'] },
  { name: '乡村建设规划许可证核发', dept: 'planning', basis: ['urban_rural_planning:41'], days: 20, result: '乡村建设规划许可证', objects: ['person', 'enterprise'], themes: build, events: ['农村建房'] },
  { name: '临时建设工程规划许可', dept: 'planning', basis: ['urban_rural_planning:44'], days: 20, result: '临时建设工程规划许可证', themes: build },
  { name: '采矿权新立、延续、变更登记发证', dept: 'planning', days: 40, result: '采矿许可证' },
  { name: '探矿权新立、延续、变更登记发证', dept: 'planning', days: 40, result: '勘查许可证' },
  { name: '测绘资质审批', dept: 'planning', days: 20, result: '测绘资质证书' },
  { name: '临时用地审批', dept: 'planning', days: 20, result: '临时用地批准文件', themes: build },
  { name: '不动产登记', dept: 'planning', kind: 'confirmation', days: 5, result: '不动产权证书', objects: ['person', 'enterprise'], events: ['购房', '继承房产'], anywhere: true },
  // 交通运输
  { name: '道路旅客运输经营许可', dept: 'transport', basis: ['road_transport:10'], days: 20, result: '道路运输经营许可证', themes: open },
  { name: '道路货物运输经营许可', dept: 'transport', basis: ['road_transport:24'], days: 20, result: '道路运输经营许可证', themes: open, events: ['开办物流公司'], anywhere: true },
  { name: '道路危险货物运输许可', dept: 'transport', basis: ['road_transport:24'], days: 20, result: '道路运输经营许可证', themes: ['安全生产'] },
  { name: '巡游出租汽车经营许可', dept: 'transport', days: 20, result: '经营许可决定书', themes: open },
  { name: '网络预约出租汽车经营许可', dept: 'transport', days: 20, result: '网络预约出租汽车经营许可证', themes: open },
  { name: '网络预约出租汽车运输证核发', dept: 'transport', days: 10, result: '网络预约出租汽车运输证', objects: ['person', 'enterprise'] },
  { name: '网络预约出租汽车驾驶员证核发', dept: 'transport', days: 10, result: '网络预约出租汽车驾驶员证', objects: ['person'], events: ['从事网约车'] },
  { name: '公路超限运输许可', dept: 'transport', days: 5, result: '超限运输车辆通行证', anywhere: true },
  { name: '涉路施工许可', dept: 'transport', days: 20, result: '涉路施工许可决定书', themes: build },
  { name: '港口经营许可', dept: 'transport', days: 30, result: '港口经营许可证', themes: open },
  { name: '国内水路运输经营许可', dept: 'transport', days: 20, result: '国内水路运输经营许可证', themes: open },
  { name: '船舶营业运输证核发', dept: 'transport', days: 10, result: '船舶营业运输证' },
  { name: '更新采伐护路林审批', dept: 'transport', days: 20, result: '批准文件' },
  // 卫生健康
  { name: '医疗机构设置审批', dept: 'health', days: 30, result: '设置医疗机构批准书', themes: open, events: ['开办诊所'] },
  { name: '医疗机构执业登记', dept: 'health', kind: 'confirmation', days: 45, result: '医疗机构执业许可证', themes: open, events: ['开办诊所'] },
  { name: '医师执业注册', dept: 'health', days: 20, result: '医师执业证书', objects: ['person'], events: ['医师执业'], anywhere: true },
  { name: '护士执业注册', dept: 'health', days: 20, result: '护士执业证书', objects: ['person'], anywhere: true },
  { name: '公共场所卫生许可', dept: 'health', days: 20, result: '公共场所卫生许可证', themes: open, events: ['开办美容美发店', '开办宾馆'], anywhere: true },
  { name: '饮用水供水单位卫生许可', dept: 'health', days: 20, result: '卫生许可证' },
  { name: '放射诊疗许可', dept: 'health', days: 20, result: '放射诊疗许可证' },
  { name: '母婴保健技术服务执业许可', dept: 'health', days: 20, result: '母婴保健技术服务执业许可证' },
  { name: '职业卫生技术服务机构资质认可', dept: 'health', days: 20, result: '资质证书' },
  { name: '消毒产品生产企业卫生许可', dept: 'health', days: 20, result: '卫生许可证', themes: open },
  { name: '涉及饮用水卫生安全产品卫生许可', dept: 'health', days: 20, result: '卫生许可批件' },
  { name: '乡村医生执业注册', dept: 'health', days: 20, result: '乡村医生执业证书', objects: ['person'] },
  { name: '出生医学证明办理', dept: 'health', kind: 'public_service', days: 1, result: '出生医学证明', objects: ['person'], events: ['生孩子'], anywhere: true },
  // 教育
  { name: '实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校设立审批', dept: 'education', basis: ['private_education:18'], days: 90, result: '办学许可证', themes: ['教育'] },
  { name: '教师资格认定', dept: 'education', kind: 'confirmation', days: 30, result: '教师资格证书', objects: ['person'], events: ['成为教师'], anywhere: true },
  { name: '校外培训机构设立审批', dept: 'education', days: 30, result: '办学许可证', themes: ['教育'] },
  { name: '中等职业学校设置审批', dept: 'education', days: 60, result: '批准文件', themes: ['教育'] },
  { name: '义务教育阶段入学', dept: 'education', kind: 'public_service', days: 10, result: '入学通知', objects: ['person'], events: ['孩子上学'] },
  // 文化和旅游
  { name: '娱乐场所经营活动审批', dept: 'culture', basis: ['entertainment_venues:9'], days: 20, result: '娱乐经营许可证', themes: open, events: ['开办歌舞厅'] },
  { name: '互联网上网服务营业场所经营单位设立审批', dept: 'culture', days: 20, result: '网络文化经营许可证', themes: open },
  { name: '营业性演出审批', dept: 'culture', days: 3, result: '批准文件', themes: ['文化旅游'] },
  { name: '演出经纪机构设立审批', dept: 'culture', days: 20, result: '营业性演出许可证', themes: open },
  { name: '文艺表演团体设立审批', dept: 'culture', days: 20, result: '营业性演出许可证', themes: open },
  { name: '旅行社业务经营许可', dept: 'culture', days: 20, result: '旅行社业务经营许可证', themes: ['文化旅游'], events: ['开办旅行社'] },
  { name: '出版物零售单位设立审批', dept: 'culture', days: 20, result: '出版物经营许可证', themes: open, events: ['开办书店'] },
  { name: '印刷企业设立审批', dept: 'culture', days: 20, result: '印刷经营许可证', themes: open },
  { name: '电影放映单位设立审批', dept: 'culture', days: 20, result: '电影放映经营许可证', themes: open },
  { name: '广播电视节目制作经营单位设立审批', dept: 'culture', days: 20, result: '广播电视节目制作经营许可证', themes: open },
  { name: '卫星电视广播地面接收设施安装许可审批', dept: 'culture', days: 20, result: '许可证' },
  // 公安
  { name: '旅馆业特种行业许可证核发', dept: 'police', days: 20, result: '特种行业许可证', themes: open, events: ['开办宾馆'] },
  { name: '典当业特种行业许可证核发', dept: 'police', days: 20, result: '特种行业许可证', themes: open },
  { name: '公章刻制业特种行业许可证核发', dept: 'police', days: 20, result: '特种行业许可证', themes: open },
  { name: '剧毒化学品购买许可', dept: 'police', days: 3, result: '剧毒化学品购买许可证', themes: ['安全生产'] },
  { name: '易制毒化学品购买许可', dept: 'police', days: 10, result: '购买许可证', themes: ['安全生产'] },
  { name: '烟花爆竹道路运输许可', dept: 'police', days: 3, result: '烟花爆竹道路运输许可证', themes: ['安全生产'] },
  { name: '大型群众性活动安全许可', dept: 'police', days: 7, result: '安全许可决定书' },
  { name: '保安服务公司设立许可', dept: 'police', days: 30, result: '保安服务许可证', themes: open },
  { name: '民用爆炸物品购买许可', dept: 'police', days: 5, result: '民用爆炸物品购买许可证', themes: ['安全生产'] },
  { name: '民用爆炸物品运输许可', dept: 'police', days: 3, result: '民用爆炸物品运输许可证', themes: ['安全生产'] },
  { name: '爆破作业单位许可', dept: 'police', days: 20, result: '爆破作业单位许可证', themes: ['安全生产'] },
  { name: '户口迁移', dept: 'police', kind: 'public_service', days: 5, result: '准予迁入证明', objects: ['person'], events: ['落户', '结婚'], anywhere: true },
  { name: '居民身份证申领', dept: 'police', kind: 'public_service', days: 20, result: '居民身份证', objects: ['person'], events: ['成年'], anywhere: true },
  // 应急管理
  { name: '危险化学品经营许可证核发', dept: 'emergency', basis: ['jiangsu_safety_risk:8'], days: 30, result: '危险化学品经营许可证', themes: ['安全生产'] },
  { name: '危险化学品安全使用许可证核发', dept: 'emergency', days: 45, result: '危险化学品安全使用许可证', themes: ['安全生产'] },
  { name: '烟花爆竹经营（零售）许可证核发', dept: 'emergency', days: 20, result: '烟花爆竹经营（零售）许可证', themes: ['安全生产'] },
  { name: '烟花爆竹经营（批发）许可证核发', dept: 'emergency', days: 30, result: '烟花爆竹经营（批发）许可证', themes: ['安全生产'] },
  { name: '非煤矿山企业安全生产许可证核发', dept: 'emergency', days: 45, result: '安全生产许可证', themes: ['安全生产'] },
  { name: '危险化学品建设项目安全条件审查', dept: 'emergency', days: 45, result: '审查意见书', themes: build },
  { name: '金属冶炼建设项目安全设施设计审查', dept: 'emergency', days: 20, result: '审查意见书', themes: build },
  // 消防
  { name: '公众聚集场所投入使用、营业前消防安全检查', dept: 'fire', basis: ['fire_protection:15'], days: 10, result: '消防安全检查合格证', themes: open, events: ['开办餐馆', '开办宾馆'], anywhere: true },
  // 生态环境
  { name: '排污许可', dept: 'ecology', days: 20, result: '排污许可证', themes: build },
  { name: '建设项目环境影响评价文件审批', dept: 'ecology', days: 30, result: '环评批复', themes: build, events: ['新建厂房'] },
  { name: '危险废物经营许可', dept: 'ecology', days: 20, result: '危险废物经营许可证' },
  { name: '辐射安全许可', dept: 'ecology', days: 20, result: '辐射安全许可证' },
  { name: '废弃电器电子产品处理资格许可', dept: 'ecology', days: 60, result: '处理资格证书' },
  { name: '江河湖泊新建、改建或者扩大排污口审核', dept: 'ecology', days: 20, result: '审核意见', themes: build },
  // 水行政
  { name: '取水许可', dept: 'water', days: 45, result: '取水许可证', themes: build },
  { name: '河道管理范围内建设项目工程建设方案审批', dept: 'water', days: 20, result: '批准文件', themes: build },
  { name: '生产建设项目水土保持方案审批', dept: 'water', days: 20, result: '批准文件', themes: build },
  { name: '非防洪建设项目洪水影响评价报告审批', dept: 'water', days: 20, result: '批准文件', themes: build },
  { name: '河道采砂许可', dept: 'water', days: 20, result: '河道采砂许可证' },
  { name: '占用农业灌溉水源、灌排工程设施审批', dept: 'water', days: 20, result: '批准文件' },
  // 农业农村
  { name: '农药经营许可', dept: 'agriculture', days: 20, result: '农药经营许可证', themes: open },
  { name: '兽药经营许可证核发', dept: 'agriculture', days: 30, result: '兽药经营许可证', themes: open },
  { name: '农作物种子生产经营许可证核发', dept: 'agriculture', days: 20, result: '种子生产经营许可证', themes: open },
  { name: '动物防疫条件合格证核发', dept: 'agriculture', days: 20, result: '动物防疫条件合格证', themes: open, events: ['开办养殖场'] },
  { name: '生鲜乳收购站许可', dept: 'agriculture', days: 20, result: '生鲜乳收购许可证' },
  { name: '渔业捕捞许可', dept: 'agriculture', days: 20, result: '渔业捕捞许可证', objects: ['person', 'enterprise'] },
  { name: '水产苗种生产经营审批', dept: 'agriculture', days: 20, result: '水产苗种生产经营许可证' },
  { name: '拖拉机和联合收割机驾驶证核发', dept: 'agriculture', days: 5, result: '拖拉机和联合收割机驾驶证', objects: ['person'] },
  { name: '饲料和饲料添加剂生产许可', dept: 'agriculture', days: 20, result: '生产许可证', themes: open },
  { name: '农村村民宅基地审批', dept: 'agriculture', days: 20, result: '农村宅基地批准书', objects: ['person'], events: ['农村建房'] },
  { name: '林木采伐许可证核发', dept: 'agriculture', days: 20, result: '林木采伐许可证', objects: ['person', 'enterprise'] },
  // 人力资源和社会保障
  { name: '人力资源服务许可', dept: 'hr', days: 20, result: '人力资源服务许可证', themes: open },
  { name: '劳务派遣经营许可', dept: 'hr', days: 20, result: '劳务派遣经营许可证', themes: open },
  { name: '企业实行不定时工作制和综合计算工时工作制审批', dept: 'hr', days: 20, result: '批准文件', themes: ['用工'] },
  { name: '社会保障卡申领', dept: 'hr', kind: 'public_service', days: 5, result: '社会保障卡', objects: ['person'], events: ['就业', '退休'], anywhere: true },
  { name: '城乡居民基本养老保险参保登记', dept: 'hr', kind: 'public_service', days: 1, result: '参保登记', objects: ['person'], events: ['退休'], anywhere: true },
  { name: '失业保险金申领', dept: 'hr', kind: 'benefit', days: 10, result: '失业保险金', objects: ['person'], events: ['失业'], anywhere: true },
  // 民政
  { name: '社会团体成立登记', dept: 'civil', kind: 'confirmation', days: 60, result: '社会团体法人登记证书' },
  { name: '民办非企业单位成立登记', dept: 'civil', kind: 'confirmation', days: 60, result: '民办非企业单位登记证书' },
  { name: '慈善组织公开募捐资格审批', dept: 'civil', days: 20, result: '公开募捐资格证书' },
  { name: '殡葬设施建设审批', dept: 'civil', days: 20, result: '批准文件' },
  { name: '内地居民婚姻登记', dept: 'civil', kind: 'confirmation', days: 1, result: '结婚证', objects: ['person'], events: ['结婚'], anywhere: true },
  { name: '最低生活保障对象认定', dept: 'civil', kind: 'benefit', days: 30, result: '最低生活保障金', objects: ['person'], events: ['生活困难'] },
  { name: '养老机构备案', dept: 'civil', kind: 'public_service', days: 5, result: '备案回执', themes: open },
  // 商务
  { name: '对外劳务合作经营资格核准', dept: 'commerce', days: 20, result: '对外劳务合作经营资格证书' },
  { name: '拍卖业务许可', dept: 'commerce', days: 30, result: '拍卖经营批准证书', themes: open },
  { name: '石油成品油零售经营资格审批', dept: 'commerce', days: 20, result: '成品油零售经营批准证书', themes: open },
]
