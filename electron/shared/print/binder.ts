import { formatChineseDate } from '../dates'
import { esc, typesTitle } from './html'
import { FONTS, page } from './layout'
import { MINUTES_CSS, minutesBody } from './minutes'
import type { BinderData } from './types'

const CSS = `${MINUTES_CSS}
  @page :first { @bottom-right { content: none; } @bottom-left { content: none; } }
  .cover { height: 222mm; display: flex; flex-direction: column; align-items: center; text-align: center; break-after: page; }
  .cover .internal { align-self: flex-start; }
  .cover .unit { font-size: 16pt; margin-top: 12mm; }
  .cover .branch { font-family: ${FONTS.xiaobiaosong}; font-size: 26pt; margin-top: 30mm; line-height: 1.5; }
  .cover .what { font-family: ${FONTS.xiaobiaosong}; font-size: 36pt; letter-spacing: 4pt; line-height: 1.5; }
  .cover .sub { font-family: ${FONTS.kai}; font-size: 16pt; margin-top: 8mm; }
  .cover dl { margin: auto 0 0; font-size: 16pt; line-height: 2; text-align: left; }
  .cover dt { display: inline; } .cover dd { display: inline; margin: 0; } .cover dd::after { content: ''; display: block; }
  .part { break-before: page; }
  .toc th, .toc td { font-size: 12pt; line-height: 1.4; padding: 4pt 4pt; }
  .toc td.n, .toc td.p { text-align: center; }
  .toc .nw, .toc th { white-space: nowrap; }
  .att th, .att td { font-size: 12pt; line-height: 1.4; text-align: center; padding: 3pt 4pt; }
  .summary { font-size: 14pt; line-height: 1.8; margin-bottom: 8pt; }`

/**
 * 年度党支部工作记录汇编 — the volume inspectors ask for: a cover, a contents table, every meeting record of the
 * year in date order (each from a new page, numbered 第 n 号), and the members' attendance statistics; page
 * numbers "— n —" from the contents page on (the cover carries none, and the 内部资料 mark). The contents show
 * 页码 when the caller measured where each section starts (the CLI and the tests do; see sectionStartPages).
 */
export function binder(d: BinderData): string {
  const first = d.meetings[0]?.heldOn
  const last = d.meetings.at(-1)?.heldOn
  const cover = `
  <section class="cover">
    <div class="internal">内部资料</div>
    <div class="unit">${esc(d.unitName)}</div>
    <div class="branch">${esc(d.branchName)}</div>
    <div class="what">${d.year}年度工作记录</div>
    <div class="sub">（“三会一课”及组织生活会议记录汇编）</div>
    <dl>
      <dt>起止日期：</dt><dd>${first && last ? `${esc(formatChineseDate(first))}至${esc(formatChineseDate(last))}` : '本年度无会议记录'}</dd>
      <dt>记录份数：</dt><dd>${d.meetings.length} 份</dd>
      <dt>保管单位：</dt><dd>${esc(d.branchName)}</dd>
    </dl>
  </section>`
  const pageOf = (i: number) => (d.startPages?.[i] !== undefined ? String(d.startPages[i]) : '')
  const withPages = !!d.startPages
  const contents = `
  <section class="part"><h1>目　录</h1>
    <table class="toc"><thead><tr><th style="width:8%">序号</th><th style="width:21%">日期</th><th style="width:21%">会议类型</th><th>会议主题</th>${withPages ? '<th style="width:8%">页码</th>' : ''}</tr></thead><tbody>
    ${d.meetings.map((m, i) => `<tr><td class="n">${i + 1}</td><td class="nw">${esc(formatChineseDate(m.heldOn))}</td><td>${esc(typesTitle(m.types))}</td><td>${esc(m.title)}</td>${withPages ? `<td class="p">${pageOf(i)}</td>` : ''}</tr>`).join('')}
    <tr><td class="n">${d.meetings.length + 1}</td><td colspan="3">党员参加组织生活情况统计</td>${withPages ? `<td class="p">${pageOf(d.meetings.length)}</td>` : ''}</tr></tbody></table>
  </section>`
  const records = d.meetings.map((m, i) => `<section class="part">${minutesBody(m, `第 ${i + 1} 号`)}</section>`).join('')
  return page(cover + contents + records + statistics(d), { title: `${d.branchName}${d.year}年度工作记录`, css: CSS })
}

function statistics(d: BinderData): string {
  const byType = new Map<string, number>()
  for (const m of d.meetings) for (const t of m.types) byType.set(t, (byType.get(t) ?? 0) + 1)
  const summary = `全年共召开会议 ${d.meetings.length} 次${byType.size ? `，其中${[...byType].map(([t, n]) => `${esc(t)} ${n} 次`).join('，')}` : ''}（一次会议可同时计为多种类型）。`
  const rate = (a: { attended: number; expected: number }) => (a.expected ? `${Math.round((100 * a.attended) / a.expected)}%` : '—')
  return `
  <section class="part"><h1>党员参加组织生活情况统计</h1>
    <p class="summary">${summary}</p>
    <table class="att"><thead><tr><th style="width:9%">序号</th><th>姓名</th><th>应参加</th><th>实参加</th><th>请假</th><th>缺席</th><th>参加率</th></tr></thead>
    <tbody>${d.attendance.map((a, i) => `<tr><td>${i + 1}</td><td>${esc(a.name)}</td><td>${a.expected}</td><td>${a.attended}</td><td>${a.leave}</td><td>${a.absent}</td><td>${rate(a)}</td></tr>`).join('') || '<tr><td colspan="7">本年度没有登记参会情况</td></tr>'}</tbody></table>
  </section>`
}
