import { createCipheriv, createDecipheriv, createHmac, randomFillSync, timingSafeEqual } from 'node:crypto'

/**
 * Encryption at rest for identity numbers and phone numbers with the national algorithms
 * (SM4, SM3). Node offers no SM4-GCM, so values are SM4-CBC encrypted and then authenticated
 * with HMAC-SM3 (encrypt-then-MAC); the MAC is checked before any decryption.
 */
export interface PiiCipher {
  /** 'v1.' + base64url(iv ‖ ciphertext ‖ HMAC-SM3 tag); a fresh random IV every time. */
  encrypt(plain: string): string
  /** Verifies the tag, then decrypts; throws on tampering, truncation or the wrong key. */
  decrypt(stored: string): string
  /** A deterministic keyed digest (hex) for exact-match lookup of encrypted values. */
  blindIndex(plain: string): string
}

export interface PiiKeys {
  /** 16 bytes; the SM4 and MAC keys are derived from it. */
  piiKey: Buffer
  /** 32 bytes; kept apart from piiKey so that the index key can be rotated on its own. */
  piiIndexKey: Buffer
}

const version = 'v1'
const prefix = `${version}.`
const ivLength = 16
const blockLength = 16
const tagLength = 32

/** Builds the PII cipher from its two keys. */
export function createPiiCipher(keys: PiiKeys): PiiCipher {
  requireKeyLength('piiKey', keys.piiKey, 16)
  requireKeyLength('piiIndexKey', keys.piiIndexKey, 32)
  // Separate keys for SM4 and the MAC, so that neither use can weaken the other.
  const encryptionKey = hmacSm3(keys.piiKey, 'yiwang-pii-enc').subarray(0, 16)
  const macKey = hmacSm3(keys.piiKey, 'yiwang-pii-mac')
  const tagOf = (iv: Buffer, ciphertext: Buffer): Buffer =>
    hmacSm3(macKey, Buffer.concat([Buffer.from(version), iv, ciphertext]))

  return {
    encrypt(plain) {
      const iv = freshIv()
      const cipher = createCipheriv('sm4-cbc', encryptionKey, iv)
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return prefix + Buffer.concat([iv, ciphertext, tagOf(iv, ciphertext)]).toString('base64url')
    },

    decrypt(stored) {
      const sealed = decodeSealed(stored)
      const iv = sealed.subarray(0, ivLength)
      const ciphertext = sealed.subarray(ivLength, sealed.length - tagLength)
      const tag = sealed.subarray(sealed.length - tagLength)
      if (!timingSafeEqual(tag, tagOf(iv, ciphertext))) {
        throw new Error('PII decryption failed: authentication tag mismatch (tampered value or wrong key)')
      }
      const decipher = createDecipheriv('sm4-cbc', encryptionKey, iv)
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')
    },

    blindIndex: (plain) => hmacSm3(keys.piiIndexKey, normalizeForIndex(plain)).toString('hex'),
  }
}

// Each call into OpenSSL's random generator costs microseconds whatever its size (more than the
// SM4 itself under load), so IVs are drawn 256 at a time, as Node's randomUUID does.
const ivPool = Buffer.alloc(ivLength * 256)
let ivNext = ivPool.length

/** 16 fresh random bytes, valid until the next call (createCipheriv and Buffer.concat copy them). */
function freshIv(): Buffer {
  if (ivNext === ivPool.length) {
    randomFillSync(ivPool)
    ivNext = 0
  }
  ivNext += ivLength
  return ivPool.subarray(ivNext - ivLength, ivNext)
}

/** '320102199001011234' → '3201**********1234': first 4 and last 4 kept, same length. */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id)
  // With 8 characters or fewer, keeping 4 + 4 would reveal everything.
  if (chars.length <= 8) return '*'.repeat(chars.length)
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('')
}

/** '13812345678' → '138****5678'; any other number keeps only its last 4 characters. */
export function maskPhone(phone: string): string {
  if (/^1[3-9]\d{9}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  const chars = Array.from(phone)
  if (chars.length <= 4) return '*'.repeat(chars.length)
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('')
}

/** '张三' → '张*', '张三丰' → '张*丰', '欧阳娜娜' → '欧**娜': first and last kept, same length. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return '*'.repeat(chars.length)
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/**
 * Patterns for identity-number-shaped and mainland-mobile-shaped substrings of free text, not
 * part of a longer digit run (so order numbers and timestamps are left alone). They carry the
 * g flag for replace/matchAll; do not call .test or .exec on them, which keep state between calls.
 */
export const piiPatterns: { readonly residentId: RegExp; readonly mobilePhone: RegExp } = {
  residentId: /(?<!\d)\d{17}[\dXx](?!\d)/g,
  // "+8613812345678" is a phone even though 86 is a digit run before it.
  mobilePhone: /(?:(?<=\+86)|(?<!\d))1[3-9]\d{9}(?!\d)/g,
}

/** Replaces identity numbers and mobile numbers in text (e.g. a log line) with their masks. */
export function redactPii(text: string): string {
  return text.replace(piiPatterns.residentId, maskIdNumber).replace(piiPatterns.mobilePhone, maskPhone)
}

/** Trimmed and uppercased, so that '…123x' and '…123X ' index alike. */
function normalizeForIndex(plain: string): string {
  return plain.trim().toUpperCase()
}

function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest()
}

function requireKeyLength(name: string, key: Buffer, length: number): void {
  if (key.length !== length) throw new RangeError(`${name} must be ${length} bytes, got ${key.length}`)
}

/** The iv ‖ ciphertext ‖ tag bytes of a stored value, or a clear error if it cannot be one. */
function decodeSealed(stored: string): Buffer {
  if (!stored.startsWith(prefix)) {
    throw new Error(`PII decryption failed: unknown format (expected the prefix "${prefix}")`)
  }
  const encoded = stored.slice(prefix.length)
  const sealed = Buffer.from(encoded, 'base64url')
  // Buffer.from ignores stray characters; insisting on the canonical text keeps one encoding per value.
  const ciphertextLength = sealed.length - ivLength - tagLength
  if (sealed.toString('base64url') !== encoded || ciphertextLength < blockLength || ciphertextLength % blockLength !== 0) {
    throw new Error('PII decryption failed: malformed or truncated value')
  }
  return sealed
}
