import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { AppError } from '../../shared/result'
import { normalizeHeader } from '../excel/normalize'
import { checkMarkup } from '../excel/parse'
import { insertRows, mapRows, rebuildValidations, unshareFormulas } from '../excel/sheet-rows'
import { cellValue, keepAsText } from '../excel/styled'
import { unzip } from '../excel/unzip'
import { refuseExternalCalls, refuseExternalParts } from './template-guard'

/*
 * A higher committee's template, opened and filled with exceljs inside the sandbox worker (excel/worker.ts): only
 * plain data — its header, our rows, the filled file — crosses to the backend (exports/template-fill.ts).
 */

/** our columns as the header search needs them (no functions: they cross a thread) */
export interface ColumnNames {
  label: string
  synonyms: readonly string[]
}

interface Found {
  wb: ExcelJS.Workbook
  ws: ExcelJS.Worksheet
  headerRow: number
  /** column number (1-based) → their header text */
  headers: Map<number, string>
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('')
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return String(v)
}

/** what SheetJS's zip writer needs: a container to fill and a writer that can store without compressing */
const cfb = (XLSX as unknown as { CFB: { utils: { cfb_new(): object; cfb_add(c: object, name: string, data: Buffer): void }; write(c: object, o: object): Buffer } }).CFB

/**
 * Their .xlsx, inflated by our own unzip (limits on the real bytes) and handed to exceljs as a stored archive, so
 * exceljs's own inflater never runs on their bytes. A template that would call out of the file is refused first.
 */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('VALIDATION', '上级模板须为 .xlsx 格式：如是 .xls，请用 Excel 或 WPS 另存为 .xlsx 后再选择')
  const entries = unzip(bytes)
  checkMarkup(entries)
  refuseExternalParts(entries)
  const stored = cfb.utils.cfb_new()
  for (const e of entries) cfb.utils.cfb_add(stored, e.name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength))
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(cfb.write(stored, { fileType: 'zip', type: 'buffer', compression: false }) as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION', '无法打开该模板：文件已损坏或不是 .xlsx 文件')
  }
  refuseExternalCalls(wb, entries)
  return wb
}

/** Opens their template and finds the header row: the row of the first 30 that names most of our columns. */
async function open(bytes: Uint8Array, columns: readonly ColumnNames[]): Promise<Found> {
  const wb = await load(bytes)
  const known = new Set(columns.flatMap((c) => [c.label, ...c.synonyms].map(normalizeHeader)))
  let best: Found | null = null
  let bestScore = 0
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
      const headers = new Map<number, string>()
      ws.getRow(r).eachCell((cell, colNumber) => {
        const text = cellText(cell.value).trim()
        if (text) headers.set(colNumber, text)
      })
      const score = [...headers.values()].filter((h) => known.has(normalizeHeader(h))).length
      // the second line of a two-row header repeats the texts merged down from the first: it is the one above the data
      const prev = best as Found | null
      const secondLine = prev?.ws === ws && prev.headerRow === r - 1 && score === bestScore
      if (score > bestScore || (score > 0 && secondLine)) [best, bestScore] = [{ wb, ws, headerRow: r, headers }, score]
    }
  }
  if (!best) throw new AppError('VALIDATION', '在模板中没有找到可识别的表头（前30行内），请确认模板中有列名行')
  return best
}

/** Their sheet as the backend knows it: the sheet, its header row and header texts by column. */
export interface SheetHeader {
  sheetName: string
  headerRow: number
  headers: [number, string][]
}

/** What the clerk is shown of their template. */
export async function inspectTemplate(bytes: Uint8Array, columns: readonly ColumnNames[]): Promise<SheetHeader> {
  const t = await open(bytes, columns)
  return { sheetName: t.ws.name, headerRow: t.headerRow, headers: [...t.headers] }
}

/** Their running-number column: when none of our fields goes there we number our rows 1, 2, 3… */
const SERIAL_HEADERS = new Set(['序号', '编号'])
export const isSerial = (header: string): boolean => SERIAL_HEADERS.has(normalizeHeader(header))

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Our dates are ISO text; where their cell is formatted as a date (yyyy.mm, yyyy年m月d日) a real date lets their
 * format show. Midnight UTC, because exceljs turns a Date into Excel's day number as UTC.
 */
function valueFor(value: unknown, numFmt: string | undefined): ExcelJS.CellValue {
  const iso = typeof value === 'string' && numFmt && XLSX.SSF.is_date(numFmt) ? ISO_DATE.exec(value) : null
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])))
  return cellValue(value ?? null) as ExcelJS.CellValue
}

/** what forms pre-print in an empty row's cells (（无）, /, —): the row is still empty */
const PLACEHOLDER = /^$|^[（(]?(无|空|略|\/|-|—|－)[)）]?$/

/**
 * A row of their empty form: nothing typed in it but placeholders, at most their running numbers and per-row
 * formulas (A5 = A4+1, =ROW()-3). Anything else — 合计, 填表人：… 审核人：…, 备注, a sample row — is theirs to keep.
 */
