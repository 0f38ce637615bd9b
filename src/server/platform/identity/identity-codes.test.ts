import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { residentIdCheckDigit, usccCheckCharacter, validateResidentId, validateUscc } from './identity-codes'

const today = '2025-06-01'
const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const digit = fc.constantFrom(...'0123456789')
const usccChar = fc.constantFrom(...usccAlphabet)
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''))

/** A valid resident identity number: real region-shaped prefix, birth date 1900–today, checked. */
const residentId = fc
  .tuple(
    fc.constantFrom(...'123456789'),
    digits(5),
    fc.integer({ min: Date.parse('1900-01-01T00:00:00Z') / 86_400_000, max: Date.parse(`${today}T00:00:00Z`) / 86_400_000 }),
    digits(3),
  )
  .map(([first, region, birthOffset, sequence]) => {
    const birth = new Date(birthOffset * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
    return withCheckDigit(`${first}${region}${birth}${sequence}`)
  })

/** A valid unified social credit code with arbitrary authority, category and organisation code. */
const uscc = fc
  .tuple(usccChar, usccChar, digits(6), fc.array(usccChar, { minLength: 9, maxLength: 9 }))
  .map(([authority, category, region, org]) => withCheckCharacter(`${authority}${category}${region}${org.join('')}`))

function withCheckDigit(first17: string): string {
  return first17 + residentIdCheckDigit(first17)
}

function withCheckCharacter(first17: string): string {
  return first17 + usccCheckCharacter(first17)
}

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1)
}

describe('validateResidentId', () => {
  it('accepts the GB 11643 example 11010519491231002X: Beijing Chaoyang, born 1949-12-31, female', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      regionCode: '110105',
      sex: 'female',
    })
  })

  it('accepts a lowercase x as the check character', () => {
    expect(validateResidentId('11010519491231002x', today)).toMatchObject({ ok: true, birthDate: '1949-12-31' })
  })

  it('reads the sex from the 17th digit: odd is male, even is female', () => {
    expect(validateResidentId(withCheckDigit('32010219900101123'), today)).toMatchObject({ ok: true, sex: 'male' })
    expect(validateResidentId(withCheckDigit('32010219900101124'), today)).toMatchObject({ ok: true, sex: 'female' })
  })

  it('rejects a wrong check digit as check_digit', () => {
    const valid = withCheckDigit('32010219900101123')
    const wrong = valid.endsWith('0') ? `${valid.slice(0, 17)}1` : `${valid.slice(0, 17)}0`
    expect(validateResidentId(wrong, today)).toEqual({ ok: false, reason: 'check_digit' })
  })

  it('rejects anything not 17 digits and a digit-or-X as format', () => {
    for (const text of ['', '32010219900101123', '3201021990010112345', '32010219900101123 ', ' 320102199001011232',
      '3201021990010112X2', 'X20102199001011232', '020102199001011236', '32010219900101123Y', '３２０１０２１９９００１０１１２３２'])
      expect(validateResidentId(text, today), text).toEqual({ ok: false, reason: 'format' })
  })

  it('rejects impossible birth dates even with a correct check digit', () => {
    for (const birth of ['19900230', '19901301', '19900001', '19900100', '19890229'])
      expect(validateResidentId(withCheckDigit(`320102${birth}123`), today), birth).toEqual({ ok: false, reason: 'birth_date' })
  })

  it('rejects births before 1900, such as the 1880 example in GB 11643 itself, and accepts 1900-01-01', () => {
    expect(validateResidentId('440524188001010014', today)).toEqual({ ok: false, reason: 'birth_date' })
    expect(validateResidentId(withCheckDigit('32010218991231123'), today)).toEqual({ ok: false, reason: 'birth_date' })
    expect(validateResidentId(withCheckDigit('32010219000101123'), today)).toMatchObject({ ok: true, birthDate: '1900-01-01' })
  })

  it('rejects a birth after today and accepts a birth today', () => {
    const bornJune2 = withCheckDigit('32010220250602123')
    expect(validateResidentId(bornJune2, '2025-06-01')).toEqual({ ok: false, reason: 'birth_date' })
    expect(validateResidentId(bornJune2, '2025-06-02')).toMatchObject({ ok: true, birthDate: '2025-06-02' })
  })

  it('accepts every number built with the check function, returning its parts', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const result = validateResidentId(id, today)
        expect(result).toEqual({
          ok: true,
          regionCode: id.slice(0, 6),
          birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
        })
      }),
    )
  })

  it('rejects every single-character change of a valid number', () => {
    fc.assert(
      fc.property(residentId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, index, char) => {
        fc.pre(id[index] !== char)
        expect(validateResidentId(replaceAt(id, index, char), today).ok).toBe(false)
      }),
    )
  })
})

