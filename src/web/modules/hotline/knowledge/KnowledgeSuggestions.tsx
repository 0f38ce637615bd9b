import { BookOutlined, CheckOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Modal, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { useKnowledgeEntry, useKnowledgeSuggestions, type KnowledgeSuggestion } from './api'
import { KnowledgeLevelTag } from './components/tags'
import { useKnowledgeT } from './i18n'
import './knowledge.css'

// Shorter text matches too much to help: wait for a word or two.
const MIN_LENGTH = 2

/**
 * 知识推荐 beside the appeal being typed: up to five published, unexpired answers for the caller's
 * region (its province, city and county), asked for once the agent pauses typing: `text` should
 * already be debounced (the intake form debounces the appeal's content once, for its own suggestions
 * and for these). `onUse` hands the chosen entry's stable id to the intake form, which records it for
 * a first-call resolution (即时办结).
 */
export function KnowledgeSuggestions({ text, regionCode, onUse }: { text: string; regionCode: string; onUse?: (entry: { id: string; title: string }) => void }) {
  const k = useKnowledgeT()
  const settled = text.trim().slice(0, 500)
  const asked = settled.length >= MIN_LENGTH ? settled : ''
  const suggestions = useKnowledgeSuggestions(asked, regionCode)
  const [reading, setReading] = useState<KnowledgeSuggestion | null>(null)
  const items = asked ? (suggestions.data ?? []) : []

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          <BookOutlined />
          {k('knowledge.suggest.title')}
          {suggestions.isFetching && <Spin size="small" />}
        </Flex>
      }
      data-testid="knowledge-suggestions"
    >
      <ErrorAlert error={suggestions.error} />
      {!asked && <Typography.Text type="secondary">{k('knowledge.suggest.hint')}</Typography.Text>}
      {asked && !suggestions.isPending && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={k('knowledge.suggest.none')} />}
      {items.map((item) => (
        <div key={item.id} className="knowledge-suggestion" data-testid="knowledge-suggestion">
          <Flex gap={6} align="center" wrap>
            <KnowledgeLevelTag level={item.level} />
            <Typography.Link strong onClick={() => setReading(item)}>
              {item.title}
            </Typography.Link>
          </Flex>
          <Typography.Paragraph type="secondary" className="knowledge-snippet" style={{ margin: '4px 0' }}>
            {item.snippet}
          </Typography.Paragraph>
          <Flex gap={6} align="center" wrap justify="space-between">
            <Flex gap={4} wrap>
              {item.catalogItem && (
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {item.catalogItem.name}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {k('knowledge.suggest.validUntil', { day: item.validUntil })}
              </Typography.Text>
            </Flex>
            <Flex gap={4}>
              <Button size="small" onClick={() => setReading(item)}>
                {k('knowledge.suggest.read')}
              </Button>
              {onUse && (
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => onUse({ id: item.id, title: item.title })} data-testid="knowledge-suggestion-use">
                  {k('knowledge.suggest.use')}
                </Button>
              )}
            </Flex>
          </Flex>
        </div>
      ))}
      <FullAnswer suggestion={reading} onClose={() => setReading(null)} onUse={onUse} />
    </Card>
  )
}

function FullAnswer({ suggestion, onClose, onUse }: { suggestion: KnowledgeSuggestion | null; onClose: () => void; onUse?: (entry: { id: string; title: string }) => void }) {
  const k = useKnowledgeT()
  const entry = useKnowledgeEntry(suggestion?.id)
  const answer = entry.data?.published
  return (
    <Modal
      open={suggestion !== null}
      onCancel={onClose}
      title={suggestion?.title}
      width={720}
      footer={
        suggestion && onUse ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => {
              onUse({ id: suggestion.id, title: suggestion.title })
              onClose()
            }}
          >
            {k('knowledge.suggest.use')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={entry.error} />
      {entry.isFetching && !answer && <Spin />}
      {answer && (
        <Flex vertical gap={8}>
          {entry.data?.entry.expired && <Alert type="error" showIcon title={k('knowledge.expiredHint')} />}
          <Typography.Paragraph className="knowledge-answer">{answer.body}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
            {entry.data?.entry.regionName} · {entry.data?.entry.orgName ?? '—'} · {k('knowledge.suggest.validUntil', { day: answer.validUntil })}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  )
}
