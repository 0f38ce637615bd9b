import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../app'
import { createTestApp, type TestApp } from '../../../../test/app'

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await createTestApp()
  cookie = await t.login('sysadmin')
})
afterAll(() => t.close())

describe('errors', () => {
  it('answers an unknown API route with a JSON 404 and a stable id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { id: 'route_not_found', zh: '接口不存在', en: 'No such API route' } })
  })

  it('names the field of a validation failure in Chinese and English', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { regionCode: '32', name: '某局', kind: 'ministry' } })
    expect(response.statusCode).toBe(400)
    const error = response.json().error
    expect(error.id).toBe('invalid_request')
    expect(error.field).toBe('body.kind')
    expect(error.zh).toContain('body.kind')
    expect(error.en).toContain('body.kind')
  })

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie, 'content-type': 'application/json' }, payload: '{"name": ' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.id).toBe('malformed_json')
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('answers a region that does not exist with 404 region_not_found', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/regions/329999', headers: { cookie } })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.id).toBe('region_not_found')
  })

  it('answers a duplicate department name with 409', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { regionCode: '32', name: '江苏省公安厅', kind: 'department' } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.id).toBe('org_name_taken')
  })
})

describe('OpenAPI', () => {
  it('describes every API route from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const spec = response.json()
    expect(spec.openapi).toBe('3.1.0')
    for (const path of ['/api/auth/login', '/api/regions', '/api/orgs', '/api/staff', '/api/audit']) expect(Object.keys(spec.paths)).toContain(path)
    expect(spec.paths['/api/orgs'].post.requestBody).toBeDefined()
  })

  it('serves a browsable API page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('swagger')
  })
})

describe('regions', () => {
  it('lists the children of a region lazily and finds regions by name or code', async () => {
    const cities = (await t.app.inject({ method: 'GET', url: '/api/regions?parent=32', headers: { cookie } })).json()
    expect(cities).toHaveLength(13)
    expect(cities[0]).toMatchObject({ code: '3201', name: '南京市', hasChildren: true })
    const byName = (await t.app.inject({ method: 'GET', url: `/api/regions/search?q=${encodeURIComponent('玄武')}`, headers: { cookie } })).json()
    expect(byName[0]).toMatchObject({ code: '320102', fullName: '江苏省南京市玄武区' })
    const byCode = (await t.app.inject({ method: 'GET', url: '/api/regions/search?q=320322', headers: { cookie } })).json()
    expect(byCode[0].name).toBe('沛县')
    const detail = (await t.app.inject({ method: 'GET', url: '/api/regions/320102', headers: { cookie } })).json()
    expect(detail.ancestors.map((a: { code: string }) => a.code)).toEqual(['32', '3201'])
  })
})

describe('working-day calendar', () => {
  it('computes a deadline across the 2025 National Day holiday and its make-up Saturday', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2025-09-30&workingDays=3', headers: { cookie } })
    expect(response.json().due).toBe('2025-10-11')
  })

  it('applies an administrator override to later deadlines', async () => {
    const set = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-01-04', headers: { cookie }, payload: { workday: false, note: '示例调整' } })
    expect(set.statusCode).toBe(200)
    const response = await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2027-01-01&workingDays=1', headers: { cookie } })
    expect(response.json().due).toBe('2027-01-05')
  })
})

describe('the web app', () => {
  let web: App
  let root: string
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'yiwang-web-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>一网</title>')
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    web = await buildApp({ ...t.deps, logger: false, webRoot: root })
  })
  afterAll(async () => {
    await web.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves its files to anonymous visitors and its client-side routes as index.html', async () => {
    expect((await web.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200)
    for (const url of ['/', '/workbench/staff', '/login']) {
      const page = await web.inject({ method: 'GET', url })
      expect({ url, status: page.statusCode, html: page.body.includes('<title>一网</title>') }).toEqual({ url, status: 200, html: true })
    }
  })

  it('still answers unknown API routes with JSON', async () => {
    const response = await web.inject({ method: 'GET', url: '/api/nothing' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.id).toBe('route_not_found')
  })
})
