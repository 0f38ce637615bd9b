import {
  BankOutlined,
  ClusterOutlined,
  GiftOutlined,
  HeartOutlined,
  LoginOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { Button, Card, Col, Flex, Input, Row, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { useT, type MessageKey } from '../../../app/i18n'
import { usePageTitle } from '../../../shared/usePageTitle'

interface Entry {
  key: string
  title: MessageKey
  desc: MessageKey
  icon: ReactNode
  color: string
  /** The route once the module is built; until then the card says 即将上线. */
  to?: string
}

const entries: Entry[] = [
  { key: 'personal', title: 'portal.entry.personal', desc: 'portal.entry.personal.desc', icon: <UserOutlined />, color: 'linear-gradient(135deg,#3a8ee6,#1560bd)', to: '/services' },
  { key: 'legal', title: 'portal.entry.legal', desc: 'portal.entry.legal.desc', icon: <ShopOutlined />, color: 'linear-gradient(135deg,#36b3a8,#13877d)', to: '/services' },
  { key: 'hotline', title: 'portal.entry.hotline', desc: 'portal.entry.hotline.desc', icon: <PhoneOutlined />, color: 'linear-gradient(135deg,#f27b50,#d4472b)', to: '/hotline' },
  { key: 'policy', title: 'portal.entry.policy', desc: 'portal.entry.policy.desc', icon: <GiftOutlined />, color: 'linear-gradient(135deg,#f5b942,#d98e04)' },
  { key: 'data', title: 'portal.entry.data', desc: 'portal.entry.data.desc', icon: <ClusterOutlined />, color: 'linear-gradient(135deg,#8b7cf0,#5b4cc4)' },
]

const about: { title: MessageKey; desc: MessageKey; icon: ReactNode }[] = [
  { title: 'portal.about.1.title', desc: 'portal.about.1.desc', icon: <BankOutlined /> },
  { title: 'portal.about.2.title', desc: 'portal.about.2.desc', icon: <SafetyCertificateOutlined /> },
  { title: 'portal.about.3.title', desc: 'portal.about.3.desc', icon: <HeartOutlined /> },
]

const hotWords: MessageKey[] = ['portal.search.hot1', 'portal.search.hot2', 'portal.search.hot3', 'portal.search.hot4']

function EntryCard({ entry }: { entry: Entry }) {
  const t = useT()
  const body = (
    <Card className="entry-card" data-testid={`entry-${entry.key}`}>
      <Flex gap={16} align="flex-start">
        <span className="entry-icon" style={{ background: entry.color }}>
          {entry.icon}
        </span>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <span className="entry-title">{t(entry.title)}</span>
            {!entry.to && <Tag color="default">{t('common.comingSoon')}</Tag>}
          </Flex>
          <div className="entry-desc">{t(entry.desc)}</div>
        </div>
      </Flex>
    </Card>
  )
  return entry.to ? <Link to={entry.to}>{body}</Link> : <div aria-disabled="true">{body}</div>
}

/** The public landing page: search, the service entrances, the staff entrance. */
export default function PortalHomePage() {
  const t = useT()
  const navigate = useNavigate()
  usePageTitle(undefined)
  // 办事服务: the search and the popular words open the service guides
  const search = (words: string) => navigate(words.trim() ? `/services?q=${encodeURIComponent(words.trim())}` : '/services')

  return (
    <>
      <section className="portal-hero">
        <div className="portal-container">
          <Typography.Title level={1}>{t('portal.hero.title')}</Typography.Title>
          <p className="portal-hero-sub">{t('portal.hero.subtitle')}</p>
          <div className="portal-search" role="search">
            <Input.Search
              size="large"
              placeholder={t('portal.search.placeholder')}
              enterButton={
                <Button type="primary" icon={<SearchOutlined />} style={{ background: '#f59a23', borderColor: '#f59a23' }}>
                  {t('portal.search.button')}
                </Button>
              }
              onSearch={search}
              aria-label={t('portal.search.placeholder')}
            />
            <div className="portal-hot">
              {t('portal.search.hot')}
              {hotWords.map((word) => (
                <span key={word} className="hot-word" role="button" tabIndex={0} onClick={() => search(t(word))} onKeyDown={(e) => e.key === 'Enter' && search(t(word))}>
                  {t(word)}
                </span>
              ))}
            </div>
          </div>
        </div>
      </section>

      <section className="portal-section portal-entries">
        <div className="portal-container">
          <Row gutter={[20, 20]}>
            {entries.map((entry) => (
              <Col key={entry.key} xs={24} sm={12} lg={8} xl={entry.key === 'personal' || entry.key === 'legal' ? 12 : 8}>
                <EntryCard entry={entry} />
              </Col>
            ))}
          </Row>

          <h2 className="portal-section-title">{t('portal.section.about')}</h2>
          <Row gutter={[20, 20]}>
            {about.map((item) => (
              <Col key={item.title} xs={24} md={8}>
                <Card className="about-card">
                  <Flex gap={14} align="flex-start">
                    <span className="shortcut-icon">{item.icon}</span>
                    <div>
                      <div className="entry-title" style={{ fontSize: 16 }}>
                        {t(item.title)}
                      </div>
                      <div className="entry-desc" style={{ minHeight: 0 }}>
                        {t(item.desc)}
                      </div>
                    </div>
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>

          <Card className="staff-entry" style={{ marginTop: 24 }}>
            <Flex justify="space-between" align="center" gap={16} wrap>
              <div>
                <div className="entry-title">{t('portal.staffEntry.title')}</div>
                <div className="entry-desc" style={{ minHeight: 0, marginTop: 4 }}>
                  {t('portal.staffEntry.desc')}
                </div>
              </div>
              <Link to="/workbench" data-testid="staff-login-link">
                <Button type="primary" size="large" icon={<LoginOutlined />}>
                  {t('portal.nav.staffLogin')}
                </Button>
              </Link>
            </Flex>
          </Card>
        </div>
      </section>
    </>
  )
}
