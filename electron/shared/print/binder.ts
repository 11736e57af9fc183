import { formatChineseDate } from '../dates'
import { esc } from './html'
import { page } from './layout'
import { MINUTES_CSS, minutesBody } from './minutes'
import type { MinutesData } from './types'

export interface BinderData {
  unitName: string
  branchName: string
  year: number
  meetings: MinutesData[]
  /** per member: meetings attended of those they were expected at */
  attendance: { name: string; attended: number; expected: number }[]
}

/**
 * 年度党支部工作记录汇编: cover, contents, every meeting record of the year in date order (each on a new page),
 * attendance statistics, page numbers — the volume inspectors ask for.
 */
export function binder(d: BinderData): string {
  const cover = `
  <section class="cover">
    <div class="cover-year">${d.year}年度</div>
    <div class="cover-title">党支部工作记录</div>
    <div class="cover-branch">${esc(d.branchName)}</div>
    <div class="cover-unit">${esc(d.unitName)}</div>
  </section>`
  const contents = `
  <section class="part"><h1>目　录</h1>
    <table class="toc">${d.meetings.map((m, i) => `<tr><td class="n">${i + 1}</td><td>${esc(formatChineseDate(m.heldOn))}</td><td>${esc(m.types.join('、'))}</td><td>${esc(m.title)}</td></tr>`).join('')}
    <tr><td class="n">${d.meetings.length + 1}</td><td colspan="3">党员参加组织生活情况统计</td></tr></table>
  </section>`
  const records = d.meetings.map((m) => `<section class="part">${minutesBody(m)}</section>`).join('')
  const stats = `
  <section class="part"><h1>党员参加组织生活情况统计</h1>
    <table class="att"><thead><tr><th>序号</th><th>姓名</th><th>应参加</th><th>实参加</th><th>参加率</th></tr></thead>
    <tbody>${d.attendance.map((a, i) => `<tr><td class="center">${i + 1}</td><td class="center">${esc(a.name)}</td><td class="center">${a.expected}</td><td class="center">${a.attended}</td><td class="center">${a.expected ? Math.round((100 * a.attended) / a.expected) : 0}%</td></tr>`).join('')}</tbody></table>
  </section>`
  return page(cover + contents + records + stats, { title: `${d.branchName}${d.year}年度工作记录`, internal: true }).replace(
    '</style>',
    `${MINUTES_CSS}
    .cover { height: 220mm; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 18pt; break-after: page; }
    .cover-year { font-size: 22pt; } .cover-title { font-size: 36pt; letter-spacing: 6pt; } .cover-branch { font-size: 22pt; margin-top: 60pt; } .cover-unit { font-size: 16pt; }
    .part { break-before: page; }
    .toc td { border: none; border-bottom: 0.5pt dotted #666; font-size: 12pt; padding: 3pt; } .toc .n { width: 8%; text-align: center; }
    .att th, .att td { font-size: 12pt; }</style>`,
  )
}
