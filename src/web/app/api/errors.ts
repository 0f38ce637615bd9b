import { useCallback } from 'react'
import { useT } from '../i18n'
import { ApiError, NetworkError } from './client'

/** The message to show for any error, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const t = useT()
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return t.pick(error.body)
      if (error instanceof NetworkError) return t('error.network')
      return t('error.unknown')
    },
    [t],
  )
}

/** The policy violations of a password_policy error: [{ id, zh, en }]. */
export function violationsOf(error: unknown): { id: string; zh: string; en: string }[] {
  if (!(error instanceof ApiError)) return []
  const list = error.body.details?.violations
  if (!Array.isArray(list)) return []
  return list.filter(
    (v): v is { id: string; zh: string; en: string } =>
      typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string',
  )
}

/**
 * The form field an error is about, without the `body.` prefix: the server names it as
 * `error.field` (request validation) or `error.details.field` (business rules).
 */
export function fieldOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  const detailField = error.body.details?.field
  const raw = error.body.field ?? (typeof detailField === 'string' ? detailField : undefined)
  return raw?.replace(/^(body|querystring|params)\./, '').split('.')[0] || undefined
}
