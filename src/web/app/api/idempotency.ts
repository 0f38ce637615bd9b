import { useCallback, useMemo, useRef } from 'react'
import { newIdempotencyKey } from './client'

/**
 * Idempotency keys for a create form. Submitting the same body again (a retry after a timeout,
 * a double click) reuses the key, so the server creates once; a changed body gets a new key,
 * as does anything after `reset()` (call it when the create succeeded).
 */
export function useIdempotencyKey(): { keyFor: (body: unknown) => string; reset: () => void } {
  const last = useRef<{ body: string; key: string } | null>(null)
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body)
    if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() }
    return last.current.key
  }, [])
  const reset = useCallback(() => {
    last.current = null
  }, [])
  return useMemo(() => ({ keyFor, reset }), [keyFor, reset])
}
