import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'

/** The fields of each document, as the GeoReport v2 specification and Service Discovery name them. */
const spec = {
  discovery: ['changeset', 'contact', 'endpoints', 'key_service'],
  endpoint: ['changeset', 'formats', 'specification', 'type', 'url'],
  service: ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'],
  definition: ['attributes', 'service_code'],
  attribute: ['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'values', 'variable'],
  value: ['key', 'name'],
  receipt: ['account_id', 'service_notice', 'service_request_id'],
  request: [
    'address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime',
    'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode',
  ],
  token: ['service_request_id', 'token'],
  error: ['code', 'description'],
}

const keys = (o: object) => Object.keys(o).sort()

// Repeated elements always as lists, text always as text: the element names are what is checked.
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (_name, path) => ['services.service', 'service_requests.request', 'errors.error', 'service_definition.attributes.attribute', 'service_definition.attributes.attribute.values.value', 'discovery.endpoints.endpoint', 'discovery.endpoints.endpoint.formats.format'].includes(String(path)),
})

let t: TestApp
let supervisor: string
let apiKey: string

const base = '/open311/v2'
const foodComplaint = {
  jurisdiction_id: '320102',
  service_code: 'market.food_safety',
  'attribute[appeal_type]': 'complaint',
  description: '中山路一家快餐店售卖过期食品，吃了以后肚子疼，要求处理。',
  address_string: '中山路100号',
  lat: '32.0433',
  long: '118.7889',
  first_name: '三',
  last_name: '张',
  phone: '13812345678',
  email: 'zhangsan@example.com',
  device_id: 'device-0001',
  account_id: 'acct-42',
  media_url: 'https://img.example.com/1.jpg',
}

