import { createRandom, type Random } from './random'
import { appealTypeNames, demoHotlineCategories, type AppealType, type DemoHotlineCategory, type HotlineLine } from './demo-hotline-categories'

/**
 * Demo appeal texts as citizens and enterprises say them on the 12345 line or type them into the
 * web form: built from a few templates per category and appeal type, with Jiangsu places,
 * compounds, shops, companies, bus lines, times and amounts in the slots. Like real appeals, some
 * mention another category's matter in passing and some are too vague to place, so a good
 * classifier gets most but not all of them right. The same count and seed give the same texts.
 */

export interface DemoAppealText {
  categoryKey: string
  type: AppealType
  line: HotlineLine
  title: string
  text: string
  /** The city and district the text speaks of. */
  place: { city: string; district: string }
}

function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const sum = entries.reduce((s, [, w]) => s + w, 0)
  let r = random.next() * sum
  for (const [value, weight] of entries) {
    r -= weight
    if (r < 0) return value
  }
  return entries.at(-1)![0]
}

// ---- slot fillers ----------------------------------------------------------------------------

const districts: Record<string, readonly string[]> = {
  南京市: ['鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区', '浦口区', '栖霞区'],
  苏州市: ['姑苏区', '吴中区', '相城区', '苏州工业园区', '昆山市', '常熟市', '张家港市'],
  无锡市: ['梁溪区', '滨湖区', '新吴区', '江阴市', '宜兴市'],
  常州市: ['天宁区', '钟楼区', '武进区', '新北区', '溧阳市'],
  徐州市: ['云龙区', '泉山区', '铜山区', '邳州市', '沛县'],
  南通市: ['崇川区', '通州区', '海门区', '如皋市', '启东市'],
  连云港市: ['海州区', '连云区', '赣榆区', '东海县'],
  淮安市: ['清江浦区', '淮安区', '淮阴区', '涟水县'],
  盐城市: ['亭湖区', '盐都区', '大丰区', '东台市', '射阳县'],
  扬州市: ['广陵区', '邗江区', '江都区', '仪征市', '高邮市'],
  镇江市: ['京口区', '润州区', '丹徒区', '丹阳市', '句容市'],
  泰州市: ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市'],
  宿迁市: ['宿城区', '宿豫区', '沭阳县', '泗阳县'],
}
const cities = Object.keys(districts)

const compoundHeads = ['翠湖', '金域', '阳光', '锦绣', '梧桐', '紫金', '碧水', '香榭', '龙湖', '万科', '幸福', '和园', '东方', '新城', '银杏', '滨江', '丽景', '怡和', '桃源', '春江']
const compoundTails = ['花园', '小区', '新村', '家园', '名苑', '华府', '雅苑', '公馆', '嘉园', '二期']
const roads = ['中山路', '解放路', '人民路', '建设路', '长江路', '淮海路', '太湖大道', '和平路', '健康路', '文昌路', '青年路', '工农路', '迎宾大道', '朝阳路', '通江路', '北京东路', '珠江路', '新华路']
const shopHeads = ['老王家', '好邻居', '百姓', '鑫鑫', '小李', '阿芳', '大众', '兴旺', '金牌', '家乐', '惠民', '品味']
const eateryKinds = ['面馆', '烧烤店', '快餐店', '火锅店', '小吃店', '饭店', '大排档', '奶茶店']
const storeKinds = ['超市', '便利店', '手机店', '家电城', '健身房', '美容院', '理发店', '母婴店', '家具店']
const groceryKinds = ['超市', '便利店', '生鲜店', '食品店', '熟食店']
const companyWords = ['恒达', '华信', '博远', '瑞丰', '中兴', '天润', '宏泰', '力拓', '长盛', '科瑞', '新海', '德源']
const industries = ['建材', '电子', '机械', '纺织', '物流', '科技', '食品', '建筑工程', '服装', '化工']
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡']
const villageHeads = ['张庄', '王营', '李集', '陈湾', '刘圩', '周桥', '杨庙', '孙沟', '徐河', '马庄', '高墩', '新河']
const townHeads = ['永丰', '新桥', '东坝', '马坝', '官庄', '黄桥', '溱潼', '沙溪', '汤泉', '大港', '宝堰', '双沟']
const scenics = ['中山陵', '拙政园', '瘦西湖', '鼋头渚', '周庄古镇', '夫子庙', '云龙湖', '花果山', '同里古镇', '茅山', '溱湖湿地', '天目湖']
const schoolKinds = ['实验小学', '第一中学', '外国语学校', '中心小学', '实验幼儿园', '初级中学', '第二中学']
const hospitalKinds = ['第一人民医院', '中医院', '妇幼保健院', '人民医院', '第二人民医院']
const times = ['昨天晚上', '今天早上', '上周五', '前天下午', '这几天', '最近一个月', '每天晚上十点以后', '凌晨两三点', '周末', '这个星期']
const durations = ['三个月', '半年多', '两个星期', '一年多', '好几个月', '四十多天', '一个多月', '十几天']
const elders = ['我父亲', '我母亲', '家里老人', '我爷爷', '我奶奶', '我婆婆']
const kids = ['孩子', '女儿', '儿子', '小孩']
const chineseCounts = ['三', '五', '六', '八', '十几', '二十多', '三十多']

export type Place = { city: string; district: string }

/** Fills `{slot}`s; a slot used twice in one appeal gets the same value both times. */
function filler(random: Random, place: Place): (template: string) => string {
  const chosen = new Map<string, string>()
  const draw: Record<string, () => string> = {
    city: () => place.city,
    district: () => place.district,
    place: () => place.city + place.district,
    compound: () => random.pick(compoundHeads) + random.pick(compoundTails),
    road: () => random.pick(roads),
    road2: () => random.pick(roads),
    eatery: () => random.pick(shopHeads) + random.pick(eateryKinds),
    store: () => random.pick(shopHeads) + random.pick(storeKinds),
    grocery: () => random.pick(shopHeads) + random.pick(groceryKinds),
    company: () => place.city.slice(0, -1) + random.pick(companyWords) + random.pick(industries) + '有限公司',
    bus: () => `${random.int(1, 199)}路`,
    time: () => random.pick(times),
    duration: () => random.pick(durations),
    amount: () => `${random.int(2, 120) * 500}元`,
    workers: () => `${random.pick(chineseCounts)}个工人`,
    school: () => place.district.slice(0, -1) + random.pick(schoolKinds),
    hospital: () => (random.chance(0.7) ? place.city.slice(0, -1) : place.district) + random.pick(hospitalKinds),
    scenic: () => random.pick(scenics),
    village: () => place.district + random.pick(villageHeads) + '村',
    town: () => random.pick(townHeads) + '镇',
    name: () => random.pick(surnames) + random.pick(['先生', '女士']),
    surname: () => random.pick(surnames),
    month: () => `${random.int(1, 12)}月`,
    floor: () => `${random.int(8, 30)}楼`,
    building: () => `${random.int(1, 40)}栋`,
    elder: () => random.pick(elders),
    kid: () => random.pick(kids),
  }
  return (template) =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const known = chosen.get(slot)
      if (known !== undefined) return known
      const make = draw[slot]
      if (!make) throw new Error(`unknown slot {${slot}}`)
      const value = make()
      chosen.set(slot, value)
      return value
    })
}

