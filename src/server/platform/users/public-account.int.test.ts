import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { residentIdCheckDigit, usccCheckCharacter } from '../identity/identity-codes'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const idNumber = '32050219880808' + '571'
const validId = idNumber + residentIdCheckDigit(idNumber)
const wrongCheck = idNumber + (residentIdCheckDigit(idNumber) === '0' ? '1' : '0')

async function register(payload: Record<string, string>) {
  return t.app.inject({ method: 'POST', url: '/api/public/accounts/person', payload })
}

describe('natural persons', () => {
  it('refuses an ID number with a wrong check digit and stores nothing', async () => {
    const response = await register({ name: '钱五', idNumber: wrongCheck, phone: '13700001111', password: 'Strong-pass-77' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ id: 'id_number_invalid', field: 'idNumber' })
    expect(await t.deps.db.selectFrom('platform.publicAccount').select('id').where('name', '=', '钱五').execute()).toEqual([])
  })

  it('encrypts the ID number and phone at rest and masks them in answers', async () => {
    const response = await register({ name: '钱五', idNumber: validId, phone: '13700001111', password: 'Strong-pass-77' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ idNumber: `${validId.slice(0, 4)}**********${validId.slice(-4)}`, phone: '137****1111', revealed: false })
    const row = await t.deps.db.selectFrom('platform.publicAccount').selectAll().where('id', '=', response.json().id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(validId)
    expect(JSON.stringify(row)).not.toContain('13700001111')
  })

  it('refuses a second registration of the same ID number', async () => {
    const response = await register({ name: '钱五', idNumber: validId.toLowerCase(), phone: '13700002222', password: 'Strong-pass-77' })
    expect(response.statusCode).toBe(409)
  })

  it('finds an account by its exact ID number through the blind index, masked', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public-accounts?idNumber=${validId}`, headers: { cookie: await t.login('clerk') } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toHaveLength(1)
    expect(response.json()[0].idNumber).toContain('**********')
  })

  it('shows the full ID number only to pii.read holders, and audits each such view', async () => {
    const [account] = (await t.app.inject({ method: 'GET', url: `/api/public-accounts?idNumber=${validId}`, headers: { cookie: await t.login('clerk') } })).json()
    const clerk = await t.login('clerk')
    const revealed = await t.app.inject({ method: 'GET', url: `/api/public-accounts/${account.id}?reveal=true`, headers: { cookie: clerk } })
    expect(revealed.statusCode).toBe(200)
    expect(revealed.json()).toMatchObject({ idNumber: validId, phone: '13700001111', revealed: true })
    const audits = await t.deps.db.selectFrom('platform.auditLog').selectAll().where('action', '=', 'pii.reveal').where('targetId', '=', account.id).execute()
    expect(audits).toHaveLength(1)
    expect(audits[0]!.actorName).toBe('clerk')
    const masked = await t.app.inject({ method: 'GET', url: `/api/public-accounts/${account.id}`, headers: { cookie: clerk } })
    expect(masked.json().revealed).toBe(false)
    expect(await t.deps.db.selectFrom('platform.auditLog').select('seq').where('action', '=', 'pii.reveal').execute()).toHaveLength(1)
  })

  it('refuses to reveal to a role without pii.read', async () => {
    const [account] = (await t.app.inject({ method: 'GET', url: `/api/public-accounts?idNumber=${validId}`, headers: { cookie: await t.login('clerk') } })).json()
    const sysadmin = await t.login('sysadmin')
    const response = await t.app.inject({ method: 'GET', url: `/api/public-accounts/${account.id}?reveal=true`, headers: { cookie: sysadmin } })
    expect(response.statusCode).toBe(403)
  })

  it('masks the phone of staff accounts in every list', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff', headers: { cookie: await t.login('sysadmin') } })
    for (const staff of response.json().items) expect(staff.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
  })
})

describe('enterprises', () => {
  const first17 = '91320102MA1MW8K7Q'
  const validUscc = first17 + usccCheckCharacter(first17)
  const wrongUscc = first17 + (usccCheckCharacter(first17) === 'A' ? 'B' : 'A')

  it('refuses a credit code with a wrong check character', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/public/accounts/enterprise', payload: { name: '示范公司', uscc: wrongUscc, phone: '13700003333', password: 'Strong-pass-77' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.id).toBe('uscc_invalid')
  })

  it('registers an enterprise with a valid credit code', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/public/accounts/enterprise', payload: { name: '示范公司', uscc: validUscc, phone: '13700003333', password: 'Strong-pass-77' } })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind: 'enterprise', uscc: validUscc, phone: '137****3333' })
  })
})
