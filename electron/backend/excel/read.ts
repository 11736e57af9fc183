import type { IsoDate } from '../../shared/dates'
import { IMPORT_MAX_BYTES, TOO_LARGE } from '../../shared/contract/imports'
import { AppError } from '../../shared/result'
import { inSandboxSync, ownCopy, timeFor } from './sandbox'

/** One cell as read from the file: the stored value, the text Excel shows, and the date when it is a date cell. */
export interface Cell {
  value: string | number | boolean | null
  /** what Excel displays (e.g. "1.10105E+17" for a long number) */
  shown: string
  /** a real Excel date cell, converted without time zones */
  date: IsoDate | null
}

export interface SheetData {
  name: string
  /** rows[i] is Excel row i + 1 */
  rows: Cell[][]
}

export const LIMITS = { fileBytes: IMPORT_MAX_BYTES, rows: 100_000, columns: 300, cellChars: 10_000 }

/**
 * Reads .xlsx, .xls (BIFF8), WPS .et and .csv into plain cells. Formulas are never evaluated (their cached
 * value is read). The file is parsed in the sandbox worker (excel/parse.ts via excel/sandbox.ts), with our own
 * unzip and limits on memory and time: anything unreadable, oversized or hostile ends in an AppError with a Chinese
 * message, within seconds for a small file and never with more than the sandbox's memory.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string): SheetData[] {
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的')
  if (bytes.length > LIMITS.fileBytes) throw new AppError('VALIDATION', TOO_LARGE)
  const copy = ownCopy(bytes)
  return inSandboxSync<SheetData[]>({ task: 'read', bytes: copy, fileName }, [copy.buffer], { timeoutMs: timeFor(bytes.length), noun: '文件' })
}