// ---- scripts per category ----------------------------------------------------------------------

/**
 * What callers say about one category. `problems` serve complaints, requests for help and
 * reports; `asks` is what they want done. A type whose list is empty never occurs.
 */
interface AppealScript {
  /** How often the category comes in, relative to the others. */
  weight: number
  types: Partial<Record<AppealType, number>>
  topics: readonly string[]
  problems: readonly string[]
  questions: readonly string[]
  suggestions: readonly string[]
  asks: readonly string[]
  praise: readonly string[]
  speakers?: readonly string[]
}

const enterpriseSpeakers = ['我们是{company}，', '我是{company}的财务，', '我们公司是{district}的一家小微企业，', '我是{company}的负责人，', '']
const talentSpeakers = ['我是今年的应届毕业生，', '我是{company}引进的人才，', '我是硕士研究生，刚到{city}工作，', '我是在{district}工作的博士，', '']

const scripts: Record<string, AppealScript> = {
  'housing.property': {
    weight: 12,
    types: { complaint: 55, help: 15, inquiry: 12, report: 3, suggestion: 8, praise: 4 },
    topics: ['物业服务', '电梯故障', '物业收费', '楼道卫生', '停车管理'],
    problems: [
      '{compound}的电梯{duration}里坏了好几次，物业每次都说在等配件，{elder}上下楼很困难',
      '{compound}物业公司不作为，楼道里的垃圾{duration}没人清理，绿化也没人修剪',
      '{compound}物业擅自把小区公共区域改成收费停车位，业主停车还要另交钱',
      '{compound}物业费今年突然上涨，没有开业主大会也没有公示',
      '{compound}{building}的楼顶漏水，找物业报修{duration}了一直推脱',
      '{compound}小区门禁坏了很久，外来人员随便进出，物业不管',
      '{compound}物业和业委会矛盾很大，物业合同到期了还赖着不走',
      '{compound}物业的保安晚上不巡逻，小区里{time}有电动车被偷',
    ],
    questions: [
      '请问{compound}要成立业主委员会，需要走什么程序',
      '物业公司合同到期后业主可以自己选聘新的物业吗，流程是怎样的',
      '物业费的收费标准是谁定的，物业可以自己随便涨价吗',
      '小区公共收益应该怎么公示，业主可以去哪里查',
    ],
    suggestions: ['对小区物业服务质量定期考核并公示结果，让业主能评价物业', '在{compound}增设电动车充电桩，避免居民飞线充电'],
    asks: ['督促物业公司整改', '协调物业尽快维修', '查一下物业的收费是否合规', '约谈物业公司负责人'],
    praise: ['{compound}的物业管家{surname}女士，上周{elder}在家摔倒，她第一时间赶来帮忙叫了救护车', '{compound}物业的维修师傅，半夜下大雨地下车库进水，他们连夜抽水排险'],
  },
  'housing.quality': {
    weight: 4,
    types: { complaint: 45, help: 25, inquiry: 20, report: 5, suggestion: 5, praise: 2 },
    topics: ['房屋渗水', '墙体开裂', '延期交房', '房屋维修'],
    problems: [
      '我在{compound}买的新房刚交付半年，卫生间和外墙一直渗水，开发商一直拖着不修',
      '{compound}的新房墙体出现多处裂缝，开发商说是正常现象，我们很担心房屋质量安全',
      '{compound}合同约定{month}交房，现在已经延期{duration}，开发商一直没有说法',
      '交房的时候发现{compound}的房子层高和面积跟合同不一致，开发商不肯处理',
      '{compound}是老小区，楼房外墙瓷砖脱落，差点砸到人，想申请动用维修基金',
      '{compound}精装修房的地板起鼓、窗户漏风，找开发商售后一直推给施工单位',
    ],
    questions: ['请问房屋维修基金怎么申请使用，需要多少业主签字', '新房交付后质量保修期是几年，开发商不修可以找哪个部门', '开发商延期交房，违约金应该怎么计算'],
    suggestions: ['对新建商品房交付前加强质量验收，让业主参与分户验收'],
    asks: ['督促开发商尽快维修', '对房屋质量进行鉴定', '责成开发商给业主一个说法'],
    praise: ['{district}住建局质监站的工作人员，认真帮我们小区协调了外墙维修的问题'],
  },
  'environment.noise': {
    weight: 10,
    types: { complaint: 70, help: 5, report: 12, inquiry: 5, suggestion: 6, praise: 2 },
    topics: ['施工噪音', '夜间施工', '广场舞噪音', '商铺噪音', '设备噪音'],
    problems: [
      '{compound}旁边的工地{time}还在施工，打桩机声音特别大，根本没法睡觉',
      '{road}上的工地每天晚上十点以后还在运渣土，轰隆隆的噪音扰民',
      '{compound}楼下有人跳广场舞，音响开得很大，一直到晚上九点多',
      '{road}的{store}门口天天放高音喇叭搞促销，吵得人头疼',
      '{compound}对面的{eatery}空调外机和排风扇噪音很大，晚上嗡嗡响',
      '{compound}楼上邻居装修，周末一大早就开始电钻砸墙',
      '{road}附近的酒吧{time}音乐声很大，还有人喝酒大声喧哗',
    ],
    questions: ['请问夜间施工需要办理什么许可，晚上几点以后不能施工', '装修噪音在什么时间段是被允许的'],
    suggestions: ['在{road}设置噪音监测显示屏，对夜间施工加强巡查'],
    asks: ['尽快来现场查处', '让他们晚上停止施工', '对噪音进行检测并处罚'],
    praise: ['{district}的执法人员，上次反映{road}夜间施工噪音，他们当晚就到现场处理了'],
  },
  'environment.pollution': {
    weight: 5,
    types: { complaint: 55, report: 25, help: 5, inquiry: 5, suggestion: 8, praise: 2 },
    topics: ['餐饮油烟', '工厂废气', '河道污水', '焚烧垃圾', '刺鼻异味'],
    problems: [
      '{compound}楼下的{eatery}油烟直排，整栋楼都是油烟味，窗户都不敢开',
      '{road}附近有一家化工厂{time}偷偷排放废气，气味刺鼻，居民喉咙疼',
      '{village}旁边的河道发黑发臭，有工厂往河里排污水',
      '{compound}附近{time}有人焚烧垃圾和秸秆，烟很大',
      '{road}的{company}厂区粉尘很大，周边车上窗台上都是一层灰',
      '{compound}旁边的垃圾中转站臭味很重，夏天苍蝇蚊子特别多',
    ],
    questions: ['请问餐饮店的油烟净化设施有什么要求，要多久清洗一次', '我们家附近的空气质量监测数据在哪里可以查'],
    suggestions: ['加强对{road}沿线企业的废气排放监测，公开检测数据'],
    asks: ['环保执法部门来检测一下', '责令企业停产整改', '对偷排行为严肃处理'],
    praise: ['{district}的河长办和环保部门，{village}的河道经过整治现在水清了'],
  },
  'urban.roads': {
    weight: 5,
    types: { complaint: 50, help: 10, inquiry: 5, report: 5, suggestion: 25, praise: 5 },
    topics: ['路面破损', '路灯不亮', '井盖缺失', '交通信号灯', '人行道损坏'],
    problems: [
      '{road}和{road2}交叉口的路面坑坑洼洼，下雨天积水很深，电动车经常摔倒',
      '{compound}门口的路灯坏了{duration}，晚上一片漆黑，行人很不安全',
      '{road}人行道上有个井盖缺失，只放了个破桶挡着，晚上很危险',
      '{road}的红绿灯时间设置不合理，行人绿灯只有十几秒，老人过不去',
      '{road}的人行道砖松动翘起，一踩就溅一身泥水',
      '{road}道路施工挖开以后{duration}没有恢复，围挡占了一半车道',
    ],
    questions: ['请问{road}的道路改造工程什么时候完工', '路边的路灯坏了应该找哪个部门报修'],
    suggestions: ['在{school}门口的{road}增设一个人行横道和减速带', '{road}晚上车流少，路灯可以改成感应式节约用电', '在{road}公交站附近增加一个过街天桥'],
    asks: ['尽快修复', '派人来现场看一下', '尽快安排维修'],
    praise: ['{district}的市政维修队，反映{road}井盖松动后第二天就修好了'],
  },
  'urban.utilities': {
    weight: 5,
    types: { help: 40, complaint: 35, inquiry: 15, report: 3, suggestion: 4, praise: 3 },
    topics: ['突然停水', '水压不足', '燃气问题', '水管爆裂', '水质浑浊'],
    problems: [
      '{compound}从{time}开始停水，没有任何通知，现在家里做饭洗澡都成问题',
      '{compound}高层水压一直不足，{floor}以上白天基本没有水',
      '{compound}自来水发黄有异味，烧开以后还有沉淀',
      '{road}上的供水管道爆裂，水漫到马路上已经好几个小时了',
      '{compound}楼道里闻到很重的燃气味，怀疑燃气管道泄漏',
      '我家天然气开户申请了{duration}还没有通气，燃气公司一直说排队',
      '燃气公司上门安检说我家的燃气灶必须换，要收几百元，不知道是不是正规的',
    ],
    questions: ['请问{compound}什么时候恢复供水', '天然气开户需要带什么材料，在哪里办理', '阶梯水价是怎么计算的，一年用多少吨以上会加价'],
    suggestions: ['计划停水停气提前三天在小区张贴通知并短信告知居民'],
    asks: ['供水公司尽快抢修', '燃气公司马上派人检查', '给居民一个恢复供水的具体时间'],
    praise: ['{city}水务集团的抢修队员，冒雨连夜抢修{road}的爆管，第二天一早就恢复了供水'],
  },
  'urban.sanitation': {
    weight: 4,
    types: { complaint: 55, report: 20, suggestion: 15, help: 4, inquiry: 3, praise: 3 },
    topics: ['垃圾清运', '占道经营', '乱贴小广告', '绿化养护', '共享单车乱停'],
    problems: [
      '{road}菜场门口的垃圾桶{duration}没有清运，垃圾堆得满地都是，臭气熏天',
      '{road}人行道上每天晚上都有流动摊贩占道经营，烧烤摊把路都堵了',
      '{compound}周围的墙上和电线杆上贴满了小广告，清理了又贴',
      '{road}两边的共享单车乱停乱放，把盲道和人行道都占满了',
      '{road}的绿化带{duration}没人修剪，树枝都挡住了路口的视线',
      '{road}的{store}把货物堆在人行道上，还在门口搭了遮阳棚',
      '{road}的公共厕所又脏又臭，水龙头也坏了',
    ],
    questions: ['请问建筑装修垃圾应该怎么处理，可以预约清运吗'],
    suggestions: ['在{road}增设几个分类垃圾桶', '在{road}划定一个便民摊点集中经营区域'],
    asks: ['城管部门加强管理', '环卫部门及时清运', '有关部门清理整治'],
    praise: ['{road}的环卫工人，每天天不亮就把街道打扫得干干净净'],
  },
  'planning.illegal_building': {
    weight: 4,
    types: { report: 45, complaint: 40, inquiry: 8, suggestion: 3, help: 4, praise: 1 },
    topics: ['楼顶违建', '私搭乱建', '违规加盖', '擅自改建'],
    problems: [
      '{compound}{building}顶楼的住户在楼顶私自搭建阳光房，还在加盖一层',
      '{compound}一楼住户把院子围起来搭了彩钢瓦房，占用了公共绿地',
      '{village}有人在基本农田上违法建房，已经盖到第三层了',
      '{road}的{store}擅自把门面往外扩建，违规占用了公共通道',
      '{compound}有业主把阳台外扩，还在外墙上开了一个门',
      '{village}的{name}未批先建，在宅基地外加盖了两层楼',
    ],
    questions: ['请问自家院子里搭个棚子需要办理规划许可吗', '农村翻建房屋需要到哪里申请审批'],
    suggestions: ['对违法建设的查处结果在小区公示，避免大家跟风'],
    asks: ['尽快来现场核实并拆除', '依法查处违法建设', '制止他们继续施工'],
    praise: ['{district}的执法人员，依法拆除了{compound}的楼顶违建'],
  },
  'labour.wages': {
    weight: 10,
    types: { help: 50, complaint: 35, report: 8, inquiry: 7, praise: 1 },
    topics: ['拖欠工资', '讨薪', '克扣工资', '农民工工资'],
    problems: [
      '我在{road}的工地上干了{duration}，包工头拖欠我们{workers}的工资共{amount}，现在人找不到了',
      '我在{company}上班，公司已经{duration}没有发工资了，老板一直说资金困难',
      '我从{company}离职{duration}了，公司还欠我最后两个月的工资{amount}不给',
      '{company}无故克扣我的工资和加班费，说是迟到罚款',
      '我在{eatery}做了{duration}服务员，老板关门跑了，工资一分没拿到',
      '{compound}的装修队老板拖欠我们{workers}的工钱{amount}，快过年了回不了家',
    ],
    questions: ['请问公司拖欠工资应该去哪里投诉，需要准备哪些证据', '劳动仲裁申请需要什么材料，要多长时间'],
    suggestions: [],
    asks: ['劳动监察部门帮我们讨回工资', '帮忙追讨欠薪', '尽快处理，我们等着钱用'],
    praise: ['{district}劳动保障监察大队，他们帮我们{workers}讨回了被拖欠的工资'],
  },
  'labour.social_insurance': {
    weight: 5,
    types: { inquiry: 50, help: 20, complaint: 25, report: 5, suggestion: 3, praise: 2 },
    topics: ['社保缴纳', '养老保险', '社保转移', '退休待遇', '失业保险金'],
    problems: [
      '{company}入职{duration}一直没给我交社保，说试用期不交',
      '我的养老保险从外省转到{city}，办了{duration}还没有转过来',
      '我今年到了退休年龄，去办退休手续说有一段社保缴费记录缺失',
      '{company}按最低基数给员工交社保，跟实际工资差很多',
      '我离职以后申请失业保险金，审核了{duration}一直没有结果',
    ],
    questions: ['请问灵活就业人员在哪里缴纳养老保险，每个月交多少', '社保断缴了几个月对以后退休有影响吗', '在外地交的社保可以转回{city}吗，需要什么手续', '退休以后养老金是怎么计算的'],
    suggestions: ['社保转移接续全部放到网上办，不用两头跑'],
    asks: ['社保部门帮我查一下', '督促单位给员工补缴社保', '尽快给我办理'],
    praise: ['{district}社保中心窗口的工作人员，耐心帮我补齐了缴费记录'],
  },
  'labour.employment': {
    weight: 3,
    types: { inquiry: 60, help: 20, complaint: 10, suggestion: 7, praise: 3 },
    topics: ['就业服务', '职业培训', '创业补贴', '失业登记', '招聘会'],
    problems: [
      '我是下岗人员，想找工作但年纪大了，去了几次人才市场都没找到合适的',
      '我申请了一次性创业补贴，材料交上去{duration}了还没有发放',
      '我参加了政府组织的免费职业技能培训，考完试证书{duration}还没发',
      '网上看到{company}的招聘，交了{amount}培训费以后就联系不上了',
    ],
    questions: ['请问怎么办理失业登记，需要带什么材料', '大学生自主创业有哪些扶持政策，可以申请创业贷款吗', '近期{district}有没有招聘会，在哪里举办', '想参加电工技能培训，政府有没有补贴'],
    suggestions: ['多举办一些针对大龄就业困难人员的专场招聘会'],
    asks: ['帮我推荐一些就业岗位', '尽快发放补贴', '帮忙查一下进度'],
    praise: ['{district}就业服务中心的老师，帮我找到了一份合适的工作'],
  },
  'health.insurance': {
    weight: 4,
    types: { inquiry: 55, complaint: 25, help: 15, report: 5, suggestion: 3, praise: 2 },
    topics: ['医保报销', '异地就医', '医保缴费', '医保卡', '骗保'],
    problems: [
      '{elder}在{hospital}住院，出院结算时医保报销比例比说好的低很多',
      '我在外地住院，回来报销医保说没有办异地就医备案，不给报',
      '我的医保卡在药店刷不了，显示状态异常，去了几次都没解决',
      '{hospital}附近的药店用医保卡给人刷生活用品，涉嫌套取医保基金',
      '{kid}的城乡居民医保今年缴费了，但是系统里查不到参保记录',
    ],
    questions: ['请问城乡居民医保今年的缴费标准是多少，什么时候截止', '异地就医备案怎么办理，可以在手机上办吗', '门诊特殊病种怎么申请，报销比例是多少', '医保个人账户的钱可以给家人用吗'],
    suggestions: ['把更多的常用药纳入医保目录，方便慢性病患者'],
    asks: ['医保部门帮忙核实', '尽快给我报销', '查处违规行为'],
    praise: ['{district}医保中心的工作人员，帮{elder}加急办理了异地就医报销'],
  },
  'health.services': {
    weight: 4,
    types: { complaint: 50, inquiry: 20, help: 10, report: 8, suggestion: 7, praise: 5 },
    topics: ['医疗服务', '看病难', '医生态度', '挂号问题', '医疗纠纷'],
    problems: [
      '{time}带{kid}去{hospital}看急诊，等了三个多小时没人管，护士态度很差',
      '{hospital}的号根本挂不到，一放号就没了，黄牛却有号卖',
      '{elder}在{hospital}做完手术后感染，医院不承认是他们的责任',
      '{hospital}的医生开了一大堆检查，花了{amount}，最后说没什么问题',
      '{road}有一家无证诊所在给人打针输液，怕出事',
      '社区卫生服务中心的疫苗经常没货，{kid}的疫苗一直打不上',
    ],
    questions: ['请问{kid}的免费疫苗在哪里可以接种，需要预约吗', '{hospital}有没有夜间门诊', '家庭医生签约怎么办理，有什么服务'],
    suggestions: ['{hospital}增加停车位和自助挂号机，减少排队时间'],
    asks: ['卫健部门调查处理', '医院给个合理的解释', '对这家诊所进行查处'],
    praise: ['{hospital}的{surname}医生，医术高明，对病人特别耐心'],
  },
  'market.food_safety': {
    weight: 4,
    types: { complaint: 40, report: 40, inquiry: 8, help: 5, suggestion: 5, praise: 2 },
    topics: ['过期食品', '食品卫生', '食物中毒', '无证经营', '外卖卫生'],
    problems: [
      '我在{road}的{grocery}买的牛奶已经过期了，商家还摆在货架上卖',
      '{time}在{road}的{eatery}吃完饭，全家人都上吐下泻，怀疑食物中毒',
      '{road}的{eatery}后厨卫生很差，老鼠蟑螂到处跑，还用地沟油',
      '在外卖平台上点的{eatery}的饭菜里吃出了头发和虫子',
      '{village}有一个小作坊无证生产豆制品和熟食，卫生条件很差',
      '{school}门口的小摊贩卖三无辣条零食，很多学生买',
    ],
    questions: ['请问在家做烘焙在网上卖需要办理食品经营许可吗', '买到过期食品可以要求商家十倍赔偿吗'],
    suggestions: ['加强对学校周边小摊贩的食品安全检查'],
    asks: ['市场监管部门查处', '对这家店进行检查', '依法处罚商家'],
    praise: ['{district}市场监管局的执法人员，接到举报后很快查处了那家无证作坊'],
  },
  'market.consumer': {
    weight: 7,
    types: { complaint: 70, help: 10, inquiry: 8, report: 5, suggestion: 4, praise: 3 },
    topics: ['退款纠纷', '预付卡', '商品质量', '售后服务', '虚假宣传'],
    problems: [
      '我在{road}的{store}办了{amount}的会员卡，现在店铺关门了，老板联系不上',
      '在{store}买的冰箱用了{duration}就坏了，商家不给退换也不给修',
      '{store}搞促销说买一送一，结账的时候价格不一样，还不给退',
      '在{road}的{store}买的手机是翻新机，商家当新机卖给我',
      '我在网上买的衣服申请退货，商家收到货以后一直拒绝退款',
      '{store}的美容项目办卡时说包效果，做了几次没效果也不退钱',
      '装修公司收了我{amount}定金，现在说不做了却不退',
    ],
    questions: ['请问商家不让退货，我应该去哪里投诉', '预付卡商家跑路了，钱还能要回来吗'],
    suggestions: ['对办理预付卡的商家实行资金监管，防止跑路'],
    asks: ['帮我协调退款', '市场监管部门介入调查', '督促商家履行三包义务'],
    praise: ['{district}消保委的调解员，帮我成功要回了预付卡的余额'],
  },
  'market.price': {
    weight: 2,
    types: { complaint: 50, inquiry: 20, report: 15, suggestion: 10 },
    topics: ['乱收费', '停车收费', '明码标价', '价格欺诈'],
    problems: [
      '{hospital}附近的停车场收费太贵，一个小时十块，而且没有公示收费标准',
      '{road}的{store}商品没有明码标价，结账时随便要价',
      '{compound}的充电桩收费标准高出电价很多，还收服务费',
      '{scenic}附近的饭店宰客，一盘菜几百元，点菜时没说价格',
      '{road}路边停车位收费不开发票，收费员随便收钱',
      '{compound}开发商收取的车位管理费不合理，和物价部门核定的不一致',
    ],
    questions: ['请问路边停车的收费标准是多少，在哪里可以查', '居民用电的阶梯电价是怎么计算的'],
    suggestions: ['公立医院停车场实行前半小时免费'],
    asks: ['物价部门核查', '查处乱收费行为', '公开收费依据'],
    praise: [],
  },
  'transport.public': {
    weight: 5,
    types: { complaint: 45, suggestion: 25, inquiry: 15, help: 5, report: 3, praise: 7 },
    topics: ['公交服务', '公交线路', '出租车', '网约车', '站台设置'],
    problems: [
      '{bus}公交车{time}在{road}站没停车直接开走了，我们在站台等了半小时',
      '{bus}公交车司机开车很猛，急刹车把车上的老人都晃倒了',
      '{bus}的班次太少，早高峰要等四十分钟，上班经常迟到',
      '在{road}打了一辆出租车，司机故意绕路，还不打表',
      '{time}在{hospital}门口打车，出租车拒载，说太近了不去',
      '网约车司机中途把我赶下车，还收了全程的车费',
      '{road}的公交站台被拆了，现在没有地方避雨',
    ],
    questions: ['请问从{road}到{hospital}坐几路公交车', '老年人免费乘车卡在哪里办理', '{bus}公交车的首末班时间是几点'],
    suggestions: ['{bus}公交车延长末班车时间到晚上十点', '在{compound}附近增设一个公交站点', '开通一条从{district}到高铁站的公交专线'],
    asks: ['交通部门加强管理', '处理这个司机', '调整班次'],
    praise: ['{bus}公交车的驾驶员{surname}师傅，帮一位晕倒的乘客及时送医', '出租车司机{surname}师傅，把我落在车上的钱包主动送了回来'],
  },
  'education.schools': {
    weight: 4,
    types: { inquiry: 45, complaint: 35, suggestion: 10, help: 5, report: 3, praise: 2 },
    topics: ['入学', '学区划分', '学校收费', '课业负担', '接送秩序'],
    problems: [
      '{school}让学生买指定的教辅资料，还要交额外的资料费',
      '{school}的作业太多，{kid}每天写到晚上十一点',
      '我们家在{compound}，明明在学区内，{school}却说名额满了不能入学',
      '{school}的老师在课堂上讲得不清楚，暗示学生去他家里补课',
      '{school}放学时家长接送车辆把{road}堵得水泄不通',
      '{school}的食堂饭菜质量很差，孩子们都吃不饱',
    ],
    questions: ['请问{compound}属于哪个学校的学区', '今年小学入学报名是什么时候，需要准备哪些材料', '随迁子女在{city}上学需要什么条件', '{kid}要转学到{school}，应该怎么办理'],
    suggestions: ['{school}放学时间错峰，缓解门口交通拥堵', '学校开展课后延时服务，解决双职工家庭接孩子难'],
    asks: ['教育局核实处理', '给我们一个入学的答复', '规范学校的收费行为'],
    praise: ['{school}的{surname}老师，对学生认真负责，{kid}的成绩进步很大'],
  },
  'education.training': {
    weight: 3,
    types: { complaint: 55, report: 20, inquiry: 10, help: 10, suggestion: 5 },
    topics: ['培训机构退费', '违规补课', '培训机构跑路', '课外辅导'],
    problems: [
      '我给{kid}在{road}的培训机构报了{amount}的课，上了几节课机构就关门了',
      '{road}有一家培训机构在周末偷偷开展学科类补课，还是以托管的名义',
      '{kid}不想再上了，培训机构说剩下的课时不能退费',
      '{school}的在职老师在外面的培训机构兼职上课',
      '培训机构一次性收了两年的学费，现在换了老板不认之前的合同',
    ],
    questions: ['请问这家培训机构有没有办学许可证，在哪里能查到', '培训机构的收费最长能收几个月的'],
    suggestions: ['培训机构的预收学费由银行监管，防止卷款跑路'],
    asks: ['教育部门查处', '帮忙协调退还剩余学费', '对违规补课进行处理'],
    praise: [],
  },
  'civil.elderly': {
    weight: 2,
    types: { inquiry: 40, help: 25, complaint: 20, suggestion: 10, praise: 5 },
    topics: ['养老机构', '高龄津贴', '居家养老', '老年助餐'],
    problems: [
      '{elder}住在{district}的养老院，护工态度很差，老人身上有伤也没人管',
      '{elder}今年满八十岁了，申请的高龄津贴{duration}还没有发放',
      '{compound}的社区老年食堂关门了，附近的老人吃饭成了问题',
      '{elder}一个人住，生活不能自理，我们子女都在外地，不知道怎么办',
      '养老院突然要涨费用，每个月多收{amount}，没有和家属商量',
    ],
    questions: ['请问高龄津贴怎么申请，需要什么材料', '{district}有没有公办的养老院，入住条件是什么', '居家养老上门服务怎么申请'],
    suggestions: ['在{compound}建一个社区日间照料中心', '给独居老人家里安装紧急呼叫设备'],
    asks: ['民政部门帮忙解决', '尽快发放津贴', '对养老院进行检查'],
    praise: ['{compound}社区的网格员{surname}大姐，每周都上门看望独居老人'],
  },
  'civil.assistance': {
    weight: 2,
    types: { help: 50, inquiry: 35, complaint: 10, report: 5, praise: 2 },
    topics: ['低保申请', '临时救助', '残疾人补贴', '困难帮扶'],
    problems: [
      '我家里就我一个人有收入，{elder}生病住院花了很多钱，想申请低保一直没批下来',
      '我是残疾人，没有工作能力，残疾人两项补贴停发了{duration}',
      '我们家去年遭了火灾，房子烧了，现在生活非常困难',
      '{village}有户人家明明开着豪车，还在领低保，不公平',
      '我离婚后一个人带两个孩子，没有固定收入，房租都交不起了',
    ],
    questions: ['请问申请低保需要满足什么条件，到哪里申请', '临时救助怎么申请，能救助多少钱', '重度残疾人有哪些补贴'],
    suggestions: [],
    asks: ['民政部门帮帮我们', '给我们申请一些救助', '核实一下低保的发放情况'],
    praise: ['{district}民政局和社区的工作人员，帮我们家及时申请了临时救助'],
  },
  'agriculture.rural': {
    weight: 2,
    types: { complaint: 30, inquiry: 35, help: 20, report: 10, suggestion: 5, praise: 1 },
    topics: ['土地承包', '种粮补贴', '假农资', '村务公开', '农田水利'],
    problems: [
      '{village}村委会把我家承包的土地流转出去了，一直不给流转费',
      '{town}今年的种粮补贴到现在还没发到我们手上',
      '我在{town}农资店买的种子是假的，出苗率不到一半，损失很大',
      '{village}的村干部优亲厚友，村里的补助都给了自己亲戚',
      '买的化肥用了以后庄稼都烧死了，卖化肥的不承认',
      '{village}的灌溉渠道年久失修，今年插秧放不了水',
    ],
    questions: ['请问耕地地力保护补贴的标准是多少，什么时候发放', '农村宅基地翻建需要办什么手续', '家庭农场怎么认定，有什么扶持政策'],
    suggestions: ['村里的账目每个季度在村务公开栏公布'],
    asks: ['农业部门调查', '帮我们讨个说法', '尽快发放补贴'],
    praise: ['{town}农技站的技术员，到田里手把手教我们防治病虫害'],
  },
  'safety.production': {
    weight: 2,
    types: { report: 60, complaint: 20, inquiry: 10, suggestion: 8 },
    topics: ['安全隐患', '危化品', '消防安全', '液化气使用', '违规作业'],
    problems: [
      '{road}的一个仓库里存放大量危化品，离居民楼很近，担心发生事故',
      '{company}的工人高空作业不系安全带，也没有防护措施',
      '{road}的{eatery}违规使用多个液化气钢瓶，就放在店门口',
      '{compound}的消防通道被车辆和杂物堵死了，消防栓也没有水',
      '{company}车间里堆满易燃物品，安全出口被锁住了',
      '{village}有人私自储存烟花爆竹在自己家里出售',
    ],
    questions: ['请问小作坊需要办理安全生产许可证吗', '企业主要负责人的安全培训在哪里报名'],
    suggestions: ['对{road}沿街小餐馆的燃气使用开展一次安全检查'],
    asks: ['应急管理部门尽快检查', '消除安全隐患', '依法查处'],
    praise: [],
  },
  'culture.tourism': {
    weight: 2,
    types: { complaint: 45, inquiry: 25, suggestion: 10, report: 10, praise: 10 },
    topics: ['景区服务', '旅行社', '强制购物', '网吧', '文化活动'],
    problems: [
      '{time}去{scenic}游玩，景区门票价格和网上公布的不一样，还有很多隐形消费',
      '报了{company}旅行社的低价团，导游强制我们购物，不买就不让上车',
      '{road}有家网吧允许未成年人进入上网，还通宵营业',
      '{scenic}节假日游客太多，排队好几个小时，景区管理混乱',
      '旅行社收了我们{amount}团费，临出发了说取消，钱一直不退',
      '{road}的KTV和剧本杀店违规营业到凌晨',
    ],
    questions: ['请问{scenic}对老年人门票有没有优惠', '{city}的博物馆需要提前预约吗，周一开不开放', '今年{district}有没有文化惠民活动'],
    suggestions: ['{scenic}增加一些休息座椅和指示牌', '周末延长图书馆的开放时间'],
    asks: ['文旅部门调查处理', '督促旅行社退款', '加强景区管理'],
    praise: ['{scenic}的讲解员，讲得生动详细', '{district}图书馆的工作人员，帮我找到了很难找的老资料'],
  },
  'legal.services': {
    weight: 1.5,
    types: { inquiry: 55, help: 35, complaint: 7, suggestion: 3, praise: 2 },
    topics: ['法律援助', '法律咨询', '人民调解', '公证服务', '律师执业'],
    problems: [
      '我和邻居因为宅基地边界起了纠纷，想找人民调解委员会帮忙调解',
      '我家经济困难，被人起诉了请不起律师，想申请法律援助',
      '我请的律师收了代理费以后不办事，开庭都没来',
      '{district}公证处办一个公证要来回跑好几次，材料一次说不清楚',
      '我在工地上受伤了，老板不肯赔偿，想咨询怎么维权',
    ],
    questions: ['请问法律援助需要什么条件，到哪里申请', '办理继承公证需要带哪些材料', '邻里纠纷可以找哪个部门调解'],
    suggestions: ['在社区设立公共法律服务点，定期有律师值班'],
    asks: ['帮我申请法律援助', '安排人员调解', '司法局核实处理'],
    praise: ['{district}法律援助中心的{surname}律师，免费帮我打赢了官司'],
  },
  'enterprise.policy': {
    weight: 2,
    types: { inquiry: 65, help: 15, complaint: 15, suggestion: 5, praise: 2 },
    topics: ['惠企政策', '补贴申报', '奖励兑现', '专精特新', '稳岗返还'],
    speakers: enterpriseSpeakers,
    problems: [
      '我们公司去年申报的技术改造补贴已经公示了，但是{duration}了资金还没有兑现',
      '我们按照政策申报了专精特新企业，材料被退回了好几次，也不说清楚原因',
      '{district}承诺的招商引资奖励一直拖着不兑现，找了几个部门都推来推去',
      '惠企政策太多太散，我们企业不知道自己能享受哪些',
    ],
    questions: ['请问今年的中小企业技术改造补贴什么时候开始申报，需要什么条件', '我们企业能不能申请研发费用加计扣除和高新技术企业奖励', '小微企业有哪些减税降费的优惠政策', '稳岗返还资金怎么申请，什么时候到账'],
    suggestions: ['惠企政策统一在一个平台发布，实现免申即享'],
    asks: ['帮我们协调尽快兑现', '告诉我们具体的申报流程', '给个明确答复'],
    praise: ['{district}发改委的工作人员，主动上门帮我们企业梳理可以申报的政策'],
  },
  'enterprise.environment': {
    weight: 1.5,
    types: { complaint: 60, suggestion: 15, inquiry: 10, report: 10, praise: 5 },
    topics: ['审批拖延', '营商环境', '多头检查', '吃拿卡要'],
    speakers: enterpriseSpeakers,
    problems: [
      '我们企业办理施工许可，材料都交齐了，审批部门拖了{duration}还不给办',
      '{duration}里有好几个部门来我们厂检查，同样的内容重复查，影响正常生产',
      '我们中标的项目做完了，{district}的政府部门一直拖欠工程款{amount}',
      '窗口工作人员故意刁难，每次都说材料不全，一次性告知都做不到',
      '园区承诺的水电气配套到现在都没接通，厂房建好了投不了产',
    ],
    questions: ['请问企业遇到审批拖延可以向哪个部门反映', '涉企检查有没有统一的计划，可以提前告知吗'],
    suggestions: ['推行涉企检查综合查一次，减少对企业的打扰', '审批事项实行容缺受理'],
    asks: ['有关部门督促办理', '优化营商环境', '给企业一个明确的办理时限'],
    praise: ['{district}政务服务中心的帮办代办人员，帮我们企业三天就办完了全部手续'],
  },
  'enterprise.startup': {
    weight: 1.5,
    types: { inquiry: 75, help: 10, complaint: 15, praise: 2 },
    topics: ['企业开办', '营业执照', '工商变更', '企业注销'],
    speakers: ['我想开一家公司，', '我们是{company}，', '我准备开一家{eatery}，', ''],
    problems: [
      '我在网上申请营业执照，提交了{duration}一直显示审核中',
      '我们公司想变更经营范围，系统里一直提交不成功',
      '公司注销需要的材料太多，来回跑了好几次还没有办完',
      '我的身份证被人冒用注册了一家公司，现在我成了法人',
    ],
    questions: ['请问个体工商户营业执照怎么办理，需要什么材料', '在{district}注册一家公司要多长时间，能不能全程网上办', '公司地址变更需要到哪里办理', '企业简易注销的条件是什么'],
    suggestions: ['企业开办的各个环节实现一网通办，一天办结'],
    asks: ['帮我们查一下办理进度', '告诉我们具体的办理流程', '尽快处理'],
    praise: ['{district}政务服务中心企业开办专区的工作人员，帮我当天就拿到了营业执照'],
  },
  'talent.settlement': {
    weight: 1,
    types: { inquiry: 70, help: 15, complaint: 15, suggestion: 3 },
    topics: ['人才落户', '人才公寓', '租房补贴', '购房补贴'],
    speakers: talentSpeakers,
    problems: [
      '我申请的人才公寓审核通过{duration}了，一直没有通知入住',
      '我在{district}申请了大学生租房补贴，按月发放的补贴已经停了{duration}',
      '按照人才政策可以享受购房补贴，但是提交材料以后一直没有回音',
      '我办理落户的时候被要求提供很多证明材料，跑了好几趟',
    ],
    questions: ['请问应届毕业生落户{city}需要什么条件，可以先落户再就业吗', '人才公寓怎么申请，租金是多少', '本科毕业生在{district}工作可以领多少租房补贴'],
    suggestions: ['人才落户和补贴申请合并成一件事一次办'],
    asks: ['帮忙查一下办理进度', '尽快落实补贴', '告诉我们怎么申请'],
    praise: ['{district}人才服务中心的工作人员，帮我很快办好了落户手续'],
  },
  'talent.policy': {
    weight: 1,
    types: { inquiry: 75, complaint: 10, suggestion: 10, help: 5 },
    topics: ['人才政策', '人才认定', '职称评审', '人才计划'],
    speakers: [...talentSpeakers, ...enterpriseSpeakers],
    problems: [
      '我们公司引进的高层次人才申报了人才计划，评审结果公示后奖励资金一直没到位',
      '我的职称评审材料报上去以后，{duration}都没有结果，也查不到进度',
      '人才认定的标准跟去年不一样了，我们之前按老标准准备的材料都作废了',
    ],
    questions: ['请问{city}的高层次人才认定标准是什么，怎么申报', '博士来{district}创业有什么扶持政策', '中级职称评审需要什么条件，在哪里报名', '外籍人才来{city}工作有哪些服务'],
    suggestions: ['人才政策出台时配套发布通俗易懂的解读'],
    asks: ['给我们一个明确答复', '尽快兑现奖励', '帮我们联系一下负责的部门'],
    praise: ['{district}人才办的工作人员，主动帮我们企业对接了人才政策'],
  },
}

