import { CheckOutlined, DiffOutlined, RightOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Spin, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { useErrorText } from '../../../app/api/errors'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useRegion } from '../../platform/api'
import { useCompare, useResolveTask, useVersion, type ItemKind, type ReviewAction, type ReviewTask } from '../api'
import { DiffTable } from './DiffTable'
import { paren } from './ElementValue'
import { ReasonTag } from './tags'

/** The region of a task by name; the national list's tasks sit with the home province. */
function RegionName({ task }: { task: ReviewTask }) {
  const t = useT()
  const region = useRegion(task.level === 'national' ? undefined : task.regionCode)
  if (task.level === 'national') return <>{t('catalog.national')}</>
  return <>{region.data?.fullName ?? task.regionCode}</>
}

/** What the level above changed: the parent version this entry was built on against the new one. */
function ParentChanges({ task, kind }: { task: ReviewTask; kind?: ItemKind }) {
  const reviewed = useVersion(task.versionId)
  const compare = useCompare(reviewed.data?.parentVersionId ?? undefined, task.parentVersionId ?? undefined)
  if (reviewed.isLoading || compare.isLoading) return <Spin size="small" />
  if (reviewed.error || compare.error) return <ErrorAlert error={reviewed.error ?? compare.error} />
  if (!compare.data) return null
  return <DiffTable kind={kind ?? 'licensing'} changes={compare.data.changes} testId={`parent-diff-${task.id}`} />
}

/** A data-testid for props objects, which do not take hyphenated names literally. */
const testId = (id: string) => ({ 'data-testid': id }) as object

const actionIcons: Record<ReviewAction, React.ReactNode> = { adopt: <SyncOutlined />, confirm: <CheckOutlined />, retire: <StopOutlined /> }

/**
 * One review task: why it was raised (a parent version, a law change with its articles), and,
 * while open, the ways to settle it: adopt the parent's version, confirm, or retire.
 */
