import { EyeOutlined, GlobalOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Space, Tooltip } from 'antd'
import { useT } from '../i18n'
import { usePreferences } from '../preferences'

/**
 * The language switch (中文 ⇄ English) and the elder-mode toggle, for any header.
 * `full`: both labelled; `short`: 中文/EN and 长辈模式; `icons`: 中文/EN and the eye alone (tight phone headers).
 */
export function PreferenceSwitches({ dark = false, size = 'full' }: { dark?: boolean; size?: 'full' | 'short' | 'icons' }) {
  const t = useT()
  const { lang, setLang, elder, setElder } = usePreferences()
  const { message } = AntApp.useApp()
  const className = dark ? 'pref-button pref-button-dark' : 'pref-button'
  const nextLang = lang === 'zh' ? 'en' : 'zh'
  const langLabel = size === 'full' ? t(nextLang === 'zh' ? 'pref.switchToZh' : 'pref.switchToEn') : nextLang === 'zh' ? '中文' : 'EN'
  return (
    <Space size={size === 'full' ? 4 : 0}>
      <Button
        type="text"
        className={className}
        icon={<GlobalOutlined />}
        onClick={() => setLang(nextLang)}
        lang={nextLang === 'zh' ? 'zh-CN' : 'en'}
        aria-label={nextLang === 'zh' ? '切换到中文' : 'Switch to English'}
        data-testid="lang-switch"
      >
        {langLabel}
      </Button>
      <Tooltip title={t('pref.elderHint')}>
        <Button
          type="text"
          className={elder ? `${className} pref-button-on` : className}
          icon={<EyeOutlined />}
          aria-pressed={elder}
          aria-label={t('pref.elder')}
          onClick={() => {
            setElder(!elder)
            message.info(t(elder ? 'pref.elderOff' : 'pref.elderOn'))
          }}
          data-testid="elder-switch"
        >
          {size === 'icons' ? null : t('pref.elder')}
        </Button>
      </Tooltip>
    </Space>
  )
}
