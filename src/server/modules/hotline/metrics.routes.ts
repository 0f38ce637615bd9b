import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../../platform/deps'
import { contextOf } from '../../platform/http/context'
import { RegionCode, responses, Uuid } from '../../platform/http/schemas'
import { LineSchema } from './appeals.schemas'
import { appealMetrics, appealSurges, appealTrend } from './metrics.service'

const tags = ['hotline']
const Message = Type.Object({ zh: Type.String(), en: Type.String() })
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'an Asia/Shanghai day, YYYY-MM-DD' })

/** A share with its parts, so that a chart can show both and an empty denominator reads null. */
const Rate = (description: string) =>
  Type.Object(
    {
      numerator: Type.Integer(),
      denominator: Type.Integer(),
      rate: Type.Union([Type.Number(), Type.Null()], { description: 'numerator / denominator, between 0 and 1; null when the denominator is 0' }),
    },
    { description },
  )

const Metrics = Type.Object({
  appeals: Type.Integer({ description: 'appeals filed in the period (受理量)' }),
  states: Type.Object({
    open: Type.Integer({ description: 'awaiting dispatch or being handled' }),
    answered: Type.Integer({ description: 'answered, awaiting callback' }),
    closed: Type.Integer(),
    merged: Type.Integer(),
    transferred: Type.Integer({ description: 'transferred to 110/119/120' }),
  }),
  onTimeDispatch: Rate('按时派单率: dispatched by the 2-hour dispatch deadline / dispatched'),
  onTimeCompletion: Rate('按时办结率: answered by the deadline (resolved on the call counts) / answered, merged duplicates excluded'),
  firstCallResolution: Rate('即时办结率: resolved on the call / all appeals'),
  callback: Rate('回访率: called back / answered, leaving out those resolved on the call'),
  satisfaction: Rate('满意率: satisfied + basically satisfied / called back'),
  satisfactionCounts: Type.Object({ satisfied: Type.Integer(), basicallySatisfied: Type.Integer(), dissatisfied: Type.Integer() }),
})

const MetricsQuery = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  line: Type.Optional(LineSchema),
  regionCode: Type.Optional(RegionCode),
}
const Grouping = Type.Union([Type.Literal('region'), Type.Literal('org'), Type.Literal('line'), Type.Literal('category'), Type.Literal('day')], {
  description: 'region: the county where the appeal arose; org: the department it is with now; line; category; day: the day it was filed',
})
const Line = Type.Union([LineSchema, Type.Null()])

const MetricsReport = Type.Object({
  from: Day,
  to: Day,
  regionCode: Type.String(),
  line: Line,
  groupBy: Type.Union([Type.String(), Type.Null()]),
  overall: Metrics,
  groups: Type.Array(Type.Object({ key: Type.Union([Type.String(), Type.Null()]), name: Message, metrics: Metrics })),
})

const TrendReport = Type.Object({
  from: Day,
  to: Day,
  regionCode: Type.String(),
  line: Line,
  days: Type.Array(Type.Object({ day: Day, appeals: Type.Integer(), answered: Type.Integer(), satisfaction: Rate('满意率 of the day’s appeals called back') })),
})

const SurgeReport = Type.Object({
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  hours: Type.Integer(),
  days: Type.Integer(),
  thresholds: Type.Object({ minCount: Type.Integer(), k: Type.Number(), ratio: Type.Number(), sdFloor: Type.Number() }),
  alerts: Type.Array(
    Type.Object({
      categoryKey: Type.String(),
      categoryName: Message,
      regionCode: Type.String(),
      regionName: Type.Union([Type.String(), Type.Null()]),
      count: Type.Integer({ description: 'appeals in the window' }),
      baselineMean: Type.Number({ description: 'mean count in the same window on the previous days' }),
      baselineSd: Type.Number(),
      z: Type.Number({ description: 'severity: (count − mean) / max(sd, floor)' }),
      cluster: Type.Object({
        appeals: Type.Integer(),
        terms: Type.Array(Type.Object({ term: Type.String(), appeals: Type.Integer({ description: 'in how many of the appeals the term occurs' }) })),
        samples: Type.Array(Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), submittedAt: Type.String({ format: 'date-time' }), state: Type.String(), stateName: Message })),
      }),
    }),
  ),
})

/** The supervisor's view of the hotline: performance metrics, the daily trend, and surges. */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/hotline/metrics',
    {
      config: { permission: 'hotline.supervise' },
      schema: {
        tags,
        summary: '热线运行指标：按时派单、按时办结、即时办结、回访、满意率 Hotline metrics, overall and per group',
        querystring: Type.Object({ ...MetricsQuery, groupBy: Type.Optional(Grouping) }, { additionalProperties: false }),
        response: responses({ 200: MetricsReport }),
      },
    },
    async (request) => appealMetrics(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/hotline/metrics/trend',
    {
      config: { permission: 'hotline.supervise' },
      schema: {
        tags,
        summary: '每日受理、办结与满意率趋势 Appeals filed, answered and satisfaction per day',
        querystring: Type.Object(MetricsQuery, { additionalProperties: false }),
        response: responses({ 200: TrendReport }),
      },
    },
    async (request) => appealTrend(deps, contextOf(request), request.query),
  )

  app.get(
    '/api/hotline/surges',
    {
      config: { permission: 'hotline.supervise' },
      schema: {
        tags,
        summary: '话务激增预警：分类与区县诉求量远超近期同期 Surges: categories and counties far above the same hours on recent days',
        querystring: Type.Object(
          {
            hours: Type.Integer({ minimum: 1, maximum: 24, default: 24, description: 'the current window, in hours before now' }),
            days: Type.Integer({ minimum: 3, maximum: 60, default: 14, description: 'earlier days whose same window makes the baseline' }),
            regionCode: Type.Optional(RegionCode),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: SurgeReport }),
      },
    },
    async (request) => appealSurges(deps, contextOf(request), request.query),
  )
}
