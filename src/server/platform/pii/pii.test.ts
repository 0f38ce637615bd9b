import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPiiCipher, maskIdNumber, maskName, maskPhone, piiPatterns, redactPii } from './pii'

const keys = { piiKey: Buffer.alloc(16, 1), piiIndexKey: Buffer.alloc(32, 2) }
const cipher = createPiiCipher(keys)

/** Flips one bit of the byte at `index` of the sealed (decoded) part of a stored value. */
function flipByte(stored: string, index: number): string {
  const sealed = Buffer.from(stored.slice(3), 'base64url')
  const at = ((index % sealed.length) + sealed.length) % sealed.length
  sealed[at] = (sealed[at] ?? 0) ^ 0x01
  return `v1.${sealed.toString('base64url')}`
}

describe('PII encryption (SM4-CBC then HMAC-SM3)', () => {
  it('decrypts what it encrypted, for any text including Chinese and the empty string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (plain) => {
        expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain)
      }),
    )
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('')
    expect(cipher.decrypt(cipher.encrypt('张三 11010519491231002X'))).toBe('张三 11010519491231002X')
  })

  it('writes v1. followed by base64url of a 16-byte IV, whole SM4 blocks and a 32-byte tag', () => {
    const stored = cipher.encrypt('13812345678')
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    // 11 bytes of plaintext pad to one 16-byte block.
    expect(Buffer.from(stored.slice(3), 'base64url').length).toBe(16 + 16 + 32)
  })

  it('gives different output for two encryptions of the same value (random IV)', () => {
    const a = cipher.encrypt('11010519491231002X')
    const b = cipher.encrypt('11010519491231002X')
    expect(a).not.toBe(b)
    expect(a.slice(3, 25)).not.toBe(b.slice(3, 25))
  })

  it('does not contain the plaintext', () => {
    const stored = cipher.encrypt('11010519491231002X')
    expect(Buffer.from(stored.slice(3), 'base64url').includes(Buffer.from('11010519491231002X'))).toBe(false)
  })

  it('refuses a value with any single byte flipped, in IV, ciphertext or tag', () => {
    const stored = cipher.encrypt('11010519491231002X')
    fc.assert(
      fc.property(fc.nat(), (index) => {
        expect(() => cipher.decrypt(flipByte(stored, index))).toThrow(/tampered value or wrong key/)
      }),
    )
  })

  it('refuses to decrypt with another key', () => {
    const stored = cipher.encrypt('13812345678')
    const other = createPiiCipher({ piiKey: Buffer.alloc(16, 9), piiIndexKey: keys.piiIndexKey })
    expect(() => other.decrypt(stored)).toThrow(/tampered value or wrong key/)
  })

  it('refuses a value whose ciphertext block was cut off, even with its tag moved along', () => {
    const sealed = Buffer.from(cipher.encrypt('a value that spans more than one block').slice(3), 'base64url')
    const shortened = Buffer.concat([sealed.subarray(0, sealed.length - 32 - 16), sealed.subarray(sealed.length - 32)])
    expect(() => cipher.decrypt(`v1.${shortened.toString('base64url')}`)).toThrow(/tampered value or wrong key/)
  })

  it('refuses malformed values with a clear message', () => {
    const stored = cipher.encrypt('13812345678')
    expect(() => cipher.decrypt(stored.slice(3))).toThrow(/unknown format/)
    expect(() => cipher.decrypt(`v2.${stored.slice(3)}`)).toThrow(/unknown format/)
    expect(() => cipher.decrypt('v1.')).toThrow(/malformed or truncated/)
    expect(() => cipher.decrypt(stored.slice(0, -10))).toThrow(/malformed or truncated/)
    expect(() => cipher.decrypt(`${stored}!`)).toThrow(/malformed or truncated/)
  })

  it('requires a 16-byte piiKey and a 32-byte piiIndexKey', () => {
    expect(() => createPiiCipher({ piiKey: randomBytes(32), piiIndexKey: randomBytes(32) })).toThrow(/piiKey must be 16 bytes/)
    expect(() => createPiiCipher({ piiKey: randomBytes(16), piiIndexKey: randomBytes(16) })).toThrow(/piiIndexKey must be 32 bytes/)
  })
})

