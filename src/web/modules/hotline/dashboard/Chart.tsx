import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { CSSProperties } from 'react'

// Only the parts of ECharts the dashboard draws, so that its chunk stays small.
echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export type ChartOption = echarts.EChartsCoreOption

/** A dashboard chart, drawn on canvas and resized with its box (a phone turned sideways, a collapsed menu). */
export function Chart({ option, style, testId }: { option: ChartOption; style?: CSSProperties; testId?: string }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ width: '100%', ...style }} data-testid={testId} />
}
