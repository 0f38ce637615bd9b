import { App as AntApp, Alert, Checkbox, Col, Modal, Row, Skeleton, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useRoles, useSetRoles, type RoleInfo, type Staff } from '../api'
import { roleText } from './tags'

function RoleGroup({ title, hint, roles, value }: { title: string; hint?: string; roles: RoleInfo[]; value: string[] }) {
  const t = useT()
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        {roles.map((role) => (
          <Col xs={24} sm={12} key={role.role}>
            <label className={value.includes(role.role) ? 'role-option role-option-checked' : 'role-option'}>
              <Checkbox value={role.role} data-testid={`role-${role.role}`}>
                <strong>{t.pick(roleText(role))}</strong>
              </Checkbox>
              <span className="role-desc">{t.pick(role.description)}</span>
            </label>
          </Col>
        ))}
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
          <RoleGroup title={t('staff.adminRoles')} hint={t('staff.adminRolesHint')} roles={admin} value={value} />
          <RoleGroup title={t('staff.businessRoles')} roles={business} value={value} />
        </Checkbox.Group>
      )}
    </Modal>
  )
}