describe('blind index', () => {
  it('is deterministic: the same value always gives the same 64-hex-digit index', () => {
    fc.assert(
      fc.property(fc.string(), (plain) => {
        const index = cipher.blindIndex(plain)
        expect(index).toMatch(/^[0-9a-f]{64}$/)
        expect(createPiiCipher(keys).blindIndex(plain)).toBe(index)
      }),
    )
  })

  it('ignores surrounding spaces and the case of a trailing x', () => {
    expect(cipher.blindIndex(' 11010519491231002x ')).toBe(cipher.blindIndex('11010519491231002X'))
  })

  it('tells different values apart', () => {
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'))
  })

  it('depends on the index key, and only on it', () => {
    const otherIndexKey = createPiiCipher({ piiKey: keys.piiKey, piiIndexKey: Buffer.alloc(32, 3) })
    const otherPiiKey = createPiiCipher({ piiKey: Buffer.alloc(16, 4), piiIndexKey: keys.piiIndexKey })
    expect(otherIndexKey.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345678'))
    expect(otherPiiKey.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'))
  })
})

describe('masks', () => {
  it('keep the first 4 and last 4 characters of an identity number', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234')
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
  })

  it('hide a short identifier entirely rather than reveal it', () => {
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskIdNumber('123456789')).toBe('1234*6789')
  })

  it('keep the first 3 and last 4 digits of a mainland mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('keep only the last 4 characters of other phone numbers', () => {
    expect(maskPhone('02588881234')).toBe('*******1234')
    expect(maskPhone('025-8888-1234')).toBe('*********1234')
    expect(maskPhone('1234')).toBe('****')
  })

  it('keep the first character of a name, and the last when it has 3 or more', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张*丰')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('张')).toBe('*')
    expect(maskName('')).toBe('')
  })

  it('count characters, not UTF-16 units, so rare characters outside the BMP are not split', () => {
    expect(maskName('𠀋三')).toBe('𠀋*')
  })

  it('never change the length, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        expect(maskIdNumber(text)).toHaveLength(text.length)
        expect(maskPhone(text)).toHaveLength(text.length)
        expect(maskName(text)).toHaveLength(text.length)
      }),
    )
  })
})

describe('piiPatterns and redactPii', () => {
  const find = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[0])

  it('find identity numbers and mobile numbers standing alone in text', () => {
    const text = '申请人 11010519491231002x，电话 13812345678，手机 +8613912345678'
    expect(find(piiPatterns.residentId, text)).toEqual(['11010519491231002x'])
    expect(find(piiPatterns.mobilePhone, text)).toEqual(['13812345678', '13912345678'])
  })

  it('leave longer digit runs alone, such as order numbers and millisecond timestamps', () => {
    const text = 'order 2025100112345678901234 ts 17592345678901 seq 913812345678'
    expect(find(piiPatterns.residentId, text)).toEqual([])
    expect(find(piiPatterns.mobilePhone, text)).toEqual([])
  })

  it('leave numbers that are not mobile-shaped alone', () => {
    expect(find(piiPatterns.mobilePhone, '12812345678 1381234567')).toEqual([])
  })

  it('mask the identity number and the phone in a log line with a JSON body', () => {
    const line = `{"level":30,"msg":"request","body":{"name":"张三","idNumber":"320102199001011234","phone":"13812345678"},"reqId":"1700000000000"}`
    expect(redactPii(line)).toBe(
      `{"level":30,"msg":"request","body":{"name":"张三","idNumber":"3201**********1234","phone":"138****5678"},"reqId":"1700000000000"}`,
    )
  })

  it('mask every occurrence, and an ID ending in x', () => {
    expect(redactPii('11010519491231002x / 13812345678 / 13812345678')).toBe('1101**********002x / 138****5678 / 138****5678')
  })

  it('leave no mobile-shaped or ID-shaped substring behind, for any text', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.stringMatching(/^1[3-9]\d{9}$/),
      fc.stringMatching(/^\d{17}[\dX]$/),
    )
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const redacted = redactPii(pieces.join(' '))
        expect(find(piiPatterns.residentId, redacted)).toEqual([])
        expect(find(piiPatterns.mobilePhone, redacted)).toEqual([])
      }),
    )
  })

  it('work when called repeatedly, despite the g flag', () => {
    expect(redactPii('13812345678')).toBe('138****5678')
    expect(redactPii('13812345678')).toBe('138****5678')
  })
})
