/**
 * The words around an appeal's matter: the values demo-appeal-texts.ts fills the `{slot}`s of
 * demo-appeal-scripts.ts with (Jiangsu places, compounds, shops, companies, times) and the
 * openings, asks and closings a caller frames the matter with. Pure data, but not inert: the
 * generator picks from these lists by index with a seeded random source, so editing, adding or
 * reordering an entry changes the demo appeals, the tests that pin them and the classifier's
 * accuracy figure.
 */

// ---- slot values -----------------------------------------------------------------------------

/** The districts the appeals speak of, by city. */
export const districts: Record<string, readonly string[]> = {
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

export const compoundHeads = ['翠湖', '金域', '阳光', '锦绣', '梧桐', '紫金', '碧水', '香榭', '龙湖', '万科', '幸福', '和园', '东方', '新城', '银杏', '滨江', '丽景', '怡和', '桃源', '春江']
export const compoundTails = ['花园', '小区', '新村', '家园', '名苑', '华府', '雅苑', '公馆', '嘉园', '二期']
export const roads = ['中山路', '解放路', '人民路', '建设路', '长江路', '淮海路', '太湖大道', '和平路', '健康路', '文昌路', '青年路', '工农路', '迎宾大道', '朝阳路', '通江路', '北京东路', '珠江路', '新华路']
export const shopHeads = ['老王家', '好邻居', '百姓', '鑫鑫', '小李', '阿芳', '大众', '兴旺', '金牌', '家乐', '惠民', '品味']
export const eateryKinds = ['面馆', '烧烤店', '快餐店', '火锅店', '小吃店', '饭店', '大排档', '奶茶店']
export const storeKinds = ['超市', '便利店', '手机店', '家电城', '健身房', '美容院', '理发店', '母婴店', '家具店']
export const groceryKinds = ['超市', '便利店', '生鲜店', '食品店', '熟食店']
export const companyWords = ['恒达', '华信', '博远', '瑞丰', '中兴', '天润', '宏泰', '力拓', '长盛', '科瑞', '新海', '德源']
export const industries = ['建材', '电子', '机械', '纺织', '物流', '科技', '食品', '建筑工程', '服装', '化工']
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡']
export const villageHeads = ['张庄', '王营', '李集', '陈湾', '刘圩', '周桥', '杨庙', '孙沟', '徐河', '马庄', '高墩', '新河']
export const townHeads = ['永丰', '新桥', '东坝', '马坝', '官庄', '黄桥', '溱潼', '沙溪', '汤泉', '大港', '宝堰', '双沟']
export const scenics = ['中山陵', '拙政园', '瘦西湖', '鼋头渚', '周庄古镇', '夫子庙', '云龙湖', '花果山', '同里古镇', '茅山', '溱湖湿地', '天目湖']
export const schoolKinds = ['实验小学', '第一中学', '外国语学校', '中心小学', '实验幼儿园', '初级中学', '第二中学']
export const hospitalKinds = ['第一人民医院', '中医院', '妇幼保健院', '人民医院', '第二人民医院']
export const times = ['昨天晚上', '今天早上', '上周五', '前天下午', '这几天', '最近一个月', '每天晚上十点以后', '凌晨两三点', '周末', '这个星期']
export const durations = ['三个月', '半年多', '两个星期', '一年多', '好几个月', '四十多天', '一个多月', '十几天']
export const elders = ['我父亲', '我母亲', '家里老人', '我爷爷', '我奶奶', '我婆婆']
export const kids = ['孩子', '女儿', '儿子', '小孩']
export const chineseCounts = ['三', '五', '六', '八', '十几', '二十多', '三十多']

// ---- framing -----------------------------------------------------------------------------------

export const openings = ['', '', '您好，', '你好，', '喂，您好，', '麻烦记录一下，']
export const citizenSpeakers = ['', '', '我是{place}的居民，', '我住在{district}{compound}，', '本人{name}，', '我家住在{district}，']
export const impacts = ['严重影响了正常生活', '已经影响到很多居民', '大家意见很大', '多次反映都没有解决', '一直没有人管', '家里老人孩子都受不了']
export const histories = ['这个情况已经持续{duration}了', '之前也打过电话反映过', '我们也找过社区，社区说管不了', '附近很多人都有意见', '我拍了照片可以提供']
export const helpless = ['实在没有办法了', '不知道该找哪个部门', '自己解决不了', '求求你们帮帮忙']
export const reportOpenings = ['我要实名举报，', '匿名举报一下，', '反映一个违法违规的情况，', '举报：']
export const askFrames = ['希望{ask}。', '请{ask}，谢谢。', '麻烦{ask}。', '要求{ask}！']
export const questionEnds = ['？谢谢。', '，麻烦告知一下。', '？', '，请给我回个电话。']
export const suggestionTails = ['这样对大家都方便。', '希望采纳。', '谢谢！', '']
export const praiseEnds = ['特此表扬，希望予以表彰。', '非常感谢！', '这样的好人应该表扬。', '给你们点赞！']
export const closings = ['我的联系电话就是来电号码，请处理后给我回复。', '希望尽快给我回个电话，谢谢。', '麻烦尽快处理一下。', '之前已经反映过好几次了，一直没有得到解决。']
export const vagueTails = ['具体情况之前跟社区说过了，希望有人跟进一下。', '情况比较复杂，电话里说不清楚，希望有人联系我。', '麻烦转给相关部门处理一下，谢谢。']
// Appeals that name no matter at all: a dispatcher would need the caller's earlier appeal.
export const blindLines = ['我上次反映的问题到现在还没有人联系我', '我想问一下之前打电话说的那个事情办得怎么样了', '我们这边的问题很久了一直没人管', '这个事情我已经打了好几次电话了']
