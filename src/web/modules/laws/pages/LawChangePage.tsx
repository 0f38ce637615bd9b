import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Result, Skeleton } from 'antd'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../../app/api/client'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useLawChange } from '../api'
import { ChangeDiffList, diffRowsOf } from '../components/ChangeDiffList'
import { ChangeFacts } from '../components/ChangeFacts'
import { ImpactReport } from '../components/ImpactReport'

/** One law change (立改废释): its facts, the articles old and new, and its impact on the catalogue. */
export default function LawChangePage() {
  const t = useT()
  const { changeId } = useParams()
  const change = useLawChange(changeId)
  const data = change.data

  if (change.error instanceof ApiError && change.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('laws.change.notFound')}
        extra={
          <Link to="/workbench/laws">
            <Button type="primary">{t('laws.backToList')}</Button>
          </Link>
        }
      />
    )
  }

  return (
    <>
      <PageHeader
        title={data?.title ?? t('laws.change.pageTitle')}
        description={data ? `《${data.lawTitle}》` : undefined}
        extra={
          data && (
            <Link to={`/workbench/laws/${data.lawId}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('laws.change.backToLaw')}</Button>
            </Link>
          )
        }
      />
      <ErrorAlert error={change.error} onRetry={() => void change.refetch()} />
      {!data && change.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
      {data && (
        <Flex vertical gap={16}>
          <Card>
            <ChangeFacts change={data} />
          </Card>
          {data.kind !== 'enact' && <ImpactReport changeId={data.id} />}
          <Card title={t('laws.change.textTitle')}>
            <ChangeDiffList rows={diffRowsOf(data.articles)} />
          </Card>
        </Flex>
      )}
    </>
  )
}
