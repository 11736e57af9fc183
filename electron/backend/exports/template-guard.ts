import ExcelJS from 'exceljs'
import { AppError } from '../../shared/result'
import type { ZipEntry } from '../excel/unzip'

/*
 * 按上级模板填写 puts our rows — names, ID numbers, phone numbers — into their workbook, copies their per-row formulas
 * to every row we add, widens their ranges over our rows, and asks Excel and WPS to recalculate on opening. A formula
 * that reaches outside the file (=WEBSERVICE("http://…"&C5), a link to \\server\[book.xlsx], a DDE call) would
 * then send those rows out the moment the filled copy is opened. Such a template is refused, naming the cells:
 * dropping the formulas instead would hand back their form altered without their knowing, and the clerk can ask
 * the sender for a clean copy or delete the formula and save it again.
 */

/** functions that fetch from or call out to a web address, another program or a library */
const CALLS_OUT = /(?<![\w.])(?:_xlfn\.|_xlws\.)?(WEBSERVICE|FILTERXML|HYPERLINK|IMAGE|RTD|CALL|REGISTER\.ID|REGISTER|EXEC|IMPORTXML|IMPORTDATA|IMPORTHTML|IMPORTFEED|IMPORTRANGE|STOCKHISTORY)\s*\(/i
/** another workbook: [1]Sheet1!A1 as stored, [1]!Name, or a quoted path ('C:\dir\[book.xlsx]Sheet'!A1, '\\server\share\book.xlsx'!A1) */
const OTHER_BOOK = /(?<![\w\]])\[[^\]]+\][^\s!'"()[\],;+\-*/&=<>^:]*!|'[^']*[[\]\\/:][^']*'!/
/** a DDE link (cmd|'/c calc'!A0): the bar is no formula operator, it only joins a program and its topic */
const DDE = /(?<![\w'.\]])[A-Za-z][\w.]*\|/

/** What a formula reaches outside the file with, or null. Quoted text ("…") is only text and is left out. */
export function reachesOut(formula: string): string | null {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""')
  const call = CALLS_OUT.exec(bare)
  if (call) return `调用了 ${call[1]!.toUpperCase()}（会访问网址或其他程序）`
  if (OTHER_BOOK.test(bare)) return '引用了其他工作簿（外部链接）'
  if (DDE.test(bare)) return '用 DDE 调用了其他程序'
  return null
}

const ADVICE = '填好的表打开时会把表中的内容（如身份证号）发送出去，党办通不填写这样的模板。请向上级确认后删除这些公式（外部链接可在 Excel 的“数据 → 编辑链接”中断开），另存为 .xlsx 再选择'
const refuse = (what: string): never => {
  throw new AppError('VALIDATION', `模板中${what}。${ADVICE}`)
}

/** Parts that link the workbook to other files or to data sources (web queries, databases). */
export function refuseExternalParts(entries: readonly ZipEntry[]): void {
  const linked = entries.find((e) => /^xl\/(externalLinks\/|connections\.xml$|queryTables\/)/i.test(e.name))
  if (linked) refuse(/connections|queryTables/i.test(linked.name) ? '有外部数据连接（网页或数据库查询）' : '有指向其他工作簿的外部链接')
}

/**
 * Every formula of the template: the cells first (so the clerk is told where), then everything exceljs does not
 * show as a cell formula — defined names, drop-down lists, conditional formats — read from the XML itself.
 */
export function refuseExternalCalls(wb: ExcelJS.Workbook, entries: readonly ZipEntry[]): void {
  const found: string[] = []
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === ExcelJS.ValueType.Formula ? (cell.value as { formula?: string }).formula : undefined
        const why = formula ? reachesOut(formula) : null
        if (why && found.length < 3) found.push(`“${ws.name}”${cell.address} 的公式${why}`)
      }),
    )
  }
  if (found.length) refuse(found.join('；'))
  for (const e of entries) {
    if (!/^xl\/.*\.xml$/i.test(e.name)) continue
    const xml = Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength).toString('utf8')
    for (const m of xml.matchAll(/<(?:\w+:)?(f|formula|formula1|formula2|definedName)\b[^>]*>([^<]*)</g)) {
      const why = reachesOut(unescapeXml(m[2]!))
      if (why) refuse(`${m[1] === 'definedName' ? '名称定义' : '公式'}${why}`)
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()]!
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
    // a crafted &#99999999; is no character: it cannot hide a function name either
    return code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}
