import { ApartmentOutlined, DownOutlined, EnvironmentOutlined, HomeOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons'
import { App as AntApp, Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd'
import { lazy, Suspense, useMemo, useState } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { useErrorText } from '../api/errors'
import { useAuth } from '../auth'
import { useT, type Translator } from '../i18n'
import { usePreferences } from '../preferences'
import { useIsMobile } from '../../shared/useIsMobile'
import { brandIcon, isGroup, leavesOf, upcomingModules, visibleMenu, type MenuEntry } from './menu'
import { PreferenceSwitches } from './PreferenceSwitches'

const { Header, Sider, Content } = Layout

// The hotline's notices, for those who work its appeals; loaded apart from the shell.
const NoticesBell = lazy(() => import('../../modules/hotline/components/NoticesBell').then((m) => ({ default: m.NoticesBell })))

function menuItems(entries: MenuEntry[], t: Translator): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = entries.map((entry) =>
    isGroup(entry)
      ? {
          key: entry.key,
          icon: entry.icon,
          label: t(entry.label),
          children: entry.children.map((leaf) => ({ key: leaf.path, icon: leaf.icon, label: <Link to={leaf.path}>{t(leaf.label)}</Link> })),
        }
      : { key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{t(entry.label)}</Link> },
  )
  items.push({ type: 'divider' })
  items.push({
    key: 'upcoming',
    type: 'group',
    label: t('menu.upcoming'),
    children: upcomingModules.map((module) => ({
      key: `upcoming:${module.key}`,
      icon: module.icon,
      disabled: true,
      title: t('common.comingSoon'),
      label: (
        <Flex justify="space-between" align="center" gap={6} className="soon-item">
          <span className="soon-label">{t(module.label)}</span>
          <Tag className="soon-tag" variant="filled">
            {t('common.soon')}
          </Tag>
        </Flex>
      ),
    })),
  })
  return items
}

/** The staff workbench: side menu (a drawer on phones), header with who and where, the page. */
export function WorkbenchLayout() {
  const t = useT()
  const { me, can, logout } = useAuth()
  const { elder } = usePreferences()
  const navigate = useNavigate()
  const location = useLocation()
  const isMobile = useIsMobile()
  const { message } = AntApp.useApp()
  const errorText = useErrorText()
  const [collapsed, setCollapsed] = useState(false)
  const [drawerOpen, setDrawerOpen] = useState(false)

  const entries = useMemo(() => visibleMenu(can), [can])
  const items = useMemo(() => menuItems(entries, t), [entries, t])

  // The selected leaf is the menu path that is, or prefixes, the current location (home only exactly).
  const selected = useMemo(() => {
    const leaves = leavesOf(entries)
    const match = leaves
      .filter((leaf) => location.pathname === leaf.path || (leaf.path !== '/workbench' && location.pathname.startsWith(`${leaf.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)[0]
    return match?.path
  }, [entries, location.pathname])
  const openGroup = useMemo(
    () => entries.find((entry) => isGroup(entry) && entry.children.some((leaf) => leaf.path === selected)),
    [entries, selected],
  )
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    entries.filter(isGroup).map((group) => group.key),
  )

  if (!me) return null

  // Once the account is forgotten RequireAuth takes the user to /login (已安全退出).
  const signOut = async () => {
    try {
      await logout()
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={collapsed && !isMobile ? undefined : [...new Set([...openKeys, ...(openGroup && isGroup(openGroup) ? [openGroup.key] : [])])]}
      onOpenChange={(keys) => setOpenKeys(keys)}
      onClick={() => setDrawerOpen(false)}
      className="workbench-menu"
      aria-label={t('common.menu')}
    />
  )

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        type: 'group',
        label: (
          <div className="user-card">
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <Typography.Text type="secondary" className="user-card-line">
              <EnvironmentOutlined /> {me.regionName}
            </Typography.Text>
            <Typography.Text type="secondary" className="user-card-line">
              <ApartmentOutlined /> {me.orgName}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'account', icon: <UserOutlined />, label: t('shell.myAccount') },
      { key: 'portal', icon: <HomeOutlined />, label: t('shell.portal') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'account') navigate('/workbench/account')
      if (key === 'portal') navigate('/')
      if (key === 'logout') void signOut()
    },
  }

  const brand = (
    <Link to="/workbench" className="workbench-brand" aria-label={t('app.name')}>
      <span className="brand-mark">{brandIcon}</span>
      {(!collapsed || isMobile) && (
        <span className="brand-text">
          <span className="brand-title">{t('app.brandShort')}</span>
          <span className="brand-sub">{t('app.workbenchShort')}</span>
        </span>
      )}
    </Link>
  )

  return (
    <Layout className="workbench" style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Sider
          width={elder ? 272 : 236}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          className="workbench-sider"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          {brand}
          {menu}
        </Sider>
      )}
      {isMobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={elder ? 300 : 272}
          title={null}
          closable={false}
          styles={{ body: { padding: 0 } }}
          className="workbench-drawer"
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="workbench-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {isMobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                aria-label={t('common.menu')}
                data-testid="menu-toggle"
              />
            )}
            {isMobile ? (
              <Typography.Text strong ellipsis className="header-title">
                {t('app.name')}
              </Typography.Text>
            ) : (
              <Flex gap={16} className="header-where" align="center">
                <span>
                  <EnvironmentOutlined /> <span className="header-where-label">
                    {t('shell.region')}
                    {t('common.colon')}
                  </span>
                  <span data-testid="header-region">{me.regionName}</span>
                </span>
                <span>
                  <ApartmentOutlined /> <span className="header-where-label">
                    {t('shell.org')}
                    {t('common.colon')}
                  </span>
                  <span data-testid="header-org">{me.orgName}</span>
                </span>
              </Flex>
            )}
          </Flex>
          <Flex align="center" gap={4}>
            {can('hotline.read') && (
              <Suspense fallback={null}>
                <NoticesBell />
              </Suspense>
            )}
            {!isMobile && <PreferenceSwitches />}
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className="user-button" data-testid="user-menu" aria-label={me.displayName}>
                <Avatar size="small" style={{ backgroundColor: '#1560bd' }} icon={<UserOutlined />} />
                {!isMobile && <span className="user-name">{me.displayName}</span>}
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        {isMobile && (
          <div className="mobile-subheader">
            <Typography.Text type="secondary" ellipsis>
              <EnvironmentOutlined /> {me.regionName} · {me.orgName}
            </Typography.Text>
            <PreferenceSwitches size="short" />
          </div>
        )}
        <Content className="workbench-content">
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 64 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
        <Layout.Footer className="workbench-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  )
}
