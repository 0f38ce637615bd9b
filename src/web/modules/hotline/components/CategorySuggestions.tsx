import { BulbOutlined, CheckOutlined } from '@ant-design/icons'
import { Card, Empty, Flex, Progress, Spin, Tag, Typography } from 'antd'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import type { Suggestions } from '../api'

/**
 * 分类建议 beside the intake form: the likeliest categories for what the agent has typed, each with
 * its probability and the department it would go to in the caller's region. Clicking one chooses it.
 */
export function CategorySuggestions({
  asked,
  suggestions,
  loading,
  error,
  chosen,
  onChoose,
}: {
  asked: boolean
  suggestions: Suggestions | undefined
  loading: boolean
  error: unknown
  chosen: string | undefined
  onChoose: (key: string) => void
}) {
  const t = useT()
  const categories = asked ? (suggestions?.categories ?? []) : []
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          <BulbOutlined />
          {t('hotline.suggest.title')}
          {loading && <Spin size="small" />}
        </Flex>
      }
      data-testid="category-suggestions"
    >
      <ErrorAlert error={error} />
      {!asked && <Typography.Text type="secondary">{t('hotline.suggest.hint')}</Typography.Text>}
      {asked && !loading && categories.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.suggest.none')} />}
      {categories.map((category) => {
        const isChosen = category.key === chosen
        return (
          <div
            key={category.key}
            role="button"
            tabIndex={0}
            className={`hotline-suggestion${isChosen ? ' hotline-suggestion-chosen' : ''}`}
            onClick={() => onChoose(category.key)}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && onChoose(category.key)}
            data-testid={`suggestion-${category.key}`}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{t.pick({ zh: category.nameZh, en: category.nameEn })}</Typography.Text>
              {isChosen && (
                <Tag color="blue" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
                  {t('hotline.suggest.chosen')}
                </Tag>
              )}
            </Flex>
            <Progress percent={Math.round(category.probability * 100)} size="small" />
            <Typography.Text type="secondary" className="hotline-sub">
              {category.orgName ? t('hotline.suggest.to', { org: category.orgName }) : t('hotline.suggest.noRoute')}
            </Typography.Text>
          </div>
        )
      })}
    </Card>
  )
}
