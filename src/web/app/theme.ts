import type { ThemeConfig } from 'antd'

/** 政务蓝: the primary colour of the platform. */
export const brand = {
  primary: '#1560bd',
  primaryDark: '#0b3f86',
  headerFrom: '#0b3f86',
  headerTo: '#1a6fd1',
  page: '#f3f6fb',
}

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** The standard look. */
const standard: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorInfo: brand.primary,
    colorLink: brand.primary,
    borderRadius: 6,
    fontFamily,
    colorBgLayout: brand.page,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: brand.page, headerPadding: '0 24px', headerHeight: 60 },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8 },
    Table: { headerBg: '#f5f7fa' },
    Card: { headerFontSize: 16 },
  },
}

/**
 * 长辈模式 (elder-friendly): larger text and controls, darker text and borders for contrast,
 * as the 互联网应用适老化设计规范 asks (body text at least 18px, strong contrast).
 */
const elder: ThemeConfig = {
  token: {
    ...standard.token,
    colorPrimary: '#0a4fa3',
    colorInfo: '#0a4fa3',
    colorLink: '#0a4fa3',
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    fontSizeHeading1: 36,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 22,
    fontSizeHeading5: 20,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    lineHeight: 1.6,
    colorText: '#000000',
    colorTextSecondary: '#262626',
    colorTextTertiary: '#404040',
    colorTextDescription: '#333333',
    colorTextPlaceholder: '#595959',
    colorBorder: '#8c8c8c',
    colorBorderSecondary: '#bfbfbf',
    colorBgLayout: '#eef1f6',
  },
  components: {
    ...standard.components,
    Menu: { itemBorderRadius: 6, itemMarginInline: 8, itemHeight: 52, subMenuItemBg: '#ffffff' },
    Layout: { ...standard.components?.Layout, headerHeight: 68 },
    Table: { headerBg: '#e8edf4', cellPaddingBlock: 18 },
    Card: { headerFontSize: 20 },
  },
}

export function themeOf(elderMode: boolean): ThemeConfig {
  return elderMode ? elder : standard
}
