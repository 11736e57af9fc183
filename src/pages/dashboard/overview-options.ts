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
      title: heading('发展党员各阶段人数'),
      toolbox,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 人' },
      // the stages in their order (申请人 → 正式党员), not sorted by size; room on the right for the labels
      series: [{ type: 'funnel', sort: 'none', left: '4%', width: '58%', top: 40, bottom: 10, label: { position: 'right', formatter: '{b} {c}', ...text }, data: d.pipeline.map((p) => ({ name: p.stage, value: p.count })) }],
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
      legend: { bottom: 0, textStyle: text },
      grid: { left: 190, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'value' },
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
    heatmap: {
      animation: false,
      textStyle: text,
      title: heading(`${d.year}年各支部组织生活达标率（按月，点击查看支部画像）`),
      toolbox,
      tooltip: { formatter: (p: { value: [number, number, number | null] }) => `${d.heatmap.branches[p.value[1]]!.name}<br>${d.heatmap.months[p.value[0]]}：${p.value[2] === null ? '未到期' : `${Math.round(p.value[2] * 100)}%`}` },
      grid: { left: 190, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: d.heatmap.months, axisLabel: text },
      // first branch at the top, in the tree's order (as the lists show them)
      yAxis: { type: 'category', inverse: true, data: d.heatmap.branches.map((b) => b.name), axisLabel: { ...text, fontSize: 10, width: 180, overflow: 'truncate' } },
      visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 10, inRange: { color: ['#f56c6c', '#f4e2a0', '#67c23a'] }, text: ['全部达标', '未达标'], textStyle: text },
      series: [{ type: 'heatmap', data: d.heatmap.values.filter((v) => v[2] !== null) }],
    },
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
