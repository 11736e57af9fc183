import type { DashboardOverview, DashboardTrend } from '@shared/contract/dashboard'
import { toolbox } from '../../charts/echarts'
import { bar, heading, pie, stars, text } from '../../charts/options'

/** The 驾驶舱's chart options, built from one `dashboard.overview` answer (and the trends job's). */
export function overviewCharts(d: DashboardOverview) {
  const top = d.branchSizes.slice(0, 20)
  const a = d.assessment
  return {
    funnel: {
      textStyle: text,
      // the pipeline only (申请人 → 预备党员); 正式党员 have come through it and are named apart, never the funnel's
      // wide bottom that turned it into a diamond
      title: { ...heading('发展党员各阶段人数'), subtext: `另有正式党员 ${d.totals.full.toLocaleString('zh-CN')} 人（不在漏斗中）`, subtextStyle: { ...text, fontSize: 12 } },
      toolbox,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 人' },
      // the stages in their order, not sorted by size; room on the right for the labels
      series: [{ type: 'funnel', sort: 'none', left: '4%', width: '58%', top: 56, bottom: 10, minSize: '8%', label: { position: 'right', formatter: '{b} {c}', ...text }, data: d.pipeline.map((p) => ({ name: p.stage, value: p.count })) }],
    },
    gender: pie('性别结构', d.gender),
    age: bar('年龄结构（周岁）', d.ageBands),
    education: pie('学历结构', d.education),
    titles: pie('职称结构', d.titleLevels),
    branches: {
      // no entry animation: the bars are click targets from the first frame
      animation: false,
      textStyle: text,
      title: heading('党员人数最多的支部（点击查看支部画像）'),
      toolbox,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // the legend under the title (left, clear of the toolbar), away from the value axis at the bottom where they overlapped
      legend: { top: 26, left: 8, itemWidth: 14, itemHeight: 10, textStyle: { ...text, fontSize: 12 } },
      grid: { left: 190, right: 20, top: 52, bottom: 26 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: top.map((b) => b.name), axisLabel: { ...text, fontSize: 11, width: 180, overflow: 'truncate' } },
      series: [
        { name: '正式党员', type: 'bar', stack: 'n', data: top.map((b) => b.full), itemStyle: { color: '#c62828' } },
        { name: '预备党员', type: 'bar', stack: 'n', data: top.map((b) => b.probationary), itemStyle: { color: '#f0a020' } },
      ],
    },
    ranking: a && {
      animation: false,
      textStyle: text,
      title: heading(`${a.round}：得分排名${a.approvedAll ? '' : '（部分支部尚未审定，为暂定分）'}（点击查看支部画像）`),
      toolbox,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p: { dataIndex: number }[]) => `${a.ranking[p[0]!.dataIndex]!.name}：${a.ranking[p[0]!.dataIndex]!.score}分（${stars(a.ranking[p[0]!.dataIndex]!.stars)}）` },
      grid: { left: 190, right: 110, top: 40, bottom: 20 },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
      yAxis: { type: 'category', inverse: true, data: a.ranking.map((r) => r.name), axisLabel: { ...text, fontSize: 11, width: 180, overflow: 'truncate' } },
      series: [{ type: 'bar', data: a.ranking.map((r) => r.score), itemStyle: { color: '#c62828' }, label: { show: true, position: 'right', formatter: (p: { dataIndex: number; value: number }) => `${p.value} ${'★'.repeat(a.ranking[p.dataIndex]!.stars)}` } }],
    },
    distribution: a && {
      ...bar(`考评得分分布（${a.round}，点击查看该次考评）`, Object.fromEntries(a.distribution.map((b) => [b.band, b.count])), '个支部'),
      xAxis: { type: 'category', data: a.distribution.map((b) => b.band), axisLabel: { ...text, interval: 0, fontSize: 11 } },
      series: [{ type: 'bar', barCategoryGap: '2%', data: a.distribution.map((b) => b.count), itemStyle: { color: '#c62828' }, label: { show: true, position: 'top' } }],
    },
    stars: a && {
      ...bar(`星级评定（${a.round}，点击查看该次考评）`, a.starCounts, '个支部'),
      xAxis: { type: 'category', data: Object.keys(a.starCounts), axisLabel: { ...text, interval: 0 } },
      series: [{ type: 'bar', data: Object.values(a.starCounts), itemStyle: { color: '#f0a020' }, label: { show: true, position: 'top' } }],
    },
    heatmap: heatmap(d),
  }
}

