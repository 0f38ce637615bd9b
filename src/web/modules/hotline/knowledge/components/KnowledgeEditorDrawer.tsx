import { Alert, App as AntApp, AutoComplete, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo } from 'react'
import { ApiError } from '../../../../app/api/client'
import { fieldOf } from '../../../../app/api/errors'
import { useIdempotencyKey } from '../../../../app/api/idempotency'
import { useAuth } from '../../../../app/auth'
import { useT } from '../../../../app/i18n'
import { usePreferences } from '../../../../app/preferences'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { showFieldError } from '../../../../shared/formErrors'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { RegionTreeSelect } from '../../../platform/components/RegionTreeSelect'
import { useOrgs } from '../../../platform/api'
import { ownsEntries, useCreateKnowledge, useKnowledgeCategories, useSaveKnowledgeDraft, type CatalogLink, type KnowledgeContent, type KnowledgeEntryDetail } from '../api'
import { useKnowledgeT } from '../i18n'
import { CatalogItemPicker } from './CatalogItemPicker'

interface FormValues {
  regionCode?: string
  orgId?: string
  title: string
  body: string
  categoryKey?: string
  catalogItem?: CatalogLink | null
  keywords?: string[]
  validUntil: Dayjs
}

const MAX_BODY = 20_000
const serverFields = ['regionCode', 'orgId', 'title', 'body', 'categoryKey', 'keywords', 'validUntil'] as const

/** The region a staff member writes entries for by default: their own, or the county above a township. */
function ownRegionOf(code: string): string {
  return code.length > 6 ? code.slice(0, 6) : code
}

function contentOf(values: FormValues): KnowledgeContent {
  return {
    title: values.title.trim(),
    body: values.body,
    categoryKey: values.categoryKey?.trim() || null,
    catalogItemId: values.catalogItem?.id ?? null,
    keywords: values.keywords ?? [],
    validUntil: values.validUntil.format('YYYY-MM-DD'),
  }
}

/**
 * 新建 / 编辑 / 修订: one form for a new entry, its draft, or a new revision of a published entry
 * (the published answer stays until the revision is approved).
 */
