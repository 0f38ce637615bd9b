import { Alert, Button } from 'antd'
import { useErrorText } from '../app/api/errors'
import { useT } from '../app/i18n'

/** An error from the server (in the current language) with an optional retry. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT()
  const text = useErrorText()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? text(error)}
      description={title ? text(error) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  )
}