export function ReviewTaskCard({ task, kind, showEntry, canResolve }: { task: ReviewTask; kind?: ItemKind; showEntry: boolean; canResolve: boolean }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [action, setAction] = useState<ReviewAction | null>(null)
  const [showParent, setShowParent] = useState(false)
  const law = task.detail
  const actions: ReviewAction[] = task.reason === 'parent_changed' ? ['adopt', 'confirm'] : ['confirm', 'retire']

  return (
    <Card size="small" className="catalog-task" data-testid={`task-${task.id}`}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Space orientation="vertical" size={4} style={{ minWidth: 0, flex: '1 1 300px' }}>
          <Flex gap={8} align="center" wrap>
            <ReasonTag reason={task.reason} />
            {showEntry ? (
              <Link to={`/workbench/catalog/items/${task.implementationId}?tab=reviews`} className="catalog-task-name">
                {task.name ?? task.implementationId}
              </Link>
            ) : null}
            {task.status === 'resolved' && <Tag color="success">{t('catalog.reviews.resolved')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" className="catalog-sub">
            {showEntry && (
              <>
                <RegionName task={task} />
                {task.implementationCode && <span className="mono"> · {task.implementationCode}</span>}
                {' · '}
              </>
            )}
            {t('catalog.task.createdAt')} {formatDateTime(task.createdAt).slice(0, 16)}
          </Typography.Text>
        </Space>
        {canResolve && task.status === 'open' && (
          <Flex gap={8} wrap>
            {actions.map((a) => (
              <Button
                key={a}
                size={isPhone ? 'middle' : 'small'}
                icon={actionIcons[a]}
                danger={a === 'retire'}
                type={(a === 'adopt' && task.reason === 'parent_changed') || (a === 'retire' && task.reason === 'basis_repealed') ? 'primary' : 'default'}
                onClick={() => setAction(a)}
                data-testid={`resolve-${a}-${task.id}`}
              >
                {t(`catalog.resolve.${a}`)}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>

      {task.reason !== 'parent_changed' && law && (
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          style={{ marginTop: 12 }}
          items={[
            { key: 'law', label: t('catalog.task.law'), children: law.lawTitle ? `《${law.lawTitle}》` : '—' },
            {
              key: 'change',
              label: t('catalog.task.change'),
              children: (
                <span>
                  {law.changeKind && <Tag style={{ marginInlineEnd: 6 }}>{t.dynamic(`catalog.task.changeKind.${law.changeKind}`, law.changeKind)}</Tag>}
                  {law.changeTitle ?? '—'}
                </span>
              ),
            },
            { key: 'on', label: t('catalog.task.effectiveOn'), children: law.effectiveOn ?? '—' },
            {
              key: 'articles',
              label: t('catalog.task.articles'),
              children: (
                <Space size={[4, 4]} wrap>
                  {(law.articles ?? []).map((article) => (
                    <Tag key={article.articleId} color={article.effect === 'removed' || article.effect === 'repealed' ? 'red' : 'orange'}>
                      {article.label}
                      {article.oldLabel && article.oldLabel !== article.label ? ` ${paren(t, t('catalog.task.wasLabel', { label: article.oldLabel }))}` : ''}
                      {' · '}
                      {t.dynamic(`catalog.task.effect.${article.effect}`, article.effect)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {task.reason === 'basis_repealed' && task.status === 'open' && <Alert type="warning" showIcon title={t('catalog.reason.basis_repealed.desc')} style={{ marginTop: 8 }} />}
      {task.reason === 'parent_changed' && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('catalog.reason.parent_changed.desc')}</Typography.Text>{' '}
          {task.parentVersionId && (
            <Button type="link" size="small" icon={showParent ? <RightOutlined rotate={90} /> : <DiffOutlined />} onClick={() => setShowParent(!showParent)} data-testid={`parent-diff-toggle-${task.id}`}>
              {t('catalog.task.parentDiff')}
            </Button>
          )}
          {showParent && (
            <div style={{ marginTop: 8 }}>
              <ParentChanges task={task} kind={kind} />
            </div>
          )}
        </div>
      )}
      {task.status === 'resolved' && (
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          style={{ marginTop: 12 }}
          items={[
            { key: 'resolution', label: t('catalog.task.resolution'), children: task.resolution === 'adopted' ? t('catalog.resolve.adopt') : (task.resolution ?? '—') },
            { key: 'at', label: t('catalog.task.resolvedAt'), children: `${formatDateTime(task.resolvedAt).slice(0, 16)}${task.resolvedBy ? ` · ${task.resolvedBy}` : ''}` },
          ]}
        />
      )}
      <ResolveModal task={task} action={action} onClose={() => setAction(null)} />
    </Card>
  )
}

/** Settles a task with an optional note, after saying what the action does. */
function ResolveModal({ task, action, onClose }: { task: ReviewTask; action: ReviewAction | null; onClose: () => void }) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const resolve = useResolveTask()
  const [form] = Form.useForm<{ note?: string }>()

  useEffect(() => {
    if (!action) return
    resolve.reset()
    form.resetFields()
  }, [action])

  const submit = async ({ note }: { note?: string }) => {
    if (!action) return
    try {
      await resolve.mutateAsync({ id: task.id, action, note: note?.trim() })
      message.success(t('catalog.resolve.done'))
      onClose()
    } catch (error) {
      message.error(errorText(error))
    }
  }

  return (
    <Modal
      open={action !== null}
      title={action ? t('catalog.resolve.title', { action: t(`catalog.resolve.${action}`), name: task.name ?? '' }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'retire', ...testId('resolve-ok') }}
      confirmLoading={resolve.isPending}
      forceRender
    >
      {action && <Alert type={action === 'retire' ? 'warning' : 'info'} showIcon title={t(`catalog.resolve.${action}Desc`)} style={{ marginBottom: 12 }} />}
      {action === 'confirm' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('catalog.resolve.editFirst')}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={resolve.error} />
      <Form form={form} name={`resolve-${task.id}`} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('catalog.resolve.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={t('catalog.resolve.notePlaceholder')} data-testid="resolve-note" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
