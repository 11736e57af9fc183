/**
 * Dates cross every boundary as `YYYY-MM-DD` strings (the contract between window and backend carries JSON only).
 * Calendar arithmetic is done on the parts, never through time zones.
 */
export type IsoDate = string

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseIso(date: IsoDate): { y: number; m: number; d: number } | null {
  const match = ISO.exec(date)
  if (!match) return null
  const y = Number(match[1])
  const m = Number(match[2])
  const d = Number(match[3])
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return { y, m, d }
}

export const isIsoDate = (value: string): boolean => parseIso(value) !== null

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Gregorian calendar: February has 29 days in years divisible by 4, except centuries not divisible by 400. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29
  return MONTH_DAYS[m - 1]!
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export const formatIso = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`

/** the last day of the month of a date (or of a YYYY-MM month) */
export const monthEnd = (d: string): IsoDate => formatIso(Number(d.slice(0, 4)), Number(d.slice(5, 7)), daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7))))

function must(date: IsoDate): { y: number; m: number; d: number } {
  const p = parseIso(date)
  if (!p) throw new Error(`不是有效日期：${date}`)
  return p
}

/** Adds whole months; the 31st clamps to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = must(date)
  const index = y * 12 + (m - 1) + months
  const ny = Math.floor(index / 12)
  const nm = (index % 12) + 1
  return formatIso(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12)

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = must(date)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return formatIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = must(a)
  const pb = must(b)
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000)
}

/** Full years from `from` to `on` (age on a date: the birthday itself counts). */
export function fullYears(from: IsoDate, on: IsoDate): number {
  const a = must(from)
  const b = must(on)
  let years = b.y - a.y
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1
  return years
}

/** Today in the machine's local time zone (the clerk's calendar day, not UTC). */
export function todayLocal(now: Date = new Date()): IsoDate {
  return formatIso(now.getFullYear(), now.getMonth() + 1, now.getDate())
}

/** "2024年3月5日": GB/T 9704 writes dates without leading zeros. */
export function formatChineseDate(date: IsoDate): string {
  const { y, m, d } = must(date)
  return `${y}年${m}月${d}日`
}
