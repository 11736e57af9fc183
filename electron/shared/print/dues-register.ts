import { formatChineseDate } from '../dates'
import { esc } from './html'
import { LANDSCAPE_MARGINS, page } from './layout'
import type { DuesRecordData, DuesRegisterData } from './dues-types'

/**
 * 党费收缴登记表: a form the branch's 组织委员 takes to collection, members signing as they pay. A4
 * landscape for its eleven columns; rows 8 mm high for a handwritten signature; 12 pt (a form, like the 签到表,
 * not a GB/T 9704 document); the column header repeats on every page; totals, 补交 and signatures close it.
 */
const CSS = `
  h1 { font-size: 20pt; line-height: 1.35; margin: 0 0 6pt; }
  .meta { width: 100%; margin-bottom: 4pt; }
  .meta td { border: none; padding: 0; font-size: 12pt; line-height: 1.7; }
  .dues th { font-size: 11pt; line-height: 1.25; padding: 2pt 1pt; }
  .dues td { font-size: 12pt; height: 8mm; line-height: 1.2; padding: 0 3pt; }
  .dues td.num { text-align: right; white-space: nowrap; }
  .dues td.nw { white-space: nowrap; text-align: center; }
  .dues td.name { font-size: 13pt; text-align: center; white-space: nowrap; }
  .dues td.note { font-size: 10.5pt; }
  .dues tr.sum td { font-family: inherit; font-weight: bold; }
  h2.sub { font-size: 13pt; text-indent: 0; margin: 8pt 0 3pt; }
  .sign { margin-top: 10pt; display: flex; justify-content: flex-end; gap: 40pt; font-size: 12pt; line-height: 2; text-indent: 0; }`

const COLUMNS: [string, number][] = [
  ['序号', 5], ['姓名', 9], ['人员类别', 7], ['计算基数（元）', 10], ['交纳比例', 6], ['月交纳标准（元）', 9], ['实交金额（元）', 9], ['交纳日期', 9], ['交纳方式', 6], ['本人签名', 12], ['备注', 18],
]

export function duesRegister(d: DuesRegisterData): string {
  const total = COLUMNS.reduce((s, [, w]) => s + w, 0)
  const cols = COLUMNS.map(([, w]) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join('')
  const rows = d.lines
    .map((l, i) => `<tr><td class="nw">${i + 1}</td><td class="name">${esc(l.name)}</td><td class="nw">${esc(l.category)}</td><td class="num">${esc(l.base)}</td><td class="nw">${esc(l.rate)}</td><td class="num">${esc(l.standard)}</td><td class="num">${esc(l.paid)}</td><td class="nw">${esc(l.paidOn)}</td><td class="nw">${esc(l.method)}</td><td></td><td class="note">${esc(l.note)}</td></tr>`)
    .join('')
  const sum = `<tr class="sum"><td colspan="5" class="nw">合计：应交 ${d.totals.people} 人，已交 ${d.totals.paidPeople} 人</td><td class="num">${esc(d.totals.due)}</td><td class="num">${esc(d.totals.paid)}</td><td colspan="4"></td></tr>`
  const back = d.backPays.length
    ? `<h2 class="sub">本月补交以前月份的党费</h2><table class="dues"><thead><tr><th style="width:8%">序号</th><th>姓名</th><th>所补月份</th><th>实交金额（元）</th><th>交纳日期</th><th>交纳方式</th><th style="width:22%">本人签名</th></tr></thead><tbody>${d.backPays
        .map((b, i) => `<tr><td class="nw">${i + 1}</td><td class="name">${esc(b.name)}</td><td class="nw">${esc(b.month)}</td><td class="num">${esc(b.paid)}</td><td class="nw">${esc(b.paidOn)}</td><td class="nw">${esc(b.method)}</td><td></td></tr>`)
        .join('')}</tbody></table>`
    : ''
  const body = `
  <h1>党费收缴登记表</h1>
  <table class="meta"><tr><td>单位：${esc(d.unitName)}</td><td>党支部：${esc(d.branchName)}</td><td class="right">所属月份：${esc(d.month)}</td></tr></table>
  <table class="dues"><colgroup>${cols}</colgroup><thead><tr>${COLUMNS.map(([h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}${sum}</tbody></table>
  ${back}
  <div class="sign keep"><span>收缴人（组织委员）：____________</span><span>支部书记：____________</span><span>　　年　　月　　日</span></div>`
  return page(body, { title: `${d.branchName}${d.month}党费收缴登记表`, landscape: true, margins: LANDSCAPE_MARGINS, internal: true, css: CSS })
}

const RECORD_CSS = `
  h1 { font-size: 20pt; line-height: 1.35; margin: 0 0 8pt; }
  .meta { width: 100%; margin-bottom: 6pt; }
  .meta td { border: none; padding: 0; font-size: 12pt; line-height: 1.8; }
  .rec th, .rec td { font-size: 12pt; line-height: 1.35; padding: 3pt 4pt; }
  .rec td { text-align: center; white-space: nowrap; }
  .rec td.num { text-align: right; }
  .rec td.note { white-space: normal; text-align: left; font-size: 10.5pt; }
  .rec tr.sum td { font-weight: bold; }
  .std { margin: 0 0 8pt; }
  .std th, .std td { font-size: 11pt; line-height: 1.3; padding: 2pt 4pt; text-align: center; }
  .stamp { margin-top: 18pt; display: flex; justify-content: flex-end; padding-right: 2em; font-size: 12pt; line-height: 2; text-indent: 0; }`

/** A member's own year record, for the member who asks for it: each month owed, paid, when and how. */
export function duesRecord(d: DuesRecordData): string {
  const standards = d.standards.length
    ? `<table class="std"><thead><tr><th>起始月份</th><th>人员类别</th><th>计算基数（元）</th><th>交纳比例</th><th>月交纳标准（元）</th></tr></thead><tbody>${d.standards
        .map((s) => `<tr><td>${esc(s.fromMonth)}</td><td>${esc(s.category)}</td><td>${esc(s.base)}</td><td>${esc(s.rate)}</td><td>${esc(s.standard)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>本年度尚未核定党费基数。</p>'
  const body = `
  <h1>党员交纳党费记录（${d.year}年度）</h1>
  <table class="meta"><tr><td>姓名：${esc(d.name)}</td><td>所在党支部：${esc(d.branch)}</td><td class="right">单位：${esc(d.unitName)}</td></tr></table>
  ${standards}
  <table class="rec"><thead><tr><th style="width:13%">月份</th><th>应交（元）</th><th>实交（元）</th><th>交纳日期</th><th>交纳方式</th><th style="width:30%">备注</th></tr></thead><tbody>${d.months
    .map((m) => `<tr><td>${esc(m.month)}</td><td class="num">${esc(m.due)}</td><td class="num">${esc(m.paid)}</td><td>${esc(m.paidOn)}</td><td>${esc(m.method)}</td><td class="note">${esc(m.note)}</td></tr>`)
    .join('')}<tr class="sum"><td>合计</td><td class="num">${esc(d.totals.due)}</td><td class="num">${esc(d.totals.paid)}</td><td colspan="3"></td></tr></tbody></table>
  <div class="stamp keep"><div>${esc(d.branch)}（盖章）<br>${esc(formatChineseDate(d.printedOn))}</div></div>`
  return page(body, { title: `${d.name}${d.year}年度党费交纳记录`, css: RECORD_CSS })
}
