import { formatChineseDate } from '../dates'
import { AppError } from '../result'
import { esc } from './html'
import { page } from './layout'
import type { RosterColumn, RosterData } from './types'

/**
 * The columns a printed 党员名册 may have. ID number, phone and address are deliberately absent: a printed
 * list lies on desks and in binders (docs/rules.md §9 — keep them out of prints that do not need them); the Excel
 * export offers them on request, logged.
 */
export const ROSTER_COLUMNS: readonly (RosterColumn & { date?: boolean })[] = [
  { key: 'name', label: '姓名', width: 18, align: 'center' },
  { key: 'gender', label: '性别', width: 10, align: 'center' },
  { key: 'ethnicity', label: '民族', width: 14, align: 'center' },
  // 出生年月 only: the day is the hidden middle of the ID number (shared/birth-month.ts)
  { key: 'birthMonth', label: '出生年月', width: 18, align: 'center', date: true },
  // 年龄 by birth month, 党龄 from 转正 (docs/export-columns.md): on every roster handed over
  { key: 'age', label: '年龄', width: 10, align: 'center' },
  { key: 'education', label: '学历', width: 22, align: 'center' },
  { key: 'degree', label: '学位', width: 14, align: 'center' },
  { key: 'category', label: '人员类别', width: 18, align: 'center' },
  { key: 'organization', label: '所在党支部', width: 34 },
  { key: 'joinedOn', label: '入党日期', width: 20, align: 'center', date: true },
  { key: 'convertedOn', label: '转正日期', width: 20, align: 'center', date: true },
  { key: 'partyAge', label: '党龄', width: 10, align: 'center' },
  { key: 'position', label: '工作岗位', width: 22 },
  { key: 'title', label: '职称', width: 22 },
  { key: 'department', label: '科室', width: 26 },
  { key: 'adminPost', label: '行政职务', width: 22 },
  { key: 'occupation', label: '职业类别', width: 22 },
  { key: 'status', label: '党籍状态', width: 16, align: 'center' },
  { key: 'mobile', label: '流动党员', width: 18, align: 'center' },
]
export const ROSTER_DEFAULT_COLUMNS = ['name', 'gender', 'ethnicity', 'birthMonth', 'age', 'education', 'category', 'organization', 'joinedOn', 'convertedOn', 'partyAge', 'title', 'department']

/** Columns by key, in catalogue order; unknown keys (and so any sensitive one) are dropped. */
export const rosterColumns = (keys: readonly string[]): RosterColumn[] => ROSTER_COLUMNS.filter((c) => keys.includes(c.key))

const NUMBER_COLUMN = 10
/** GB/T 9704 text block width in portrait; wider tables turn the page. */
const PORTRAIT_WIDTH = 156
export const rosterIsLandscape = (columns: readonly RosterColumn[]): boolean => NUMBER_COLUMN + columns.reduce((s, c) => s + c.width, 0) > PORTRAIT_WIDTH

/** Table dates stay short: 1985.3.5 (no leading zeros, as on paper rosters); the heading uses 2025年12月31日. */
const shortDate = (v: unknown) =>
  typeof v !== 'string' ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(0, 4)}.${Number(v.slice(5, 7))}.${Number(v.slice(8, 10))}` : /^\d{4}-\d{2}$/.test(v) ? `${v.slice(0, 4)}.${Number(v.slice(5, 7))}` : v

// the default thirteen columns fit the 261 mm landscape text block without squeezing 序号, 性别, 年龄 onto two lines
const CSS = `
  .roster-title { font-size: 18pt; margin-bottom: 4pt; }
  .roster-meta { width: 100%; margin-bottom: 4pt; }
  .roster-meta td { border: none; padding: 0; font-size: 10.5pt; line-height: 1.6; }
  .roster th, .roster td { font-size: 10.5pt; line-height: 1.3; padding: 2.5pt 3pt; }
  .roster th { background: #f2f2f2; }`

/** 党员名册: chosen columns, landscape when wide, the column header repeated on every page, page numbers. */
export function roster(d: RosterData): string {
  const unknown = d.columns.find((c) => !ROSTER_COLUMNS.some((k) => k.key === c.key))
  if (unknown) throw new AppError('VALIDATION', `名册不能打印“${unknown.label}”一列（打印件不含身份证号、电话、住址；需要时请用 Excel 导出）`)
  const landscape = rosterIsLandscape(d.columns)
  const dates = new Set(ROSTER_COLUMNS.filter((c) => c.date).map((c) => c.key))
  const total = d.columns.reduce((s, c) => s + c.width, NUMBER_COLUMN)
  const pct = (w: number) => `${((100 * w) / total).toFixed(1)}%`
  const cell = (c: RosterColumn, v: unknown) => `<td${c.align === 'center' ? ' class="center"' : ''}>${esc(dates.has(c.key) ? shortDate(v) : v)}</td>`
  const body = `
  <h1 class="roster-title">${esc(d.title)}</h1>
  <table class="roster-meta"><tr><td>填报单位：${esc(d.unitName)}</td><td class="right">截至${esc(formatChineseDate(d.asOf))}　共 ${d.rows.length} 人</td></tr>${d.scope ? `<tr><td colspan="2">范　　围：${esc(d.scope)}</td></tr>` : ''}</table>
  <table class="roster">
    <colgroup><col style="width:${pct(NUMBER_COLUMN)}">${d.columns.map((c) => `<col style="width:${pct(c.width)}">`).join('')}</colgroup>
    <thead><tr><th>序号</th>${d.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
    <tbody>${d.rows.map((r, i) => `<tr><td class="center">${i + 1}</td>${d.columns.map((c) => cell(c, r[c.key])).join('')}</tr>`).join('')}</tbody>
  </table>`
  return page(body, { title: d.title, landscape, internal: d.internal, css: CSS })
}
