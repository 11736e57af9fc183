import ExcelJS from 'exceljs'

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
