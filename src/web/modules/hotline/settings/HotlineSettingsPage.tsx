import { Card, Tabs } from 'antd'
import { useState } from 'react'
import { useAuth } from '../../../app/auth'
import { useT } from '../../../app/i18n'
import { useMeta } from '../../../app/meta'
import { PageHeader } from '../../../shared/PageHeader'
import { CatalogueTab } from './CatalogueTab'
import { LimitsTab } from './LimitsTab'
import { ModelTab } from './ModelTab'
import { Open311Tab } from './Open311Tab'
import { RulesTab } from './RulesTab'

/** 热线配置: the dispatch catalogue, routing rules, time limits, the classifier and Open311 clients. */
export default function HotlineSettingsPage() {
  const t = useT()
  const { me } = useAuth()
  const meta = useMeta()
  const [tab, setTab] = useState('catalogue')
  if (!me) return null
  const isProvince = Boolean(meta.data) && me.regionCode === meta.data?.province.code

  return (
    <>
      <PageHeader title={t('hotline.settings.title')} description={t('hotline.settings.desc')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'catalogue', label: t('hotline.settings.tab.catalogue'), children: <CatalogueTab defaultRegion={me.regionCode} /> },
            { key: 'rules', label: t('hotline.settings.tab.rules'), children: <RulesTab rootCode={me.regionCode} /> },
            { key: 'limits', label: t('hotline.settings.tab.limits'), children: <LimitsTab isProvince={isProvince} /> },
            { key: 'model', label: t('hotline.settings.tab.model'), children: <ModelTab /> },
            { key: 'open311', label: t('hotline.settings.tab.open311'), children: <Open311Tab rootCode={me.regionCode} /> },
          ]}
          data-testid="hotline-settings-tabs"
        />
      </Card>
    </>
  )
}
