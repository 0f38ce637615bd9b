import { XMLBuilder } from 'fast-xml-parser'
import type { FastifyError } from 'fastify'
import { Type, type Static } from 'typebox'
import { AppError, statusOfKind, type Message } from '../../platform/errors'
import { Nullable } from '../../platform/http/schemas'

/**
 * The documents of Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2, Service_Discovery) with
 * exactly the fields the specification names, and their two renderings: XML, the required format,
 * and JSON, its Spark-convention mapping (a repeated element's container becomes an array).
 */


export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2'

export const Open311Service = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean({ description: 'true: GET services/{service_code} for the attributes to send' }),
  type: Type.Union([Type.Literal('realtime'), Type.Literal('batch'), Type.Literal('blackbox')]),
  keywords: Type.String({ description: 'comma separated' }),
  group: Type.String(),
})
export type Open311Service = Static<typeof Open311Service>

const AttributeValue = Type.Object({ key: Type.String(), name: Type.String() })

export const Open311Attribute = Type.Object({
  variable: Type.Boolean(),
  code: Type.String(),
  datatype: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('datetime'), Type.Literal('text'), Type.Literal('singlevaluelist'), Type.Literal('multivaluelist')]),
  required: Type.Boolean(),
  datatype_description: Nullable(Type.String()),
  order: Type.Integer({ minimum: 1 }),
  description: Type.String(),
  values: Type.Array(AttributeValue),
})
export type Open311Attribute = Static<typeof Open311Attribute>

export const Open311ServiceDefinition = Type.Object({ service_code: Type.String(), attributes: Type.Array(Open311Attribute) })
export type Open311ServiceDefinition = Static<typeof Open311ServiceDefinition>

/** A service request as GET requests shows it: never who filed it. */
export const Open311Request = Type.Object({
  service_request_id: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: Nullable(Type.String()),
  service_name: Nullable(Type.String()),
  service_code: Nullable(Type.String()),
  description: Nullable(Type.String()),
  agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Nullable(Type.String()),
  address: Nullable(Type.String()),
  address_id: Nullable(Type.String()),
  zipcode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  media_url: Nullable(Type.String()),
})
export type Open311Request = Static<typeof Open311Request>

/** The answer to POST requests: realtime, so the id at once and never a token. */
export const Open311Receipt = Type.Object({ service_request_id: Type.String(), service_notice: Nullable(Type.String()), account_id: Nullable(Type.String()) })
export type Open311Receipt = Static<typeof Open311Receipt>

export const Open311Token = Type.Object({ service_request_id: Type.String(), token: Type.String() })
export type Open311Token = Static<typeof Open311Token>

const Endpoint = Type.Object({
  specification: Type.String(),
  url: Type.String(),
  changeset: Type.String(),
  type: Type.Union([Type.Literal('production'), Type.Literal('test')]),
  formats: Type.Array(Type.String()),
})

export const Open311Discovery = Type.Object({ changeset: Type.String(), contact: Type.String(), key_service: Type.String(), endpoints: Type.Array(Endpoint) })
export type Open311Discovery = Static<typeof Open311Discovery>

/** `code` is the HTTP status, as the specification's examples give it. */
export const Open311Error = Type.Object({ code: Type.Integer(), description: Type.String() })
export type Open311Error = Static<typeof Open311Error>

export type Format = 'json' | 'xml'
export const FormatSchema = Type.Union([Type.Literal('json'), Type.Literal('xml')], { description: 'xml (required by the specification) or json' })

/** One document of the API, by what it holds. */
export type Open311Document =
  | { kind: 'discovery'; discovery: Open311Discovery }
  | { kind: 'services'; services: readonly Open311Service[] }
  | { kind: 'service_definition'; definition: Open311ServiceDefinition }
  | { kind: 'requests'; requests: readonly Open311Request[] }
  | { kind: 'receipts'; receipts: readonly Open311Receipt[] }
  | { kind: 'tokens'; tokens: readonly Open311Token[] }
  | { kind: 'errors'; errors: readonly Open311Error[] }

export const contentTypes: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' }

function jsonOf(document: Open311Document): unknown {
  switch (document.kind) {
    case 'discovery':
      return document.discovery
    case 'services':
      return document.services
    case 'service_definition':
      return document.definition
    case 'requests':
      return document.requests
    case 'receipts':
      return document.receipts
    case 'tokens':
      return document.tokens
    case 'errors':
      return document.errors
  }
}

/** The XML tree: each array of the JSON sits in a container element of repeated children. */
function xmlTreeOf(document: Open311Document): Record<string, unknown> {
  switch (document.kind) {
    case 'discovery': {
      const { endpoints, ...fields } = document.discovery
      return { discovery: { ...fields, endpoints: { endpoint: endpoints.map(({ formats, ...endpoint }) => ({ ...endpoint, formats: { format: formats } })) } } }
    }
    case 'services':
      return { services: { service: document.services } }
    case 'service_definition': {
      const { service_code, attributes } = document.definition
      return { service_definition: { service_code, attributes: { attribute: attributes.map(({ values, ...attribute }) => ({ ...attribute, values: { value: values } })) } } }
    }
    case 'requests':
      return { service_requests: { request: document.requests } }
    case 'receipts':
      return { service_requests: { request: document.receipts } }
    case 'tokens':
      return { service_requests: { request: document.tokens } }
    case 'errors':
      return { errors: { error: document.errors } }
  }
}

// Empty and null fields become <field/>, which the specification's own examples use (<account_id/>).
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true })

// Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone surrogates).
const notXmlChars = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** The document as the client asked for it; XML starts with the UTF-8 declaration the specification requires. */
export function render(format: Format, document: Open311Document): string {
  if (format === 'json') return JSON.stringify(jsonOf(document))
  const body = String(builder.build(xmlTreeOf(document))).replace(notXmlChars, '')
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`
}

/** The format a URL asks for by its suffix; XML, the required format, when it names none. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? ''
  return path.endsWith('.json') ? 'json' : 'xml'
}

/** `market.food_safety.xml` → the service code and the format, splitting at the last dot (codes have dots). */
export function splitResource(file: string): { id: string; format: Format } | null {
  const dot = file.lastIndexOf('.')
  const suffix = file.slice(dot + 1)
  if (dot <= 0 || (suffix !== 'json' && suffix !== 'xml')) return null
  return { id: file.slice(0, dot), format: suffix }
}

/** An instant in the w3 subset of ISO 8601 with the offset of China Standard Time, which keeps no summer time. */
export function w3Instant(at: Date): string {
  const shanghai = new Date(at.getTime() + 8 * 60 * 60 * 1000)
  return `${shanghai.toISOString().slice(0, 19)}+08:00`
}

// ---------------------------------------------------------------------------------------------
// What arrives: form fields and query arguments
// ---------------------------------------------------------------------------------------------

/**
 * An application/x-www-form-urlencoded body as fields; a repeated field (attribute[code][]=…, as a
 * multivaluelist is sent) becomes a list. Built with fromEntries, so a field named __proto__ stays a field.
 */
export function formFields(text: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>()
  for (const [key, value] of new URLSearchParams(text)) {
    const listed = key.endsWith('[]')
    const name = listed ? key.slice(0, -2) : key
    const previous = fields.get(name)
    fields.set(name, previous === undefined ? (listed ? [value] : value) : [...(typeof previous === 'string' ? [previous] : previous), value])
  }
  return Object.fromEntries(fields)
}

const attributeField = /^attribute\[([^\]]+)\]$/

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A POST body (form or JSON) in one shape: attribute[code] fields gathered under `attribute`, and
 * empty fields dropped, since the specification treats an empty argument as one not sent.
 */
export function requestFields(body: unknown): unknown {
  if (!isRecord(body)) return body
  const fields: [string, unknown][] = []
  const attributes: [string, unknown][] = isRecord(body.attribute) ? Object.entries(body.attribute) : []
  for (const [key, value] of Object.entries(body)) {
    if (value === '' || value === null || key === 'attribute') continue
    const attribute = attributeField.exec(key)
    if (attribute?.[1] !== undefined) attributes.push([attribute[1], value])
    else fields.push([key, value])
  }
  const given = attributes.filter(([, value]) => value !== '' && value !== null)
  return Object.fromEntries(given.length > 0 ? [...fields, ['attribute', Object.fromEntries(given)]] : fields)
}

/** Query arguments with empty ones dropped and repeated ones comma delimited, as the specification lists them. */
export function queryFields(query: unknown): unknown {
  if (!isRecord(query)) return query
  const fields = Object.entries(query).map(([key, value]): [string, unknown] => [key, Array.isArray(value) ? value.filter((v) => v !== '').join(',') : value])
  return Object.fromEntries(fields.filter(([, value]) => value !== ''))
}

// ---------------------------------------------------------------------------------------------
// Errors, as the specification has them
// ---------------------------------------------------------------------------------------------

/** Our error ids that the specification counts as "not found" (404) though we call them invalid input. */
const notFoundIds = new Set(['category_unknown'])

const isMessage = (value: unknown): value is Message => isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string'

const described = (status: number, text: Message): Open311Error => ({ code: status, description: `${text.zh} / ${text.en}` })

/**
 * The status and error list for a failure the client caused: 403 for a missing or bad api_key
 * (and a jurisdiction outside the key's regions), 404 for what does not exist, 400 for anything
 * else. Null for a failure of ours, which stays a 5xx so that a retry is safe.
 */
export function clientFailure(error: unknown): { status: number; errors: Open311Error[] } | null {
  if (error instanceof AppError) {
    const kindStatus = statusOfKind[error.kind]
    const status = error.kind === 'forbidden' || error.kind === 'unauthenticated' ? 403 : error.kind === 'not_found' || notFoundIds.has(error.id) ? 404 : kindStatus >= 500 ? kindStatus : 400
    if (status >= 500) return null
    const listed = Array.isArray(error.details?.problems) ? error.details.problems.filter(isMessage) : []
    return { status, errors: (listed.length > 0 ? listed : [error.text]).map((text) => described(status, text)) }
  }
  if (!isFastifyError(error)) return null
  if (error.validation) return { status: 400, errors: [described(400, validationText(error))] }
  const status = error.statusCode ?? 500
  if (status >= 500) return null
  return { status: 400, errors: [described(400, { zh: `请求无法处理（${error.code}）`, en: `The request could not be processed (${error.code})` })] }
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error
}

function validationText(error: FastifyError): Message {
  const issue = error.validation?.[0]
  const path = (issue?.instancePath ?? '').split('/').filter(Boolean)
  const missing = issue?.keyword === 'required' ? issue.params.missingProperty : undefined
  if (typeof missing === 'string') path.push(missing)
  const [head, ...rest] = path
  const field = head === 'attribute' && rest.length > 0 ? `attribute[${rest.join('][')}]` : path.join('.') || (error.validationContext ?? 'request')
  return { zh: `参数 ${field} 不正确：${issue?.message ?? '格式错误'}`, en: `Invalid ${field}: ${issue?.message ?? 'malformed'}` }
}

/** The message of an error answered in the platform's own shape ({ error: { id, zh, en } }) by a hook outside this API. */
export function platformErrorText(payload: string): Message | null {
  try {
    const parsed: unknown = JSON.parse(payload)
    return isRecord(parsed) && isMessage(parsed.error) ? parsed.error : null
  } catch {
    return null
  }
}
