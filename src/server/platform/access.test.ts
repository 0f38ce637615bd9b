import { describe, expect, it } from 'vitest'
import { hasAccess, requireAccess, type StaffActor } from './access'
import { AppError } from './errors'
import { permissionsOf, roles } from './roles'

function staff(regionCode: string, granted: string[], departmentScoped: string[] = [], orgId = 'org-a'): StaffActor {
  return { kind: 'staff', id: 's1', username: 'u', displayName: 'U', regionCode, orgId, roles: [], permissions: new Set(granted), departmentScoped: new Set(departmentScoped), passwordExpired: false }
}

describe('requireAccess', () => {
  it('denies by default: no permission, no access, whatever the region', () => {
    expect(hasAccess(staff('32', []), 'org.manage', { regionCode: '320102' })).toBe(false)
  })

  it('lets a county see its county and nothing beside or above it', () => {
    const county = staff('320102', ['org.read'])
    expect(hasAccess(county, 'org.read', { regionCode: '320102' })).toBe(true)
    expect(hasAccess(county, 'org.read', { regionCode: '320102001' })).toBe(true)
    expect(hasAccess(county, 'org.read', { regionCode: '320104' })).toBe(false)
    expect(hasAccess(county, 'org.read', { regionCode: '3201' })).toBe(false)
    expect(hasAccess(county, 'org.read', { regionCode: '32' })).toBe(false)
  })

  it('lets a city see itself and the counties below, not another city', () => {
    const city = staff('3201', ['org.read'])
    expect(hasAccess(city, 'org.read', { regionCode: '3201' })).toBe(true)
    expect(hasAccess(city, 'org.read', { regionCode: '320115' })).toBe(true)
    expect(hasAccess(city, 'org.read', { regionCode: '3203' })).toBe(false)
  })

  it('keeps a department-scoped permission inside the actor\'s department', () => {
    const handler = staff('3201', ['person.read'], ['person.read'], 'org-a')
    expect(hasAccess(handler, 'person.read', { regionCode: '3201', orgId: 'org-a' })).toBe(true)
    expect(hasAccess(handler, 'person.read', { regionCode: '3201', orgId: 'org-b' })).toBe(false)
  })

  it('refuses anonymous callers with 401 and others with 403', () => {
    const error = (fn: () => void) => {
      try {
        fn()
      } catch (e) {
        return e instanceof AppError ? e.kind : 'other'
      }
      return 'none'
    }
    expect(error(() => requireAccess({ kind: 'anonymous' }, 'org.read'))).toBe('unauthenticated')
    expect(error(() => requireAccess({ kind: 'public', id: 'p', accountKind: 'person', name: '张三' }, 'org.read'))).toBe('forbidden')
    expect(error(() => requireAccess(staff('32', ['org.read']), 'org.read', { regionCode: '3201' }))).toBe('none')
  })
})

describe('the role table', () => {
  it('grants each role only permissions it lists, and nothing for unknown roles', () => {
    expect([...permissionsOf(['no_such_role'])]).toEqual([])
    for (const role of roles) expect([...permissionsOf([role.role])].sort()).toEqual([...new Set(role.permissions)].sort())
  })
})
