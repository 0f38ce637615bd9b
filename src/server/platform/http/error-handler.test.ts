import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { installErrorHandler } from './error-handler'

function databaseError(code: string): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "item_basic_code_key"'), { code })
}

describe('the error handler', () => {
  it('answers a lost race with PostgreSQL (unique key, serialization, deadlock) with 409, saying nothing of the database', async () => {
    const app = Fastify()
    installErrorHandler(app)
    app.get('/race/:code', async (request) => {
      throw databaseError((request.params as { code: string }).code)
    })
    for (const code of ['23505', '40001', '40P01']) {
      const response = await app.inject({ method: 'GET', url: `/race/${code}` })
      expect(response.statusCode).toBe(409)
      expect(response.json().error.id).toBe('concurrent_change')
      expect(response.body).not.toContain('constraint')
    }
    const other = await app.inject({ method: 'GET', url: '/race/42P01' })
    expect([other.statusCode, other.json().error.id]).toEqual([500, 'internal_error'])
    expect(other.body).not.toContain('constraint')
  })
})
