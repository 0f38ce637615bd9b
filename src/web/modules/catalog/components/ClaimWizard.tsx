import { Alert, App as AntApp, Button, Descriptions, Empty, Flex, Form, Input, Modal, Result, Select, Spin, Steps, Tag, TreeSelect, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { fieldOf, useErrorText } from '../../../app/api/errors'
import { useIdempotencyKey } from '../../../app/api/idempotency'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { usePreferences } from '../../../app/preferences'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { keys as platformKeys, orgForest, platformApi, useOrgs, type OrgNode, type Region } from '../../platform/api'
import { changedFields, NATIONAL, useClaim, usePublish, type Created, type ElementRecord, type FieldChange, type ImplementationDetail } from '../api'
import { fieldsOf, fromFormValues, toFormValues } from '../elements'
import { DiffTable } from './DiffTable'
import { ElementsForm } from './ElementsForm'
import { showElementError } from './formHelpers'

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}

function toOptions(nodes: OrgNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: node.children ? toOptions(node.children) : undefined }))
}

/** The regions one level below an entry's region: the home province below the national list, else the region's children. */
export function useRegionsBelow(regionCode: string) {
  const meta = useMeta()
  const national = regionCode === NATIONAL
  const children = useQuery({
    queryKey: platformKeys.regionChildren(regionCode),
    queryFn: () => platformApi.regionChildren(regionCode),
    enabled: !national && regionCode.length < 6,
    staleTime: 10 * 60_000,
  })
  const regions = useMemo<{ code: string; name: string }[]>(() => {
    if (national) return meta.data ? [{ code: meta.data.province.code, name: meta.data.province.name }] : []
    if (regionCode.length >= 6) return []
    return (children.data ?? []).filter((r: Region) => r.level <= 3).map((r) => ({ code: r.code, name: r.name }))
  }, [national, meta.data, regionCode, children.data])
  return { regions, loading: national ? meta.isPending : children.isPending && regionCode.length < 6 }
}

/**
 * 认领到下级: the steps of a claim. Choose the region just below (one the user acts for), its
 * implementing department, the elements that differ there (the form starts from the parent's),
 * confirm; then publish the new entry or open it.
 */
