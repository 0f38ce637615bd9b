import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, statusOfKind, type Message } from '../errors'

/** The body of every error answer: a stable id, a Chinese and an English message, and where it applies the field. */
export interface ErrorBody {
  error: { id: string; zh: string; en: string; field?: string; details?: Record<string, unknown> }
}

export function errorBody(id: string, text: Message, extra: { field?: string; details?: Record<string, unknown> } = {}): ErrorBody {
  return { error: { id, zh: text.zh, en: text.en, ...extra } }
}

interface ValidationIssue {
  instancePath?: string
  message?: string
  keyword?: string
  params?: Record<string, unknown>
}

/** `/body/phone` or `body` + missing property 'phone' → `body.phone`: the field a person has to fix. */
function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean)
  const missing = issue.keyword === 'required' ? issue.params?.missingProperty : undefined
  if (typeof missing === 'string') path.push(missing)
  return [context ?? 'body', ...path].join('.')
}

function validationAnswer(error: FastifyError): ErrorBody {
  const issue: ValidationIssue = error.validation?.[0] ?? {}
  const field = fieldOf(issue, error.validationContext)
  return errorBody(
    'invalid_request',
    { zh: `请求参数不正确：${field}（${issue.message ?? '格式错误'}）`, en: `Invalid request: ${field} ${issue.message ?? 'is malformed'}` },
    { field, details: { rule: issue.keyword, ...issue.params } },
  )
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) keep their status with an id of ours. */
const fastifyClientErrors: Record<string, { id: string; text: Message }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { id: 'unsupported_media_type', text: { zh: '不支持的请求内容类型', en: 'Unsupported content type' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { id: 'empty_body', text: { zh: '请求体不能为空', en: 'The request body is empty' } },
  FST_ERR_CTP_INVALID_JSON_BODY: { id: 'malformed_json', text: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { id: 'body_too_large', text: { zh: '请求体过大', en: 'The request body is too large' } },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { id: 'bad_content_length', text: { zh: '请求长度不正确', en: 'Invalid content length' } },
}

/**
 * PostgreSQL's answers to two writers racing (a unique key taken meanwhile, a serialization
 * failure, a deadlock): the request lost a race and may be retried, so it is a 409, not a 500.
 */
const concurrencyCodes = new Set(['23505', '40001', '40P01'])

/** Maps every error to one JSON shape; nothing but a generic message leaves the server for a 5xx. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const { field, ...details } = error.details ?? {}
      const extra = { ...(typeof field === 'string' ? { field } : {}), ...(Object.keys(details).length > 0 ? { details } : {}) }
      return reply.status(statusOfKind[error.kind]).send(errorBody(error.id, error.text, extra))
    }
    if (error.validation) return reply.status(400).send(validationAnswer(error))
    const known = error.code ? fastifyClientErrors[error.code] : undefined
    const status = error.statusCode ?? 500
    if (known) return reply.status(status >= 400 && status < 500 ? status : 400).send(errorBody(known.id, known.text))
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody('bad_request', { zh: '请求无法处理', en: 'The request could not be processed' }))
    }
    if (error.code && concurrencyCodes.has(error.code)) {
      request.log.warn({ err: error }, 'concurrent change')
      return reply.status(409).send(errorBody('concurrent_change', { zh: '数据已被他人同时修改，请刷新后重试', en: 'Someone changed this at the same time: reload and try again' }))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(errorBody('internal_error', { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' }))
  })
}

export const routeNotFound = errorBody('route_not_found', { zh: '接口不存在', en: 'No such API route' })
