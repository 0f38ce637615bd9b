import { parseOptions } from '@node-rs/argon2'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commonPasswords } from './common-passwords'
import { checkPasswordPolicy, defaultPasswordPolicy, hashPassword, verifyPassword, type PasswordPolicy } from './password'

const ids = (password: string, policy: PasswordPolicy = defaultPasswordPolicy, context: { username?: string } = {}) =>
  checkPasswordPolicy(password, policy, context).map((v) => v.id)

describe('hashPassword and verifyPassword', () => {
  it('verify the password that was hashed and refuse any other', async () => {
    const stored = await hashPassword('Tian-An-Men 1949!')
    expect(await verifyPassword(stored, 'Tian-An-Men 1949!')).toBe(true)
    expect(await verifyPassword(stored, 'tian-an-men 1949!')).toBe(false)
    expect(await verifyPassword(stored, 'Tian-An-Men 1949')).toBe(false)
    expect(await verifyPassword(stored, '')).toBe(false)
  })

  it('hash with argon2id at no less than OWASP cost (19 MiB, 2 passes)', async () => {
    const stored = await hashPassword('密码也可以是中文')
    expect(stored.startsWith('$argon2id$')).toBe(true)
    const options = parseOptions(stored)
    expect(options.memoryCost).toBeGreaterThanOrEqual(19_456)
    expect(options.timeCost).toBeGreaterThanOrEqual(2)
    expect(await verifyPassword(stored, '密码也可以是中文')).toBe(true)
  })

  it('salt every hash, so equal passwords hash differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'))
  })

  it('keep a single hash well under 100 ms once warm', async () => {
    await hashPassword('warm up')
    const began = performance.now()
    await hashPassword('time me')
    expect(performance.now() - began).toBeLessThan(100)
  })

  it('treat a missing password marker as never matching', async () => {
    expect(await verifyPassword('', '')).toBe(false)
    expect(await verifyPassword('!', '!')).toBe(false)
  })

  it('throw on a corrupt argon2 hash rather than pretend it did not match', async () => {
    await expect(verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'x')).rejects.toThrow()
  })
})

describe('checkPasswordPolicy', () => {
  it('accepts a long password mixing letters, digits and symbols', () => {
    expect(checkPasswordPolicy('Zheng-Wu-2025!', defaultPasswordPolicy, { username: 'zhangsan' })).toEqual([])
  })

  it('reports password_too_short below the minimum length, counting characters not UTF-16 units', () => {
    expect(ids('Ab1!xyz')).toEqual(['password_too_short'])
    expect(ids('Ab1!xyzw')).toEqual([])
    expect(ids('𠀋𠀋𠀋𠀋Ab1', { minLength: 8, minClasses: 1, blocklist: false })).toEqual(['password_too_short'])
  })

  it('reports password_too_few_classes when fewer kinds of character than required are used', () => {
    expect(ids('onlylowercase')).toEqual(['password_too_few_classes'])
    expect(ids('lowerand123')).toEqual(['password_too_few_classes'])
    expect(ids('lowerUPPER123')).toEqual([])
    expect(ids('lower-and-123')).toEqual([])
  })

  it('counts Chinese characters as "other" characters', () => {
    expect(ids('政务服务abc123')).toEqual([])
  })

  it('reports password_common for common passwords whatever their case', () => {
    expect(ids('P@ssw0rd')).toEqual(['password_common'])
    expect(ids('Aa123456')).toEqual(['password_common'])
    expect(ids('QWE123!@#')).toEqual(['password_common'])
  })

  it('sees through leading and trailing ! . @ decorations', () => {
    expect(ids('Welcome1!')).toEqual(['password_common'])
    expect(ids('@Woaini1314.')).toEqual(['password_common'])
    expect(ids('Aa123456!!')).toEqual(['password_common'])
  })

  it('skips the common-password check when the policy turns the blocklist off', () => {
    expect(ids('P@ssw0rd', { ...defaultPasswordPolicy, blocklist: false })).toEqual([])
  })

  it('reports password_contains_username, ignoring case', () => {
    expect(ids('ZhangSan#2025', defaultPasswordPolicy, { username: 'zhangsan' })).toEqual(['password_contains_username'])
    expect(ids('Zheng-Wu-2025!', defaultPasswordPolicy, { username: 'Wu-2025' })).toEqual(['password_contains_username'])
  })

  it('does not check usernames shorter than 3 characters, which would forbid most passwords', () => {
    expect(ids('Olive-2025!', defaultPasswordPolicy, { username: 'li' })).toEqual([])
  })

  it('reports every broken rule at once, each with Chinese and English text', () => {
    const violations = checkPasswordPolicy('admin', defaultPasswordPolicy, { username: 'admin' })
    expect(violations.map((v) => v.id)).toEqual([
      'password_too_short',
      'password_too_few_classes',
      'password_common',
      'password_contains_username',
    ])
    for (const v of violations) {
      expect(v.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(v.en).toMatch(/^[\x20-\x7e]+$/)
    }
    expect(violations[0]?.en).toContain('8')
    expect(violations[1]?.zh).toContain('3')
  })

  it('never reports a rule the policy does not ask for', () => {
    const lenient: PasswordPolicy = { minLength: 0, minClasses: 0, blocklist: false }
    fc.assert(
      fc.property(fc.string(), (password) => {
        expect(checkPasswordPolicy(password, lenient)).toEqual([])
      }),
    )
  })
})

describe('commonPasswords', () => {
  it('holds at least 300 lowercase entries', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(300)
    for (const p of commonPasswords) expect(p).toBe(p.toLowerCase())
  })

  it('includes the leaders of Chinese and international leak lists', () => {
    for (const p of ['123456', 'a123456', 'qq123456', 'woaini1314', '5201314', 'abc123456', 'aa123456', 'p@ssw0rd',
      'passw0rd!', 'admin123', '1qaz2wsx', 'qwe123!@#', 'password', 'iloveyou'])
      expect(commonPasswords.has(p), p).toBe(true)
  })
})
