import type { Migration } from 'kysely/migration'
import * as createRegistries from './2026-11-28T01-00_platform_create-registries'
import * as createSecurity from './2026-11-28T01-10_platform_create-security'
import * as auditSealing from './2026-11-28T06-50_platform_audit-sealing'
import * as auditSealTable from './2026-11-28T12-50_platform_audit-seal-table'

export const platformMigrations: Record<string, Migration> = {
  '2026-11-28T01-00_platform_create-registries': createRegistries,
  '2026-11-28T01-10_platform_create-security': createSecurity,
  '2026-11-28T06-50_platform_audit-sealing': auditSealing,
  '2026-11-28T12-50_platform_audit-seal-table': auditSealTable,
}
