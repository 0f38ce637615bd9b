import { Flex, TreeSelect, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useT } from '../../../app/i18n'
import { orgForest, useOrgs, type OrgNode } from '../../platform/api'
import { RegionTreeSelect } from '../../platform/components/RegionTreeSelect'

interface TreeNode {
  value: string
  title: string
  children?: TreeNode[]
}

const toNode = (org: OrgNode): TreeNode => ({ value: org.id, title: org.name, children: org.children?.map(toNode) })

/**
 * 承办部门: first the region (the dispatcher's own or below: a case goes only where the dispatcher
 * works), then a department of that region from its tree. Changing the region clears the choice.
 */
export function DepartmentPicker({
  rootCode,
  initialRegion,
  value,
  onChange,
  id,
  'data-testid': testId,
}: {
  rootCode: string
  initialRegion: string
  value?: string
  onChange?: (orgId: string | undefined) => void
  id?: string
  'data-testid'?: string
}) {
  const t = useT()
  const [region, setRegion] = useState<string | undefined>(initialRegion)
  const orgs = useOrgs(region)
  const treeData = useMemo(() => orgForest(orgs.data ?? []).map(toNode), [orgs.data])
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('hotline.act.orgRegion')}</Typography.Text>
      <RegionTreeSelect
        rootCode={rootCode}
        value={region}
        onChange={(code) => {
          setRegion(code)
          onChange?.(undefined)
        }}
        aria-label={t('hotline.act.orgRegion')}
        data-testid={testId ? `${testId}-region` : undefined}
      />
      <Typography.Text type="secondary">{t('hotline.act.orgName')}</Typography.Text>
      <TreeSelect
        id={id}
        value={value}
        onChange={(orgId?: string) => onChange?.(orgId)}
        treeData={treeData}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        loading={orgs.isFetching}
        notFoundContent={orgs.data && orgs.data.length === 0 ? t('staff.orgNone') : undefined}
        placeholder={t('hotline.act.org')}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { minWidth: 280, maxWidth: '92vw' } } }}
        listHeight={320}
        data-testid={testId}
      />
    </Flex>
  )
}
