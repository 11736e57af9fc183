import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { Database } from 'better-sqlite3'
import { AppError } from '../../shared/result'
import { normalizeHeader } from '../excel/normalize'
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
      if (score > bestScore) [best, bestScore] = [{ wb, ws, headerRow: r, headers }, score]
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
  for (const c of columns) for (const n of [c.label, ...c.synonyms]) bySynonym.set(normalizeHeader(n), c.key)
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

/**
 * Writes our rows under their header into a copy of their workbook. Each written cell takes the style of the
 * first row under the header (their borders, fonts, number formats), so the result looks like their own form.
 */
export async function fillRows(t: TheirSheet, mapping: ReadonlyMap<string, string | null>, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const first = t.headerRow + 1
  const styleRow = t.ws.getRow(first)
  const styles = new Map<number, Partial<ExcelJS.Style>>()
  for (const col of t.headers.keys()) styles.set(col, { ...styleRow.getCell(col).style })
  rows.forEach((row, i) => {
    const r = t.ws.getRow(first + i)
    for (const [col, header] of t.headers) {
      const field = mapping.get(header)
      const cell = r.getCell(col)
      cell.value = field ? ((row[field] ?? null) as ExcelJS.CellValue) : null
      cell.style = styles.get(col) ?? {}
      keepAsText(cell)
    }
    r.commit()
  })
  return Buffer.from(await t.wb.xlsx.writeBuffer())
}
