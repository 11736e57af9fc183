/**
 * The one place ECharts parts are registered: only the charts and components the dashboards use, so the
 * bundle stays small (tree-shaken; loaded only with the dashboard route).
 */
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, RadarChart } from 'echarts/charts'
import { DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, RadarComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import VChart from 'vue-echarts'

// the heat map's slider and wheel paging (a page of rows on screen)
use([BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, RadarChart, DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, RadarComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])

/** Chinese text on the canvas needs a CJK font stack too, or it draws boxes. */
export const CHART_FONT = "'Microsoft YaHei', '微软雅黑', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

/** Every chart can be saved as a PNG (工具栏“保存为图片”). */
export const toolbox = { feature: { saveAsImage: { title: '保存为图片', pixelRatio: 2 } }, right: 8 }

export { VChart }
