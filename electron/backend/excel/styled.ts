import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'
import { cleanText } from '../../shared/clean-text'
import { displayWidth } from '../../shared/text'

/**
 * Text Excel would take for a formula ("=HYPERLINK(...)", "+86 …", "-", "@SUM", a leading tab or line break,
 * and the full-width ＝ ＋ － ＠ a Chinese input method types, which a security review found left as they were): written as
 * text into a cell formatted as 文本 (@), so it shows exactly as typed and stays text even when a clerk edits the
 * cell and presses Enter (OWASP formula injection). The older remedy, an apostrophe in front, was printed and sent
 * upward with it. Every cell we write from data goes through this — headers and titles included, since a header
 * can be the clerk's own (the error workbook) or a name someone typed (an assessment's 指标).
 */
export const formulaLike = (value: unknown): boolean => typeof value === 'string' && /^[=+\-@\t\r\n＝＋－＠]/.test(value)

/**
 * A value as it may be written into a workbook's XML: text without control characters, invisible marks and the
 * noncharacters U+FFFE/U+FFFF, which no XML document may hold (one such name made every workbook that carried it
 * unreadable). New input is cleaned on the way in (shared/clean-text.ts); this covers what was stored before.
 */
export const cellValue = <T>(value: T): T => (typeof value === 'string' ? (cleanText(value) as T) : value)

/** Gives a cell holding formula-like text the 文本 format (its own copy of the style: styles read from a file are shared). */
export function keepAsText(cell: ExcelJS.Cell): void {
  if (formulaLike(cell.value)) cell.style = { ...cell.style, numFmt: '@' }
}

export interface ColumnSpec {
  header: string
  key: string
  width?: number
  /** text format (身份证号 and other long digit strings must never become numbers) */
  text?: boolean
  /** a number format, e.g. '0.0%' for a rate kept as a number */
  numFmt?: string
}

export interface SheetSpec {
  name: string
  /** a title row above the header, e.g. "党员名册" */
  title?: string
  /** a line under the title: 填报单位 and date */
  subtitle?: string
  columns: ColumnSpec[]
  rows: Record<string, unknown>[]
  landscape?: boolean
}

/** A4 (paperSize 9), fitted to one page wide, as long as it needs */
export const printSetup = (landscape = false): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: landscape ? 'landscape' : 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
})

/** "第 1 页 共 4 页" at the foot of every printed page: a 30-page ledger is put back in order by it. */
export const withPageNumbers = (): Partial<ExcelJS.HeaderFooter> => ({ oddFooter: '&C第 &P 页 共 &N 页' })

/** A column's width; exceljs leaves out a width of exactly 9 (its own default), which Excel then shows as 8.43. */
const columnWidth = (c: ColumnSpec): number => {
  const w = c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 4))
  return w === 9 ? 9.5 : w
}

/**
 * Lines a text wraps to in a column `width` wide (Excel's units, a CJK character two). `scale` is for smaller type:
 * at 10 pt a Chinese character takes about 1.8 units, not the 2 of 11 pt. Used to set row heights: without one,
 * LibreOffice printed wrapped rows one line high, cut off (seen in a review's PDFs; WPS is untested here).
 */
export function wrappedLines(text: string, width: number, scale = 1): number {
  const room = Math.max(1, width - 1)
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((displayWidth(part) * scale) / room)), 0)
}

/** A line merged across the columns (the subtitle) wraps and is as tall as it needs: on a two-column sheet it used to be cut off. */
function fitMergedLine(row: ExcelJS.Row, text: string, columns: readonly ColumnSpec[]): void {
  row.getCell(1).alignment = { vertical: 'middle', wrapText: true }
  row.height = 15 * wrappedLines(text, columns.reduce((w, c) => w + columnWidth(c), 0))
}

/**
 * A body row as tall as its longest wrapped cell (a meeting's 决议事项, an address). Only text that might not fit
 * is measured: a 10,000-row roster is mostly short cells.
 */
function bodyRowHeight(values: readonly unknown[], columns: readonly ColumnSpec[]): number | undefined {
  let lines = 1
  values.forEach((v, i) => {
    const width = columnWidth(columns[i]!)
    if (typeof v === 'string' && (v.length * 2 >= width - 1 || v.includes('\n'))) lines = Math.max(lines, wrappedLines(v, width, 0.9))
  })
  return lines > 1 ? 13.5 * lines + 3 : undefined
}

