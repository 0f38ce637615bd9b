import { Alert, App as AntApp, Button, InputNumber, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { appealTypes, type AppealType } from '../api'
import { useSetTypeLimit, useTypeLimits } from './api'

/** 办理时限: working days per appeal type, set by the province (other levels read them here). */
export function LimitsTab({ isProvince }: { isProvince: boolean }) {
  const t = useT()
  const { message } = AntApp.useApp()
  const isPhone = useIsPhone()
  const limits = useTypeLimits()
  const save = useSetTypeLimit()
  const [draft, setDraft] = useState<Partial<Record<AppealType, number | null>>>({})

  const rows = appealTypes.map((type) => ({ type, limitDays: limits.data?.[type] }))
  const valueOf = (type: AppealType) => (type in draft ? draft[type] : limits.data?.[type])

  const submit = async (type: AppealType) => {
    const limitDays = valueOf(type)
    if (typeof limitDays !== 'number') return
    try {
      await save.mutateAsync({ type, limitDays })
      setDraft(({ [type]: _, ...rest }) => rest)
      message.success(t('hotline.settings.saved'))
    } catch {
      // shown by the ErrorAlert
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('hotline.settings.limits.help')}</Typography.Paragraph>
      {!isProvince && <Alert type="info" showIcon title={t('hotline.settings.limits.provinceOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={limits.error} onRetry={() => void limits.refetch()} />
      <ErrorAlert error={save.error} />
      <Table
        rowKey="type"
        dataSource={rows}
        loading={limits.isFetching}
        pagination={false}
        size={isPhone ? 'small' : 'middle'}
        scroll={{ x: 420 }}
        data-testid="limits-table"
        columns={[
          { title: t('hotline.type'), dataIndex: 'type', width: 140, render: (type: AppealType) => t(`hotline.type.${type}`) },
          {
            title: t('hotline.settings.limits.days'),
            key: 'limit',
            render: (_, row) => {
              const value = valueOf(row.type)
              const changed = row.type in draft && value !== row.limitDays
              return (
                <Space wrap>
                  <InputNumber
                    min={1}
                    max={60}
                    precision={0}
                    value={value ?? null}
                    onChange={(next) => setDraft((current) => ({ ...current, [row.type]: next }))}
                    suffix={t('hotline.settings.limits.daysUnit')}
                    style={{ width: 160 }}
                    aria-label={`${t(`hotline.type.${row.type}`)} ${t('hotline.settings.limits.days')}`}
                    data-testid={`limit-${row.type}`}
                  />
                  <Button type="primary" size="small" disabled={!changed || typeof value !== 'number'} loading={save.isPending && save.variables?.type === row.type} onClick={() => void submit(row.type)} data-testid={`limit-save-${row.type}`}>
                    {t('common.save')}
                  </Button>
                </Space>
              )
            },
          },
        ]}
      />
    </>
  )
}

