import { ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Pagination, Space, Spin, Switch, Tabs, Typography } from 'antd'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useReviewTasks, type ReviewTask, type TaskQuery } from '../api'
import { ReviewTaskCard } from '../components/ReviewTaskCard'
import '../catalog.css'

const PAGE_SIZE = 10

/** The inbox query lives in the URL: status, my department only, page. */
function useInboxQuery(): [TaskQuery, (next: Partial<TaskQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo<TaskQuery>(() => {
    return {
      status: params.get('status') === 'resolved' ? 'resolved' : 'open',
      mine: params.get('mine') === '1' ? true : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZE,
    }
  }, [params])
  const update = (next: Partial<TaskQuery>) => {
    const merged = { ...query, ...next }
    const search = new URLSearchParams()
    if (merged.status === 'resolved') search.set('status', 'resolved')
    if (merged.mine) search.set('mine', '1')
    if (merged.page > 1) search.set('page', String(merged.page))
    setParams(search, { replace: true })
  }
  return [query, update]
}

/** 复核任务: reviews raised by parent versions and law changes, in the user's region and below. */
export default function CatalogReviewsPage() {
  const t = useT()
  const { me, can } = useAuth()
  const meta = useMeta()
  const isPhone = useIsPhone()
  const [query, setQuery] = useInboxQuery()
  const tasks = useReviewTasks(query, Boolean(me))
  const shown = tasks.data?.items ?? []

  if (!me) return null
  const canResolve = (task: ReviewTask) => can('catalog.edit') && task.regionCode.startsWith(me.regionCode) && Boolean(meta.data)

  return (
    <>
      <PageHeader title={t('catalog.reviews.title')} description={t('catalog.reviews.desc')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={query.status}
          onChange={(status) => setQuery({ status: status as 'open' | 'resolved', page: 1 })}
          items={[
            { key: 'open', label: t('catalog.reviews.open') },
            { key: 'resolved', label: t('catalog.reviews.resolved') },
          ]}
          tabBarExtraContent={isPhone ? undefined : <Button type="text" icon={<ReloadOutlined />} onClick={() => void tasks.refetch()} aria-label={t('common.refresh')} />}
          data-testid="reviews-tabs"
        />
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Space>
            <Switch checked={Boolean(query.mine)} onChange={(on) => setQuery({ mine: on || undefined, page: 1 })} aria-label={t('catalog.reviews.mine')} data-testid="reviews-mine" />
            <Typography.Text>{t('catalog.reviews.mine')}</Typography.Text>
          </Space>
          {tasks.data && <Typography.Text type="secondary">{t('common.total', { total: tasks.data.total })}</Typography.Text>}
        </Flex>
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        <Spin spinning={tasks.isFetching}>
          {shown.length === 0 && !tasks.isPending ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.reviews.empty')} />
          ) : (
            <Flex vertical gap={12} data-testid="reviews-list">
              {shown.map((task) => (
                <ReviewTaskCard key={task.id} task={task} showEntry canResolve={canResolve(task)} />
              ))}
            </Flex>
          )}
        </Spin>
        {(tasks.data?.total ?? 0) > PAGE_SIZE && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Pagination current={query.page} pageSize={PAGE_SIZE} total={tasks.data?.total ?? 0} onChange={(page) => setQuery({ page })} simple={isPhone} showSizeChanger={false} />
          </Flex>
        )}
      </Card>
    </>
  )
}
