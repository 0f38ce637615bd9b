import { Button, Col, Empty, Flex, Row, Typography } from 'antd'
import { useState } from 'react'
import { useT } from '../../../app/i18n'
import type { ArticleEffect, ChangedArticle } from '../api'
import { EffectTag } from './tags'
import './laws.css'

/** One article of a change, old and new side by side. */
export interface DiffRow {
  key: string
  effect: ArticleEffect
  /** The label after the change (for a removed or repealed article, the one it had). */
  label: string
  /** The label before, when the change moved the article. */
  oldLabel: string | null
  oldText: string | null
  newText: string | null
  /** An interpretation's note. */
  note?: string
}

export function diffRowsOf(articles: ChangedArticle[]): DiffRow[] {
  return articles.map((a) => ({ key: a.articleId, effect: a.effect, label: a.label, oldLabel: a.oldLabel, oldText: a.oldText, newText: a.newText, note: a.note }))
}

function Side({ caption, label, text, tone, emptyText }: { caption: string; label?: string | null; text: string | null; tone: 'old' | 'new'; emptyText: string }) {
  return (
    <div className={tone === 'old' ? 'law-diff-old' : 'law-diff-new'}>
      <div className="law-diff-caption">
        {caption}
        {label ? ` · ${label}` : ''}
      </div>
      {text ? <div className="law-text">{text}</div> : <div className="law-diff-empty">{emptyText}</div>}
    </div>
  )
}

/**
 * The articles a change touches as a list of old / new pairs: what the text said, what it says
 * after. Articles only renumbered (a neighbour was added or removed) are folded away unless asked for.
 */
export function ChangeDiffList({ rows, emptyText }: { rows: DiffRow[]; emptyText?: string }) {
  const t = useT()
  const [showRenumbered, setShowRenumbered] = useState(false)
  const renumbered = rows.filter((r) => r.effect === 'renumbered')
  const shown = showRenumbered ? rows : rows.filter((r) => r.effect !== 'renumbered')

  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('laws.diff.empty')} />

  return (
    <div data-testid="change-diff">
      {shown.map((row) => {
        const moved = row.oldLabel && row.oldLabel !== row.label
        return (
          <div key={row.key} className="law-diff-row" data-testid={`diff-${row.effect}`}>
            <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
              <EffectTag effect={row.effect} />
              <Typography.Text strong>{moved && row.effect !== 'removed' ? `${row.oldLabel} → ${row.label}` : (row.oldLabel ?? row.label)}</Typography.Text>
            </Flex>
            {row.effect === 'renumbered' ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('common.more') }}>
                {row.newText ?? row.oldText}
              </Typography.Paragraph>
            ) : row.effect === 'interpreted' ? (
              <Row gutter={[12, 8]}>
                <Col xs={24} md={12} className="law-diff-side">
                  <Side caption={t('laws.diff.text')} text={row.oldText ?? row.newText} tone="old" emptyText="—" />
                </Col>
                <Col xs={24} md={12} className="law-diff-side">
                  <Side caption={t('laws.diff.interpretation')} text={row.note || null} tone="new" emptyText="—" />
                </Col>
              </Row>
            ) : (
              <Row gutter={[12, 8]}>
                <Col xs={24} md={12} className="law-diff-side">
                  <Side caption={t('laws.diff.before')} label={row.effect === 'added' ? null : (row.oldLabel ?? row.label)} text={row.oldText} tone="old" emptyText={t('laws.diff.none')} />
                </Col>
                <Col xs={24} md={12} className="law-diff-side">
                  <Side
                    caption={t('laws.diff.after')}
                    label={row.effect === 'removed' || row.effect === 'repealed' ? null : row.label}
                    text={row.newText}
                    tone="new"
                    emptyText={row.effect === 'repealed' ? t('laws.diff.repealed') : t('laws.diff.deleted')}
                  />
                </Col>
              </Row>
            )}
          </div>
        )
      })}
      {renumbered.length > 0 && (
        <Button type="link" onClick={() => setShowRenumbered(!showRenumbered)} style={{ paddingInline: 0 }}>
          {showRenumbered ? t('laws.diff.hideRenumbered') : t('laws.diff.showRenumbered', { count: renumbered.length })}
        </Button>
      )}
    </div>
  )
}