// ---- composing an appeal ---------------------------------------------------------------------

const openings = ['', '', '您好，', '你好，', '喂，您好，', '麻烦记录一下，']
const citizenSpeakers = ['', '', '我是{place}的居民，', '我住在{district}{compound}，', '本人{name}，', '我家住在{district}，']
const impacts = ['严重影响了正常生活', '已经影响到很多居民', '大家意见很大', '多次反映都没有解决', '一直没有人管', '家里老人孩子都受不了']
const histories = ['这个情况已经持续{duration}了', '之前也打过电话反映过', '我们也找过社区，社区说管不了', '附近很多人都有意见', '我拍了照片可以提供']
const helpless = ['实在没有办法了', '不知道该找哪个部门', '自己解决不了', '求求你们帮帮忙']
const reportOpenings = ['我要实名举报，', '匿名举报一下，', '反映一个违法违规的情况，', '举报：']
const askFrames = ['希望{ask}。', '请{ask}，谢谢。', '麻烦{ask}。', '要求{ask}！']
const questionEnds = ['？谢谢。', '，麻烦告知一下。', '？', '，请给我回个电话。']
const suggestionTails = ['这样对大家都方便。', '希望采纳。', '谢谢！', '']
const praiseEnds = ['特此表扬，希望予以表彰。', '非常感谢！', '这样的好人应该表扬。', '给你们点赞！']
const closings = ['我的联系电话就是来电号码，请处理后给我回复。', '希望尽快给我回个电话，谢谢。', '麻烦尽快处理一下。', '之前已经反映过好几次了，一直没有得到解决。']
const vagueTails = ['具体情况之前跟社区说过了，希望有人跟进一下。', '情况比较复杂，电话里说不清楚，希望有人联系我。', '麻烦转给相关部门处理一下，谢谢。']
// Appeals that name no matter at all: a dispatcher would need the caller's earlier appeal.
const blindLines = ['我上次反映的问题到现在还没有人联系我', '我想问一下之前打电话说的那个事情办得怎么样了', '我们这边的问题很久了一直没人管', '这个事情我已经打了好几次电话了']

