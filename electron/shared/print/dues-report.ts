import { formatChineseDate } from '../dates'
import { esc } from './html'
import { issuerBlock, issuerCss, page } from './layout'
import { refuseBase, type DuesNoticeData, type DuesReportData, type DuesReportRow } from './dues-types'

const REPORT_CSS = `
  body { font-size: 12pt; line-height: 1.6; }
  .meta { width: 100%; margin-bottom: 6pt; }
  .meta td { border: none; padding: 0; font-size: 10.5pt; }
  .report th, .report td { font-size: 10.5pt; line-height: 1.35; padding: 3pt 3pt; }
  .report td { text-align: right; white-space: nowrap; }
  .report td.branch { text-align: left; white-space: normal; }
  .report td.c { text-align: center; }
  .report tr.sum td { font-weight: bold; }
  h2 { font-size: 14pt; text-indent: 0; margin-top: 10pt; }
  .lines p { text-indent: 0; font-size: 11pt; line-height: 1.6; }`

const reportCells = (r: DuesReportRow) =>
  `<td class="c">${r.people}</td><td>${esc(r.due)}</td><td>${esc(r.paid)}</td><td class="c">${esc(r.rate)}</td><td class="c">${r.owingPeople}</td><td>${esc(r.extras)}</td><td>${esc(r.handed)}</td><td>${esc(r.notHanded)}</td>`

/** 党费收缴情况: the year by branch, for the 党委 and its audit (内部资料). Landscape for ten columns. */
export function duesReport(d: DuesReportData): string {
  const body = `
  <h1>${d.year}年度党费收缴情况</h1>
  <table class="meta"><tr><td>填报单位：${esc(d.unitName)}</td><td class="right">统计截至：${esc(formatChineseDate(d.asOf))}　金额单位：元</td></tr></table>
  <table class="report"><thead><tr><th style="width:5%">序号</th><th style="width:24%">党支部</th><th>应交人数</th><th>应交金额</th><th>实交金额</th><th>收缴率</th><th>欠交人数</th><th>自愿多交</th><th>已上缴党委</th><th>未上缴</th></tr></thead>
  <tbody>${d.rows.map((r, i) => `<tr><td class="c">${i + 1}</td><td class="branch">${esc(r.branch)}</td>${reportCells(r)}</tr>`).join('')}
  <tr class="sum"><td class="c" colspan="2">合计</td>${reportCells(d.total)}</tr></tbody></table>
  <h2>党委汇总</h2><div class="lines">${d.committee.map((l) => `<p>${esc(l)}</p>`).join('')}</div>
  ${d.differences.length ? `<h2>需要核对的差额</h2><div class="lines">${d.differences.map((l, i) => `<p>${i + 1}. ${esc(l)}</p>`).join('')}</div>` : ''}`
  return page(body, { title: `${d.year}年度党费收缴情况`, landscape: true, internal: true, css: REPORT_CSS })
}

const NOTICE_CSS = `
  .people { margin: 6pt 0 4pt; }
  .people th, .people td { font-size: 12pt; line-height: 1.4; text-align: center; padding: 3pt 2pt; }
  .people td.name { font-size: 13pt; }
  .people td.branch { text-align: left; font-size: 10.5pt; }
  ${issuerCss()}`

/**
 * 公示 of each member's monthly standard for the year (docs/dues.md §7): name, branch, category, standard and the
 * month it applies from. No base and no rate (the two together give the income back): the person type has no
 * base field and the template refuses one.
 */
export function duesNotice(d: DuesNoticeData): string {
  refuseBase(d.people)
  const body = `
  <h1>关于${d.year}年度党员交纳党费标准的公示</h1>
  <p>根据《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号），经核定，现将${d.people.length}名党员${d.year}年度每月交纳党费的标准予以公示。</p>
  <table class="people"><thead><tr><th style="width:7%">序号</th><th style="width:14%">姓名</th><th>所在党支部</th><th style="width:13%">人员类别</th><th style="width:17%">每月交纳（元）</th><th style="width:14%">起始月份</th></tr></thead>
  <tbody>${d.people.map((p, i) => `<tr><td>${i + 1}</td><td class="name">${esc(p.name)}</td><td class="branch">${esc(p.branch)}</td><td>${esc(p.category)}</td><td>${esc(p.standard)}</td><td>${esc(p.fromMonth)}</td></tr>`).join('')}</tbody></table>
  <p>公示时间：${esc(formatChineseDate(d.periodFrom))}至${esc(formatChineseDate(d.periodTo))}。</p>
  <p>党员对本人交纳标准有疑问的，请在公示期内向${esc(d.feedback)}提出；工资收入发生变化的，请及时申报，从变化的月份起按新的标准交纳。</p>
  ${issuerBlock(d.issuer, d.issuedOn)}`
  return page(body, { title: `${d.year}年度党员交纳党费标准公示`, css: NOTICE_CSS })
}
