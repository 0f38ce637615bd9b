import { Button, Result } from 'antd'
import { Link, useParams } from 'react-router'
import { useT } from '../../../app/i18n'
import { upcomingModules } from '../../../app/shell/menu'
import { usePageTitle } from '../../../shared/usePageTitle'

/** A module that is not built yet. */
export default function ComingSoonPage() {
  const t = useT()
  const { module } = useParams()
  const found = upcomingModules.find((m) => m.key === module)
  const name = found ? t(found.label) : t('common.comingSoon')
  usePageTitle(name)
  return (
    <Result
      icon={found?.icon}
      title={t('coming.title', { name })}
      subTitle={t('coming.desc')}
      extra={
        <Link to="/workbench">
          <Button type="primary">{t('common.backWorkbench')}</Button>
        </Link>
      }
    />
  )
}
