import { ApartmentOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons'
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { leavesOf, upcomingModules, visibleMenu } from '../../../app/shell/menu'
import { formatLongDate } from '../../../shared/format'
import { usePageTitle } from '../../../shared/usePageTitle'
import { useRoles } from '../api'
import { roleText } from '../components/tags'

function greetingKey(hour: number) {
  if (hour < 12) return 'dashboard.greeting.morning' as const
  if (hour < 18) return 'dashboard.greeting.afternoon' as const
  return 'dashboard.greeting.evening' as const
}

const adminRoles = new Set(['system_admin', 'security_admin', 'auditor'])

/** The workbench home: who you are, what you may do, what is coming. */
export default function DashboardPage() {
  const t = useT()
  const { me, can } = useAuth()
  usePageTitle(t('menu.dashboard'))
  // The role list gives names and descriptions; the dictionary stands in if it cannot be read.
  const roles = useRoles()
  const now = new Date()
  const shortcuts = useMemo(() => leavesOf(visibleMenu(can)).filter((leaf) => leaf.path !== '/workbench'), [can])

  if (!me) return null
  const roleInfo = (role: string) => roles.data?.find((r) => r.role === role)

  return (
    <Flex vertical gap={16}>
      <Card className="dash-welcome" data-testid="welcome-card">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.welcome', { greeting: t(greetingKey(now.getHours())), name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph className="dash-welcome-sub" style={{ margin: '8px 0 12px' }}>
          {t('dashboard.welcomeSub', { date: formatLongDate(now, t.lang) })}
        </Typography.Paragraph>
        <Flex gap={20} wrap className="dash-welcome-sub">
          <span>
            <EnvironmentOutlined /> {me.regionName}
          </span>
          <span>
            <ApartmentOutlined /> {me.orgName}
          </span>
          <span className="mono">@{me.username}</span>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.roles')} style={{ height: '100%' }} data-testid="my-roles">
            {me.roles.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noRoles')} />
            ) : (
              <Descriptions
                column={1}
                colon={false}
                size="small"
                items={me.roles.map((role) => {
                  const info = roleInfo(role)
                  return {
                    key: role,
                    label: (
                      <Tag color={adminRoles.has(role) ? 'volcano' : 'geekblue'} style={{ margin: 0 }}>
                        {info ? t.pick(roleText(info)) : t.dynamic(`role.${role}`, role)}
                      </Tag>
                    ),
                    children: info ? t.pick(info.description) : <span className="mono">{role}</span>,
                  }
                })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.shortcuts')} style={{ height: '100%' }}>
            {shortcuts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noShortcuts')} />
            ) : (
              <Row gutter={[12, 12]}>
                {shortcuts.map((leaf) => (
                  <Col key={leaf.path} xs={24} sm={12}>
                    <Link to={leaf.path}>
                      <Card size="small" hoverable className="shortcut-card">
                        <Flex gap={12} align="center">
                          <span className="shortcut-icon">{leaf.icon}</span>
                          <div style={{ minWidth: 0, flex: 1 }}>
                            <Typography.Text strong>{t(leaf.label)}</Typography.Text>
                            {leaf.description && (
                              <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: '0.86em' }}>
                                {t(leaf.description)}
                              </Typography.Paragraph>
                            )}
                          </div>
                          <RightOutlined style={{ color: '#b0b8c4' }} />
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
      </Row>

      <Card title={t('dashboard.upcoming')}>
        <div className="upcoming-grid">
          {upcomingModules.map((module) => (
            <Card key={module.key} size="small" className="upcoming-card">
                <Flex gap={10} align="center">
                  <span className="shortcut-icon" style={{ background: '#f0f2f5', color: '#8a94a3' }}>
                    {module.icon}
                  </span>
                  <div>
                    <div>{t(module.label)}</div>
                    <Tag style={{ marginTop: 4 }}>{t('common.comingSoon')}</Tag>
                  </div>
                </Flex>
            </Card>
          ))}
        </div>
      </Card>
    </Flex>
  )
}
