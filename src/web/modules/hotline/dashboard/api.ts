import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../../app/api/client'
import type { AppealMetrics, MetricsGroup, MetricsReport, Rate, SurgeReport, SurgeView, TrendDay } from '../../../../server/modules/hotline/metrics.service'
import type { HotlineLine } from '../../../../server/modules/hotline/appeals.tables'

// ---- Types of the metrics API (the server's service types are the source) ------------------------

export type { AppealMetrics, HotlineLine, MetricsGroup, MetricsReport, Rate, SurgeReport, SurgeView, TrendDay }
export type Grouping = 'region' | 'org' | 'line' | 'category' | 'day'

export const hotlineLines: HotlineLine[] = ['12345', 'enterprise', 'talent']

/** What every metrics call is narrowed by: the days filed (Asia/Shanghai) and, optionally, one line. */
export interface MetricsFilter {
  from: string
  to: string
  line?: HotlineLine
}

export interface TrendReport {
  from: string
  to: string
  regionCode: string
  line: HotlineLine | null
  days: TrendDay[]
}

// ---- Query keys ---------------------------------------------------------------------------------

export const dashboardKeys = {
  all: ['hotline-dashboard'] as const,
  metrics: (filter: MetricsFilter, groupBy: Grouping) => ['hotline-dashboard', 'metrics', groupBy, filter] as const,
  trend: (filter: MetricsFilter) => ['hotline-dashboard', 'trend', filter] as const,
  surges: (hours: number, days: number) => ['hotline-dashboard', 'surges', hours, days] as const,
}

// ---- Calls ----------------------------------------------------------------------------------------

export const dashboardApi = {
  metrics: (filter: MetricsFilter, groupBy: Grouping) => api.get<MetricsReport>('/api/hotline/metrics', { ...filter, groupBy }),
  trend: (filter: MetricsFilter) => api.get<TrendReport>('/api/hotline/metrics/trend', { ...filter }),
  surges: (hours: number, days: number) => api.get<SurgeReport>('/api/hotline/surges', { hours, days }),
}

// ---- Hooks ----------------------------------------------------------------------------------------

export function useMetrics(filter: MetricsFilter, groupBy: Grouping) {
  return useQuery({ queryKey: dashboardKeys.metrics(filter, groupBy), queryFn: () => dashboardApi.metrics(filter, groupBy), placeholderData: keepPreviousData })
}

export function useTrend(filter: MetricsFilter) {
  return useQuery({ queryKey: dashboardKeys.trend(filter), queryFn: () => dashboardApi.trend(filter), placeholderData: keepPreviousData })
}

/** Surges are about the last hours, not the chosen period: checked again every five minutes. */
export function useSurges(hours = 24, days = 14) {
  return useQuery({ queryKey: dashboardKeys.surges(hours, days), queryFn: () => dashboardApi.surges(hours, days), refetchInterval: 5 * 60_000 })
}

// ---- Formatting -----------------------------------------------------------------------------------

/** 91.6%, or — when there was nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** A rate as a chart value in percent with one decimal, or null for a gap in the line. */
export function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10
}

/** 1,300,000 / 130万 alike: grouped digits in the page's language. */
export function formatCount(n: number, lang: 'zh' | 'en'): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(n)
}
