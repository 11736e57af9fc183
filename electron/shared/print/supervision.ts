import { daysBetween, formatChineseDate, type IsoDate } from '../dates'
import { SUPERVISION_LEVEL_LABELS, SUPERVISION_STATUS_LABELS, type SupervisionItem, type SupervisionRow } from '../supervision'
import { percent, type DepartmentTally, type SupervisionTally } from '../supervision-rates'
import { esc } from './html'
import { issuerBlock, issuerCss, LINE_PITCH_PT, page } from './layout'

/** 催办单 of one 督办事项 (docs/deadlines.md §9): what, from where, who, by when, how late, what is asked. */
export interface UrgeSlipData {
  unitName: string
  item: SupervisionItem
  /** the day printed; 逾期 days are counted to it */
  on: IsoDate
}

/** 督查通报 of a month (docs/deadlines.md §9): the 台账's state at the month's end. */
export interface SupervisionReportData {
  unitName: string
  /** 2026-12 */
  month: string
  asOf: IsoDate
  total: SupervisionTally
  departments: DepartmentTally[]
  /** 本月立项 / 本月办结 */
  assigned: SupervisionRow[]
  completed: SupervisionRow[]
  /** open and past their 时限 on asOf, the longest overdue first */
  overdue: SupervisionRow[]
}

const CSS = `
  .facts th, .facts td { font-size: 12pt; line-height: 1.5; padding: 4pt 6pt; text-align: left; }
  .facts th { width: 22%; text-align: center; }
  .facts td.tall { height: ${LINE_PITCH_PT * 3}pt; vertical-align: top; }
  .list th, .list td { font-size: 10.5pt; line-height: 1.35; padding: 3pt 3pt; text-align: center; }
  .list th { white-space: nowrap; }
  .list td.l { text-align: left; }
  .no { text-align: right; text-indent: 0; font-size: 14pt; margin-bottom: 6pt; }
  h2 { margin-top: 8pt; }
  ${issuerCss(1)}`

const dotted = (iso: string | null) => (iso ? iso.split('-').map((v, i) => (i ? String(Number(v)) : v)).join('.') : '')
const lateDays = (dueOn: IsoDate, on: IsoDate) => Math.max(0, daysBetween(dueOn, on))

/** 督办事项催办单: handed or sent to the 牵头部门; the latest 催办 note is what is asked. */
export function urgeSlip(d: UrgeSlipData): string {
  const i = d.item
  const urges = i.events.filter((e) => e.kind === 'urge')
  const last = urges.at(-1)
  const late = lateDays(i.dueOn, d.on)
  const row = (label: string, value: string, cls = '') => `<tr><th>${label}</th><td${cls ? ` class="${cls}"` : ''}>${value}</td></tr>`
  const body = `
  <h1>督办事项催办单</h1>
  <p class="no">督办编号：${i.id}　第${Math.max(1, urges.length)}次催办</p>
  <table class="facts">
    ${row('督办事项', esc(i.title))}
    ${row('事项来源', esc(i.sourceText) + (i.major ? '（三重一大）' : ''))}
    ${row('牵头部门', esc(i.leadDepartment))}
    ${row('协办部门', esc(i.coDepartments.join('、')))}
    ${row('责任人', esc(i.responsible))}
    ${row('督办等级', esc(SUPERVISION_LEVEL_LABELS[i.level]))}
    ${row('立项日期', esc(formatChineseDate(i.assignedOn)))}
    ${row('办理时限', esc(formatChineseDate(i.dueOn)) + (late ? `（已逾期${late}天）` : ''))}
    ${row('办理状态', esc(SUPERVISION_STATUS_LABELS[i.status]))}
    ${row('催办内容', esc(last?.note ?? '请抓紧办理，并于三个工作日内书面反馈办理进展。'), 'tall')}
    ${row('办理情况反馈', '', 'tall')}
  </table>
  ${issuerBlock(`${d.unitName}党委办公室`, last?.occurredOn ?? d.on)}`
  return page(body, { title: `督办事项催办单（${i.id}）`, css: CSS })
}

const rateCells = (t: SupervisionTally) => `<td>${t.items}</td><td>${t.completed}</td><td>${percent(t.completionRate)}</td><td>${t.due}</td><td>${t.onTime}</td><td>${percent(t.onTimeRate)}</td><td>${t.overdue}</td>`

/** 督查督办工作通报 for a month: the totals in words, the rates by 牵头部门, and the items overdue and closed. */
export function supervisionReport(d: SupervisionReportData): string {
  const [y, m] = [d.month.slice(0, 4), Number(d.month.slice(5, 7))]
  const t = d.total
  const items = (rows: SupervisionRow[], late: boolean) =>
    `<table class="list"><thead><tr><th style="width:6%">序号</th><th>督办事项</th><th style="width:16%">牵头部门</th><th style="width:10%">责任人</th><th style="width:11%">办理时限</th><th style="width:11%">${late ? '逾期天数' : '办结日期'}</th>${late ? '<th style="width:8%">催办</th>' : ''}</tr></thead>
    <tbody>${rows.map((r, n) => `<tr><td>${n + 1}</td><td class="l">${esc(r.title)}</td><td>${esc(r.leadDepartment)}</td><td>${esc(r.responsible)}</td><td>${dotted(r.dueOn)}</td><td>${late ? lateDays(r.dueOn, d.asOf) : dotted(r.completedOn)}</td>${late ? `<td>${r.urgeCount}次</td>` : ''}</tr>`).join('')}</tbody></table>`
  const body = `
  <h1>督查督办工作通报</h1>
  <p class="no">${y}年第${m}期</p>
  <p>截至${esc(formatChineseDate(d.asOf))}，党委督办事项共${t.items}项，已办结${t.completed}项，办结率${percent(t.completionRate)}；应办结${t.due}项，按时办结${t.onTime}项，按时办结率${percent(t.onTimeRate)}；逾期未办结${t.overdue}项。${m}月新立项${d.assigned.length}项，办结${d.completed.length}项。现将有关情况通报如下。</p>
  <h2>一、各牵头部门办理情况</h2>
  <table class="list"><thead><tr><th style="width:6%">序号</th><th>牵头部门</th><th>事项数</th><th>已办结</th><th>办结率</th><th>应办结</th><th>按时办结</th><th>按时办结率</th><th>逾期</th></tr></thead>
  <tbody>${d.departments.map((r, n) => `<tr><td>${n + 1}</td><td class="l">${esc(r.department)}</td>${rateCells(r)}</tr>`).join('')}
  <tr><td colspan="2">合计</td>${rateCells(t)}</tr></tbody></table>
  <h2>二、逾期未办结事项</h2>
  ${d.overdue.length ? items(d.overdue, true) + '<p>请上述事项的牵头部门抓紧办理，向党委办公室书面说明逾期原因和办结时间；确需延期的，按程序申请延期。</p>' : '<p>本期没有逾期未办结的事项。</p>'}
  <h2>三、本月办结事项</h2>
  ${d.completed.length ? items(d.completed, false) : '<p>本月没有办结的事项。</p>'}
  ${issuerBlock(`${d.unitName}党委办公室`, d.asOf)}`
  return page(body, { title: `${y}年第${m}期督查督办工作通报`, internal: true, css: CSS })
}
