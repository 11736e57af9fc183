import type { FilePayload, ImportPreview } from '../../shared/contract/imports'
import type { SheetData } from '../excel/read'
import { neutralize, newWorkbook, toBase64 } from '../excel/styled'

/**
 * The rows that could not be imported, with the file's own header and columns plus a 错误说明 column, so the
 * clerk fixes them in place and imports this file again. Cells named in an error are filled red.
 */
export async function buildErrorWorkbook(preview: ImportPreview, sheet: SheetData): Promise<FilePayload> {
  const wb = newWorkbook()
  const ws = wb.addWorksheet('待修改的行')
  const headers = preview.columns.map((c) => c.header)
  const head = ws.addRow([...headers, '原行号', '错误说明'])
  head.font = { bold: true }
  const idColumns = new Set(preview.columns.map((c, i) => (c.field && /id|phone|证/i.test(c.field + c.header) ? i + 1 : -1)))
  for (const c of idColumns) if (c > 0) ws.getColumn(c).numFmt = '@'
  for (const row of preview.rows.filter((r) => r.action === 'error')) {
    const cells = sheet.rows[row.row - 1] ?? []
    const values = headers.map((_, i) => {
      const cell = cells[i]
      if (!cell || cell.value === null) return null
      // give dates back as dates, everything else as the text the clerk typed (never a long number)
      return cell.date ?? (typeof cell.value === 'number' && idColumns.has(i + 1) ? cell.shown : neutralize(cell.value))
    })
    const r = ws.addRow([...values, row.row, row.issues.map((i) => `【${i.column}】${i.message}`).join('；')])
    for (const issue of row.issues) {
      const col = headers.indexOf(issue.column)
      if (col >= 0) r.getCell(col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
    }
  }
  ws.getColumn(headers.length + 2).width = 60
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const base = preview.fileName.replace(/\.[^.]+$/, '')
  return { fileName: `${base}-错误行.xlsx`, contentBase64: await toBase64(wb) }
}
