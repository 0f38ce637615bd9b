import { Tag, Tooltip } from 'antd'
import { useT } from '../../../app/i18n'
import type { OrgKind, RegionLevel, RoleInfo } from '../api'

const levelColors: Record<RegionLevel, string> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'cyan', 5: 'green' }

export function RegionLevelTag({ level }: { level: RegionLevel }) {
  const t = useT()
  return (
    <Tag color={levelColors[level] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`region.level.${level}`, String(level))}
    </Tag>
  )
}

const kindColors: Record<OrgKind, string> = {
  government: 'red',
  office: 'gold',
  department: 'blue',
  service_center: 'green',
  other: 'default',
}

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const t = useT()
  return <Tag color={kindColors[kind] ?? 'default'}>{t.dynamic(`org.kind.${kind}`, kind)}</Tag>
}

/** A role's name in the current language: the server's list when given, else our dictionary, else the code. */
export function useRoleName(roles?: RoleInfo[]): (role: string) => string {
  const t = useT()
  return (role) => {
    const info = roles?.find((r) => r.role === role)
    if (info) return t.pick(roleText(info))
    return t.dynamic(`role.${role}`, role)
  }
}

/** The zh/en name of a role as the server sends it (`zh`/`en`, or `name: {zh, en}`). */
export function roleText(info: RoleInfo): { zh: string; en: string } {
  const named = info as RoleInfo & { name?: { zh: string; en: string } }
  return { zh: info.zh ?? named.name?.zh ?? info.role, en: info.en ?? named.name?.en ?? info.role }
}

const adminRoles = new Set(['system_admin', 'security_admin', 'auditor'])

export function RoleTags({ roles, list, empty }: { roles: string[]; list?: RoleInfo[]; empty?: string }) {
  const name = useRoleName(list)
  const t = useT()
  if (roles.length === 0) return <span style={{ color: '#8a94a3' }}>{empty ?? t('common.none')}</span>
  return (
    <>
      {roles.map((role) => {
        const info = list?.find((r) => r.role === role)
        const tag = (
          <Tag key={role} color={adminRoles.has(role) ? 'volcano' : 'geekblue'} style={{ marginBlock: 2 }}>
            {name(role)}
          </Tag>
        )
        return info ? (
          <Tooltip key={role} title={t.pick(info.description)}>
            {tag}
          </Tooltip>
        ) : (
          tag
        )
      })}
    </>
  )
}