export function KnowledgeEditorDrawer({ open, onClose, detail, onSaved }: { open: boolean; onClose: () => void; detail?: KnowledgeEntryDetail; onSaved: (detail: KnowledgeEntryDetail) => void }) {
  const t = useT()
  const k = useKnowledgeT()
  const { me } = useAuth()
  const { message } = AntApp.useApp()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const [form] = Form.useForm<FormValues>()
  const create = useCreateKnowledge()
  const save = useSaveKnowledgeDraft()
  const idempotency = useIdempotencyKey()
  const categories = useKnowledgeCategories()
  const creating = !detail
  const revising = detail !== undefined && detail.working === null
  const rootRegion = ownRegionOf(me?.regionCode ?? '')
  const regionCode = Form.useWatch('regionCode', form)
  const orgs = useOrgs(creating ? regionCode : undefined)
  const categoryText = Form.useWatch('categoryKey', form) ?? ''

  useEffect(() => {
    if (!open) return
    create.reset()
    save.reset()
    form.resetFields()
    const source = detail ? (detail.working ?? detail.published ?? detail.shown) : null
    form.setFieldsValue(
      source
        ? {
            title: source.title,
            body: source.body,
            categoryKey: source.categoryKey ?? undefined,
            catalogItem: source.catalogItem,
            keywords: source.keywords,
            validUntil: dayjs(source.validUntil),
          }
        : {
            regionCode: ownsEntries(rootRegion) ? rootRegion : undefined,
            orgId: me && me.regionCode === rootRegion ? me.orgId : undefined,
            validUntil: dayjs().add(1, 'year'),
            keywords: [],
          },
    )
  }, [open, detail?.entry.id, detail?.entry.version])

  const categoryOptions = useMemo(
    () =>
      (categories.data ?? [])
        .filter((c) => c.key.includes(categoryText.trim()))
        .map((c) => ({ value: c.key, label: `${c.key}（${c.count}）` })),
    [categories.data, categoryText],
  )

  const submit = async (values: FormValues) => {
    try {
      let saved: KnowledgeEntryDetail
      if (detail) {
        saved = await save.mutateAsync({ id: detail.entry.id, body: { expectedVersion: detail.entry.version, ...contentOf(values) } })
        message.success(k('knowledge.done.saved'))
      } else {
        const body = { regionCode: values.regionCode ?? '', orgId: values.orgId ?? '', ...contentOf(values) }
        saved = await create.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) })
        idempotency.reset()
        message.success(k('knowledge.done.created'))
      }
      onSaved(saved)
      onClose()
    } catch (error) {
      if (showFieldError(form, error, t, serverFields)) return
      // The server names the catalogue link catalogItemId; the form holds it as catalogItem.
      if (error instanceof ApiError && fieldOf(error) === 'catalogItemId') form.setFields([{ name: 'catalogItem', errors: [t.pick(error.body)] }])
    }
  }

  const title = creating ? k('knowledge.editor.createTitle') : revising ? k('knowledge.editor.reviseTitle') : k('knowledge.editor.editTitle')
  const required = (field: string) => ({ required: true, whitespace: true, message: k('knowledge.editor.required', { field }) })

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isPhone ? '100%' : elder ? 960 : 760}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || save.isPending} onClick={() => form.submit()} data-testid="knowledge-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
      data-testid="knowledge-editor"
    >
      {revising && <Alert type="info" showIcon title={k('knowledge.editor.reviseHint')} style={{ marginBottom: 16 }} />}
      {detail?.working?.reviewComment && <Alert type="warning" showIcon title={k('knowledge.rejectedComment')} description={detail.working.reviewComment} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={create.error ?? save.error} />
      <Form<FormValues> form={form} name="knowledgeEditor" layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        {creating && (
          <Flex gap={12} wrap>
            <Form.Item
              name="regionCode"
              label={k('knowledge.region')}
              tooltip={k('knowledge.editor.regionHint')}
              rules={[
                { required: true, message: k('knowledge.editor.required', { field: k('knowledge.region') }) },
                { validator: async (_rule, code?: string) => (code === undefined || ownsEntries(code) ? undefined : Promise.reject(new Error(k('knowledge.editor.regionTooDeep')))) },
              ]}
              style={{ flex: '1 1 240px' }}
            >
              <RegionTreeSelect rootCode={rootRegion} onChange={() => form.setFieldValue('orgId', undefined)} data-testid="knowledge-region" />
            </Form.Item>
            <Form.Item name="orgId" label={k('knowledge.org')} rules={[{ required: true, message: k('knowledge.editor.required', { field: k('knowledge.org') }) }]} style={{ flex: '1 1 240px' }}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={orgs.isFetching}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                data-testid="knowledge-org"
              />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="title" label={k('knowledge.title')} rules={[required(k('knowledge.title'))]}>
          <Input maxLength={200} showCount data-testid="knowledge-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={k('knowledge.body')}
          extra={k('knowledge.bodyHint')}
          rules={[required(k('knowledge.body')), { max: MAX_BODY, message: k('knowledge.editor.bodyTooLong') }]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={MAX_BODY} showCount data-testid="knowledge-body" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="categoryKey" label={k('knowledge.category')} tooltip={k('knowledge.categoryHint')} style={{ flex: '1 1 240px' }}>
            <AutoComplete options={categoryOptions} allowClear maxLength={64} data-testid="knowledge-category" />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={k('knowledge.validUntil')}
            rules={[{ required: true, message: k('knowledge.editor.required', { field: k('knowledge.validUntil') }) }]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="knowledge-valid-until" />
          </Form.Item>
        </Flex>
        <Form.Item name="catalogItem" label={k('knowledge.catalogItem')}>
          <CatalogItemPicker />
        </Form.Item>
        <Form.Item name="keywords" label={k('knowledge.keywords')} extra={k('knowledge.keywordsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} maxCount={20} data-testid="knowledge-keywords" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
