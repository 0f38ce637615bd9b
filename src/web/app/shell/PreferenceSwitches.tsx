import { EyeOutlined, GlobalOutlined } from '@ant-design/icons'
import { App as AntApp, Button, Space, Tooltip } from 'antd'
import { useT } from '../i18n'
import { usePreferences } from '../preferences'

/** The language switch (中文 ⇄ English) and the elder-mode toggle, for any header. */
export function PreferenceSwitches({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const t = useT()
  const { lang, setLang, elder, setElder } = usePreferences()
  const { message } = AntApp.useApp()
  const className = dark ? 'pref-button pref-button-dark' : 'pref-button'
  const nextLang = lang === 'zh' ? 'en' : 'zh'
  return (
    <Space size={compact ? 0 : 4}>
      <Button
        type="text"
        className={className}
        icon={<GlobalOutlined />}
        onClick={() => setLang(nextLang)}
        lang={nextLang === 'zh' ? 'zh-CN' : 'en'}
        aria-label={nextLang === 'zh' ? '切换到中文' : 'Switch to English'}
        data-testid="lang-switch"
      >
        {nextLang === 'zh' ? t('pref.switchToZh') : t('pref.switchToEn')}
      </Button>
      <Tooltip title={t('pref.elderHint')}>
        <Button
          type="text"
          className={elder ? `${className} pref-button-on` : className}
          icon={<EyeOutlined />}
          aria-pressed={elder}
          onClick={() => {
            setElder(!elder)
            message.info(t(elder ? 'pref.elderOff' : 'pref.elderOn'))
          }}
          data-testid="elder-switch"
        >
          {t('pref.elder')}
        </Button>
      </Tooltip>
    </Space>
  )
}
