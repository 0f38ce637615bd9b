import { Alert, App as AntApp, Button, Drawer, Flex, Form, Input } from 'antd'
import { useEffect } from 'react'
import { useT } from '../../../app/i18n'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { changedFields, useSaveDraft, useVersion, type ImplementationDetail } from '../api'
import { fromFormValues, toFormValues } from '../elements'
import { ElementsForm } from './ElementsForm'
import { showElementError } from './formHelpers'

/**
 * 编辑草稿: the draft's effective elements in a form. Only what changed is sent (the server lays it
 * over the draft); a claimed entry marks the fields that differ from the level above.
 */
export function EditDraftDrawer({ detail, open, onClose }: { detail: ImplementationDetail; open: boolean; onClose: () => void }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const [form] = Form.useForm()
  const save = useSaveDraft()
  const draft = detail.draft
  const kind = detail.implementation.kind
  const claimed = detail.implementation.parentId !== null
  const parentVersion = useVersion(claimed ? draft?.parentVersionId : undefined)

  useEffect(() => {
    if (!open || !draft) return
    save.reset()
    form.resetFields()
    form.setFieldsValue({ ...toFormValues(kind, draft.effective), note: draft.note })
  }, [open, draft?.id])

  if (!draft) return null

  const submit = async (values: Record<string, unknown>) => {
    const elements = changedFields(draft.effective, fromFormValues(kind, values))
    try {
      await save.mutateAsync({ versionId: draft.id, elements, note: typeof values.note === 'string' ? values.note.trim() : undefined })
      message.success(t('catalog.draftSaved'))
      onClose()
    } catch (error) {
      showElementError(form, error, t, ['note'])
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('catalog.editTitle', { n: draft.number })}
      size={isPhone ? '100%' : elder ? 1040 : 880}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="draft-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
      data-testid="edit-draft-drawer"
    >
      {claimed && <Alert type="info" showIcon title={t('catalog.editClaimedHint')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={save.error} />
      <Form form={form} name="editDraft" layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError data-testid="edit-draft-form">
        <ElementsForm kind={kind} form={form} baseline={claimed ? parentVersion.data?.effective : detail.current?.effective} />
        <Form.Item name="note" label={t('catalog.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('catalog.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
