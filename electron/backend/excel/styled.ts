import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'

/**
 * Text that Excel would run as a formula when opened ("=HYPERLINK(...)", "+1", "-2", "@SUM"): prefixed with an
 * apostrophe-free single quote character so it stays text (OWASP CSV/formula injection).
 */
export function neutralize(value: unknown): unknown {
  if (typeof value !== 'string') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export interface ColumnSpec {
  header: string
  key: string
  width?: number
  /** text format (身份证号 and other long digit strings must never become numbers) */
  text?: boolean
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

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** A sheet as higher committees expect: title, bold bordered header, widths, frozen header, A4 print setup. */
export function addStyledSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: spec.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  })
  let headerRow = 1
  if (spec.title) {
    ws.addRow([spec.title])
    ws.mergeCells(1, 1, 1, spec.columns.length)
    const t = ws.getCell(1, 1)
    t.font = { name: '宋体', size: 16, bold: true }
    t.alignment = { horizontal: 'center', vertical: 'middle' }
    ws.getRow(1).height = 30
    headerRow++
    if (spec.subtitle) {
      ws.addRow([spec.subtitle])
      ws.mergeCells(2, 1, 2, spec.columns.length)
      ws.getCell(2, 1).font = { name: '宋体', size: 10 }
      headerRow++
    }
  }
  const header = ws.addRow(spec.columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { name: '宋体', size: 11, bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
  })
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1)
    col.width = c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 4))
    if (c.text) col.numFmt = '@'
  })
  for (const row of spec.rows) {
    const r = ws.addRow(spec.columns.map((c) => neutralize(row[c.key] ?? null)))
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER
      cell.font = { name: '宋体', size: 10 }
      cell.alignment = { vertical: 'middle', wrapText: true }
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
      pageSetup: { paperSize: 9, orientation: spec.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: `${headerRow}:${headerRow}` },
      views: [{ state: 'frozen', ySplit: headerRow }],
    })
    ws.columns = spec.columns.map((c) => ({ width: c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 4)), style: c.text ? { numFmt: '@' } : {} }))
    if (spec.title) {
      const t = ws.addRow([spec.title])
      t.height = 30
      t.getCell(1).font = { name: '宋体', size: 16, bold: true }
      t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
      ws.mergeCells(1, 1, 1, spec.columns.length)
      t.commit()
      if (spec.subtitle) {
        const st = ws.addRow([spec.subtitle])
        st.getCell(1).font = { name: '宋体', size: 10 }
        ws.mergeCells(2, 1, 2, spec.columns.length)
        st.commit()
      }
    }
    const header = ws.addRow(spec.columns.map((c) => c.header))
    header.eachCell((cell) => Object.assign(cell, HEADER_STYLE))
    header.commit()
    for (const row of spec.rows) {
      const r = ws.addRow(spec.columns.map((c) => neutralize(row[c.key] ?? null)))
      // one shared style object per cell: the writer stores each distinct style once
      for (let i = 1; i <= spec.columns.length; i++) r.getCell(i).style = spec.columns[i - 1]!.text ? BODY_TEXT_STYLE : BODY_STYLE
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
