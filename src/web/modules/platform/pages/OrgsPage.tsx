import { EditOutlined, NodeExpandOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { ErrorAlert } from '../../../shared/ErrorAlert'
import { PageHeader } from '../../../shared/PageHeader'
import { useIsPhone } from '../../../shared/useIsMobile'
import { orgForest, useOrgs, useRegion, type OrgNode } from '../api'
import { OrgFormModal, type OrgFormTarget } from '../components/OrgFormModal'
import { RegionTreeSelect } from '../components/RegionTreeSelect'
import { OrgKindTag } from '../components/tags'

function allIds(nodes: OrgNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...(node.children ? allIds(node.children) : [])])
}

/** 部门管理: the departments of one region as a tree; create and edit them. */
export default function OrgsPage() {
  const t = useT()
  const { me, can } = useAuth()
  const isPhone = useIsPhone()
  const [region, setRegion] = useState<string>(me?.regionCode ?? '')
  const regionInfo = useRegion(region)
  const orgs = useOrgs(region)
  const forest = useMemo(() => orgForest(orgs.data ?? []), [orgs.data])
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set())
  const [target, setTarget] = useState<OrgFormTarget | null>(null)
  const canManage = can('org.manage')

  const expandedRowKeys = useMemo(() => allIds(forest).filter((id) => !collapsed.has(id)), [forest, collapsed])

  const columns: TableColumnsType<OrgNode> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('org.kind'), dataIndex: 'kind', key: 'kind', width: isPhone ? 104 : 150, render: (kind: OrgNode['kind']) => <OrgKindTag kind={kind} /> },
    ...(isPhone ? [] : [{ title: t('org.sort'), dataIndex: 'sort', key: 'sort', width: 90, align: 'right' as const }]),
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: isPhone ? 84 : 210,
            render: (_: unknown, org: OrgNode) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', org })} data-testid={`org-edit-${org.id}`}>
                  {isPhone ? null : t('common.edit')}
                </Button>
                <Button type="link" size="small" icon={<NodeExpandOutlined />} onClick={() => setTarget({ mode: 'create', parentId: org.id })}>
                  {isPhone ? null : t('org.createChild')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]

  if (!me) return null

  return (
    <>
      <PageHeader
        title={t('org.title')}
        description={t('org.desc')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} disabled={!region} data-testid="org-create">
              {t('org.create')}
            </Button>
          )
        }
      />
      <Card className="filter-card">
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('org.region')}</Typography.Text>
          <div style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <RegionTreeSelect
              rootCode={me.regionCode}
              value={region}
              onChange={(code) => {
                setRegion(code ?? me.regionCode)
                setCollapsed(new Set())
              }}
              aria-label={t('org.region')}
              data-testid="org-region"
            />
          </div>
          <Space wrap>
            <Button onClick={() => setCollapsed(new Set())}>{t('org.expandAll')}</Button>
            <Button onClick={() => setCollapsed(new Set(allIds(forest)))}>{t('org.collapseAll')}</Button>
            <Button icon={<ReloadOutlined />} onClick={() => void orgs.refetch()} aria-label={t('common.refresh')} />
          </Space>
        </Flex>
      </Card>
      <Card
        title={regionInfo.data ? regionInfo.data.fullName : t('org.title')}
        extra={orgs.data && <Typography.Text type="secondary">{t('org.count', { total: orgs.data.length })}</Typography.Text>}
      >
        <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
        <Table<OrgNode>
          rowKey="id"
          columns={columns}
          dataSource={forest}
          loading={orgs.isFetching}
          pagination={false}
          size={isPhone ? 'small' : 'middle'}
          expandable={{
            expandedRowKeys,
            onExpand: (expanded, org) =>
              setCollapsed((current) => {
                const next = new Set(current)
                if (expanded) next.delete(org.id)
                else next.add(org.id)
                return next
              }),
            indentSize: isPhone ? 12 : 24,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.empty')} /> }}
          data-testid="org-table"
        />
      </Card>
      <OrgFormModal
        target={target}
        regionCode={region}
        regionName={regionInfo.data?.fullName}
        orgs={orgs.data ?? []}
        onClose={() => setTarget(null)}
      />
    </>
  )
}
