import { FileSearchOutlined, PhoneOutlined } from '@ant-design/icons'
import { Segmented, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { useT } from '../../../app/i18n'

type Tab = 'submit' | 'follow'
const paths: Record<Tab, string> = { submit: '/hotline', follow: '/hotline/follow' }

/** The portal band of the hotline: what it is for, and the switch between submitting and following. */
export function PortalBand({ active }: { active: Tab }) {
  const t = useT()
  const navigate = useNavigate()
  return (
    <section className="hotline-band">
      <div className="portal-container">
        <Typography.Title level={2}>{t(active === 'submit' ? 'hotline.portal.title' : 'hotline.portal.followTitle')}</Typography.Title>
        <p className="hotline-band-sub">{t(active === 'submit' ? 'hotline.portal.desc' : 'hotline.portal.followDesc')}</p>
        <Segmented<Tab>
          className="hotline-tabs"
          size="large"
          value={active}
          onChange={(tab) => navigate(paths[tab])}
          options={[
            { value: 'submit', label: t('hotline.portal.title'), icon: <PhoneOutlined /> },
            { value: 'follow', label: t('hotline.portal.followTitle'), icon: <FileSearchOutlined /> },
          ]}
          data-testid="hotline-tabs"
        />
      </div>
    </section>
  )
}