/** Rows of the heat map shown at a time on screen; the slider on the right pages through the rest, the print shows all. */
export const HEAT_ROWS = 25

/**
 * 达标率 by branch and month, the branches worst first (the backend's order): the screen shows the first 25 with a
 * slider for the rest — 142 rows no longer make a 2,100 px chart — and whole names with each branch's rate.
 */
function heatmap(d: DashboardOverview) {
  const h = d.heatmap
  const label = (i: number) => `${h.branches[i]!.name}${h.branches[i]!.rate === null ? '' : `（${Math.round(h.branches[i]!.rate! * 100)}%）`}`
  return {
    animation: false,
    textStyle: text,
    title: heading(`${d.year}年各支部组织生活达标率（按月，达标率低的在前，点击查看支部画像）`),
    toolbox,
    tooltip: { formatter: (p: { value: [number, number, number | null] }) => `${label(p.value[1])}<br>${h.months[p.value[0]]}：${p.value[2] === null ? '未到期' : `${Math.round(p.value[2] * 100)}%`}` },
    grid: { left: 250, right: 40, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: h.months, axisLabel: text },
    yAxis: { type: 'category', inverse: true, data: h.branches.map((_, i) => label(i)), axisLabel: { ...text, fontSize: 11, width: 240, overflow: 'truncate' } },
    dataZoom:
      h.branches.length > HEAT_ROWS
        ? [
            { type: 'slider', yAxisIndex: 0, right: 8, width: 16, startValue: 0, endValue: HEAT_ROWS - 1, showDetail: false, brushSelect: false, zoomLock: true },
            { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false },
          ]
        : [],
    visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 10, inRange: { color: ['#f56c6c', '#f4e2a0', '#67c23a'] }, text: ['全部达标', '未达标'], textStyle: text },
    series: [{ type: 'heatmap', data: h.values.filter((v) => v[2] !== null) }],
  }
}

/** Members and admissions as bars, meetings and the compliance rate as lines (rate on its own 0–100% axis). */
export function trendChart(rows: readonly DashboardTrend[]) {
  return {
    animation: false,
    textStyle: text,
    title: heading(`近${rows.length}年趋势（年末数；本年为截至今日）`),
    toolbox,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: text },
    grid: { left: 56, right: 56, top: 72, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`), axisLabel: text },
    yAxis: [
      { type: 'value', name: '人 / 次', nameTextStyle: text, minInterval: 1 },
      { type: 'value', name: '达标率', nameTextStyle: text, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '党员人数', type: 'bar', data: rows.map((r) => r.members), itemStyle: { color: '#c62828' }, label: { show: true, position: 'top' } },
      { name: '发展党员', type: 'bar', data: rows.map((r) => r.admitted), itemStyle: { color: '#f0a020' }, label: { show: true, position: 'top' } },
      { name: '会议记录', type: 'line', data: rows.map((r) => r.meetings), itemStyle: { color: '#409eff' } },
      { name: '组织生活达标率', type: 'line', yAxisIndex: 1, connectNulls: false, data: rows.map((r) => (r.complianceRate === null ? null : Math.round(r.complianceRate * 1000) / 10)), itemStyle: { color: '#67c23a' }, tooltip: { valueFormatter: (v: number | null) => (v === null ? '无会议记录' : `${v}%`) } },
    ],
  }
}
