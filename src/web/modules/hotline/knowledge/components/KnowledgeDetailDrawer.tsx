import { CheckOutlined, EditOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Popconfirm, Spin, Steps, Tabs, Tag, Timeline, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useAuth } from '../../../../app/auth'
import { useT } from '../../../../app/i18n'
import { usePreferences } from '../../../../app/preferences'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { formatDateTime } from '../../../../shared/format'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { useKnowledgeEntry, useKnowledgeRevision, useKnowledgeStep, type KnowledgeEntryDetail, type KnowledgeRevisionView, type KnowledgeStep, type RevisionSummary } from '../api'
import { useKnowledgeT } from '../i18n'
import { KnowledgeEditorDrawer } from './KnowledgeEditorDrawer'
import { KnowledgeLevelTag, KnowledgeStatusTags, RevisionStatusTag } from './tags'
import '../knowledge.css'

/** 条目详情: the answer agents see, the revision in progress, the review actions and the history. */
export function KnowledgeDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const k = useKnowledgeT()
  const isPhone = useIsPhone()
  const { elder } = usePreferences()
  const detail = useKnowledgeEntry(id)
  const data = detail.data

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={data?.entry.title ?? k('knowledge.detail')}
      size={isPhone ? '100%' : elder ? 1000 : 800}
      data-testid="knowledge-detail"
    >
      {detail.isPending && id !== null && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} title={k('knowledge.notFound')} />
      {data && <EntryView detail={data} />}
    </Drawer>
  )
}