const minLength = 40
const maxLength = 200

function composeBody(random: Random, script: AppealScript, type: AppealType): string {
  const speaker = random.pick(script.speakers ?? citizenSpeakers)
  const ask = () => random.pick(askFrames).replace('{ask}', random.pick(script.asks))
  const history = () => (random.chance(0.4) ? `${random.pick(histories)}，` : '')
  switch (type) {
    case 'complaint':
      return `${random.pick(openings)}${speaker}${random.pick(script.problems)}，${history()}${random.pick(impacts)}，${ask()}`
    case 'help':
      return `${random.pick(openings)}${speaker}${random.pick(script.problems)}，${history()}${random.pick(helpless)}，${ask()}`
    case 'report':
      return `${random.pick(reportOpenings)}${random.pick(script.problems)}，${ask()}`
    case 'inquiry':
      return `${random.pick(openings)}${speaker}${random.pick(script.questions)}${random.pick(questionEnds)}`
    case 'suggestion':
      return `${random.pick(openings)}${speaker}我建议${random.pick(script.suggestions)}。${random.pick(suggestionTails)}`
    case 'praise':
      return `${random.pick(openings)}我想表扬一下${random.pick(script.praise)}。${random.pick(praiseEnds)}`
  }
}

/** Which list a type draws its matter from; a type with nothing to say never occurs. */
function hasMatter(script: AppealScript, type: AppealType): boolean {
  if (type === 'inquiry') return script.questions.length > 0
  if (type === 'suggestion') return script.suggestions.length > 0
  if (type === 'praise') return script.praise.length > 0
  return script.problems.length > 0
}

