import { formatChineseDate } from '../dates'
import { esc } from './html'
import { page } from './layout'
import type { RosterData } from './types'

/** 党员名册: the chosen columns, landscape when wide, the header repeated on every page. */
export function roster(d: RosterData): string {
  const landscape = d.columns.length > 7
  const body = `
  <h1 style="font-size:18pt;margin-bottom:6pt">${esc(d.title)}</h1>
  <table class="meta small"><tr><td>填报单位：${esc(d.unitName)}</td><td class="right">截至 ${esc(formatChineseDate(d.asOf))}，共 ${d.rows.length} 人</td></tr></table>
  <table class="roster">
    <thead><tr><th>序号</th>${d.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
    <tbody>${d.rows.map((r, i) => `<tr><td class="center">${i + 1}</td>${d.columns.map((c) => `<td>${esc(r[c.key] ?? '')}</td>`).join('')}</tr>`).join('')}</tbody>
  </table>`
  return page(body, { title: d.title, bodySize: '10.5pt', landscape, internal: d.internal }).replace('</style>', '.roster th, .roster td { font-size: 10.5pt; padding: 2pt 4pt; }</style>')
}
