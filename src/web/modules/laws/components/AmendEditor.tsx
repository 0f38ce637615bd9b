import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Tag, Typography } from 'antd'
import { useRef } from 'react'
import { useT } from '../../../app/i18n'
import { useIsPhone } from '../../../shared/useIsMobile'
import type { LawArticle } from '../api'
import type { AmendmentDraft } from './amendment'
import './laws.css'

/**
 * The amendment editor: each article of the law can be changed (its text edited in place) or
 * removed, and new articles added after any article or before the first.
 */
export function AmendEditor({
  articles,
  draft,
  labels,
  onChange,
}: {
  articles: LawArticle[]
  draft: AmendmentDraft
  /** The labels after the amendment, by article id, and for the additions by their key (see the wizard). */
  labels?: Map<string, string>
  onChange: (draft: AmendmentDraft) => void
}) {
  const t = useT()
  const isPhone = useIsPhone()
  const counter = useRef(0)

  const addAfter = (after: string | null) => {
    counter.current += 1
    onChange({ ...draft, additions: [...draft.additions, { key: `add-${Date.now()}-${counter.current}`, after, text: '' }] })
  }
  const setAddition = (key: string, text: string) => onChange({ ...draft, additions: draft.additions.map((a) => (a.key === key ? { ...a, text } : a)) })
  const dropAddition = (key: string) => onChange({ ...draft, additions: draft.additions.filter((a) => a.key !== key) })
  const startEdit = (article: LawArticle) => onChange({ ...draft, edits: { ...draft.edits, [article.id]: article.text } })
  const setEdit = (id: string, text: string) => onChange({ ...draft, edits: { ...draft.edits, [id]: text } })
  const dropEdit = (id: string) => {
    const edits = { ...draft.edits }
    delete edits[id]
    onChange({ ...draft, edits })
  }
  const toggleRemove = (id: string) => {
    const removed = draft.removed.includes(id) ? draft.removed.filter((r) => r !== id) : [...draft.removed, id]
    const edits = { ...draft.edits }
    delete edits[id]
    onChange({ ...draft, removed, edits })
  }

  const additionsAfter = (after: string | null) =>
    draft.additions
      .filter((a) => a.after === after)
      .map((a) => (
        <div key={a.key} className="law-edit-added" data-testid="amend-added">
          <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
            <Flex gap={6} align="center">
              <Tag color="green">{t('laws.effect.added')}</Tag>
              {labels?.get(a.key) && <Typography.Text strong>{labels.get(a.key)}</Typography.Text>}
            </Flex>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => dropAddition(a.key)}>
              {isPhone ? null : t('laws.wizard.dropAddition')}
            </Button>
          </Flex>
          <Input.TextArea
            value={a.text}
            onChange={(e) => setAddition(a.key, e.target.value)}
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={20000}
            placeholder={t('laws.wizard.newArticlePlaceholder')}
            status={a.text.trim() ? undefined : 'warning'}
            aria-label={t('laws.wizard.newArticle')}
            autoFocus
          />
        </div>
      ))

  return (
    <div data-testid="amend-editor">
      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => addAfter(null)} style={{ marginBottom: 10 }} data-testid="amend-add-first">
        {t('laws.wizard.addFirst')}
      </Button>
      {additionsAfter(null)}
      {articles.map((article) => {
        const removed = draft.removed.includes(article.id)
        const edit = draft.edits[article.id]
        const editing = edit !== undefined && !removed
        return (
          <div key={article.id}>
            <div
              className={`law-edit-article${removed ? ' law-edit-article-removed' : editing ? ' law-edit-article-changed' : ''}`}
              data-testid={`amend-article-${article.ordinal}`}
            >
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{article.label}</Typography.Text>
                  {!removed && labels?.get(article.id) && labels.get(article.id) !== article.label && (
                    <Typography.Text type="secondary">{t('laws.wizard.becomes', { label: labels.get(article.id)! })}</Typography.Text>
                  )}
                  {removed && <Tag color="red">{t('laws.effect.removed')}</Tag>}
                  {editing && <Tag color="orange">{t('laws.effect.changed')}</Tag>}
                </Flex>
                <Flex gap={0} wrap>
                  {!removed &&
                    (editing ? (
                      <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => dropEdit(article.id)}>
                        {t('laws.wizard.undoEdit')}
                      </Button>
                    ) : (
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => startEdit(article)} data-testid={`amend-edit-${article.ordinal}`}>
                        {t('laws.wizard.edit')}
                      </Button>
                    ))}
                  <Button
                    type="link"
                    size="small"
                    danger={!removed}
                    icon={removed ? <UndoOutlined /> : <DeleteOutlined />}
                    onClick={() => toggleRemove(article.id)}
                    data-testid={`amend-remove-${article.ordinal}`}
                  >
                    {removed ? t('laws.wizard.undoRemove') : t('laws.wizard.remove')}
                  </Button>
                  <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => addAfter(article.id)} data-testid={`amend-add-after-${article.ordinal}`}>
                    {t('laws.wizard.addAfter')}
                  </Button>
                </Flex>
              </Flex>
              {editing ? (
                <>
                  <Input.TextArea
                    value={edit}
                    onChange={(e) => setEdit(article.id, e.target.value)}
                    autoSize={{ minRows: 3, maxRows: 14 }}
                    maxLength={20000}
                    aria-label={t('laws.wizard.editArticle', { label: article.label })}
                    data-testid={`amend-text-${article.ordinal}`}
                  />
                  {edit.trim() === article.text && (
                    <Typography.Text type="warning" style={{ fontSize: '0.9em' }}>
                      {t('laws.wizard.unchanged')}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <div className="law-text">{article.text}</div>
              )}
            </div>
            {additionsAfter(article.id)}
          </div>
        )
      })}
    </div>
  )
}
