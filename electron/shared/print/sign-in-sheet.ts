import { formatChineseDate } from '../dates'
import { esc } from './html'
import { page } from './layout'
import type { SignInSheetData } from './types'

const SHEET_CSS = `.sheet th, .sheet td { height: 14.2pt; padding: 0 4pt; font-size: 11pt; line-height: 1.2; } .meta td { font-size: 11pt; line-height: 1.4; } .totals { margin-top: 6pt; text-indent: 0; } h1 { font-size: 18pt; line-height: 1.35; margin-bottom: 8pt; } .one-sheet + .one-sheet { break-before: page; }`
// a form, not a document: narrower margins and tight rows so 40 names fit one A4 page
const SHEET_PAGE = { bodySize: '11pt', margins: '16mm 20mm 18mm 20mm' }

/** 签到表: 序号 / 姓名 / 签名 / 备注, expected attendees pre-filled, blank rows for walk-ins, totals; 40 rows fit a page. */
export function signInSheet(d: SignInSheetData): string {
  const rows = d.attendees.length + d.blankRows
  return page(signInBody(d), { title: `${d.organizationName}签到表`, ...SHEET_PAGE, pageNumbers: rows > 40 }).replace('</style>', `${SHEET_CSS}</style>`)
}

/** Batch printing: many sign-in sheets, each starting on a new page. */
export function signInSheets(sheets: SignInSheetData[], title: string): string {
  return page(sheets.map(signInBody).join(''), { title, ...SHEET_PAGE, pageNumbers: false }).replace('</style>', `${SHEET_CSS}</style>`)
}

function signInBody(d: SignInSheetData): string {
  const rows = [...d.attendees.map((a) => ({ name: a.name, note: a.note ?? '' })), ...Array.from({ length: d.blankRows }, () => ({ name: '', note: '' }))]
  return `<section class="one-sheet">
  <h1>${esc(d.organizationName)}<br>${esc(d.types.join('、'))}签到表</h1>
  <table class="meta small"><tr>
    <td>会议主题：${esc(d.title)}</td>
    <td class="right">时间：${esc(formatChineseDate(d.heldOn))}${d.time ? ` ${esc(d.time)}` : ''}</td>
  </tr><tr>
    <td>地点：${esc(d.place ?? '')}</td>
    <td class="right">主持人：${esc(d.host ?? '')}</td>
  </tr></table>
  <table class="sheet">
    <thead><tr><th style="width:12%">序号</th><th style="width:22%">姓名</th><th style="width:40%">签名</th><th>备注</th></tr></thead>
    <tbody>${rows.map((r, i) => `<tr><td class="center">${i + 1}</td><td class="center">${esc(r.name)}</td><td></td><td>${esc(r.note)}</td></tr>`).join('')}</tbody>
  </table>
  <p class="small totals">应到 ${d.attendees.length} 人，实到 ______ 人，请假 ______ 人，缺席 ______ 人。　　　记录人：__________</p></section>`
}