function isBlankFormRow(ws: ExcelJS.Worksheet, r: number, serialCols: ReadonlySet<number>): boolean {
  let blank = true
  ws.getRow(r).eachCell((cell, col) => {
    if (cell.type === ExcelJS.ValueType.Merge && cell.master.fullAddress.row !== r) return // covered by a merge from a row above
    if (cell.type === ExcelJS.ValueType.Formula) blank &&= serialCols.has(col) || isPerRow(ws, cell.formula, r)
    else if (!(serialCols.has(col) && typeof cell.value === 'number') && !PLACEHOLDER.test(cellText(cell.value).trim())) blank = false
  })
  return blank
}

/** A formula of row `r` that looks only at its own row and the one above (=IF(B4="","","已填"), =A4+1). */
function isPerRow(ws: ExcelJS.Worksheet, formula: string, r: number): boolean {
  let own = true
  mapRows(formula, ws.name, (a, b) => {
    if (![a, b ?? a].every((x) => x === r || x === r - 1)) own = false
    return [a, b]
  })
  return own
}

/**
 * Their per-row formulas in the first blank row, by column, for the rows we add: a check column (=IF(B4="",…))
 * must work on row 11 as on row 4. One with an absolute row ($B$4) is not per row and is not copied.
 */
function perRowFormulas(ws: ExcelJS.Worksheet, first: number, columns: Iterable<number>): Map<number, string> {
  const out = new Map<number, string>()
  for (const col of columns) {
    const cell = ws.getCell(first, col)
    if (cell.type === ExcelJS.ValueType.Formula && !/\$\d/.test(cell.formula) && isPerRow(ws, cell.formula, first)) out.set(col, cell.formula)
  }
  return out
}

/** Their footer: the first row under the header that is not a blank form row; null when none follows. */
function footerRow(ws: ExcelJS.Worksheet, first: number, serialCols: ReadonlySet<number>): number | null {
  for (let r = first; r <= ws.rowCount; r++) if (!isBlankFormRow(ws, r, serialCols)) return r
  return null
}

/**
 * Writes our rows under their header into a copy of their workbook. Each written cell takes the style of the
 * first row under the header (their borders, fonts, number formats), so the result looks like their own form.
 * Their blank form rows are filled first; when we need more, rows are inserted above their footer (合计,
 * 填表人…), which ends up under our data, intact. Columns we have no data for keep what they hold. `formats`: our
 * number formats by field, used where their cell has none.
 */
export async function fillTemplate(
  bytes: Uint8Array,
  sheet: SheetHeader,
  mapping: ReadonlyMap<string, string | null>,
  rows: readonly Record<string, unknown>[],
  formats: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  // the sheet and header the clerk was shown at inspection (the same file, read the same way)
  const wb = await load(bytes)
  const ws = wb.getWorksheet(sheet.sheetName)
  if (!ws) throw new AppError('VALIDATION', `模板中没有名为“${sheet.sheetName}”的工作表，请重新选择模板`)
  const t: Found = { wb, ws, headerRow: sheet.headerRow, headers: new Map(sheet.headers) }
  const first = t.headerRow + 1
  unshareFormulas(ws)
  const serialCols = new Set([...t.headers].filter(([, h]) => isSerial(h)).map(([c]) => c))
  const footer = footerRow(ws, first, serialCols)
  // with no blank row under their header there is no data row to take the look from
  const styleRow = footer === first ? null : ws.getRow(first)
  const styles = new Map<number, Partial<ExcelJS.Style>>()
  for (const col of t.headers.keys()) styles.set(col, { ...styleRow?.getCell(col).style })
  const unmapped = [...t.headers].filter(([col, h]) => !mapping.get(h) && !serialCols.has(col)).map(([col]) => col)
  const formulas = styleRow ? perRowFormulas(ws, first, unmapped) : new Map<number, string>()
  const extra = footer === null ? 0 : Math.max(0, rows.length - (footer - first))
  if (footer !== null && extra) insertRows(ws, footer, extra, first)
  rows.forEach((row, i) => {
    const r = ws.getRow(first + i)
    // an inserted row still has the height of the footer row that was there
    ;(r as { height?: number }).height = styleRow?.height
    for (const [col, header] of t.headers) {
      const field = mapping.get(header)
      const cell = r.getCell(col)
      const style = styles.get(col) ?? {}
      if (field) cell.value = valueFor(row[field], style.numFmt)
      else if (serialCols.has(col)) cell.value = i + 1
      else if (formulas.has(col) && cell.type !== ExcelJS.ValueType.Formula) cell.value = { formula: mapRows(formulas.get(col)!, ws.name, (a, b) => [a + i, b === null ? null : b + i]) }
      // our number format (出勤率 0.0%) where theirs is 常规: 0.839 would otherwise read as a plain number
      const ours = field ? formats.get(field) : undefined
      cell.style = ours && typeof cell.value === 'number' && (!style.numFmt || style.numFmt === 'General') ? { ...style, numFmt: ours } : style
      keepAsText(cell)
    }
    r.commit()
  })
  const move = (r: number): number => (footer !== null && r >= footer ? r + extra : r)
  rebuildValidations(ws, move, styleRow && rows.length ? { from: first, to: first + rows.length - 1, cols: [...t.headers.keys()] } : null)
  // their 序号 and 合计 formulas hold results from before our rows: Excel and WPS recompute them on opening
  t.wb.calcProperties.fullCalcOnLoad = true
  return new Uint8Array(await t.wb.xlsx.writeBuffer())
}
