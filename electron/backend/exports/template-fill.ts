import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import type { Database } from 'better-sqlite3'
import { AppError } from '../../shared/result'
import { normalizeHeader } from '../excel/normalize'
import { insertRows, mapRows, rebuildValidations, unshareFormulas } from '../excel/sheet-rows'
import { keepAsText } from '../excel/styled'
import { zipProblem } from '../excel/zip-guard'
import type { DatasetColumn } from './dataset'

export interface TheirSheet {
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

/** Opens their .xlsx (exceljs keeps styles, merges, widths and print setup) and finds the header row. */
export async function openTheirTemplate(bytes: Buffer, columns: readonly DatasetColumn[]): Promise<TheirSheet> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('VALIDATION', '上级模板须为 .xlsx 格式：如是 .xls，请用 Excel 或 WPS 另存为 .xlsx 后再选择')
  const problem = zipProblem(bytes)
  if (problem) throw new AppError('VALIDATION', problem)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION', '无法打开该模板：文件已损坏或不是 .xlsx 文件')
  }
  const known = new Set(columns.flatMap((c) => [c.label, ...c.synonyms].map(normalizeHeader)))
  let best: TheirSheet | null = null
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
      const prev = best as TheirSheet | null
      const secondLine = prev?.ws === ws && prev.headerRow === r - 1 && score === bestScore
      if (score > bestScore || (score > 0 && secondLine)) [best, bestScore] = [{ wb, ws, headerRow: r, headers }, score]
    }
  }
  if (!best) throw new AppError('VALIDATION', '在模板中没有找到可识别的表头（前30行内），请确认模板中有列名行')
  return best
}

/** Stable identity of a template: its sheet name and header texts. */
export const signatureOf = (t: TheirSheet): string =>
  createHash('sha256').update(JSON.stringify([t.ws.name, [...t.headers.values()].map(normalizeHeader)])).digest('hex').slice(0, 32)

/** Their header → our field: the remembered mapping wins, then our labels and synonyms. */
export function guessMapping(t: TheirSheet, columns: readonly DatasetColumn[], remembered: Record<string, string | null>): Map<string, string | null> {
  const bySynonym = new Map<string, string>()
  // their 序号 is numbered by fillRows itself, never matched to ours
  for (const c of columns) if (c.key !== 'serial') for (const n of [c.label, ...c.synonyms]) bySynonym.set(normalizeHeader(n), c.key)
  const out = new Map<string, string | null>()
  for (const header of t.headers.values()) {
    out.set(header, Object.hasOwn(remembered, header) ? remembered[header]! : (bySynonym.get(normalizeHeader(header)) ?? null))
  }
  return out
}

export function rememberedMapping(db: Database, signature: string): Record<string, string | null> {
  const row = db.prepare('SELECT mapping_json FROM template_mappings WHERE signature = ?').pluck().get(signature) as string | undefined
  return row ? (JSON.parse(row) as Record<string, string | null>) : {}
}

export function rememberMapping(db: Database, signature: string, source: string, mapping: Record<string, string | null>, at: string): void {
  db.prepare(
    `INSERT INTO template_mappings (signature, source, mapping_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(signature, source, JSON.stringify(mapping), at)
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
  return (value ?? null) as ExcelJS.CellValue
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
export async function fillRows(t: TheirSheet, mapping: ReadonlyMap<string, string | null>, rows: readonly Record<string, unknown>[], formats: ReadonlyMap<string, string> = new Map()): Promise<Buffer> {
  const { ws } = t
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
  return Buffer.from(await t.wb.xlsx.writeBuffer())
}
