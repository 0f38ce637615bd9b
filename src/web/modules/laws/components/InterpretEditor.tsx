import { CommentOutlined, DeleteOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Tag, Typography } from 'antd'
import { useT } from '../../../app/i18n'
import type { LawArticle } from '../api'
import './laws.css'

/** The interpretation editor: a note on each article the interpretation explains. Texts do not change. */
export function InterpretEditor({ articles, notes, onChange }: { articles: LawArticle[]; notes: Record<string, string>; onChange: (notes: Record<string, string>) => void }) {
  const t = useT()
  const drop = (id: string) => {
    const next = { ...notes }
    delete next[id]
    onChange(next)
  }
  return (
    <div data-testid="interpret-editor">
      {articles.map((article) => {
        const note = notes[article.id]
        const open = note !== undefined
        return (
          <div key={article.id} className={`law-edit-article${open ? ' law-edit-article-changed' : ''}`} data-testid={`interpret-article-${article.ordinal}`}>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
              <Flex gap={6} align="center">
                <Typography.Text strong>{article.label}</Typography.Text>
                {open && <Tag color="purple">{t('laws.effect.interpreted')}</Tag>}
              </Flex>
              {open ? (
                <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => drop(article.id)}>
                  {t('laws.wizard.dropNote')}
                </Button>
              ) : (
                <Button type="link" size="small" icon={<CommentOutlined />} onClick={() => onChange({ ...notes, [article.id]: '' })} data-testid={`interpret-add-${article.ordinal}`}>
                  {t('laws.wizard.addNote')}
                </Button>
              )}
            </Flex>
            <div className="law-text">{article.text}</div>
            {open && (
              <Input.TextArea
                value={note}
                onChange={(e) => onChange({ ...notes, [article.id]: e.target.value })}
                autoSize={{ minRows: 2, maxRows: 10 }}
                maxLength={5000}
                placeholder={t('laws.wizard.notePlaceholder')}
                status={note.trim() ? undefined : 'warning'}
                style={{ marginTop: 8 }}
                aria-label={t('laws.wizard.noteFor', { label: article.label })}
                data-testid={`interpret-note-${article.ordinal}`}
                autoFocus
              />
            )}
          </div>
        )
      })}
    </div>
  )
}
