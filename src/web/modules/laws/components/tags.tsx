import { Tag } from 'antd'
import { useT } from '../../../app/i18n'
import type { ArticleEffect, LawChangeKind, LawKind, LawStatus } from '../api'

const kindColors: Record<LawKind, string> = {
  law: 'red',
  administrative_regulation: 'volcano',
  local_regulation: 'orange',
  department_rule: 'blue',
  local_government_rule: 'geekblue',
  normative_document: 'default',
}

/** 法律 / 行政法规 / 地方性法规 / 部门规章 / 地方政府规章 / 规范性文件 */
export function LawKindTag({ kind }: { kind: LawKind }) {
  const t = useT()
  return (
    <Tag color={kindColors[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`laws.kind.${kind}`, kind)}
    </Tag>
  )
}

const statusColors: Record<LawStatus, string> = { in_force: 'green', not_yet: 'gold', repealed: 'default' }

/** 现行有效 / 尚未施行 / 已废止 */
export function LawStatusTag({ status }: { status: LawStatus }) {
  const t = useT()
  return (
    <Tag color={statusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`laws.status.${status}`, status)}
    </Tag>
  )
}

const changeColors: Record<LawChangeKind, string> = { enact: 'blue', amend: 'orange', repeal: 'red', interpret: 'purple' }

/** 制定 / 修改 / 废止 / 解释 */
export function ChangeKindTag({ kind }: { kind: LawChangeKind }) {
  const t = useT()
  return (
    <Tag color={changeColors[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`laws.changeKind.${kind}`, kind)}
    </Tag>
  )
}

const effectColors: Record<ArticleEffect, string> = {
  added: 'green',
  changed: 'orange',
  removed: 'red',
  renumbered: 'default',
  interpreted: 'purple',
  repealed: 'red',
}

/** What a change did to an article: 新增 / 修改 / 删除 / 序号调整 / 解释 / 废止 */
export function EffectTag({ effect }: { effect: ArticleEffect }) {
  const t = useT()
  return (
    <Tag color={effectColors[effect] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t.dynamic(`laws.effect.${effect}`, effect)}
    </Tag>
  )
}
