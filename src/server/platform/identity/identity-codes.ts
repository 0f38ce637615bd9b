import { isValidDay, shanghaiDay } from '../calendar/calendar'

/** Outcome of checking a resident identity number (居民身份证号码). */
export type ResidentIdResult =
  | { ok: true; birthDate: string; regionCode: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'format' | 'birth_date' | 'check_digit' }

/** Outcome of checking a unified social credit code (统一社会信用代码). */
export type UsccResult =
  | { ok: true; registrationAuthority: string; regionCode: string }
  | { ok: false; reason: 'format' | 'check_character' }

// GB 11643-1999: the first digit is never 0 (region codes start at 11; the 2023
// foreigners' permanent-residence numbers start with 9), the last may be X for 10.
const residentIdShape = /^[1-9]\d{16}[\dX]$/
const residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const residentIdCheckDigits = '10X98765432'
const earliestBirthDate = '1900-01-01'

// GB 32100-2015: 31 characters, leaving out I, O, S, V and Z which read like 1, 0, 5, U and 2.
const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
// Registration authority, organisation category, six-digit region code, nine-character
// organisation code, check character.
const usccShape = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/**
 * Checks an 18-character resident identity number (GB 11643-1999); a lowercase x is accepted.
 * `today` ('YYYY-MM-DD', default: today in Shanghai) bounds the birth date from above.
 */
export function validateResidentId(id: string, today: string = shanghaiDay(new Date())): ResidentIdResult {
  const normalized = id.toUpperCase()
  if (!residentIdShape.test(normalized)) return { ok: false, reason: 'format' }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`
  if (!isValidDay(birthDate) || birthDate < earliestBirthDate || birthDate > today) {
    return { ok: false, reason: 'birth_date' }
  }
  if (residentIdCheckDigit(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, reason: 'check_digit' }
  // The 17th digit is the sequence number's last: odd for men, even for women.
  const sex = Number(normalized[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, birthDate, regionCode: normalized.slice(0, 6), sex }
}

/** The ISO 7064 MOD 11-2 check digit ('0'–'9' or 'X') for the first 17 digits of a resident identity number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`residentIdCheckDigit: expected 17 digits, got "${first17}"`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (residentIdWeights[i] ?? 0)
  return residentIdCheckDigits.charAt(sum % 11)
}

/** Checks an 18-character unified social credit code (GB 32100-2015); lowercase letters are accepted. */
export function validateUscc(code: string): UsccResult {
  const normalized = code.toUpperCase()
  if (!usccShape.test(normalized)) return { ok: false, reason: 'format' }
  if (usccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, reason: 'check_character' }
  return { ok: true, registrationAuthority: normalized.slice(0, 1), regionCode: normalized.slice(2, 8) }
}

/** The MOD 31 check character for the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  const upper = first17.toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(upper)) {
    throw new RangeError(`usccCheckCharacter: expected 17 characters of the GB 32100 alphabet, got "${first17}"`)
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += usccAlphabet.indexOf(upper.charAt(i)) * (usccWeights[i] ?? 0)
  // 31 - (sum mod 31) lies in 1..31; 31 wraps round to the character '0'.
  return usccAlphabet.charAt((31 - (sum % 31)) % 31)
}
