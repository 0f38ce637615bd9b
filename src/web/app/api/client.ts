/**
 * The one way the web front end talks to the server: JSON over fetch with the session cookie,
 * every non-2xx answer thrown as an ApiError carrying the server's bilingual message.
 */

export interface ApiErrorBody {
  id: string
  zh: string
  en: string
  field?: string
  details?: Record<string, unknown>
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${status} ${body.id}: ${body.en}`)
    this.name = 'ApiError'
  }

  get id(): string {
    return this.body.id
  }
}

/** A failure before any answer (offline, DNS, CORS, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause })
    this.name = 'NetworkError'
  }
}

type UnauthorizedHandler = (error: ApiError) => void
let onUnauthorized: UnauthorizedHandler | null = null

/**
 * Called on any 401 from the API (the session expired or was ended elsewhere), except for the
 * calls that are expected to answer 401: the login itself and the "who am I" probe.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler
}

const quiet401 = new Set(['/api/auth/login', '/api/auth/me'])

type PasswordExpiredHandler = (error: ApiError) => void
let onPasswordExpired: PasswordExpiredHandler | null = null

/**
 * Called when the API refuses a call with 403 password_expired: the signed-in staff member's
 * password is older than the policy allows, and only the account page may be used until it is changed.
 */
export function setPasswordExpiredHandler(handler: PasswordExpiredHandler | null): void {
  onPasswordExpired = handler
}

export interface RequestOptions {
  /** Query parameters; undefined, null and '' are left out. */
  query?: Record<string, string | number | boolean | undefined | null>
  /** JSON, or a file (a Blob) sent as it is with its own type. */
  body?: unknown
  /** Sent as Idempotency-Key so that the server does a retried create only once. */
  idempotencyKey?: string
  signal?: AbortSignal
}

function urlOf(path: string, query: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

function fallbackBody(status: number): ApiErrorBody {
  if (status === 401) return { id: 'unauthenticated', zh: '请先登录', en: 'Please sign in' }
  if (status === 403) return { id: 'forbidden', zh: '没有权限执行此操作', en: 'You may not do this' }
  if (status === 404) return { id: 'not_found', zh: '请求的资源不存在', en: 'Not found' }
  if (status === 429) return { id: 'too_many', zh: '操作过于频繁，请稍后再试', en: 'Too many requests, please wait a moment' }
  if (status >= 500) return { id: 'server_error', zh: '服务暂时不可用，请稍后再试', en: 'The service is unavailable, please try again later' }
  return { id: 'request_failed', zh: '请求失败', en: 'The request failed' }
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as ApiErrorBody).zh === 'string'
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const file = options.body instanceof Blob ? options.body : null
  if (options.body !== undefined) headers['Content-Type'] = file ? file.type : 'application/json'
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey

  let response: Response
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : (file ?? JSON.stringify(options.body)),
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new NetworkError(cause)
  }

  const text = await response.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
  }

  if (!response.ok) {
    const error = new ApiError(response.status, isErrorBody(data) ? data.error : fallbackBody(response.status))
    if (response.status === 401 && !quiet401.has(path) && onUnauthorized) onUnauthorized(error)
    if (response.status === 403 && error.id === 'password_expired' && onPasswordExpired) onPasswordExpired(error)
    throw error
  }
  return data as T
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}

/** A new Idempotency-Key. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  // crypto.randomUUID needs a secure context (https or localhost); on plain http build one from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
