import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors'
import { clientFailure, formatOfUrl, formFields, platformErrorText, queryFields, render, requestFields, splitResource, w3Instant, type Open311Request } from './open311.format'

const parser = new XMLParser({ parseTagValue: false })

const request: Open311Request = {
  service_request_id: '2603020000001',
  status: 'open',
  status_notes: '办理中',
  service_name: '食品安全',
  service_code: 'market.food_safety',
  description: 'A & B <script>alert("x")</script>\nsecond line',
  agency_responsible: null,
  service_notice: null,
  requested_datetime: '2026-03-02T10:00:00+08:00',
  updated_datetime: '2026-03-02T10:00:00+08:00',
  expected_datetime: null,
  address: null,
  address_id: null,
  zipcode: null,
  lat: 32.0433,
  long: 118.7889,
  media_url: null,
}

describe('Open311 documents', () => {
  it('writes XML with the UTF-8 declaration, the specification’s element names and every field, empty ones as empty elements', () => {
    const text = render('xml', { kind: 'requests', requests: [request] })
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>')).toBe(true)
    expect(text).toContain('<address_id/>')
    const element = parser.parse(text).service_requests.request
    expect(Object.keys(element)).toEqual(Object.keys(request))
    expect(element.description).toBe(request.description)
    expect(text).not.toContain('<script>')
  })

  it('maps JSON from the XML by the Spark convention: lists where the XML repeats an element', () => {
    expect(JSON.parse(render('json', { kind: 'requests', requests: [request] }))).toEqual([request])
    const definition = { service_code: 'x', attributes: [{ variable: true, code: 'appeal_type', datatype: 'singlevaluelist' as const, required: true, datatype_description: null, order: 1, description: 'd', values: [{ key: 'a', name: 'A' }] }] }
    expect(JSON.parse(render('json', { kind: 'service_definition', definition }))).toEqual(definition)
    const xml = parser.parse(render('xml', { kind: 'service_definition', definition })).service_definition
    expect(xml.attributes.attribute.values.value).toEqual({ key: 'a', name: 'A' })
  })

  it('answers an empty list with an empty container', () => {
    expect(render('xml', { kind: 'services', services: [] })).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services/>\n')
    expect(render('json', { kind: 'services', services: [] })).toBe('[]')
  })

  it('writes errors as <errors><error><code>…<description>…', () => {
    const text = render('xml', { kind: 'errors', errors: [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }] })
    expect(parser.parse(text).errors.error).toEqual({ code: '403', description: "Invalid api_key received -- can't proceed with create_request." })
  })

  it('drops characters that XML cannot carry even escaped', () => {
    const text = render('xml', { kind: 'requests', requests: [{ ...request, description: 'a\u0000b\u0007c\uD800d' }] })
    expect(parser.parse(text).service_requests.request.description).toBe('abcd')
  })

  it('writes instants in China Standard Time', () => {
    expect(w3Instant(new Date('2026-03-02T17:30:05.123Z'))).toBe('2026-03-03T01:30:05+08:00')
  })
})

describe('what arrives', () => {
  it('reads a form, repeated fields as lists, and keeps a field named __proto__ a plain field', () => {
    const fields = formFields('api_key=k&description=A+large+sinkhole&attribute[WHISPAWN]=123456&attribute[multi][]=1&attribute[multi][]=2&__proto__=x')
    expect(fields).toEqual({ api_key: 'k', description: 'A large sinkhole', 'attribute[WHISPAWN]': '123456', 'attribute[multi]': ['1', '2'], ['__proto__']: 'x' })
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype)
  })

  it('gathers attribute[code] fields and drops empty ones, which the specification treats as not sent', () => {
    expect(requestFields({ lat: '', long: '118', 'attribute[appeal_type]': 'complaint', 'attribute[confidential]': '', attribute: { extra: 'x' } })).toEqual({ long: '118', attribute: { extra: 'x', appeal_type: 'complaint' } })
    expect(requestFields({ api_key: 'k' })).toEqual({ api_key: 'k' })
    expect(queryFields({ status: ['open', 'closed'], start_date: '', jurisdiction_id: '3201' })).toEqual({ status: 'open,closed', jurisdiction_id: '3201' })
  })

  it('reads the format and the id from a path, an id with dots included', () => {
    expect(splitResource('market.food_safety.json')).toEqual({ id: 'market.food_safety', format: 'json' })
    expect(splitResource('2603020000001.xml')).toEqual({ id: '2603020000001', format: 'xml' })
    expect(splitResource('x.csv')).toBeNull()
    expect(formatOfUrl('/open311/v2/requests.json?status=open')).toBe('json')
    expect(formatOfUrl('/open311/v2/nothing')).toBe('xml')
  })
})

describe('failures as the specification has them', () => {
  it('maps a missing key to 403, what does not exist to 404 and any other bad input to 400', () => {
    expect(clientFailure(new AppError('forbidden', 'api_key_invalid', { zh: '无效', en: 'invalid' }))).toEqual({ status: 403, errors: [{ code: 403, description: '无效 / invalid' }] })
    expect(clientFailure(new AppError('unauthenticated', 'api_key_missing', { zh: '缺少', en: 'missing' }))?.status).toBe(403)
    expect(clientFailure(new AppError('not_found', 'service_code_not_found', { zh: '无', en: 'none' }))?.status).toBe(404)
    expect(clientFailure(new AppError('invalid', 'category_unknown', { zh: '无', en: 'none' }))?.status).toBe(404)
    expect(clientFailure(new AppError('invalid', 'phone_invalid', { zh: '电话', en: 'phone' }))?.status).toBe(400)
    expect(clientFailure(new AppError('conflict', 'case_stale_version', { zh: '冲突', en: 'conflict' }))?.status).toBe(400)
  })

  it('lists every problem one error carries', () => {
    const error = new AppError('invalid', 'jurisdiction_id_missing', { zh: '一', en: 'one' }, { problems: [{ zh: '一', en: 'one' }, { zh: '二', en: 'two' }] })
    expect(clientFailure(error)?.errors).toEqual([{ code: 400, description: '一 / one' }, { code: 400, description: '二 / two' }])
  })

  it('leaves a failure of ours to be answered as a 5xx', () => {
    expect(clientFailure(new Error('connection refused'))).toBeNull()
    expect(clientFailure(new AppError('unavailable', 'database_down', { zh: '不可用', en: 'unavailable' }))).toBeNull()
  })

  it('recognises an error answered in the platform’s own shape', () => {
    expect(platformErrorText(JSON.stringify({ error: { id: 'idempotency_key_reused', zh: '已用', en: 'reused' } }))).toEqual({ id: 'idempotency_key_reused', zh: '已用', en: 'reused' })
    expect(platformErrorText('[{"code":400,"description":"x"}]')).toBeNull()
    expect(platformErrorText('<errors/>')).toBeNull()
  })
})
