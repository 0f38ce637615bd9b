/**
 * The provincial-level divisions (GB/T 2260 two-digit codes) in English, and their short
 * Chinese names (江苏省 → 江苏, 广西壮族自治区 → 广西), for the installation's brand.
 */
export const provinceNamesEn: Readonly<Record<string, string>> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
}

/** The autonomous regions' suffixes, the ethnic name included; longest first. */
const suffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '省', '市']

/** 江苏省 → 江苏, 北京市 → 北京, 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古. */
export function provinceShortName(name: string): string {
  for (const suffix of suffixes) if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length)
  return name
}

/** The English name of a province by its two-digit code; the code itself when unknown. */
export function provinceNameEn(code: string): string {
  return provinceNamesEn[code] ?? code
}