interface Category {
  category: DemoHotlineCategory
  script: AppealScript
  types: (readonly [AppealType, number])[]
}

function categories(): Category[] {
  return demoHotlineCategories.map((category) => {
    const script = scripts[category.key]
    if (!script) throw new Error(`no appeal script for category ${category.key}`)
    const types = Object.entries(script.types).flatMap(([type, weight]) => (isAppealType(type) && weight > 0 && hasMatter(script, type) ? [[type, weight] as const] : []))
    return { category, script, types }
  })
}

const isAppealType = (value: string): value is AppealType => value in appealTypeNames

/** Keeps a text within the form's bounds: pads a short one, cuts a long one at a clause. */
function fitLength(random: Random, text: string): string {
  let fitted = text
  while (fitted.length < minLength) fitted += random.pick(closings)
  if (fitted.length <= maxLength) return fitted
  const cut = Math.max(fitted.lastIndexOf('，', maxLength - 1), fitted.lastIndexOf('。', maxLength - 1))
  return `${fitted.slice(0, cut > minLength ? cut : maxLength - 1)}。`
}

/** The topic an agent would title the appeal with: the one sharing most two-character words with it. */
function titleTopic(category: DemoHotlineCategory, script: AppealScript, body: string): string {
  let best = category.name.zh
  let bestShared = 0
  for (const topic of script.topics) {
    let shared = 0
    for (let i = 0; i + 2 <= topic.length; i++) if (body.includes(topic.slice(i, i + 2))) shared++
    if (shared > bestShared) [best, bestShared] = [topic, shared]
  }
  return best
}

