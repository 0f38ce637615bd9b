import { App as AntApp, Alert, Checkbox, Col, Modal, Row, Skeleton, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useRoles, useSetRoles, type RoleInfo, type Staff } from '../api'
import { roleText } from './tags'

/**
 * 三员分立 as the server enforces it: an administrator role stands alone (no other administrator
 * role, no business role); business roles combine freely.
 */
function isBlocked(role: RoleInfo, value: string[], all: RoleInfo[]): boolean {
  if (value.includes(role.role)) return false
  const chosen = all.filter((r) => value.includes(r.role))
  if (chosen.some((r) => r.group === 'admin')) return true
  return role.group === 'admin' && chosen.length > 0
}

function RoleGroup({ title, hint, roles, value, all }: { title: string; hint?: string; roles: RoleInfo[]; value: string[]; all: RoleInfo[] }) {
  const t = useT()
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        {roles.map((role) => {
          const blocked = isBlocked(role, value, all)
          const className = ['role-option', value.includes(role.role) && 'role-option-checked', blocked && 'role-option-blocked'].filter(Boolean).join(' ')
          return (
            <Col xs={24} sm={12} key={role.role}>
              <div className={className}>
                <Checkbox value={role.role} disabled={blocked} data-testid={`role-${role.role}`}>
                  <strong>{t.pick(roleText(role))}</strong>
                  <span className="role-desc">{t.pick(role.description)}</span>
                </Checkbox>
              </div>
            </Col>
          )
        })}
      </Row>
    </section>
  )
}

/** Checkboxes of every role, the three administrators apart from the business roles. */
export function AssignRolesModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const roles = useRoles(staff !== null)
  const save = useSetRoles()
  const [value, setValue] = useState<string[]>([])

  useEffect(() => {
    if (!staff) return
    save.reset()
    setValue(staff.roles)
  }, [staff])

  const admin = (roles.data ?? []).filter((role) => role.group === 'admin')
  const business = (roles.data ?? []).filter((role) => role.group !== 'admin')

  return (
    <Modal
      open={staff !== null}
      title={staff ? t('staff.assignRolesTitle', { name: `${staff.displayName}（${staff.username}）` }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !roles.data }}
      onOk={async () => {
        if (!staff) return
        try {
          await save.mutateAsync({ id: staff.id, roles: value })
          message.success(t('staff.rolesSaved'))
          onClose()
        } catch {
          // shown in the modal
        }
      }}
      width={720}
    >
      <ErrorAlert error={save.error} />
      <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      {roles.isPending ? (
        <Skeleton active />
      ) : (
        <Checkbox.Group value={value} onChange={(next) => setValue(next as string[])} style={{ display: 'block' }}>
          <RoleGroup title={t('staff.adminRoles')} hint={t('staff.adminRolesHint')} roles={admin} value={value} all={roles.data ?? []} />
          <RoleGroup title={t('staff.businessRoles')} roles={business} value={value} all={roles.data ?? []} />
        </Checkbox.Group>
      )}
    </Modal>
  )
}
