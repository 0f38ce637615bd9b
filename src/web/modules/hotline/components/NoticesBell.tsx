import { BellOutlined, CheckOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { formatDateTime } from '../../../shared/format'
import { hotlineApi, hotlineKeys, useReadNotice, useUnreadNotices, type Notice } from '../api'

// Deadlines are counted in days and the timers run every minute: asking once a minute is enough.
const POLL_MS = 60_000

/**
 * 提醒: the unread notices of the signed-in staff member (new assignments, returns, reminders,
 * overdue and escalated appeals, objections and extension requests to review), in the header.
 */
export function NoticesBell() {
  const t = useT()
  const { can } = useAuth()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const notices = useUnreadNotices(POLL_MS)
  const markRead = useReadNotice()
  const navigate = useNavigate()
  // A notice names its case; the appeal is found through it, and reading it marks it read.
  const openAppeal = useMutation({
    mutationFn: async (notice: Notice) => {
      const id = await hotlineApi.appealOfCase(notice.caseId)
      await hotlineApi.readNotice(notice.id)
      return id
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: hotlineKeys.notices })
      setOpen(false)
      if (id) void navigate(`/workbench/hotline/appeals/${id}`)
    },
  })
  const list = can('hotline.dispatch') ? '/workbench/hotline/dispatch' : can('hotline.handle') ? '/workbench/hotline/inbox' : '/workbench/hotline/appeals'
  const items = notices.data ?? []

  const content = (
    <Flex vertical gap={8} style={{ width: 320, maxWidth: '80vw' }}>
      <ErrorAlert error={notices.error ?? markRead.error ?? openAppeal.error} />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.notices.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 360, overflow: 'auto' }}
          renderItem={(notice) => (
            <List.Item
              actions={[
                <Button key="read" type="text" size="small" icon={<CheckOutlined />} loading={markRead.isPending && markRead.variables === notice.id} onClick={() => markRead.mutate(notice.id)} aria-label={t('hotline.notices.read')} title={t('hotline.notices.read')} />,
              ]}
            >
              <List.Item.Meta
                title={
                  <Typography.Link type={notice.kind === 'overdue' || notice.kind === 'escalated' ? 'danger' : undefined} onClick={() => openAppeal.mutate(notice)} data-testid={`notice-${notice.id}`}>
                    {t.dynamic(`hotline.notice.${notice.kind}`, notice.kind)}
                  </Typography.Link>
                }
                description={<span className="mono">{formatDateTime(notice.createdAt).slice(0, 16)}</span>}
              />
            </List.Item>
          )}
        />
      )}
      <Link to={list} onClick={() => setOpen(false)}>
        {t('hotline.notices.open')}
      </Link>
    </Flex>
  )

  return (
    <Popover content={content} title={t('hotline.notices')} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={t('hotline.notices')} data-testid="notices-bell">
        <Badge count={items.length} size="small" overflowCount={19}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  )
}
