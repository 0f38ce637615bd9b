import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { PlatformDeps } from '../deps'
import { contextOf } from '../http/context'
import { responses } from '../http/schemas'
import { calendarDays, deadline, removeCalendarOverride, setCalendarOverride } from './calendar.service'

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'an Asia/Shanghai date, YYYY-MM-DD' })
const CalendarDay = Type.Object({ day: Type.String(), workday: Type.Boolean(), overridden: Type.Boolean(), note: Type.Union([Type.String(), Type.Null()]) })

export const calendarRoutes: FastifyPluginAsyncTypebox<{ deps: PlatformDeps }> = async (app, { deps }) => {
  app.get(
    '/api/calendar/days',
    {
      config: { permission: 'region.read' },
      schema: { tags: ['calendar'], summary: '工作日历 Working days in a range', querystring: Type.Object({ from: Day, to: Day }), response: responses({ 200: Type.Array(CalendarDay) }) },
    },
    async (request) => calendarDays(deps, contextOf(request), request.query.from, request.query.to),
  )

  app.get(
    '/api/calendar/deadline',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['calendar'],
        summary: '按工作日计算期限 Due date after N working days',
        querystring: Type.Object({ from: Day, workingDays: Type.Integer({ minimum: 0, maximum: 3650 }) }),
        response: responses({ 200: Type.Object({ from: Type.String(), workingDays: Type.Integer(), due: Type.String() }) }),
      },
    },
    async (request) => deadline(deps, contextOf(request), request.query.from, request.query.workingDays),
  )

  app.put(
    '/api/calendar/overrides/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '录入节假日或调休安排 Enter a holiday or make-up working day',
        params: Type.Object({ day: Day }),
        body: Type.Object({ workday: Type.Boolean(), note: Type.String({ maxLength: 100, default: '' }) }),
        response: responses({ 200: CalendarDay }),
      },
    },
    async (request) => setCalendarOverride(deps, contextOf(request), request.params.day, request.body),
  )

  app.delete(
    '/api/calendar/overrides/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags: ['calendar'], summary: '删除日历调整 Remove an override', params: Type.Object({ day: Day }), response: responses({ 204: Type.Null() }) },
    },
    async (request, reply) => {
      await removeCalendarOverride(deps, contextOf(request), request.params.day)
      return reply.status(204).send(null)
    },
  )
}
