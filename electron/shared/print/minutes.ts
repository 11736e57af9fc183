import { formatChineseDate } from '../dates'
import { esc, numeral, paragraphs, subItems, typesTitle } from './html'
import { LINE_PITCH_PT, page } from './layout'
import type { MinutesData } from './types'

/**
 * 会议记录 (docs/print-rules.md §1): header block (type, time, place, host, recorder, 应到/实到/请假/缺席, 出席人员 by
 * name, who was on leave or absent with the reason, 列席), then the numbered sections: agenda items （一）（二）,
 * content, discussion, resolutions with their votes (同意/反对/弃权, blank to fill in by hand when not recorded),
 * signatures of 主持人 and 记录人. A section with nothing recorded is left out (the agenda) or left as ruled lines
 * to write on (the content) — never printed as （未填写）. The body is a GB/T 9704 document (16 pt 仿宋, "一、"
 * 黑体); the header block is a form at 14 pt (4号) so the eight cells of the attendance row fit the text block.
 */
export const MINUTES_CSS = `
  .mh { margin: 0 0 14pt; table-layout: fixed; }
  .mh th, .mh td { font-size: 14pt; line-height: 1.45; padding: 3pt 4pt; }
  .mh th { font-size: 12pt; text-align: center; }
  .mh td.count { white-space: nowrap; }
  .votes { margin: 4pt 0 6pt; }
  .votes th, .votes td { font-size: 14pt; line-height: 1.45; padding: 3pt 5pt; }
  .votes td.n { width: 9%; text-align: center; }
  .votes .v { width: 11%; text-align: center; }
  .signatures { display: flex; justify-content: flex-end; gap: 28pt; margin-top: ${LINE_PITCH_PT}pt; font-size: 14pt; break-inside: avoid; break-before: avoid; }
  .signatures .line { display: inline-block; width: 30mm; border-bottom: 0.75pt solid #000; }
  .votes thead th { font-size: 12pt; }
  .record-no { font-size: 12pt; line-height: 1.5; text-align: right; text-indent: 0; margin-bottom: 4pt; }
  .write-in { height: ${LINE_PITCH_PT}pt; border-bottom: 0.75pt solid #000; }`

/** A complete minutes print. */
export function minutes(d: MinutesData): string {
  return page(minutesBody(d), { title: `${d.title}会议记录`, internal: d.internal, css: MINUTES_CSS })
}

/** The record itself — also bound into the annual binder. */
export function minutesBody(d: MinutesData, recordNo?: string): string {
  const sections: [string, string][] = []
  const agenda = subItems(d.agenda)
  if (agenda) sections.push(['会议议程', agenda])
  // a record printed before or without its content: lines to write the minutes on by hand
  sections.push(['会议内容', paragraphs(d.minutes, 'nested') || '<div class="write-in"></div>'.repeat(8)])
  if (d.discussion?.trim()) sections.push(['讨论发言', paragraphs(d.discussion, 'nested')])
  sections.push(['会议决议', resolutions(d)])
  return `${recordNo ? `<p class="record-no">${esc(recordNo)}</p>` : ''}
  <h1>${esc(d.organizationName)}<br>${esc(typesTitle(d.types))}会议记录</h1>
  ${header(d)}
  ${sections.map(([title, html], i) => `<h2>${numeral(i + 1)}、${title}</h2>${html}`).join('\n  ')}
  <div class="signatures"><span>主持人（签字）：<span class="line"></span></span><span>记录人（签字）：<span class="line"></span></span></div>`
}

const count = (n: number | null) => (n === null ? '______ 人' : `${n} 人`)

function header(d: MinutesData): string {
  const leave = d.absentees.filter((a) => a.status === '请假')
  const absent = d.absentees.filter((a) => a.status === '缺席')
  // without an attendance list the counts and names are left blank to fill in by hand, never guessed
  const known = d.expected !== null
  const named = (list: typeof d.absentees) => list.map((a) => `${esc(a.name)}${a.reason ? `（${esc(a.reason)}）` : ''}`).join('、') || (known ? '无' : '')
  return `<table class="mh"><colgroup>${'<col style="width:14%"><col style="width:11%">'.repeat(4)}</colgroup>
    <tr><th>会议主题</th><td colspan="7">${esc(d.title)}</td></tr>
    <tr><th>时　　间</th><td colspan="7">${esc(formatChineseDate(d.heldOn))}${d.time ? `　${esc(d.time)}` : ''}</td></tr>
    <tr><th>地　　点</th><td colspan="7">${esc(d.place ?? '')}</td></tr>
    <tr><th>主&ensp;持&ensp;人</th><td colspan="3">${esc(d.host ?? '')}</td><th>记&ensp;录&ensp;人</th><td colspan="3">${esc(d.recorder ?? '')}</td></tr>
    ${d.lecturer ? `<tr><th>讲&ensp;课&ensp;人</th><td colspan="7">${esc(d.lecturer)}</td></tr>` : ''}
    <tr><th>应　　到</th><td class="count">${count(d.expected)}</td><th>实　　到</th><td class="count">${count(d.present)}</td><th>请　　假</th><td class="count">${count(known ? leave.length : null)}</td><th>缺　　席</th><td class="count">${count(known ? absent.length : null)}</td></tr>
    <tr><th>出席人员</th><td colspan="7">${esc((d.presentNames ?? []).join('、'))}</td></tr>
    <tr><th>请假人员<br>及原因</th><td colspan="7">${named(leave)}</td></tr>
    <tr><th>缺席人员<br>及原因</th><td colspan="7">${named(absent)}</td></tr>
    <tr><th>列席人员</th><td colspan="7">${esc(d.observers || '无')}</td></tr>
    ${d.quorum ? `<tr><th>会议效力</th><td colspan="7">${esc(d.quorum)}</td></tr>` : ''}
  </table>`
}

/**
 * Every resolution in a table with its 表决结果 — 同意 / 反对 / 弃权 — the way 党员大会 and 支委会 records are
 * kept; votes not recorded are left blank to write in, so the paper never reads as if nobody voted.
 */
function resolutions(d: MinutesData): string {
  if (d.resolutions.length === 0) return '<p>无</p>'
  const mark = (c: string | null) => (c ? `【“三重一大”·${esc(c)}】` : '')
  const n = (v: number | null) => (v === null ? '' : `${v}`)
  return `<table class="votes"><thead><tr><th rowspan="2" style="width:9%">序号</th><th rowspan="2">决议事项</th><th colspan="3">表决结果（票）</th></tr><tr><th class="v">同意</th><th class="v">反对</th><th class="v">弃权</th></tr></thead><tbody>
    ${d.resolutions.map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.text)}${mark(r.category)}</td><td class="v">${n(r.yes)}</td><td class="v">${n(r.no)}</td><td class="v">${n(r.abstain)}</td></tr>`).join('')}
  </tbody></table>`
}
