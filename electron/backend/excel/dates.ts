import { nfkc } from '../../shared/text'
import { formatIso, isIsoDate, type IsoDate } from '../../shared/dates'
import type { Cell } from './read'

export type DateCell =
  | { kind: 'blank' }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'month'; y: number; m: number }
  | { kind: 'error'; message: string }

const FULL = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
]
const MONTH = [/^(\d{4})[.\-/](\d{1,2})$/, /^(\d{4})年(\d{1,2})月?$/]
/** most cells of a roster's date columns are empty: one shared answer for them */
const BLANK: DateCell = Object.freeze({ kind: 'blank' })

/**
 * The date forms the import accepts: Excel date cells, YYYY-MM-DD, YYYY/M/D, YYYY.M.D,
 * YYYY年M月D日, YYYYMMDD; month-only forms are returned as such for the caller to accept or refuse.
 * Anything else is an error for that cell — never a guess.
 */
export function parseDateCell(cell: Cell | undefined, label: string): DateCell {
  if (!cell || cell.value === null || String(cell.value).trim() === '') return BLANK
  if (cell.date) return { kind: 'date', date: cell.date }
  const text = nfkc(String(cell.value)).replace(/\s+/g, '')
  for (const re of FULL) {
    const m = re.exec(text)
    if (!m) continue
    const iso = formatIso(Number(m[1]), Number(m[2]), Number(m[3]))
    if (isIsoDate(iso)) return { kind: 'date', date: iso }
    return { kind: 'error', message: `${label}“${text}”不是存在的日期，请核对` }
  }
  for (const re of MONTH) {
    const m = re.exec(text)
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'month', y: Number(m[1]), m: Number(m[2]) }
  }
  return { kind: 'error', message: `${label}“${String(cell.value).slice(0, 30)}”无法识别，请写成 2024-03-05 或 2024年3月5日` }
}

/** A full date or an error: month-only values are not enough here. */
export function requireFullDate(cell: Cell | undefined, label: string): DateCell {
  const parsed = parseDateCell(cell, label)
  if (parsed.kind === 'month') return { kind: 'error', message: `${label}只写到月份（${parsed.y}年${parsed.m}月），请补全具体日期` }
  return parsed
}