/**
 * What the caller says: mostly a matter of the category; sometimes only its topic, or nothing
 * that names it; sometimes a second matter in passing (the appeal stays filed under the first).
 */
function appealBody(random: Random, all: readonly Category[], pick: Category, type: AppealType, topic: string): string {
  const roll = random.next()
  if (roll < 0.02) return `${random.pick(openings)}${random.pick(blindLines)}，${random.pick(closings)}`
  if (roll < 0.07) return `${random.pick(openings)}${random.pick(pick.script.speakers ?? citizenSpeakers)}想反映一下${topic}的问题，${random.pick(vagueTails)}`
  let body = composeBody(random, pick.script, type)
  const other = () => random.pick(all.filter((c) => c !== pick))
  if (roll > 0.94) body += `另外，${random.pick(other().script.problems)}。`
  else if (roll > 0.86) body += `另外${random.pick(other().category.keywords)}的事情也想顺便问一下。`
  if (random.chance(0.25)) body += random.pick(closings)
  return body
}

function appealText(random: Random, all: readonly Category[], pick: Category, places?: readonly Place[]): DemoAppealText {
  const { category, script } = pick
  const place = places ? random.pick(places) : randomPlace(random)
  const fill = filler(random, place)
  const type = pickWeighted(random, pick.types)
  const line = category.lines.length > 1 && random.chance(0.25) ? random.pick(category.lines.slice(1)) : category.lines[0]!
  const body = appealBody(random, all, pick, type, random.pick(script.topics))
  const title = `关于{district}${titleTopic(category, script, body)}的${appealTypeNames[type].zh}`
  return { categoryKey: category.key, type, line, title: fill(title), text: fitLength(random, fill(body)), place }
}

function randomPlace(random: Random): Place {
  const city = random.pick(cities)
  return { city, district: random.pick(districts[city]!) }
}

/**
 * `count` demo appeals, categories as often as a city hotline sees them (property, noise and
 * unpaid wages most, praise rarely). The same count and seed give the same appeals, and a
 * larger count extends a smaller one. `places` confines the appeals to those districts (the demo
 * files each where its text says it is); by default they come from all over Jiangsu.
 *
 * @example
 * demoAppealTexts(2, 7)
 * // [{ categoryKey: 'environment.noise', type: 'complaint', line: '12345',
 * //    title: '关于鼓楼区夜间施工的投诉', text: '您好，翠湖花园旁边的工地凌晨两三点还在施工…' }, …]
 */
export function demoAppealTexts(count: number, seed: number, places?: readonly Place[]): DemoAppealText[] {
  const random = createRandom(seed)
  const all = categories()
  const weighted = all.map((c) => [c, c.script.weight] as const)
  const appeals: DemoAppealText[] = []
  for (let i = 0; i < count; i++) appeals.push(appealText(random, all, pickWeighted(random, weighted), places))
  return appeals
}
