import { ArrowLeftOutlined, LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { useErrorText } from '../../../app/api/errors'
import { useAuth, type LoginState } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { PreferenceSwitches } from '../../../app/shell/PreferenceSwitches'
import { brandIcon } from '../../../app/shell/menu'
import { useIsPhone } from '../../../shared/useIsMobile'
import { usePageTitle } from '../../../shared/usePageTitle'

interface Values {
  username: string
  password: string
}

/** Only paths inside the workbench are followed after login (no open redirect). */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/workbench') && !from.startsWith('//') ? from : '/workbench'
}

export default function LoginPage() {
  const t = useT()
  const errorText = useErrorText()
  const { me, login } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const state = (location.state ?? {}) as LoginState
  const [error, setError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)
  const [notice, setNotice] = useState(state.reason)
  // The same page may be reached again with a new reason (signed out, session expired).
  useEffect(() => setNotice(state.reason), [location.key, state.reason])
  usePageTitle(t('login.title'))
  const isPhone = useIsPhone()

  if (me && !submitting) return <Navigate to={safeTarget(state.from)} replace />

  const submit = async (values: Values) => {
    setSubmitting(true)
    setError(null)
    setNotice(undefined)
    try {
      await login(values.username.trim(), values.password)
      navigate(safeTarget(state.from), { replace: true })
    } catch (failure) {
      setError(failure)
      setSubmitting(false)
    }
  }

  return (
    <div className="login-page">
      <div className="login-top">
        <Link to="/" className="portal-brand" aria-label={t('login.backPortal')}>
          <span className="brand-mark brand-mark-light">{brandIcon}</span>
          <span className="portal-brand-title">{t('app.name')}</span>
        </Link>
        <PreferenceSwitches dark size={isPhone ? 'icons' : 'full'} />
      </div>
      <div className="login-body">
        <Card className="login-card">
          <Flex vertical align="center" style={{ marginBottom: 24 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {notice === 'expired' && <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} data-testid="login-notice" />}
          {notice === 'logged_out' && <Alert type="success" showIcon title={t('login.loggedOut')} style={{ marginBottom: 16 }} data-testid="login-notice" />}
          {error !== null && (
            <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />
          )}
          <Form<Values> layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: '0.85em', marginBottom: 8 }}>
            {t('login.notice')}
          </Typography.Paragraph>
          <Link to="/">
            <ArrowLeftOutlined /> {t('login.backPortal')}
          </Link>
        </Card>
      </div>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  )
}
