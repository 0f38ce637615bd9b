import { BarChart, HeatmapChart } from 'echarts/charts'
import { DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { CSSProperties } from 'react'

// Only the parts of ECharts these charts draw, so that the chunk stays small.
// A heat map needs a visual map to colour its cells; the legends are drawn in the page itself.
echarts.use([HeatmapChart, BarChart, GridComponent, TooltipComponent, VisualMapPiecewiseComponent, DataZoomInsideComponent, DataZoomSliderComponent, CanvasRenderer])

/** An ECharts chart of the catalogue pages (heat map, bars), drawn on canvas and resized with its box. */
export function Chart({
  option,
  style,
  onClick,
  testId,
}: {
  option: echarts.EChartsCoreOption
  style?: CSSProperties
  onClick?: (params: { componentType: string; seriesType?: string; dataIndex: number; data: unknown; value: unknown }) => void
  testId?: string
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={style}
      onEvents={onClick ? { click: onClick } : undefined}
      data-testid={testId}
    />
  )
}
