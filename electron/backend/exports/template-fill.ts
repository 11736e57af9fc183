import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { AppError } from '../../shared/result'
import { normalizeHeader } from '../excel/normalize'
import { inSandbox, ownCopy, timeFor } from '../excel/sandbox'
import type { DatasetColumn } from './dataset'
import { isSerial, type ColumnNames } from './template-sheet'

export { isSerial }

/**
 * A higher committee's template as the backend sees it: which sheet, which row holds the header, the header texts.
 * Their workbook itself is only ever opened in the sandbox worker (exports/template-sheet.ts via excel/sandbox.ts):
 * a crafted template costs that worker its memory and time limits, never the app.
 */
export interface TheirSheet {
  bytes: Buffer
  sheetName: string
  headerRow: number
  /** column number (1-based) → their header text */
  headers: Map<number, string>
}

const names = (columns: readonly DatasetColumn[]): ColumnNames[] => columns.map((c) => ({ label: c.label, synonyms: [...c.synonyms] }))

/** Opens their .xlsx and finds the header row (in the sandbox). */
export async function openTheirTemplate(bytes: Buffer, columns: readonly DatasetColumn[]): Promise<TheirSheet> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('VALIDATION', '上级模板须为 .xlsx 格式：如是 .xls，请用 Excel 或 WPS 另存为 .xlsx 后再选择')
  const copy = ownCopy(bytes)
  const seen = await inSandbox<{ sheetName: string; headerRow: number; headers: [number, string][] }>(
    { task: 'inspectTemplate', bytes: copy, columns: names(columns) },
    [copy.buffer],
    { timeoutMs: timeFor(bytes.length), noun: '模板' },
  )
  return { bytes, sheetName: seen.sheetName, headerRow: seen.headerRow, headers: new Map(seen.headers) }
}

/** Stable identity of a template: its sheet name and header texts. */
export const signatureOf = (t: TheirSheet): string =>
  createHash('sha256').update(JSON.stringify([t.sheetName, [...t.headers.values()].map(normalizeHeader)])).digest('hex').slice(0, 32)

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
 * Writes our rows under their header into a copy of their workbook (exports/template-sheet.ts, in the sandbox),
 * keeping their look, footer, formulas and drop-downs. `formats`: our number formats by field, where theirs has none.
 */
export async function fillRows(t: TheirSheet, mapping: ReadonlyMap<string, string | null>, rows: readonly Record<string, unknown>[], formats: ReadonlyMap<string, string> = new Map()): Promise<Buffer> {
  const copy = ownCopy(t.bytes)
  // a few seconds more per thousand rows we write: a city's roster is filled as surely as a branch's
  const timeoutMs = timeFor(t.bytes.length, 10_000) + rows.length * 5
  const filled = await inSandbox<Uint8Array>({ task: 'fillTemplate', bytes: copy, sheet: { sheetName: t.sheetName, headerRow: t.headerRow, headers: [...t.headers] }, mapping: [...mapping], rows, formats: [...formats] }, [copy.buffer], { timeoutMs, noun: '模板' })
  return Buffer.from(filled.buffer, filled.byteOffset, filled.byteLength)
}
