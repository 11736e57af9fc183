import { formatChineseDate } from '../dates'
import { esc, refuseSensitive, typesTitle } from './html'
import { FORM_MARGINS, page } from './layout'
import type { SignInPerson, SignInSheetData } from './types'

/**
 * 签到表 (docs/print-rules.md §2). A form, not a document, so it departs from GB/T 9704 where signing needs it: rows
 * 9 mm high (room for a handwritten name), 12–14 pt text instead of 16 pt, and 20 mm top / 18 mm bottom
 * margins (the 28 mm binding margin stays). Up to 20 rows print as one wide column; beyond that two column
 * groups side by side, 20 rows each, so 40 people fit one A4 page. Longer lists continue on further pages,
 * each with the full heading and "第 n 页 共 m 页", and every page keeps its blank rows for people who come late
 * (a sheet passed round a big meeting is signed wherever it is); the totals and signatures close the last page.
 * The pre-filled people are numbered 1…n straight through; the blank rows carry no number. A recorded 请假 and
 * its reason go into 备注.
 */
export const ROWS_PER_PAGE = 40
const ROWS_PER_COLUMN = 20

const CSS = `
  .sheet-page + .sheet-page { break-before: page; }
  .sheet-page h1 { font-size: 20pt; line-height: 1.35; margin: 0 0 8pt; }
  .sheet-meta { width: 100%; margin-bottom: 6pt; }
  .sheet-meta td { border: none; padding: 0; font-size: 12pt; line-height: 1.7; }
  .sheet th { font-size: 12pt; height: 8mm; line-height: 1.2; padding: 0 1pt; }
  .sheet.two th { font-size: 10.5pt; }
  .sheet td { height: 9mm; padding: 0 3pt; line-height: 1.2; font-size: 12pt; }
  .sheet td.name { font-size: 14pt; text-align: center; }
  .sheet td.name.long { font-size: 11pt; }
  .sheet td.note { font-size: 10.5pt; }
  .sheet .split { border-left: 2.25pt double #000; }
  .totals { margin-top: 6pt; font-size: 12pt; line-height: 1.9; text-indent: 0; }
  .totals .sig { display: flex; justify-content: flex-end; gap: 36pt; }`

/** One meeting's sign-in sheet. */
export function signInSheet(d: SignInSheetData): string {
  return page(sheetPages(d), { title: `${d.organizationName}签到表`, margins: FORM_MARGINS, pageNumbers: false, internal: d.internal, css: CSS })
}

/** Batch printing: many meetings' sign-in sheets in one print, each starting on a new page. */
export function signInSheets(sheets: SignInSheetData[], title: string): string {
  return page(sheets.map(sheetPages).join(''), { title, margins: FORM_MARGINS, pageNumbers: false, css: CSS })
}

type Row = { n: number | null; name: string; note: string }

/** How the rows fall on pages: people per page and the blank rows kept at the foot of every page. */
function layout(d: Pick<SignInSheetData, 'attendees' | 'blankRows'>): { perPage: number; spare: number; pages: number } {
  const people = d.attendees.length
  if (people + d.blankRows <= ROWS_PER_PAGE) return { perPage: ROWS_PER_PAGE, spare: d.blankRows, pages: 1 }
  // never more than half a page blank, so a long list always moves on
  const spare = Math.min(d.blankRows, ROWS_PER_PAGE / 2)
  const perPage = ROWS_PER_PAGE - spare
  return { perPage, spare, pages: Math.max(1, Math.ceil(people / perPage)) }
}

/** How many pages a sheet takes: 40 rows a page, the blank rows repeated on each. */
export const sheetPageCount = (d: Pick<SignInSheetData, 'attendees' | 'blankRows'>): number => layout(d).pages

function sheetPages(d: SignInSheetData): string {
  refuseSensitive(d.attendees, '签到表')
  const people: Row[] = d.attendees.map((a: SignInPerson, i) => ({ n: i + 1, name: a.name, note: a.note ?? '' }))
  const { perPage, spare, pages: total } = layout(d)
  const blank: Row[] = Array.from({ length: spare }, () => ({ n: null, name: '', note: '' }))
  const pages: string[] = []
  for (let p = 0; p < total; p++) {
    const chunk = [...people.slice(p * perPage, (p + 1) * perPage), ...blank]
    const last = p === total - 1
    pages.push(`<section class="sheet-page">${heading(d, p + 1, total)}${people.length + spare > ROWS_PER_COLUMN ? twoColumns(chunk) : oneColumn(chunk)}${last ? totals(d) : ''}</section>`)
  }
  return pages.join('')
}

function heading(d: SignInSheetData, n: number, of: number): string {
  const when = `${formatChineseDate(d.heldOn)}${d.time ? ` ${d.time}` : ''}`
  return `<h1>${esc(d.organizationName)}<br>${esc(typesTitle(d.types))}签到表</h1>
  <table class="sheet-meta"><tr><td colspan="2">会议主题：${esc(d.title)}</td></tr>
  <tr><td style="width:50%">时　　间：${esc(when)}</td><td>地　　点：${esc(d.place ?? '')}</td></tr>
  <tr><td>主&ensp;持&ensp;人：${esc(d.host ?? '')}</td><td class="right">${of > 1 ? `第 ${n} 页　共 ${of} 页` : ''}</td></tr></table>`
}

const nameCell = (r: Row | undefined) => `<td class="name${r && [...r.name].length > 4 ? ' long' : ''}">${esc(r?.name ?? '')}</td>`
const cells = (r: Row | undefined, split = false) =>
  `<td class="center${split ? ' split' : ''}">${r?.n ?? ''}</td>${nameCell(r)}<td></td><td class="note">${esc(r?.note ?? '')}</td>`

function oneColumn(rows: Row[]): string {
  return `<table class="sheet"><colgroup><col style="width:11%"><col style="width:23%"><col style="width:40%"><col></colgroup>
  <thead><tr><th>序号</th><th>姓名</th><th>签名</th><th>备注</th></tr></thead>
  <tbody>${rows.map((r) => `<tr>${cells(r)}</tr>`).join('')}</tbody></table>`
}

/** Two groups side by side, numbered down the left group first (a pre-filled list is read top to bottom). */
function twoColumns(rows: Row[]): string {
  const half = Math.min(ROWS_PER_COLUMN, Math.ceil(rows.length / 2))
  const head = '<th>序号</th><th>姓名</th><th>签名</th><th>备注</th>'
  const body = Array.from({ length: half }, (_, i) => `<tr>${cells(rows[i])}${cells(rows[i + half], true)}</tr>`).join('')
  const cols = '<col style="width:7%"><col style="width:14%"><col style="width:18%"><col style="width:11%">'
  return `<table class="sheet two"><colgroup>${cols}${cols}</colgroup>
  <thead><tr>${head}${head.replace('<th>序号', '<th class="split">序号')}</tr></thead><tbody>${body}</tbody></table>`
}

function totals(d: SignInSheetData): string {
  return `<div class="totals keep"><div>应到 ${d.attendees.length} 人，实到 ______ 人，请假 ______ 人，缺席 ______ 人。</div>
  <div class="sig"><span>主持人：____________</span><span>记录人：____________</span></div></div>`
}
