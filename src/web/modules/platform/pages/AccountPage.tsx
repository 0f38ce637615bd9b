import { useQueryClient } from '@tanstack/react-query'
import { App as AntApp, Alert, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd'
import { useNavigate } from 'react-router'
import { meKey, useAuth } from '../../../app/auth'
import { fieldOf, useErrorText, violationsOf } from '../../../app/api/errors'
import { ApiError } from '../../../app/api/client'
import { useT } from '../../../app/i18n'
import { PageHeader } from '../../../shared/PageHeader'
import { useChangePassword, useRoles } from '../api'
import { RoleTags } from '../components/tags'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/**
 * 我的账号: who I am and a password change that shows the policy's verdict. When the password has
 * expired this is the only workbench page open: it says so at the top, and after the change the
 * account is asked again and the user goes on to the workbench.
 */
export default function AccountPage() {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const { me } = useAuth()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const expired = me?.passwordExpired === true
  // the role list is refused while the password has expired; the tags fall back to built-in names
  const roles = useRoles(!expired)
  const change = useChangePassword()
  const [form] = Form.useForm<Values>()

  if (!me) return null

  const violations = violationsOf(change.error)
  // a wrong current password is shown at its field; everything else above the form
  const wrongCurrent = fieldOf(change.error) === 'currentPassword'

  const submit = async (values: Values) => {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword })
      message.success(t('account.passwordChanged'))
      form.resetFields()
      change.reset()
      await queryClient.refetchQueries({ queryKey: meKey, exact: true })
      if (expired) navigate('/workbench', { replace: true })
    } catch (error) {
      if (error instanceof ApiError && fieldOf(error) === 'currentPassword') {
        form.setFields([{ name: 'currentPassword', errors: [t.pick(error.body)] }])
      }
    }
  }

  return (
    <>
      <PageHeader title={t('account.title')} />
      {expired && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('account.passwordExpired')}
          description={t('account.passwordExpiredHint')}
          role="alert"
          data-testid="password-expired"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.info')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              bordered
              size="middle"
              styles={{ label: { width: 120 } }}
              items={[
                { key: 'username', label: t('account.username'), children: <span className="mono">{me.username}</span> },
                { key: 'displayName', label: t('account.displayName'), children: me.displayName },
                { key: 'region', label: t('account.region'), children: me.regionName },
                { key: 'org', label: t('account.org'), children: me.orgName },
                { key: 'roles', label: t('account.roles'), children: <RoleTags roles={me.roles} list={roles.data} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('account.changePassword')} style={{ height: '100%' }}>
            {change.error !== null && !wrongCurrent && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={violations.length > 0 ? t('account.violations') : errorText(change.error)}
                description={
                  violations.length > 0 ? (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="password-violations">
                      {violations.map((violation) => (
                        <li key={violation.id}>{t.pick(violation)}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
                role="alert"
              />
            )}
            <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 480 }} data-testid="password-form">
              <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
              <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('account.currentPasswordRequired') }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('account.policyHint')} rules={[{ required: true, message: t('account.newPasswordRequired') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('account.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: t('account.confirmPasswordRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                {t('account.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  )
}
