import { Tag } from 'antd'
import { useKnowledgeT } from '../i18n'
import type { KnowledgeEntrySummary, KnowledgeLevel, RevisionStatus } from '../api'

const levelColors: Record<KnowledgeLevel, string> = { province: 'orange', city: 'blue', county: 'cyan' }

export function KnowledgeLevelTag({ level }: { level: KnowledgeLevel }) {
  const k = useKnowledgeT()
  return (
    <Tag color={levelColors[level]} style={{ marginInlineEnd: 0 }}>
      {k(`knowledge.level.${level}`)}
    </Tag>
  )
}

const statusColors = { draft: 'default', submitted: 'processing', published: 'success', retired: 'default' } as const

/** Where an entry stands: its status, a revision in progress, and whether it has expired. */
export function KnowledgeStatusTags({ entry }: { entry: Pick<KnowledgeEntrySummary, 'status' | 'workingStatus' | 'expired'> }) {
  const k = useKnowledgeT()
  return (
    <>
      <Tag color={statusColors[entry.status]} style={{ marginInlineEnd: 0 }} data-testid="knowledge-status">
        {k(`knowledge.status.${entry.status}`)}
      </Tag>
      {entry.expired && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="knowledge-expired">
          {k('knowledge.status.expired')}
        </Tag>
      )}
      {entry.status === 'published' && entry.workingStatus && (
        <Tag color={entry.workingStatus === 'submitted' ? 'processing' : 'warning'} style={{ marginInlineEnd: 0 }}>
          {k(`knowledge.working.${entry.workingStatus}`)}
        </Tag>
      )}
    </>
  )
}

const revisionColors: Record<RevisionStatus, string> = { draft: 'default', submitted: 'processing', published: 'success', superseded: 'default', retired: 'default', withdrawn: 'default' }

export function RevisionStatusTag({ status }: { status: RevisionStatus }) {
  const k = useKnowledgeT()
  return (
    <Tag color={revisionColors[status]} style={{ marginInlineEnd: 0 }}>
      {k(`knowledge.revisionStatus.${status}`)}
    </Tag>
  )
}
