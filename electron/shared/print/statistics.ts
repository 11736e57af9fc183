import { formatChineseDate } from '../dates'
import type { AnnualStatistics, Reconciliation } from '../contract/statistics'
import { LEAVE_REASON_LABELS, type LeaveReason } from '../leaving'
import { esc } from './html'
import { page } from './layout'

const table = (title: string, rows: [string, number][]) =>
  `<h2>${esc(title)}</h2><table class="stat"><thead><tr><th>项目</th><th style="width:30%">人数</th></tr></thead><tbody>${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td class="center">${v}</td></tr>`).join('')}</tbody></table>`

/** 党内统计 for the leaders' desk and the archive: the annual tables and the 增减名单, marked 内部资料. */
export function statisticsReport(s: AnnualStatistics, r: Reconciliation, unitName: string): string {
  const body = `
  <h1>${esc(s.asOf.slice(0, 4))}年度党内统计</h1>
  <table class="meta"><tr><td>填报单位：${esc(unitName)}</td><td class="right">统计时点：${esc(formatChineseDate(s.asOf))}</td></tr></table>
  ${table('一、党员基本情况', [['党员总数', s.total], ['正式党员', s.full], ['预备党员', s.probationary], ['女党员', s.gender.女], ['少数民族党员', s.minority], ['大专及以上学历', s.collegeOrAbove], ['本年发展党员', s.admitted], ['本年转正', s.converted], ['本年转入', s.transferredIn], ['本年转出', s.transferredOut]])}
  ${table('二、学历', Object.entries(s.education))}
  ${table('三、年龄', Object.entries(s.ageBands))}
  ${table('四、入党时间', Object.entries(s.joinPeriods))}
  ${table('五、出党', Object.entries(s.left).map(([k, n]): [string, number] => [LEAVE_REASON_LABELS[k as LeaveReason] ?? k, n]))}
  ${table('六、党员减少', Object.entries(s.reductions ?? {}))}
  <h2>七、增减名单</h2>
  <p>上年末 ${r.lastYearTotal} 人，增加 ${r.added.length} 人，减少 ${r.removed.length} 人，本年末 ${r.thisYearTotal} 人。</p>
  <table class="stat"><thead><tr><th style="width:15%">增/减</th><th style="width:25%">姓名</th><th>原因</th></tr></thead><tbody>
  ${[...r.added.map((a) => ['增加', a] as const), ...r.removed.map((a) => ['减少', a] as const)].map(([k, a]) => `<tr><td class="center">${k}</td><td class="center">${esc(a.name)}</td><td>${esc(a.reason)}</td></tr>`).join('') || '<tr><td colspan="3" class="center">无</td></tr>'}
  </tbody></table>`
  // a statistical report, not a document: 12 pt (小四) keeps each table short enough to read at a glance
  return page(body, {
    title: `${s.asOf.slice(0, 4)}年度党内统计`,
    internal: true,
    css: 'body { font-size: 12pt; line-height: 1.6; } .stat { margin-bottom: 6pt; } .stat th, .stat td { font-size: 12pt; line-height: 1.4; } h2 { font-size: 14pt; text-indent: 0; margin-top: 8pt; } .meta { width: 100%; margin-bottom: 6pt; } .meta td { border: none; padding: 0; font-size: 10.5pt; }',
  })
}
