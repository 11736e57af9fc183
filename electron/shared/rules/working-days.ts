import { addDays, formatIso, parseIso, type IsoDate } from '../dates'

/**
 * 工作日 for 公示期 (docs/notice-rules.md): Monday to Friday, except the days the State Council's yearly
 * arrangement gives off (放假), plus the weekend days it makes working days (调休上班). The arrangement is data
 * the clerk keeps in 系统设置 (one line a year, as the 国务院办公厅 notice words it); a year without a line is
 * counted by weekends only, and the caller says so to the clerk.
 *
 *   2026年：放假 1月1日至3日、2月15日至23日；上班 1月4日、2月14日
 */
export interface HolidayYear {
  off: Set<IsoDate>
  on: Set<IsoDate>
}
export type HolidayCalendar = Map<number, HolidayYear>

const ITEM = /^(?:(\d{1,2})月)?(\d{1,2})日(?:\s*(?:至|到|~|～|—|–)\s*(?:(\d{1,2})月)?(\d{1,2})日)?$/

/** Reads the settings text; every line it cannot read is named, so a typo never shortens a 公示期 silently. */
export function parseHolidayCalendar(text: string): { calendar: HolidayCalendar; problems: string[] } {
  const calendar: HolidayCalendar = new Map()
  const problems: string[] = []
  for (const raw of text.split(/\n+/)) {
    const line = raw.trim()
    if (!line) continue
    const head = /^(\d{4})年[:：\s]*/.exec(line)
    if (!head) {
      problems.push(`“${line.slice(0, 20)}”：每行应以年份开头，例如“2026年：放假 1月1日至3日；上班 1月4日”`)
      continue
    }
    const year = Number(head[1])
    const rest = line.slice(head[0].length)
    // a year named but not filled in (待国务院办公厅发布后填写) is not known yet
    if (!/\d+日/.test(rest)) continue
    const entry: HolidayYear = { off: new Set(), on: new Set() }
    for (const part of rest.split(/[；;]/).map((p) => p.trim()).filter(Boolean)) {
      const kind = /^(?:放假|休)/.test(part) ? 'off' : /^(?:调休上班|上班|补班)/.test(part) ? 'on' : null
      if (!kind) {
        problems.push(`${year}年“${part.slice(0, 20)}”：应以“放假”或“上班”开头`)
        continue
      }
      const items = part.replace(/^(?:调休上班|放假|上班|补班|休息|休)[:：\s]*/, '').split(/[、，,\s]+/).filter(Boolean)
      for (const item of items) {
        const days = expand(year, item)
        if (!days) problems.push(`${year}年“${item}”不是有效日期，应写成“1月1日”或“2月15日至23日”`)
        else for (const d of days) entry[kind].add(d)
      }
    }
    if (calendar.has(year)) problems.push(`${year}年写了两行，请合并为一行`)
    calendar.set(year, entry)
  }
  return { calendar, problems }
}

/** "2月15日至23日" → the days from 15 to 23 February; the month carries over when the end omits it. */
function expand(year: number, item: string): IsoDate[] | null {
  const m = ITEM.exec(item)
  if (!m) return null
  const month = m[1] ? Number(m[1]) : null
  if (month === null) return null
  const first = parseIso(formatIso(year, month, Number(m[2])))
  if (!first) return null
  if (!m[4]) return [formatIso(year, month, first.d)]
  const last = parseIso(formatIso(year, m[3] ? Number(m[3]) : month, Number(m[4])))
  if (!last) return null
  const from = formatIso(year, month, first.d)
  const to = formatIso(year, last.m, last.d)
  if (to < from) return null
  const out: IsoDate[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

const weekday = (d: IsoDate): number => {
  const p = parseIso(d)!
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()
}

export function isWorkingDay(d: IsoDate, calendar: HolidayCalendar): boolean {
  const year = calendar.get(Number(d.slice(0, 4)))
  if (year?.on.has(d)) return true
  if (year?.off.has(d)) return false
  const w = weekday(d)
  return w !== 0 && w !== 6
}

export interface NoticePeriod {
  from: IsoDate
  to: IsoDate
  /** years the period touches that the calendar does not have: counted by weekends only */
  unknownYears: number[]
}

/**
 * A 公示期 of `days` working days posted on `postedOn`: it starts on the first working day on or after that date
 * and ends on the day that makes `days` working days, both ends counted (2026-12-07, a Monday, + 5 → 12-07 to
 * 12-11: five days, not six).
 */
export function noticePeriod(postedOn: IsoDate, days: number, calendar: HolidayCalendar): NoticePeriod {
  let from = postedOn
  while (!isWorkingDay(from, calendar)) from = addDays(from, 1)
  let to = from
  for (let left = Math.max(1, days) - 1; left > 0; ) {
    to = addDays(to, 1)
    if (isWorkingDay(to, calendar)) left--
  }
  return { from, to, unknownYears: unknownYears(from, to, calendar) }
}

/** Working days from `from` to `to`, both counted. */
export function countWorkingDays(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  let n = 0
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) n++
  return n
}

export function unknownYears(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number[] {
  const out: number[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!calendar.has(y)) out.push(y)
  return out
}

/** What the clerk is told (never printed) when a period runs into a year the settings do not have yet. */
export const unknownYearsNote = (years: readonly number[]): string | null =>
  years.length
    ? `${years.map((y) => `${y}年`).join('、')}的节假日安排还没有录入（系统设置 → 规则参数 → 节假日安排），公示期只扣除了周六、周日，请对照国务院办公厅的通知核对。`
    : null
