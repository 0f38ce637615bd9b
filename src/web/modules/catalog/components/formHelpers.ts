import type { FormInstance } from 'antd'
import { ApiError } from '../../../app/api/client'
import type { Translator } from '../../../app/i18n'

/**
 * Puts a server error about one element next to its form field. The server names a bad element
 * as a JSON pointer under the body field (`elements/materials/0/name`, `overrides/committedDays`);
 * a plain body field (`basicCode`, `orgId`) is matched as it is. Returns whether it did.
 */
export function showElementError(form: FormInstance, error: unknown, t: Translator, plainFields: readonly string[] = []): boolean {
  if (!(error instanceof ApiError)) return false
  const detail = error.body.details?.field
  const raw = (error.body.field ?? (typeof detail === 'string' ? detail : undefined))?.replace(/^(body|querystring|params)[./]/, '')
  if (!raw) return false
  const message = t.pick(error.body)
  if (plainFields.includes(raw)) {
    form.setFields([{ name: raw, errors: [message] }])
    return true
  }
  const match = /^(?:elements|overrides)\/(.+)$/.exec(raw)
  if (!match) return false
  const path: (string | number)[] = match[1]!.split('/').map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part))
  // the form holds fees in yuan; a citation is one field of its own
  if (path[0] === 'fees' && path[2] === 'amountFen') path[2] = 'amountYuan'
  if (path[0] === 'legalBasis') path.splice(2)
  // a whole list or object (a missing field of it) is shown on its first named level
  for (let length = path.length; length > 0; length--) {
    const name = path.slice(0, length)
    if (form.getFieldInstance(name) !== undefined || length === 1) {
      form.setFields([{ name, errors: [message] }])
      try {
        form.scrollToField(name, { block: 'center' })
      } catch {
        // not rendered (a list's whole value): the alert above the form says it
      }
      return true
    }
  }
  return false
}
