import { formatChineseDate } from '../dates'
import { annualTables, checkText, FILLED_LABELS, NOT_APPLICABLE, type AnnualFacts, type AnnualTable } from './annual-tables'
import { esc } from './html'
import { page } from './layout'

const BLANK = '＿'.repeat(10)

/** One numbered table as on the form: grouped headings, 栏号 (甲, 1, 2 …), “—” where we cannot know, notes, checks. */
function table(t: AnnualTable): string {
  const head = `<h2>${esc(t.no)}　${esc(t.title)}</h2>`
  if (!t.columns.length) return `<section class="tbl">${head}<p class="note">本表本院不能填写：${esc(t.notes.join(''))}</p></section>`
  const grouped = t.columns.some((c) => c.group)
  const top = t.columns
    .map((c, i) => {
      if (!c.group) return `<th${grouped ? ' rowspan="2"' : ''}>${esc(c.label)}</th>`
      if (t.columns[i - 1]?.group === c.group) return ''
      return `<th colspan="${t.columns.filter((x) => x.group === c.group).length}">${esc(c.group)}</th>`
    })
    .join('')
  const second = grouped ? `<tr>${t.columns.filter((c) => c.group).map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>` : ''
  const body = t.rows.map((r) => `<tr><td class="item${r.indent ? ' sub' : ''}">${esc(r.label)}</td>${r.cells.map((v) => (v === null ? '<td class="na">—</td>' : `<td>${v}</td>`)).join('')}</tr>`).join('')
  return `<section class="tbl">${head}
  <table class="stat"><colgroup><col style="width:${t.columns.length > 6 ? 27 : 40}%">${t.columns.map(() => '<col>').join('')}</colgroup><thead><tr><th${grouped ? ' rowspan="2"' : ''} class="item">项目</th>${top}</tr>${second}<tr class="no"><td>甲</td>${t.columns.map((_, i) => `<td>${i + 1}</td>`).join('')}</tr></thead>
  <tbody>${body}</tbody></table>
  ${t.notes.map((n) => `<p class="note">注：${esc(n)}</p>`).join('')}${t.checks.map((c) => `<p class="note${c.sum === c.total ? '' : ' bad'}">${esc(checkText(c))}</p>`).join('')}</section>`
}

const CSS = `
  body { font-size: 12pt; line-height: 1.5; }
  h1 { font-size: 20pt; margin-bottom: 6pt; }
  .sub-title { text-align: center; text-indent: 0; font-size: 10.5pt; margin-bottom: 10pt; }
  .cover td { border: none; padding: 1pt 0; font-size: 12pt; line-height: 1.8; }
  .contents { margin: 6pt 0 0; }
  .contents th, .contents td { font-size: 10.5pt; line-height: 1.35; padding: 2pt 4pt; }
  .tbl { break-inside: avoid; margin-top: 12pt; }
  h2 { font-size: 14pt; text-indent: 0; margin: 0 0 4pt; }
  .stat { table-layout: fixed; }
  .stat th, .stat td { font-size: 10.5pt; line-height: 1.3; padding: 2pt 3pt; text-align: center; }
  .stat td.item { text-align: left; white-space: nowrap; }
  .stat td.sub { padding-left: 1.5em; }
  .stat tr.no td { font-size: 9pt; color: #333; }
  .stat td.na { background: #eee; }
  .note { text-indent: 0; font-size: 10.5pt; line-height: 1.45; }
  .note.bad { font-weight: bold; }
  .people th, .people td { font-size: 10.5pt; line-height: 1.35; padding: 2pt 4pt; }`

/**
 * 党内统计年报 for the archive and the leaders' desk (docs/statistics-tables.md): the form's cover lines, which tables
 * we fill, every numbered table as on the form, and the 增减名单; A4 landscape, marked 内部资料.
 */
export function statisticsReport(f: AnnualFacts, unitName: string): string {
  const tables = annualTables(f)
  const r = f.reconciliation
  const list = [...tables.map((t) => [t.no, t.title, FILLED_LABELS[t.filled]]), ...NOT_APPLICABLE.map((t) => [t.no, t.title, '不适用（医院党委不填）'])]
  const body = `
  <h1>${f.year}年度党内统计年报表</h1>
  <p class="sub-title">按中共中央组织部制《中国共产党党内统计年报表》的表式编排　统计时点：${esc(formatChineseDate(f.stats.asOf))}</p>
  <table class="cover"><tr><td>填报单位（盖章）：${esc(unitName)}</td><td>负责人（签名）：${BLANK}</td><td>填表人（签名）：${BLANK}</td></tr>
  <tr><td>报出时间：　　　　年　　月　　日</td><td colspan="2">联系电话：${BLANK}</td></tr></table>
  <table class="contents"><thead><tr><th style="width:14%">表号</th><th>表名</th><th style="width:36%">填写情况</th></tr></thead>
  <tbody>${list.map(([no, title, how]) => `<tr><td class="center">${esc(no)}</td><td>${esc(title)}</td><td>${esc(how)}</td></tr>`).join('')}</tbody></table>
  ${tables.map(table).join('\n')}
  <section class="tbl"><h2>附　党员增减名单</h2>
  <p class="note">上年末 ${r.lastYearTotal} 人，增加 ${r.added.length} 人，减少 ${r.removed.length} 人，本年末 ${r.thisYearTotal} 人${r.balanced ? '，增减相符' : '，增减不符，请核对'}。</p>
  <table class="people"><thead><tr><th style="width:12%">增/减</th><th style="width:20%">姓名</th><th>原因</th></tr></thead><tbody>
  ${[...r.added.map((a) => ['增加', a] as const), ...r.removed.map((a) => ['减少', a] as const)].map(([k, a]) => `<tr><td class="center">${k}</td><td class="center">${esc(a.name)}</td><td>${esc(a.reason)}</td></tr>`).join('') || '<tr><td colspan="3" class="center">无</td></tr>'}
  </tbody></table></section>`
  // a statistical report, not a document: 10.5–12 pt keeps each table on one landscape page
  return page(body, { title: `${f.year}年度党内统计年报表`, internal: true, landscape: true, css: CSS })
}
