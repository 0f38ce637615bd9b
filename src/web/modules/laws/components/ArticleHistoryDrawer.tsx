import { Alert, Drawer, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useIsPhone } from '../../../shared/useIsMobile'
import { useArticleHistory } from '../api'
import { ChangeKindTag } from './tags'
import './laws.css'

/** 条文沿革: every text an article has had, newest first, with the change that brought each. */
export function ArticleHistoryDrawer({
  lawId,
  article,
  onClose,
}: {
  lawId: string
  article: { id: string; label: string } | null
  onClose: () => void
}) {
  const t = useT()
  const isPhone = useIsPhone()
  const history = useArticleHistory(lawId, article?.id)
  const versions = [...(history.data?.versions ?? [])].reverse()

  return (
    <Drawer
      open={article !== null}
      onClose={onClose}
      title={article ? t('laws.history.title', { label: article.label }) : ''}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
      data-testid="article-history"
    >
      <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      {history.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {history.data && (
        <>
          {history.data.removedOn && (
            <Alert type="warning" showIcon title={t('laws.history.removedOn', { day: history.data.removedOn })} style={{ marginBottom: 16 }} />
          )}
          {history.data.label !== article?.label && (
            <Typography.Paragraph type="secondary">{t('laws.history.nowLabel', { label: history.data.label })}</Typography.Paragraph>
          )}
          {versions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={versions.map((version, index) => ({
                key: version.id,
                color: index === 0 && !history.data.removedOn ? 'green' : 'gray',
                content: (
                  <div data-testid={`history-version-${index}`}>
                    <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
                      <span className="mono">
                        {version.effectiveFrom} — {version.effectiveTo ?? t('laws.history.present')}
                      </span>
                      {index === 0 && !version.effectiveTo && !history.data.removedOn && <Tag color="green">{t('laws.history.current')}</Tag>}
                      {version.changeKind && <ChangeKindTag kind={version.changeKind} />}
                    </Flex>
                    {version.changeTitle && (
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                        {version.changeTitle}
                      </Typography.Paragraph>
                    )}
                    <div className="law-text law-text-box">{version.text}</div>
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  )
}
