import { CloseOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Flex, Input, Pagination, Row, Segmented, Skeleton, Switch, Tag, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useT } from '../../../../app/i18n'
import { useMeta } from '../../../../app/meta'
import { ErrorAlert } from '../../../../shared/ErrorAlert'
import { useIsPhone } from '../../../../shared/useIsMobile'
import { usePageTitle } from '../../../../shared/usePageTitle'
import { FacetBrowser, type FacetSelection } from '../../components/portal/FacetBrowser'
import { RegionPicker } from '../../components/portal/RegionPicker'
import { ServiceCard } from '../../components/portal/ServiceCard'
import { useFacets, useProvinceRegions, useServiceSearch, type ServiceQuery } from '../../portal-api'
import '../../components/portal/portal-catalog.css'

const PAGE_SIZE = 12

interface Filters {
  q?: string
  region?: string
  theme?: string
  lifeEvent?: string
  orgId?: string
  provinceWide: boolean
  page: number
}

/** The search and browsing state lives in the URL, so that back, reload and a shared link keep it. */
function useFilters(lockedProvinceWide: boolean): [Filters, (next: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo<Filters>(
    () => ({
      q: params.get('q') || undefined,
      region: /^\d{2}(\d{2}(\d{2})?)?$/.test(params.get('region') ?? '') ? params.get('region')! : undefined,
      theme: params.get('theme') || undefined,
      lifeEvent: params.get('lifeEvent') || undefined,
      orgId: params.get('org') || undefined,
      provinceWide: lockedProvinceWide || params.get('provinceWide') === 'true',
      page: Math.max(1, Number(params.get('page')) || 1),
    }),
    [params, lockedProvinceWide],
  )
  const update = (next: Partial<Filters>) => {
    const merged = { ...filters, page: 1, ...next }
    const search = new URLSearchParams()
    if (merged.q) search.set('q', merged.q)
    if (merged.region) search.set('region', merged.region)
    if (merged.theme) search.set('theme', merged.theme)
    if (merged.lifeEvent) search.set('lifeEvent', merged.lifeEvent)
    if (merged.orgId) search.set('org', merged.orgId)
    if (merged.provinceWide && !lockedProvinceWide) search.set('provinceWide', 'true')
    if (merged.page > 1) search.set('page', String(merged.page))
    setParams(search, { replace: false })
  }
  return [filters, update]
}

/**
 * 办事服务 (/services) and 省内通办 (/services/province-wide): search the published service
 * guides of a region, browse them by theme, life event or department, and open one.
 */
export default function ServicesPage({ provinceWide: lockedProvinceWide = false }: { provinceWide?: boolean }) {
  const t = useT()
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const meta = useMeta()
  const provinceCode = meta.data?.province.code
  const [filters, setFilters] = useFilters(lockedProvinceWide)
  const region = filters.region ?? provinceCode
  const regions = useProvinceRegions(provinceCode)
  const regionName = region ? regions.data?.names.get(region) : undefined
  const [text, setText] = useState(filters.q ?? '')
  usePageTitle(t(lockedProvinceWide ? 'portal.catalog.provinceWideTitle' : 'portal.catalog.title'))

  useEffect(() => setText(filters.q ?? ''), [filters.q])

  const query: ServiceQuery = {
    q: filters.q,
    region,
    theme: filters.theme,
    lifeEvent: filters.lifeEvent,
    orgId: filters.orgId,
    provinceWide: filters.provinceWide || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  }
  const results = useServiceSearch(query)
  // the department chip's name, for the active-filter line
  const facets = useFacets(region)
  const orgName = facets.data?.orgs.find((d) => d.id === filters.orgId)?.name

  const facetValue: FacetSelection = { theme: filters.theme, lifeEvent: filters.lifeEvent, orgId: filters.orgId }
  const active: { key: string; label: string; clear: Partial<Filters> }[] = [
    ...(filters.q ? [{ key: 'q', label: `${t('portal.catalog.filter.q')}${t('common.colon')}${filters.q}`, clear: { q: undefined } }] : []),
    ...(filters.theme ? [{ key: 'theme', label: `${t('portal.catalog.filter.theme')}${t('common.colon')}${filters.theme}`, clear: { theme: undefined } }] : []),
    ...(filters.lifeEvent ? [{ key: 'lifeEvent', label: `${t('portal.catalog.filter.lifeEvent')}${t('common.colon')}${filters.lifeEvent}`, clear: { lifeEvent: undefined } }] : []),
    ...(filters.orgId ? [{ key: 'org', label: `${t('portal.catalog.filter.org')}${t('common.colon')}${orgName ?? '…'}`, clear: { orgId: undefined } }] : []),
    ...(filters.provinceWide && !lockedProvinceWide ? [{ key: 'pw', label: t('portal.catalog.provinceWide'), clear: { provinceWide: false } }] : []),
  ]

  const items = results.data?.items ?? []
  const total = results.data?.total ?? 0

  return (
    <div className="svc-page svc-fill">
      <section className="svc-band">
        <div className="portal-container">
          <Typography.Title level={2} className="svc-band-title">
            {t(lockedProvinceWide ? 'portal.catalog.provinceWideTitle' : 'portal.catalog.title')}
          </Typography.Title>
          <p className="svc-band-sub">{t(lockedProvinceWide ? 'portal.catalog.provinceWideDesc' : 'portal.catalog.desc')}</p>
          <div className="svc-search" role="search">
            <Input.Search
              size="large"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(value) => setFilters({ q: value.trim() || undefined })}
              placeholder={t('portal.catalog.searchPlaceholder')}
              enterButton={
                <Button type="primary" icon={<SearchOutlined />} className="svc-search-button">
                  {isPhone ? null : t('portal.search.button')}
                </Button>
              }
              allowClear
              aria-label={t('portal.catalog.searchPlaceholder')}
              data-testid="services-search"
            />
          </div>
        </div>
      </section>

      <div className="portal-container svc-body">
        <Card className="svc-filter-card">
          <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 8 }}>
            <Flex gap={8} align="center" wrap style={{ flex: '1 1 300px' }}>
              <Typography.Text strong>{t('portal.catalog.region')}</Typography.Text>
              <RegionPicker provinceCode={provinceCode} value={region} onChange={(code) => setFilters({ region: code === provinceCode ? undefined : code, orgId: undefined })} style={{ flex: '1 1 220px', maxWidth: 360 }} />
            </Flex>
            <Segmented
              value={lockedProvinceWide ? 'pw' : 'all'}
              onChange={(value) => {
                // keep the words and the region when switching between all services and 省内通办
                const keep = new URLSearchParams()
                if (filters.q) keep.set('q', filters.q)
                if (filters.region) keep.set('region', filters.region)
                const search = keep.toString()
                navigate(`${value === 'pw' ? '/services/province-wide' : '/services'}${search ? `?${search}` : ''}`)
              }}
              options={[
                { value: 'all', label: t('portal.catalog.allServices') },
                { value: 'pw', label: t('portal.catalog.provinceWide') },
              ]}
              data-testid="services-mode"
            />
          </Flex>
          {!lockedProvinceWide && (
            <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
              <Switch checked={filters.provinceWide} onChange={(checked) => setFilters({ provinceWide: checked })} size="small" aria-label={t('portal.catalog.onlyProvinceWide')} data-testid="services-province-wide" />
              <Typography.Text>{t('portal.catalog.onlyProvinceWide')}</Typography.Text>
            </Flex>
          )}
          <FacetBrowser region={region} value={facetValue} onChange={(next) => setFilters({ theme: next.theme, lifeEvent: next.lifeEvent, orgId: next.orgId })} />
        </Card>

        <Flex justify="space-between" align="center" gap={8} wrap className="svc-result-head">
          <Typography.Text className="svc-result-count" data-testid="services-total">
            {results.data ? t('portal.catalog.total', { total, region: regionName ?? '' }) : ' '}
          </Typography.Text>
          {active.length > 0 && (
            <Flex gap={6} wrap align="center">
              {active.map((f) => (
                <Tag key={f.key} closable closeIcon={<CloseOutlined />} onClose={() => setFilters(f.clear)} className="svc-active-filter">
                  {f.label}
                </Tag>
              ))}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setText('')
                  setFilters({ q: undefined, theme: undefined, lifeEvent: undefined, orgId: undefined, provinceWide: false })
                }}
              >
                {t('portal.catalog.clearFilters')}
              </Button>
            </Flex>
          )}
        </Flex>

        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        {results.isPending ? (
          <Row gutter={[16, 16]}>
            {Array.from({ length: 4 }, (_, i) => (
              <Col key={i} xs={24} md={12}>
                <Card className="svc-card">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
              </Col>
            ))}
          </Row>
        ) : items.length === 0 && !results.error ? (
          <Card>
            <Empty
              description={
                <>
                  <div>{t('portal.catalog.empty')}</div>
                  <Typography.Text type="secondary">{t('portal.catalog.emptyHint')}</Typography.Text>
                </>
              }
              data-testid="services-empty"
            >
              {lockedProvinceWide && (
                <Link to="/services">
                  <Button>{t('portal.catalog.allServices')}</Button>
                </Link>
              )}
            </Empty>
          </Card>
        ) : (
          <Row gutter={[16, 16]} style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }} data-testid="services-results">
            {items.map((hit) => (
              <Col key={hit.implementationId} xs={24} md={12}>
                <ServiceCard hit={hit} regionName={regions.data?.names.get(hit.regionCode)} />
              </Col>
            ))}
          </Row>
        )}
        {total > PAGE_SIZE && (
          <Flex justify="center" style={{ marginTop: 24 }}>
            <Pagination
              current={filters.page}
              pageSize={PAGE_SIZE}
              total={total}
              showSizeChanger={false}
              simple={isPhone}
              onChange={(page) => {
                setFilters({ ...filters, page })
                window.scrollTo({ top: 0, behavior: 'smooth' })
              }}
            />
          </Flex>
        )}
      </div>
    </div>
  )
}