function EntryView({ detail }: { detail: KnowledgeEntryDetail }) {
  const t = useT()
  const k = useKnowledgeT()
  const { can } = useAuth()
  const { message } = AntApp.useApp()
  const step = useKnowledgeStep()
  const [editing, setEditing] = useState(false)
  const [asking, setAsking] = useState<'reject' | 'retire' | null>(null)
  const { entry, actions, working, published } = detail
  useEffect(() => step.reset(), [entry.id])

  const run = async (name: KnowledgeStep, text?: string) => {
    await step.mutateAsync({ step: name, id: entry.id, version: entry.version, text })
    message.success(k(`knowledge.done.${name}`))
  }
  const awaitingOther = entry.workingStatus === 'submitted' && can('knowledge.review') && !actions.approve && actions.reject

  return (
    <Flex vertical gap={16}>
      <Flex gap={6} wrap align="center">
        <KnowledgeLevelTag level={entry.level} />
        <KnowledgeStatusTags entry={entry} />
        <Typography.Text type="secondary">
          {entry.regionName} · {entry.orgName ?? '—'} · {k('knowledge.revision', { n: entry.revisionNumber })}
        </Typography.Text>
      </Flex>
      {(working || entry.status === 'draft' || entry.status === 'submitted') && <ReviewSteps detail={detail} />}
      {entry.expired && <Alert type="error" showIcon title={k('knowledge.expiredHint')} />}
      {working && published && <Alert type="info" showIcon title={k('knowledge.workingHint')} />}
      {awaitingOther && <Alert type="warning" showIcon title={k('knowledge.selfReviewHint')} />}
      {entry.status === 'retired' && detail.retireReason && <Alert type="warning" showIcon title={k('knowledge.retireReason')} description={detail.retireReason} />}
      <ErrorAlert error={step.error} />
      <Flex gap={8} wrap data-testid="knowledge-actions">
        {actions.edit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="knowledge-edit">
            {working ? k('knowledge.action.edit') : k('knowledge.action.revise')}
          </Button>
        )}
        {actions.submit && (
          <Popconfirm title={k('knowledge.submitConfirm')} onConfirm={() => run('submit').catch(() => undefined)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button type="primary" icon={<SendOutlined />} loading={step.isPending} data-testid="knowledge-submit">
              {k('knowledge.action.submit')}
            </Button>
          </Popconfirm>
        )}
        {actions.approve && (
          <Popconfirm title={k('knowledge.approveConfirm')} onConfirm={() => run('approve').catch(() => undefined)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button type="primary" icon={<CheckOutlined />} loading={step.isPending} data-testid="knowledge-approve">
              {k('knowledge.action.approve')}
            </Button>
          </Popconfirm>
        )}
        {actions.reject && (
          <Button icon={<RollbackOutlined />} onClick={() => setAsking('reject')} data-testid="knowledge-reject">
            {k('knowledge.action.reject')}
          </Button>
        )}
        {actions.retire && (
          <Button danger icon={<StopOutlined />} onClick={() => setAsking('retire')} data-testid="knowledge-retire">
            {k('knowledge.action.retire')}
          </Button>
        )}
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={k('knowledge.entryId')}>
          <Typography.Text copyable className="mono" style={{ fontSize: '0.88em' }}>
            {entry.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={k('knowledge.validUntil')}>{entry.validUntil}</Descriptions.Item>
        <Descriptions.Item label={k('knowledge.category')}>{entry.categoryKey ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={k('knowledge.catalogItem')}>{entry.catalogItem?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={k('knowledge.keywords')} span={2}>
          {entry.keywords.length > 0 ? (
            <Flex gap={4} wrap>
              {entry.keywords.map((word) => (
                <Tag key={word} style={{ marginInlineEnd: 0 }}>
                  {word}
                </Tag>
              ))}
            </Flex>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'shown', label: published ? k('knowledge.tab.published') : k('knowledge.tab.shown'), children: <Answer revision={published ?? detail.shown} /> },
          ...(working && published
            ? [{ key: 'working', label: `${k('knowledge.tab.working')} · ${k('knowledge.revision', { n: working.number })}`, children: <Answer revision={working} /> }]
            : []),
          { key: 'history', label: k('knowledge.tab.history'), children: <History entryId={entry.id} revisions={detail.revisions} /> },
        ]}
      />
      <KnowledgeEditorDrawer open={editing} onClose={() => setEditing(false)} detail={detail} onSaved={() => undefined} />
      <ReasonModal
        step={asking}
        pending={step.isPending}
        error={step.error}
        onClose={() => setAsking(null)}
        onSubmit={async (text) => {
          if (!asking) return
          await run(asking, text)
          setAsking(null)
        }}
      />
    </Flex>
  )
}

/** 编写 → 审核 → 发布, for an entry or a revision on its way. */
function ReviewSteps({ detail }: { detail: KnowledgeEntryDetail }) {
  const k = useKnowledgeT()
  const stage = detail.entry.workingStatus ?? detail.entry.status
  const current = stage === 'submitted' ? 1 : stage === 'draft' ? 0 : 2
  const rejected = stage === 'draft' && Boolean(detail.working?.reviewComment)
  return (
    <Steps
      size="small"
      current={current}
      status={rejected ? 'error' : undefined}
      responsive={false}
      items={[
        { title: k('knowledge.step.draft'), content: rejected ? k('knowledge.done.reject') : undefined },
        { title: k('knowledge.step.review') },
        { title: k('knowledge.step.published') },
      ]}
    />
  )
}

function Answer({ revision }: { revision: KnowledgeRevisionView }) {
  const k = useKnowledgeT()
  return (
    <Flex vertical gap={12}>
      {revision.reviewComment && revision.status === 'draft' && <Alert type="warning" showIcon title={k('knowledge.rejectedComment')} description={revision.reviewComment} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {revision.title}
      </Typography.Title>
      <Typography.Paragraph className="knowledge-answer" data-testid="knowledge-answer">
        {revision.body}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
        {k('knowledge.revision', { n: revision.number })} · {k('knowledge.validUntil')} {revision.validUntil}
      </Typography.Text>
    </Flex>
  )
}

function History({ entryId, revisions }: { entryId: string; revisions: RevisionSummary[] }) {
  const k = useKnowledgeT()
  const [viewing, setViewing] = useState<string | null>(null)
  const revision = useKnowledgeRevision(entryId, viewing)
  if (revisions.length === 0) return <Empty />
  return (
    <>
      <Timeline
        items={revisions.map((r) => ({
          key: r.id,
          color: r.status === 'published' ? 'green' : r.status === 'submitted' ? 'blue' : 'gray',
          content: (
            <Flex vertical gap={2}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{k('knowledge.revision', { n: r.number })}</Typography.Text>
                <RevisionStatusTag status={r.status} />
                <Typography.Text>{r.title}</Typography.Text>
                <Button size="small" type="link" onClick={() => setViewing(r.id)}>
                  {k('knowledge.history.view')}
                </Button>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
                {[
                  k('knowledge.history.created', { who: r.createdBy, at: formatDateTime(r.createdAt) }),
                  r.submittedBy && r.submittedAt ? k('knowledge.history.submitted', { who: r.submittedBy, at: formatDateTime(r.submittedAt) }) : null,
                  r.reviewedBy && r.reviewedAt ? k('knowledge.history.reviewed', { who: r.reviewedBy, at: formatDateTime(r.reviewedAt) }) : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </Typography.Text>
              {r.reviewComment && <Typography.Text type="warning">{`${k('knowledge.rejectedComment')}：${r.reviewComment}`}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
      <Modal open={viewing !== null} onCancel={() => setViewing(null)} footer={null} title={revision.data ? k('knowledge.revision', { n: revision.data.number }) : undefined} width={720}>
        <ErrorAlert error={revision.error} />
        {revision.isFetching && !revision.data ? <Spin /> : revision.data && <Answer revision={revision.data} />}
      </Modal>
    </>
  )
}

/** 退回修改 asks for a comment, 废止 for a reason. */
function ReasonModal({ step, pending, error, onClose, onSubmit }: { step: 'reject' | 'retire' | null; pending: boolean; error: unknown; onClose: () => void; onSubmit: (text: string) => Promise<void> }) {
  const t = useT()
  const k = useKnowledgeT()
  const [form] = Form.useForm<{ text: string }>()
  useEffect(() => {
    if (step) form.resetFields()
  }, [step])
  const reject = step === 'reject'
  return (
    <Modal
      open={step !== null}
      title={reject ? k('knowledge.rejectTitle') : k('knowledge.retireTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={reject ? k('knowledge.action.reject') : k('knowledge.action.retire')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !reject }}
      confirmLoading={pending}
      forceRender
    >
      {!reject && <Alert type="warning" showIcon title={k('knowledge.retireWarning')} style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={({ text }) => onSubmit(text.trim()).catch(() => undefined)}>
        <Form.Item
          name="text"
          label={reject ? k('knowledge.rejectComment') : k('knowledge.retireReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: reject ? k('knowledge.rejectCommentRequired') : k('knowledge.retireReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={reject ? 1000 : 500} data-testid="knowledge-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