/** The header row as tall as its longest wrapped name (a score sheet's 指标 names run to three lines). */
function fitHeader(row: ExcelJS.Row, columns: readonly ColumnSpec[]): void {
  const lines = Math.max(1, ...columns.map((c) => wrappedLines(c.header, columnWidth(c))))
  if (lines > 1) row.height = 15 * lines + 4
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
/** thin grey lines round a cell, as every sheet we write has them */
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** A sheet as higher committees expect: title, bold bordered header, widths, frozen header, A4 print setup. */
export function addStyledSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name.slice(0, 31), { pageSetup: printSetup(spec.landscape), headerFooter: withPageNumbers() })
  let headerRow = 1
  if (spec.title) {
    ws.addRow([cellValue(spec.title)])
    ws.mergeCells(1, 1, 1, spec.columns.length)
    const t = ws.getCell(1, 1)
    t.font = { name: '宋体', size: 16, bold: true }
    t.alignment = { horizontal: 'center', vertical: 'middle' }
    keepAsText(t)
    ws.getRow(1).height = 30
    headerRow++
    if (spec.subtitle) {
      const st = ws.addRow([cellValue(spec.subtitle)])
      ws.mergeCells(2, 1, 2, spec.columns.length)
      ws.getCell(2, 1).font = { name: '宋体', size: 10 }
      keepAsText(ws.getCell(2, 1))
      fitMergedLine(st, spec.subtitle, spec.columns)
      headerRow++
    }
  }
  const header = ws.addRow(spec.columns.map((c) => cellValue(c.header)))
  fitHeader(header, spec.columns)
  header.eachCell((cell) => {
    cell.font = { name: '宋体', size: 11, bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
    keepAsText(cell)
  })
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1)
    col.width = columnWidth(c)
    if (c.text) col.numFmt = '@'
    else if (c.numFmt) col.numFmt = c.numFmt
  })
  for (const row of spec.rows) {
    const values = spec.columns.map((c) => cellValue(row[c.key] ?? null))
    const r = ws.addRow(values)
    const height = bodyRowHeight(values, spec.columns)
    if (height) r.height = height
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER
      cell.font = { name: '宋体', size: 10 }
      cell.alignment = { vertical: 'middle', wrapText: true }
      const format = spec.columns[Number(cell.col) - 1]?.numFmt
      if (format && typeof cell.value === 'number') cell.numFmt = format
      keepAsText(cell)
    })
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow }]
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`
  return ws
}

/**
 * Large data sheets (the roster, attendance, the meeting ledger) through exceljs's streaming writer: the same
 * look as `addStyledSheet` — title, bold bordered header, widths, frozen header, A4 with the header repeated on
 * every printed page — at about half the cost of building the whole workbook in memory (bench: 名册导出).
 */
export async function writeStyledWorkbook(specs: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = '党办通'
  wb.created = new Date()
  for (const spec of specs) {
    const name = spec.name.slice(0, 31)
    const headerRow = spec.title ? (spec.subtitle ? 3 : 2) : 1
    const ws = wb.addWorksheet(name, {
      pageSetup: { ...printSetup(spec.landscape), printTitlesRow: `${headerRow}:${headerRow}` },
      headerFooter: withPageNumbers(),
      views: [{ state: 'frozen', ySplit: headerRow }],
    })
    ws.columns = spec.columns.map((c) => ({ width: columnWidth(c), style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {} }))
    // one shared style object per column (the writer stores each distinct style once)
    const bodyStyles = spec.columns.map((c) => (c.text ? BODY_TEXT_STYLE : c.numFmt ? { ...BODY_STYLE, numFmt: c.numFmt } : BODY_STYLE))
    if (spec.title) {
      const t = ws.addRow([cellValue(spec.title)])
      t.height = 30
      t.getCell(1).font = { name: '宋体', size: 16, bold: true }
      t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
      keepAsText(t.getCell(1))
      ws.mergeCells(1, 1, 1, spec.columns.length)
      t.commit()
      if (spec.subtitle) {
        const st = ws.addRow([cellValue(spec.subtitle)])
        st.getCell(1).font = { name: '宋体', size: 10 }
        keepAsText(st.getCell(1))
        fitMergedLine(st, spec.subtitle, spec.columns)
        ws.mergeCells(2, 1, 2, spec.columns.length)
        st.commit()
      }
    }
    const header = ws.addRow(spec.columns.map((c) => cellValue(c.header)))
    fitHeader(header, spec.columns)
    header.eachCell((cell) => Object.assign(cell, formulaLike(cell.value) ? { ...HEADER_STYLE, numFmt: '@' } : HEADER_STYLE))
    header.commit()
    for (const row of spec.rows) {
      const values = spec.columns.map((c) => cellValue(row[c.key] ?? null))
      const r = ws.addRow(values)
      const height = bodyRowHeight(values, spec.columns)
      if (height) r.height = height
      for (let i = 1; i <= spec.columns.length; i++) r.getCell(i).style = formulaLike(values[i - 1]) ? BODY_TEXT_STYLE : bodyStyles[i - 1]!
      r.commit()
    }
    ws.commit()
  }
  await wb.commit()
  return Buffer.concat(chunks)
}

const HEADER_STYLE = {
  font: { name: '宋体', size: 11, bold: true },
  fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } },
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true },
  border: BORDER,
}
const BODY_STYLE: Partial<ExcelJS.Style> = { font: { name: '宋体', size: 10 }, alignment: { vertical: 'middle', wrapText: true }, border: BORDER }
const BODY_TEXT_STYLE: Partial<ExcelJS.Style> = { ...BODY_STYLE, numFmt: '@' }

export async function toBase64(wb: ExcelJS.Workbook): Promise<string> {
  const buffer = await wb.xlsx.writeBuffer()
  return Buffer.from(buffer as ArrayBuffer).toString('base64')
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = '党办通'
  wb.created = new Date()
  return wb
}
