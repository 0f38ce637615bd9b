import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { usePageTitle } from './usePageTitle'

/** The title block of a workbench page: title, one line of explanation, actions on the right. */
export function PageHeader({ title, description, extra }: { title: string; description?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title)
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" gap={12} wrap>
      <div className="page-header-text">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap className="page-header-extra">
          {extra}
        </Flex>
      )}
    </Flex>
  )
}
