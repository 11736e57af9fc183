import { CHART_FONT, toolbox } from './echarts'

/** Option builders shared by the 驾驶舱 and the 支部画像: the same look, Chinese font and PNG export everywhere. */
export const text = { fontFamily: CHART_FONT }

export const heading = (title: string) => ({ text: title, left: 8, top: 4, textStyle: { fontSize: 14, ...text } })

export const pie = (title: string, values: Record<string, number>) => ({
  textStyle: text,
  title: heading(title),
  toolbox,
  tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
  series: [
    {
      type: 'pie',
      radius: ['30%', '52%'],
      center: ['50%', '58%'],
      // labels aligned to the chart's edges and wrapped, never cut to "大学…" (ECharts truncates by default)
      label: { formatter: '{b}\n{c}', alignTo: 'edge', edgeDistance: 6, overflow: 'break', ...text },
      labelLine: { length: 10, length2: 0 },
      data: Object.entries(values)
        .filter(([, v]) => v > 0)
        .map(([name, value]) => ({ name, value })),
    },
  ],
})

export const bar = (title: string, values: Record<string, number>, unit = '人') => ({
  textStyle: text,
  title: heading(title),
  toolbox,
  tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} ${unit}` },
  grid: { left: 48, right: 16, top: 48, bottom: 60 },
  xAxis: { type: 'category', data: Object.keys(values), axisLabel: { ...text, interval: 0, fontSize: 11, rotate: 30 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: Object.values(values), itemStyle: { color: '#c62828' }, label: { show: true, position: 'top' } }],
})

export const stars = (n: number) => '★'.repeat(n) || '未评星'