describe('residentIdCheckDigit', () => {
  it('satisfies ISO 7064 MOD 11-2: weighted sum of all 18 characters (X = 10) is 1 mod 11', () => {
    fc.assert(
      fc.property(digits(17), (first17) => {
        const check = residentIdCheckDigit(first17)
        let sum = check === 'X' ? 10 : Number(check)
        for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
        expect(sum % 11).toBe(1)
      }),
    )
  })

  it('refuses input that is not exactly 17 digits', () => {
    expect(() => residentIdCheckDigit('1234567890123456')).toThrow(RangeError)
    expect(() => residentIdCheckDigit('1234567890123456X')).toThrow(RangeError)
  })
})

describe('validateUscc', () => {
  it('accepts the published example 91350100M000100Y43: registered by market regulation (9) in Fuzhou (350100)', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ ok: true, registrationAuthority: '9', regionCode: '350100' })
  })

  it('accepts lowercase letters', () => {
    expect(validateUscc('91350100m000100y43')).toMatchObject({ ok: true })
  })

  it('rejects a wrong check character as check_character', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'check_character' })
  })

  it('rejects the letters I, O, S, V and Z, which the code never uses, as format', () => {
    for (const letter of 'IOSVZ')
      expect(validateUscc(replaceAt('91350100M000100Y43', 8, letter)), letter).toEqual({ ok: false, reason: 'format' })
  })

  it('rejects wrong lengths and a non-numeric region code as format', () => {
    for (const text of ['', '91350100M000100Y4', '91350100M000100Y433', '913501A0M000100Y43', ' 91350100M000100Y43'])
      expect(validateUscc(text), text).toEqual({ ok: false, reason: 'format' })
  })

  it('accepts every code built with the check function, returning authority and region', () => {
    fc.assert(
      fc.property(uscc, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true, registrationAuthority: code[0], regionCode: code.slice(2, 8) })
      }),
    )
  })

  it('rejects every change of one character to another character of the alphabet', () => {
    fc.assert(
      fc.property(uscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, index, char) => {
        fc.pre(code[index] !== char)
        expect(validateUscc(replaceAt(code, index, char)).ok).toBe(false)
      }),
    )
  })
})

describe('usccCheckCharacter', () => {
  it('maps a check value of 31 to the character 0', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0')
  })

  it('makes the weighted sum of all 18 characters (check weight 1) divisible by 31', () => {
    fc.assert(
      fc.property(fc.array(usccChar, { minLength: 17, maxLength: 17 }), (chars) => {
        const check = usccCheckCharacter(chars.join(''))
        let sum = usccAlphabet.indexOf(check)
        for (let i = 0; i < 17; i++) sum += usccAlphabet.indexOf(chars[i] ?? '') * (3 ** i % 31)
        expect(sum % 31).toBe(0)
      }),
    )
  })

  it('refuses input outside the alphabet or of the wrong length', () => {
    expect(() => usccCheckCharacter('91350100M000100Y')).toThrow(RangeError)
    expect(() => usccCheckCharacter('91350100I000100Y4')).toThrow(RangeError)
  })
})
