import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('GET /api/meta', () => {
  it('names the home province to anyone, signed in or not', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/meta' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ province: { code: '32', name: '江苏省', shortName: '江苏', nameEn: 'Jiangsu' } })
  })

  it('is listed as a public route', () => {
    expect(t.app.routeList).toContainEqual({ method: 'GET', url: '/api/meta', permission: undefined, public: true })
  })
})
