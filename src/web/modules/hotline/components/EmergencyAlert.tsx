import { AlertOutlined } from '@ant-design/icons'
import { Alert } from 'antd'
import type { ReactNode } from 'react'
import { useT } from '../../../app/i18n'
import type { Emergency } from '../api'

/**
 * The red warning that an appeal may be an emergency. For a citizen it says where to call; for an
 * agent it names the words found and the services to consider, with `action` to transfer.
 */
export function EmergencyAlert({ emergencies, audience, action }: { emergencies: Emergency[]; audience: 'citizen' | 'agent'; action?: ReactNode }) {
  const t = useT()
  if (emergencies.length === 0) return null
  const words = [...new Set(emergencies.flatMap((e) => e.words))].join('、')
  const services = emergencies.map((e) => e.service).join('/')
  return (
    <Alert
      type="error"
      showIcon
      icon={<AlertOutlined />}
      title={t('hotline.emergencyTitle')}
      description={audience === 'citizen' ? t('hotline.emergencyPortal') : t('hotline.emergencyAgent', { words, services })}
      action={action}
      style={{ marginBottom: 16 }}
      data-testid="emergency-alert"
    />
  )
}
