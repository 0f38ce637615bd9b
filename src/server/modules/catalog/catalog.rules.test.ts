import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors'
import { basicCodeMatchesKind, basicCodeOf, diffElements, effectiveOf, implementationCodeOf, levelOfRegion, overridesOf, parentRegionOf, requireValidElements } from './catalog.rules'
import { serviceElements } from '../../../../test/factories/catalog'

const sampleElements = serviceElements()

describe('catalogue rules', () => {
  it('knows the level of a region and the level it claims from', () => {
    expect(levelOfRegion('00')).toBe('national')
    expect(levelOfRegion('32')).toBe('province')
    expect(levelOfRegion('3201')).toBe('city')
    expect(levelOfRegion('320102')).toBe('county')
    expect(() => levelOfRegion('320102001')).toThrow(AppError)
    expect(parentRegionOf('32')).toBe('00')
    expect(parentRegionOf('3201')).toBe('32')
    expect(parentRegionOf('320102')).toBe('3201')
  })

  it('builds basic and implementation codes of fixed width', () => {
    expect(basicCodeOf('licensing', 172, 1)).toBe('0100172001')
    expect(basicCodeMatchesKind('0100172001', 'licensing')).toBe(true)
    expect(basicCodeMatchesKind('0100172001', 'public_service')).toBe(false)
    expect(implementationCodeOf('0100172001', '3201')).toBe('0100172001320100' + '01')
    expect(implementationCodeOf('0100172001', '00')).toHaveLength(18)
  })

  it('makes the effective item the parent with overrides on top', () => {
    const effective = effectiveOf(sampleElements, { committedDays: 5, place: '沛县政务服务中心' })
    expect(effective).toMatchObject({ name: '食品经营许可', committedDays: 5, place: '沛县政务服务中心', statutoryDays: 20 })
  })

  it('keeps only real overrides, and the diff of parent and effective is exactly them', () => {
    const arbitraryEdit = fc.record(
      { committedDays: fc.integer({ min: 0, max: 365 }), visits: fc.integer({ min: 0, max: 5 }), place: fc.string(), phone: fc.string() },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(arbitraryEdit, (edit) => {
        const overrides = overridesOf(sampleElements, edit)
        for (const [field, value] of Object.entries(overrides)) expect(value).not.toEqual((sampleElements as Record<string, unknown>)[field])
        const effective = effectiveOf(sampleElements, overrides)
        expect(effective).toEqual({ ...sampleElements, ...edit })
        expect(diffElements(sampleElements, effective).map((c) => c.field).sort()).toEqual(Object.keys(overrides).sort())
      }),
    )
  })

  it('validates elements by kind and names the bad field', () => {
    expect(requireValidElements('licensing', sampleElements)).toBe(sampleElements)
    try {
      requireValidElements('licensing', { ...sampleElements, committedDays: -1 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).details).toMatchObject({ field: 'elements/committedDays' })
    }
    expect(() => requireValidElements('inspection', sampleElements)).toThrow(AppError)
  })
})
