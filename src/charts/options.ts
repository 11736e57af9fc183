import { CHART_FONT, toolbox } from './echarts'

/** Option builders shared by the 驾驶舱 and the 支部画像: the same look, Chinese font and PNG export everywhere. */
export const text = { fontFamily: CHART_FONT }

export const heading = (title: string) => ({ text: title, left: 8, top: 4, textStyle: { fontSize: 14, ...text } })

export const pie = (title: string, values: Record<string, number>) => ({
  textStyle: text,
  title: heading(title),
  toolbox,
  tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
  series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '58%'], label: { formatter: '{b}\n{c}', overflow: 'none', ...text }, data: Object.entries(values).filter(([, v]) => v > 0).map(([name, value]) => ({ name, value })) }],
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