async function post(format: 'json' | 'xml', fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `${base}/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, payload: new URLSearchParams(fields).toString() })
}

/** The sample request with the client's key and any field changed. */
const filing = (changes: Record<string, string> = {}) => ({ ...foodComplaint, api_key: apiKey, ...changes })

const get = (url: string) => t.app.inject({ method: 'GET', url: `${base}${url}` })
const staff = (method: 'GET' | 'POST', url: string, payload?: object, cookie = supervisor) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
const appeals = async () => Number((await t.deps.db.selectFrom('hotline.appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

beforeAll(async () => {
  t = await createTestApp()
  supervisor = await t.login('supervisor')
  const registered = await staff('POST', '/api/hotline/open311/clients', { name: '南京随手拍', regionScopes: ['3201'] })
  expect(registered.statusCode, registered.body).toBe(201)
  apiKey = registered.json().apiKey
})
afterAll(() => t.close())

describe('Open311 clients, registered by the hotline supervisors', () => {
  it('shows a new key once, keeps only its digest, and audits the registration', async () => {
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{40,}$/)
    const listed = (await staff('GET', '/api/hotline/open311/clients')).json()
    expect(listed).toEqual([expect.objectContaining({ name: '南京随手拍', regionCode: '3201', regionScopes: ['3201'], status: 'active', createdBy: 'supervisor' })])
    expect(JSON.stringify(listed)).not.toContain(apiKey)
    const stored = await t.deps.db.selectFrom('hotline.open311Client').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(apiKey.slice(5))
    const audit = await t.deps.db.selectFrom('platform.auditLog').select(['action', 'actorName', 'detail']).where('targetId', '=', stored.id).execute()
    expect(audit).toEqual([expect.objectContaining({ action: 'hotline.open311_client.register', actorName: 'supervisor' })])
    expect(JSON.stringify(audit)).not.toContain(apiKey.slice(5))
  })

  it('lets a supervisor scope a client only within the region the supervisor oversees', async () => {
    expect((await staff('POST', '/api/hotline/open311/clients', { name: '全省通', regionScopes: ['32'] })).statusCode).toBe(403)
    expect((await staff('POST', '/api/hotline/open311/clients', { name: '外省', regionScopes: ['110101'] })).json().error.id).toBe('open311_scope_invalid')
    expect((await staff('POST', '/api/hotline/open311/clients', { name: '南京随手拍', regionScopes: ['320102'] })).json().error.id).toBe('open311_client_name_taken')
    const agent = await t.login('agent')
    expect((await staff('POST', '/api/hotline/open311/clients', { name: '话务员', regionScopes: ['3201'] }, agent)).statusCode).toBe(403)
    expect((await staff('POST', '/api/hotline/open311/clients', { name: '重试', regionScopes: ['3201'] }, supervisor)).statusCode).toBe(201)
  })
})

describe('Open311 GeoReport v2', () => {
  it('describes itself through service discovery, in JSON and XML', async () => {
    const json = await get('/discovery.json')
    expect(json.statusCode).toBe(200)
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8')
    const discovery = json.json()
    expect(keys(discovery)).toEqual(spec.discovery)
    expect(discovery.endpoints).toHaveLength(1)
    expect(keys(discovery.endpoints[0])).toEqual(spec.endpoint)
    expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', formats: ['text/xml', 'application/json'] })

    const answer = await get('/discovery.xml')
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8')
    expect(answer.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    const doc = xml.parse(answer.body).discovery
    expect(keys(doc)).toEqual(spec.discovery)
    expect(keys(doc.endpoints.endpoint[0])).toEqual(spec.endpoint)
    expect(doc.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json'])
  })

  it('lists the hotline categories as services, each with exactly the specification’s fields', async () => {
    const services = (await get('/services.json?jurisdiction_id=320102')).json()
    expect(services.length).toBeGreaterThan(20)
    for (const service of services) expect(keys(service)).toEqual(spec.service)
    expect(services).toContainEqual({ service_code: 'market.food_safety', service_name: '食品安全', description: expect.stringContaining('12345'), metadata: true, type: 'realtime', keywords: '过期,变质,食物中毒,卫生,外卖', group: expect.any(String) })
    expect(services.map((s: { service_code: string }) => s.service_code)).toContain('enterprise.policy')

    const doc = xml.parse((await get('/services.xml')).body)
    expect(Object.keys(doc)).toEqual(['?xml', 'services'])
    expect(doc.services.service).toHaveLength(services.length)
    for (const service of doc.services.service) expect(keys(service)).toEqual(spec.service)

    const unknown = await get('/services.json?jurisdiction_id=110101')
    expect([unknown.statusCode, keys(unknown.json()[0])]).toEqual([404, spec.error])
  })

  it('defines a service’s attributes: the appeal type, required, from a list', async () => {
    const definition = (await get('/services/market.food_safety.json')).json()
    expect(keys(definition)).toEqual(spec.definition)
    expect(definition.service_code).toBe('market.food_safety')
    for (const attribute of definition.attributes) expect(keys(attribute)).toEqual(spec.attribute)
    const type = definition.attributes.find((a: { code: string }) => a.code === 'appeal_type')
    expect(type).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 1 })
    expect(type.values).toEqual([
      { key: 'inquiry', name: '咨询' },
      { key: 'help', name: '求助' },
      { key: 'complaint', name: '投诉' },
      { key: 'report', name: '举报' },
      { key: 'suggestion', name: '建议' },
      { key: 'praise', name: '表扬' },
    ])

    const doc = xml.parse((await get('/services/market.food_safety.xml')).body).service_definition
    expect(keys(doc)).toEqual(spec.definition)
    const attribute = doc.attributes.attribute[0]
    expect(keys(attribute)).toEqual(spec.attribute)
    expect(keys(attribute.values.value[0])).toEqual(spec.value)
    expect(attribute.values.value.map((v: { key: string }) => v.key)).toEqual(['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise'])

    const missing = await get('/services/no.such.xml')
    expect(missing.statusCode).toBe(404)
    const error = xml.parse(missing.body).errors.error[0]
    expect(keys(error)).toEqual(spec.error)
    expect(error.code).toBe('404')
  })

  it('files a form-encoded request and reads it back in JSON and in XML, with no personal data', async () => {
    const filed = await post('json', filing())
    expect(filed.statusCode, filed.body).toBe(200)
    const [receipt] = filed.json()
    expect(keys(receipt)).toEqual(spec.receipt)
    expect(receipt).toEqual({ service_request_id: expect.stringMatching(/^\d{13}$/), service_notice: expect.stringContaining('13个工作日'), account_id: 'acct-42' })
    const id: string = receipt.service_request_id

    const [request] = (await get(`/requests/${id}.json?jurisdiction_id=3201`)).json()
    expect(keys(request)).toEqual(spec.request)
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'market.food_safety',
      service_name: '食品安全',
      description: foodComplaint.description,
      agency_responsible: '玄武区市场监督管理局',
      requested_datetime: '2026-03-02T10:00:00+08:00',
      expected_datetime: expect.stringMatching(/^2026-03-\d\dT23:59:59\+08:00$/),
      address: '中山路100号, 江苏省南京市玄武区',
      address_id: null,
      zipcode: null,
      lat: 32.0433,
      long: 118.7889,
      media_url: 'https://img.example.com/1.jpg',
    })

    const answer = await get(`/requests/${id}.xml`)
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8')
    const doc = xml.parse(answer.body)
    expect(Object.keys(doc)).toEqual(['?xml', 'service_requests'])
    const [element] = doc.service_requests.request
    expect(keys(element)).toEqual(spec.request)
    expect(element).toMatchObject({ service_request_id: id, status: 'open', service_code: 'market.food_safety', lat: '32.0433', address_id: '' })

    const listed = (await get('/requests.json?service_code=market.food_safety,urban.roads&status=open&jurisdiction_id=320102')).json()
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id)
    for (const r of listed) expect(keys(r)).toEqual(spec.request)
    expect((await get('/requests.json?status=closed')).json()).toEqual([])
    expect((await get('/requests.json?jurisdiction_id=3202')).json()).toEqual([])
    const byId = xml.parse((await get(`/requests.xml?service_request_id=${id},999&status=closed`)).body)
    expect(byId.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id])

    const everything = [JSON.stringify(listed), answer.body, (await get('/requests.json')).body]
    for (const published of everything) for (const personal of ['张三', '13812345678', '138****5678', 'zhangsan@example.com', 'device-0001', 'acct-42']) expect(published).not.toContain(personal)
  })

  it('files the appeal in the hotline on the open311 channel, in the client’s name', async () => {
    const filed = await post('xml', filing({ phone: '025-84123456', account_id: '' }))
    const [receipt] = xml.parse(filed.body).service_requests.request
    expect(keys(receipt)).toEqual(spec.receipt)
    expect(receipt.account_id).toBe('')
    const appeal = await t.deps.db.selectFrom('hotline.appeal').selectAll().where('number', '=', receipt.service_request_id).executeTakeFirstOrThrow()
    expect(appeal).toMatchObject({ channel: 'open311', line: '12345', type: 'complaint', categoryKey: 'market.food_safety', regionCode: '320102', location: '中山路100号', confidential: false })
    expect(t.deps.pii.decrypt(appeal.appellantNameCipher!)).toBe('张三')
    expect(t.deps.pii.decrypt(appeal.appellantPhoneCipher!)).toBe('025-84123456')
    const seen = (await staff('GET', `/api/hotline/appeals/${appeal.id}`)).json()
    expect(seen).toMatchObject({ channel: 'open311', state: 'handling', orgName: '玄武区市场监督管理局', appellant: { name: '张*' } })
    expect(seen.timeline[0]).toMatchObject({ transition: 'open', actor: 'system:open311:南京随手拍' })
    const link = await t.deps.db.selectFrom('hotline.open311Request as r').innerJoin('hotline.open311Client as c', 'c.id', 'r.clientId').select(['c.name', 'r.mediaUrl']).where('r.appealId', '=', appeal.id).executeTakeFirstOrThrow()
    expect(link).toEqual({ name: '南京随手拍', mediaUrl: 'https://img.example.com/1.jpg' })
  })

  it('moves updated_datetime with every change of the appeal, a return as much as a reply', async () => {
    const number = (await post('json', filing())).json()[0].service_request_id
    const read = async () => (await get(`/requests/${number}.json`)).json()[0]
    const filed = await read()
    expect(filed.updated_datetime).toBe(filed.requested_datetime)
    // Ten minutes on: less than the sessions' idle limit, which the other tests' sign-ins share.
    t.clock.advance(600_000)
    const appeal = await t.deps.db.selectFrom('hotline.appeal').select(['id', 'caseVersion']).where('number', '=', number).executeTakeFirstOrThrow()
    const returned = await staff('POST', `/api/hotline/appeals/${appeal.id}/actions`, { transition: 'return', expectedVersion: appeal.caseVersion, fields: { reason: '不属于本部门职责' } }, await t.login('xuanwu.handler'))
    expect(returned.statusCode, returned.body).toBe(200)
    const after = await read()
    expect(Date.parse(after.updated_datetime) - Date.parse(filed.updated_datetime)).toBe(600_000)
    expect(after.requested_datetime).toBe(filed.requested_datetime)
  })

  it('answers the request id for a token, as the specification has it', async () => {
    const [{ service_request_id }] = (await post('json', filing())).json()
    const { id } = await t.deps.db.selectFrom('hotline.appeal').select('id').where('number', '=', service_request_id).executeTakeFirstOrThrow()
    const tokens = (await get(`/tokens/${id}.json`)).json()
    expect(tokens).toEqual([{ service_request_id, token: id }])
    expect(keys(xml.parse((await get(`/tokens/${id}.xml`)).body).service_requests.request[0])).toEqual(spec.token)
    expect((await get('/tokens/12345.json')).statusCode).toBe(404)
  })

  it('refuses a missing, wrong or revoked api_key with 403 in the specification’s error shape', async () => {
    const before = await appeals()
    const denials = () => t.deps.db.selectFrom('platform.auditLog').select('seq').where('action', '=', 'access.denied').execute()
    const deniedBefore = (await denials()).length
    const missing = await post('json', filing({ api_key: '' }))
    expect(missing.statusCode).toBe(403)
    expect(missing.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }])
    const wrong = await post('xml', filing({ api_key: 'o311_not-a-real-key' }))
    expect(wrong.statusCode).toBe(403)
    expect(wrong.headers['content-type']).toBe('text/xml; charset=utf-8')
    expect(xml.parse(wrong.body).errors.error).toEqual([{ code: '403', description: expect.stringContaining("Invalid api_key received -- can't proceed with create_request.") }])
    // Anyone may send a wrong key: it must not be a way to write to the audit chain.
    expect(await denials()).toHaveLength(deniedBefore)

    const spare = (await staff('POST', '/api/hotline/open311/clients', { name: '临时接入', regionScopes: ['320102'] })).json()
    expect((await post('json', filing({ api_key: spare.apiKey }))).statusCode).toBe(200)
    const revoked = await staff('POST', `/api/hotline/open311/clients/${spare.id}/revoke`)
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) })
    expect((await staff('POST', `/api/hotline/open311/clients/${spare.id}/revoke`)).json().error.id).toBe('open311_client_already_revoked')
    const refused = await post('json', filing({ api_key: spare.apiKey }))
    expect([refused.statusCode, refused.json()[0].code]).toEqual([403, 403])
    expect(await appeals()).toBe(before + 1)
    const audit = await t.deps.db.selectFrom('platform.auditLog').select('action').where('targetId', '=', spare.id).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['hotline.open311_client.register', 'hotline.open311_client.revoke'])
  })

  it('refuses a jurisdiction outside the key’s regions with 403 and one it does not know with 404', async () => {
    const outside = await post('json', filing({ jurisdiction_id: '320205' }))
    expect(outside.statusCode).toBe(403)
    const unknown = await post('json', filing({ jurisdiction_id: 'city.gov' }))
    expect([unknown.statusCode, unknown.json()[0].description]).toEqual([404, expect.stringContaining('jurisdiction_id')])
  })

  it('answers an unknown service with 404 and bad input with 400 error lists, filing nothing and leaking no stack trace', async () => {
    const before = await appeals()
    const withKey = filing()
    const unknown = await post('json', { ...withKey, service_code: 'no.such' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code') }])

    const phone = await post('json', { ...withKey, phone: '12345' })
    expect(phone.statusCode).toBe(400)
    expect(phone.json()).toEqual([{ code: 400, description: expect.stringContaining('电话号码格式不正确') }])

    const sparse = await post('xml', { api_key: apiKey, service_code: 'market.food_safety', lat: '32.05', description: '路灯不亮' })
    expect(sparse.statusCode).toBe(400)
    const errors: { code: string; description: string }[] = xml.parse(sparse.body).errors.error
    expect(errors.map((e) => e.code)).toEqual(['400', '400', '400'])
    expect(errors.map((e) => e.description)).toEqual([expect.stringContaining('jurisdiction_id was not provided'), expect.stringContaining('attribute[appeal_type] is required'), expect.stringContaining('lat and long must both be sent')])

    for (const [fields, status] of [
      [{ ...withKey, lat: 'north', long: '118' }, 400],
      [{ ...withKey, lat: '91' }, 400],
      [{ ...withKey, description: '   ' }, 400],
      [{ ...withKey, description: '长'.repeat(4001) }, 400],
      [{ ...withKey, 'attribute[appeal_type]': 'rant' }, 400],
      [{ ...withKey, media_url: 'javascript:alert(1)' }, 400],
      [{ ...withKey, jurisdiction_id: '32' }, 400],
      [{ ...withKey, description: 'bad\u0001text' }, 400],
    ] as const) {
      const answer = await post('json', fields)
      expect([answer.statusCode, keys(answer.json()[0])], answer.body).toEqual([status, spec.error])
      expect(answer.body).not.toMatch(/at .*\.(ts|js):\d+/)
    }
    const malformed = await t.app.inject({ method: 'POST', url: `${base}/requests.json`, headers: { 'content-type': 'application/json' }, payload: '{"api_key": ' })
    expect([malformed.statusCode, keys(malformed.json()[0])]).toEqual([400, spec.error])
    const otherType = await t.app.inject({ method: 'POST', url: `${base}/requests.xml`, headers: { 'content-type': 'text/csv' }, payload: 'a,b' })
    expect([otherType.statusCode, Object.keys(xml.parse(otherType.body))]).toEqual([400, ['?xml', 'errors']])
    expect((await get('/services.csv')).statusCode).toBe(400)
    expect((await get('/nothing.json')).json()).toEqual([{ code: 404, description: expect.any(String) }])
    expect((await t.app.inject({ method: 'DELETE', url: `${base}/requests.json` })).json()).toEqual([{ code: 404, description: expect.any(String) }])
    expect(await appeals()).toBe(before)
  })

  it('takes JSON too, with the attributes as an object', async () => {
    const { 'attribute[appeal_type]': _, ...fields } = foodComplaint
    const answer = await t.app.inject({ method: 'POST', url: `${base}/requests.json`, payload: { ...fields, api_key: apiKey, lat: 32.0433, long: 118.7889, attribute: { appeal_type: 'suggestion', confidential: 'true' } } })
    expect(answer.statusCode, answer.body).toBe(200)
    const [request] = (await get(`/requests/${answer.json()[0].service_request_id}.json`)).json()
    // A confidential request is published without its text and place, only its region.
    expect(request).toMatchObject({ description: null, lat: null, long: null, media_url: null, address: '江苏省南京市玄武区', service_notice: expect.stringContaining('建议') })
  })

  it('replays a retried POST with the same Idempotency-Key in the format asked, filing once', async () => {
    const before = await appeals()
    const first = await post('xml', filing(), { 'idempotency-key': 'open311-retry-0001' })
    const again = await post('xml', filing(), { 'idempotency-key': 'open311-retry-0001' })
    expect(first.statusCode).toBe(200)
    expect([again.statusCode, again.headers['idempotent-replayed'], again.headers['content-type']]).toEqual([200, 'true', 'text/xml; charset=utf-8'])
    expect(again.body).toBe(first.body)
    expect(await appeals()).toBe(before + 1)
    const reused = await post('json', filing({ description: '另一件事' }), { 'idempotency-key': 'open311-retry-0001' })
    expect([reused.statusCode, keys(reused.json()[0])]).toEqual([422, spec.error])
  })

  it('keeps each client’s Idempotency-Keys its own: two clients choosing the same key each file', async () => {
    const other = (await staff('POST', '/api/hotline/open311/clients', { name: '玄武随手拍', regionScopes: ['320102'] })).json().apiKey as string
    const before = await appeals()
    const mine = await post('json', filing(), { 'idempotency-key': 'shared-key-0001' })
    const theirs = await post('json', filing({ api_key: other, description: '另一个接入方的诉求：路灯不亮' }), { 'idempotency-key': 'shared-key-0001' })
    expect([mine.statusCode, theirs.statusCode]).toEqual([200, 200])
    expect(theirs.headers['idempotent-replayed']).toBeUndefined()
    expect(theirs.json()[0].service_request_id).not.toBe(mine.json()[0].service_request_id)
    expect(await appeals()).toBe(before + 2)
  })

  it('is described in the OpenAPI document under the open311 tag', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const paths = Object.keys(openapi.paths).filter((p) => p.startsWith('/open311/v2/'))
    expect(paths.sort()).toEqual(['/open311/v2/discovery.{format}', '/open311/v2/requests.{format}', '/open311/v2/requests/{file}', '/open311/v2/services.{format}', '/open311/v2/services/{file}', '/open311/v2/tokens/{file}'])
    expect(openapi.paths['/open311/v2/requests.{format}'].post.tags).toEqual(['open311'])
    expect(openapi.paths['/api/hotline/open311/clients'].post.tags).toEqual(['open311'])
  })

  it('searches the most recent 90 days by default and refuses a wider or malformed range', async () => {
    const recent = (await get('/requests.json')).json()
    expect(recent.length).toBeGreaterThan(0)
    expect((await get('/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-03-01T00:00:00Z')).json()).toEqual([])
    expect((await get('/requests.json?start_date=2026-03-01T00:00:00%2B08:00&end_date=2026-03-03T00:00:00Z')).json()).toHaveLength(recent.length)
    expect((await get('/requests.json?start_date=2026-03-01T00:00:00%2B08:00')).json()).toHaveLength(recent.length)
    expect((await get('/requests.json?start_date=&status=')).json()).toHaveLength(recent.length)
    const wide = await get('/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z')
    expect([wide.statusCode, wide.json()[0].description]).toEqual([400, expect.stringContaining('90')])
    expect((await get('/requests.json?start_date=2026-03-01')).statusCode).toBe(400)
    expect((await get('/requests.json?status=pending')).statusCode).toBe(400)
    expect((await get('/requests/0000000000000.xml')).statusCode).toBe(404)
  })
})
