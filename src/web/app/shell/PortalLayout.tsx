import { LoginOutlined } from '@ant-design/icons'
import { Button, Flex, Layout } from 'antd'
import { Link, Outlet } from 'react-router'
import { useT } from '../i18n'
import { useIsPhone } from '../../shared/useIsMobile'
import { brandIcon } from './menu'
import { PreferenceSwitches } from './PreferenceSwitches'

/** The public portal: a blue header with the brand, preferences and the staff entrance. */
export function PortalLayout() {
  const t = useT()
  const isPhone = useIsPhone()
  return (
    <Layout className="portal">
      <header className="portal-header">
        <div className="portal-container">
          <Flex justify="space-between" align="center" gap={8} className="portal-header-row">
            <Link to="/" className="portal-brand" aria-label={t('app.name')}>
              <span className="brand-mark brand-mark-light">{brandIcon}</span>
              <span className="brand-text">
                <span className="portal-brand-title">{t('app.name')}</span>
                {!isPhone && <span className="portal-brand-sub">{t('app.portalSubtitle')}</span>}
              </span>
            </Link>
            <Flex align="center" gap={4}>
              <PreferenceSwitches dark size={isPhone ? 'icons' : 'full'} />
              {!isPhone && (
                <Link to="/workbench">
                  <Button ghost icon={<LoginOutlined />} className="portal-staff-button">
                    {t('portal.nav.staffLogin')}
                  </Button>
                </Link>
              )}
            </Flex>
          </Flex>
        </div>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div className="portal-container">{t('app.footer')}</div>
      </footer>
    </Layout>
  )
}
