import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons'
import { Card, Flex, Tag } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../../../app/i18n'
import type { ServiceHit } from '../../portal-api'
import { guideLabels } from './labels'
import './portal-catalog.css'

/** One service in the results: its name, kind, where it is handled, and a way into its guide. */
export function ServiceCard({ hit, regionName }: { hit: ServiceHit; regionName?: string }) {
  const t = useT()
  const label = guideLabels(t)
  const tags = [...hit.themes, ...hit.lifeEvents.filter((e) => !hit.themes.includes(e))].slice(0, 4)
  return (
    <Link to={`/guide/${hit.implementationCode}`} className="svc-card-link" data-testid={`service-${hit.implementationCode}`}>
      <Card className="svc-card" hoverable>
        <Flex justify="space-between" align="flex-start" gap={12}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <div className="svc-card-title">{hit.name}</div>
            <Flex gap={6} wrap className="svc-card-tags">
              <Tag color="blue">{label.kind(hit.kind)}</Tag>
              {hit.provinceWide && <Tag color="green">{t('portal.catalog.provinceWide')}</Tag>}
              {hit.crossProvince && <Tag color="cyan">{t('portal.catalog.crossProvince')}</Tag>}
            </Flex>
            <div className="svc-card-meta">
              <EnvironmentOutlined /> {regionName ?? hit.regionCode}
              {hit.orgName ? ` · ${hit.orgName}` : ''}
            </div>
            {tags.length > 0 && <div className="svc-card-themes">{tags.join(' · ')}</div>}
          </div>
          <span className="svc-card-go" aria-hidden="true">
            <RightOutlined />
          </span>
        </Flex>
      </Card>
    </Link>
  )
}
