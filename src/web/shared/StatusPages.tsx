import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { useT } from '../app/i18n'
import { usePageTitle } from './usePageTitle'

export function Forbidden() {
  const t = useT()
  usePageTitle(t('error.forbiddenTitle'))
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbidden')}
      extra={
        <Link to="/workbench">
          <Button type="primary">{t('common.backWorkbench')}</Button>
        </Link>
      }
    />
  )
}

export function NotFound({ home = '/' }: { home?: string }) {
  const t = useT()
  usePageTitle(t('error.notFoundTitle'))
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFound')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  )
}
