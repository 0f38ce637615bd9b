import type { FormInstance } from 'antd'
import { ApiError } from '../app/api/client'
import { fieldOf } from '../app/api/errors'
import type { Translator } from '../app/i18n'

/**
 * Puts a server error next to its form field when the server names one the form has;
 * returns whether it did.
 */
export function showFieldError(form: FormInstance, error: unknown, t: Translator, fields: readonly string[]): boolean {
  const name = fieldOf(error)
  if (!(error instanceof ApiError) || !name || !fields.includes(name)) return false
  form.setFields([{ name, errors: [t.pick(error.body)] }])
  return true
}
