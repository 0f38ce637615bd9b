import { describe, expect, it } from 'vitest'
import type { Migration } from 'kysely/migration'
import { allMigrations } from './migrator'

const noop: Migration = { up: async () => {} }

describe('collecting migrations', () => {
  it('takes the platform migrations and each module\'s, in date order', () => {
    const names = Object.keys(allMigrations([{ name: 'catalog', migrations: { '2026-12-01T10-00_catalog_create-item': noop } }]))
    expect(names).toContain('2026-11-28T01-00_platform_create-registries')
    expect(names).toContain('2026-12-01T10-00_catalog_create-item')
  })

  it('refuses a migration that does not carry its module\'s name', () => {
    expect(() => allMigrations([{ name: 'catalog', migrations: { '2026-12-01T10-00_hotline_create-appeal': noop } }])).toThrow(/must be named/)
    expect(() => allMigrations([{ name: 'catalog', migrations: { 'create-item': noop } }])).toThrow(/must be named/)
  })

  it('refuses two migrations of one name', () => {
    const twice = { name: 'catalog', migrations: { '2026-12-01T10-00_catalog_create-item': noop } }
    expect(() => allMigrations([twice, twice])).toThrow(/two migrations/)
  })
})
