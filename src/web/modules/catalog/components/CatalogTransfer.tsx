import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App as AntApp, Button, Checkbox, Dropdown, Flex, Modal, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { api } from '../../../app/api/client'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'

interface ImportProblem {
  sheet: string | null
  row: number
  column: string | null
  field: string | null
  id: string
  zh: string
  en: string
}

interface ImportResult {
  created: number
  updated: number
  published: number
  dryRun: boolean
  problems: ImportProblem[]
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The export links of a region's list: Excel for people, JSON for systems. */
export function CatalogExport({ region, kind }: { region: string; kind?: string }) {
  const t = useT()
  const href = (format: 'xlsx' | 'json') => `/api/catalog/export?${new URLSearchParams({ region, format, ...(kind ? { kind } : {}) })}`
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: <a href={href('xlsx')} download data-testid="catalog-export-xlsx">{t('catalog.transfer.exportXlsx')}</a> },
          { key: 'json', label: <a href={href('json')} download>{t('catalog.transfer.exportJson')}</a> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="catalog-export">
        {t('catalog.transfer.export')}
      </Button>
    </Dropdown>
  )
}

/**
 * Importing a list into the national base list: the file is checked first (a dry run that writes
 * nothing) and every problem is listed by sheet, row and column; only a clean file can be imported,
 * and then all of it at once.
 */
export function CatalogImport() {
  const t = useT()
  const { message } = AntApp.useApp()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [publish, setPublish] = useState(false)
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const format = file!.name.toLowerCase().endsWith('.json') ? 'json' : 'xlsx'
      const body = new Blob([file!], { type: format === 'json' ? 'application/json' : XLSX })
      return api.post<ImportResult>('/api/catalog/import', body, { query: { format, dryRun, publish } })
    },
    onSuccess: (result) => {
      if (result.dryRun) return
      void queryClient.invalidateQueries({ queryKey: ['catalog'] })
      message.success(t('catalog.transfer.imported', { created: result.created, updated: result.updated }))
      close()
    },
  })
  const checked = send.data?.dryRun ? send.data : undefined
  const problems = (send.error && 'body' in send.error ? (send.error.body as { details?: { problems?: ImportProblem[] } }).details?.problems : undefined) ?? checked?.problems ?? []

  function close() {
    setOpen(false)
    setFile(null)
    send.reset()
  }

  function choose(chosen: File) {
    setFile(chosen)
    send.reset()
    return false
  }

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="catalog-import">
        {t('catalog.transfer.import')}
      </Button>
      <Modal
        open={open}
        title={t('catalog.transfer.importTitle')}
        onCancel={close}
        width={880}
        footer={
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
              {t('catalog.transfer.publish')}
            </Checkbox>
            <Flex gap={8}>
              <Button disabled={!file} loading={send.isPending && send.variables?.dryRun} onClick={() => send.mutate({ dryRun: true })} data-testid="catalog-import-check">
                {t('catalog.transfer.check')}
              </Button>
              <Button type="primary" disabled={!checked || checked.problems.length > 0} loading={send.isPending && !send.variables?.dryRun} onClick={() => send.mutate({ dryRun: false })} data-testid="catalog-import-run">
                {t('catalog.transfer.run')}
              </Button>
            </Flex>
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('catalog.transfer.hint')}
          </Typography.Paragraph>
          <Upload.Dragger accept=".xlsx,.json" maxCount={1} beforeUpload={choose} fileList={[]} showUploadList={false}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{file ? file.name : t('catalog.transfer.drop')}</p>
          </Upload.Dragger>
          {checked && checked.problems.length === 0 && (
            <Alert type="success" showIcon title={t('catalog.transfer.clean', { created: checked.created, updated: checked.updated })} data-testid="catalog-import-clean" />
          )}
          {send.error && problems.length === 0 && <ErrorAlert error={send.error} />}
          {problems.length > 0 && (
            <>
              <Alert type="error" showIcon title={t('catalog.transfer.problems', { n: problems.length })} />
              <Table<ImportProblem>
                size="small"
                rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.id}`}
                dataSource={problems}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                scroll={{ x: 600 }}
                data-testid="catalog-import-problems"
                columns={[
                  { title: t('catalog.transfer.sheet'), dataIndex: 'sheet', width: 90, render: (v: string | null) => v ?? 'JSON' },
                  { title: t('catalog.transfer.row'), dataIndex: 'row', width: 60 },
                  { title: t('catalog.transfer.column'), dataIndex: 'column', width: 120, render: (v: string | null, p) => v ?? p.field ?? '' },
                  { title: t('catalog.transfer.problem'), key: 'message', render: (_: unknown, p) => t.pick(p) },
                ]}
              />
            </>
          )}
        </Flex>
      </Modal>
    </>
  )
}
