/** What went wrong, in the words the error handler maps to an HTTP status. */
export type ErrorKind = 'not_found' | 'invalid' | 'forbidden' | 'conflict' | 'unauthenticated' | 'unavailable' | 'too_many' | 'unprocessable'

/** A message in Chinese with its English twin. */
export interface Message {
  zh: string
  en: string
}

/**
 * The one error type of Yiwang: a kind (mapped to a status in one place), a stable id
 * clients may branch on, and a bilingual message.
 *
 * @example throw new AppError('not_found', 'region_not_found', { zh: '行政区划不存在', en: 'Region not found' })
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly id: string,
    readonly text: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${id}: ${text.en}`)
    this.name = 'AppError'
  }
}

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
}
