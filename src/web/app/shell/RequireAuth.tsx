import { Button, Flex, Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useErrorText } from '../api/errors'
import { ACCOUNT_PAGE, useAuth, type LoginState, type Permission } from '../auth'
import { useT } from '../i18n'
import { Forbidden } from '../../shared/StatusPages'

/**
 * Lets signed-in staff through; everyone else goes to /login and comes back afterwards. While
 * the password has expired every workbench page but the account page sends the user there, so
 * that no other page asks the API for data it would refuse.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, retry, exitReason } = useAuth()
  const location = useLocation()
  const t = useT()
  const errorText = useErrorText()
  if (loading) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    )
  }
  if (!me && error) {
    return (
      <Result
        status="warning"
        title={t('error.loadFailed')}
        subTitle={errorText(error)}
        extra={
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  if (!me) {
    const reason = exitReason()
    // after signing out the next person starts at the workbench home, not at the last page
    const state: LoginState = reason === 'logged_out' ? { reason } : { from: location.pathname + location.search, reason }
    return <Navigate to="/login" replace state={state} />
  }
  if (me.passwordExpired && location.pathname.replace(/\/$/, '') !== ACCOUNT_PAGE) return <Navigate to={ACCOUNT_PAGE} replace />
  return <>{children}</>
}

/** A page for holders of one permission; others see 无权访问. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth()
  return can(permission) ? <>{children}</> : <Forbidden />
}
