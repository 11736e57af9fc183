import ExcelJS from 'exceljs'
import type { FilePayload, ImportPreview } from '../../shared/contract/imports'
import type { SheetData } from '../excel/read'
import { displayWidth } from '../../shared/text'
import { BORDER, cellValue, keepAsText, newWorkbook, printSetup, toBase64, withPageNumbers, wrappedLines } from '../excel/styled'

const EXPLANATION_WIDTH = 50
const RED = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } }

/** A real date cell for an ISO date (UTC midnight: Excel dates have no time zone). */
const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`)

/**
 * The rows that could not be imported, with the file's own header and columns plus a 错误说明 column, so the
 * clerk fixes them in place and imports this file again. Cells named in an error are filled red. Laid out to be
 * printed and worked through on paper: widths that fit the content, borders, A4 landscape, header on every page.
 */
export async function buildErrorWorkbook(preview: ImportPreview, sheet: SheetData): Promise<FilePayload> {
  const wb = newWorkbook()
  const ws = wb.addWorksheet('待修改的行', { pageSetup: printSetup(true), headerFooter: withPageNumbers() })
  const headers = preview.columns.map((c) => c.header)
  const head = ws.addRow([...headers.map(cellValue), '原行号', '错误说明'])
  head.eachCell((cell) => {
    cell.font = { bold: true }
    cell.border = BORDER
    cell.alignment = { vertical: 'middle', wrapText: true }
    // the headers are the clerk's own file's: "=…" or "＝…" there is text too
    keepAsText(cell)
  })
  const idColumns = new Set(preview.columns.map((c, i) => (c.field && /id|phone|证/i.test(c.field + c.header) ? i + 1 : -1)))
  const widths = headers.map((h) => displayWidth(h))
  for (const row of preview.rows.filter((r) => r.action === 'error')) {
    const cells = sheet.rows[row.row - 1] ?? []
    const values = headers.map((_, i): ExcelJS.CellValue => {
      const cell = cells[i]
      if (!cell || cell.value === null) return null
      // dates go back as dates, everything else as the text the clerk typed (never a long number)
      if (cell.date) return dateOf(cell.date)
      return cellValue(typeof cell.value === 'number' && idColumns.has(i + 1) ? cell.shown : cell.value)
    })
    const explained = cellValue(row.issues.map((i) => `【${i.column}】${i.message}`).join('；'))
    const r = ws.addRow([...values, row.row, explained])
    // tall enough for the whole explanation (wrapped in its column of 50): a clerk must read every reason
    r.height = 15 * wrappedLines(explained, EXPLANATION_WIDTH)
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'top', wrapText: true }
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd'
      else if (idColumns.has(col)) cell.numFmt = '@'
      keepAsText(cell)
      if (col <= headers.length) widths[col - 1] = Math.max(widths[col - 1]!, displayWidth(cells[col - 1]?.shown ?? ''))
    })
    for (const issue of row.issues) {
      const col = headers.indexOf(issue.column)
      if (col >= 0) r.getCell(col + 1).fill = RED
    }
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(30, Math.max(8, w + 2))))
  ws.getColumn(headers.length + 1).width = 8
  ws.getColumn(headers.length + 2).width = EXPLANATION_WIDTH
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  ws.pageSetup.printTitlesRow = '1:1'
  const base = preview.fileName.replace(/\.[^.]+$/, '')
  return { fileName: `${base}-错误行.xlsx`, contentBase64: await toBase64(wb) }
}