export function ClaimWizard({ detail, open, onClose }: { detail: ImplementationDetail; open: boolean; onClose: () => void }) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const navigate = useNavigate()
  const { me } = useAuth()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const claim = useClaim()
  const publish = usePublish()
  const idempotency = useIdempotencyKey()
  const [headForm] = Form.useForm<{ regionCode?: string; orgId?: string; note?: string }>()
  const [elementsForm] = Form.useForm()
  const [step, setStep] = useState(0)
  const [overrides, setOverrides] = useState<ElementRecord>({})
  const [created, setCreated] = useState<Created | null>(null)

  const kind = detail.implementation.kind
  const parent = detail.current?.effective ?? {}
  const below = useRegionsBelow(detail.implementation.regionCode)
  const claimed = new Set(detail.children.map((c) => c.regionCode))
  const mine = below.regions.filter((r) => me && r.code.startsWith(me.regionCode))
  const regionCode = Form.useWatch('regionCode', headForm)
  const orgId = Form.useWatch('orgId', headForm)
  const orgs = useOrgs(regionCode)
  const orgOptions = useMemo(() => toOptions(orgForest(orgs.data ?? [])), [orgs.data])
  const regionName = below.regions.find((r) => r.code === regionCode)?.name ?? regionCode ?? ''
  const orgName = orgs.data?.find((o) => o.id === orgId)?.name ?? ''

  useEffect(() => {
    if (!open) return
    claim.reset()
    publish.reset()
    idempotency.reset()
    headForm.resetFields()
    elementsForm.resetFields()
    elementsForm.setFieldsValue(toFormValues(kind, parent))
    setOverrides({})
    setCreated(null)
    setStep(0)
  }, [open])

  // one region to choose from: chosen already
  useEffect(() => {
    if (!open || headForm.getFieldValue('regionCode')) return
    const free = mine.filter((r) => !claimed.has(r.code))
    if (free.length === 1) headForm.setFieldsValue({ regionCode: free[0]!.code })
  }, [open, mine.length])

  // in the order of the elements, as the server lists changes
  const order = fieldsOf(kind)
  const changes: FieldChange[] = Object.entries(overrides)
    .map(([field, after]) => ({ field, before: parent[field] ?? null, after }))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))

  const next = async () => {
    try {
      if (step === 0) await headForm.validateFields(['regionCode'])
      if (step === 1) await headForm.validateFields(['orgId'])
      if (step === 2) {
        const values = await elementsForm.validateFields()
        setOverrides(changedFields(parent, fromFormValues(kind, { ...elementsForm.getFieldsValue(true), ...values })))
      }
      setStep(step + 1)
    } catch {
      // the form shows what is missing
    }
  }

  const submit = async () => {
    const { regionCode: code, orgId: org, note } = headForm.getFieldsValue(true) as { regionCode: string; orgId: string; note?: string }
    const body = { regionCode: code, orgId: org, overrides, note: note?.trim() || undefined }
    try {
      const result = await claim.mutateAsync({ parentId: detail.implementation.id, body, idempotencyKey: idempotency.keyFor(body) })
      idempotency.reset()
      setCreated(result)
      setStep(4)
    } catch (error) {
      // an element the server refused: back to the form, next to the field
      if (showElementError(elementsForm, error, t)) setStep(2)
      else if (showElementError(headForm, error, t, ['regionCode', 'orgId'])) setStep(fieldOf(error) === 'orgId' ? 1 : 0)
    }
  }

  const publishNow = async () => {
    if (!created) return
    try {
      const version = await publish.mutateAsync(created.draft.id)
      message.success(t('catalog.published', { n: version.number }))
      onClose()
      navigate(`/workbench/catalog/items/${created.implementation.id}`)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const stepItems = [
    { title: t('catalog.claim.step.region') },
    { title: t('catalog.claim.step.org') },
    { title: t('catalog.claim.step.overrides') },
    { title: t('catalog.claim.step.confirm') },
  ]

  const footer =
    step === 4 ? null : (
      <Flex justify="space-between" gap={8} wrap>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Flex gap={8}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('catalog.prev')}</Button>}
          {step < 3 && (
            <Button type="primary" onClick={() => void next()} disabled={step === 0 && mine.length === 0} data-testid="claim-next">
              {t('catalog.next')}
            </Button>
          )}
          {step === 3 && (
            <Button type="primary" loading={claim.isPending} onClick={() => void submit()} data-testid="claim-submit">
              {t('catalog.claim.submit')}
            </Button>
          )}
        </Flex>
      </Flex>
    )

  return (
    <Modal
      open={open}
      title={t('catalog.claim.title', { name: detail.implementation.name })}
      onCancel={onClose}
      footer={footer}
      width={isPhone ? '100%' : elder ? 1080 : 920}
      style={isPhone ? { top: 0, maxWidth: '100vw', paddingBottom: 0 } : undefined}
      forceRender
      data-testid="claim-wizard"
    >
      <Steps current={step} items={stepItems} size="small" orientation="horizontal" responsive={false} titlePlacement={isPhone ? 'vertical' : 'horizontal'} style={{ margin: '8px 0 20px' }} />
      <ErrorAlert error={claim.error ?? publish.error} />

      <Form form={headForm} name="claimHead" layout="vertical" requiredMark="optional">
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          {below.loading ? (
            <Spin />
          ) : mine.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.claim.noRegion')} />
          ) : (
            <Form.Item name="regionCode" label={t('catalog.claim.region')} extra={t('catalog.claim.regionHint')} rules={[{ required: true, message: t('region.pickRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'title' }}
                onChange={() => headForm.setFieldsValue({ orgId: undefined })}
                options={mine.map((r) => ({
                  value: r.code,
                  title: r.name,
                  disabled: claimed.has(r.code),
                  label: (
                    <span>
                      {r.name} <span className="mono catalog-sub">{r.code}</span>
                      {claimed.has(r.code) && <Tag style={{ marginInlineStart: 6 }}>{t('catalog.claim.claimed')}</Tag>}
                    </span>
                  ),
                }))}
                data-testid="claim-region"
              />
            </Form.Item>
          )}
        </div>
        <div style={{ display: step === 1 ? undefined : 'none' }}>
          <Form.Item name="orgId" label={t('catalog.claim.org')} extra={t('catalog.claim.orgHint')} rules={[{ required: true, message: t('staff.orgRequired') }]}>
            <TreeSelect
              treeData={orgOptions}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={orgs.isFetching}
              notFoundContent={orgs.data && orgs.data.length === 0 ? t('staff.orgNone') : undefined}
              placeholder={t('catalog.claim.org')}
              data-testid="claim-org"
            />
          </Form.Item>
        </div>
        <div style={{ display: step === 3 ? undefined : 'none' }}>
          <Typography.Paragraph data-testid="claim-summary">
            {t('catalog.claim.summary', { org: orgName, region: regionName, n: changes.length })}
          </Typography.Paragraph>
          <DiffTable kind={kind} changes={changes} beforeTitle={t('catalog.diff.parent')} afterTitle={t('catalog.diff.here')} emptyText={t('catalog.claim.noOverrides')} testId="claim-diff" />
          <Form.Item name="note" label={t('catalog.note')} style={{ marginTop: 16 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </div>
      </Form>

      <div style={{ display: step === 2 ? undefined : 'none' }}>
        <Alert type="info" showIcon title={t('catalog.claim.overridesHint')} style={{ marginBottom: 8 }} />
        <Form form={elementsForm} name="claimElements" layout="vertical" requiredMark="optional" data-testid="claim-elements-form">
          <ElementsForm kind={kind} form={elementsForm} baseline={parent} />
        </Form>
      </div>

      {step === 4 && created && (
        <Result
          status="success"
          title={t('catalog.claim.done')}
          subTitle={t('catalog.claim.doneDesc', { region: regionName })}
          extra={
            <Flex gap={8} justify="center" wrap>
              <Button type="primary" loading={publish.isPending} onClick={() => void publishNow()} data-testid="claim-publish">
                {t('catalog.claim.publishNow')}
              </Button>
              <Button
                onClick={() => {
                  onClose()
                  navigate(`/workbench/catalog/items/${created.implementation.id}`)
                }}
                data-testid="claim-open"
              >
                {t('catalog.claim.open')}
              </Button>
            </Flex>
          }
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'code', label: t('catalog.implementationCode'), children: <span className="mono">{created.implementation.implementationCode}</span> },
              { key: 'org', label: t('catalog.entryOrg'), children: orgName },
            ]}
          />
        </Result>
      )}
    </Modal>
  )
}
