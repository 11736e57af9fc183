import type { Settings } from '../settings'

/**
 * Where a 公示 sends objections (docs/notice-rules.md §2): the office, its phone, place and e-mail as set once in
 * 系统设置. Null when nothing is set: the print then leaves a line to write on, never a made-up office.
 */
export function noticeChannel(s: Pick<Settings, 'print.noticeFeedback' | 'print.noticePhone' | 'print.noticePlace' | 'print.noticeEmail'>): string | null {
  const office = s['print.noticeFeedback'].trim()
  const ways = [
    s['print.noticePhone'].trim() ? `受理电话：${s['print.noticePhone'].trim()}` : null,
    s['print.noticePlace'].trim() ? `受理地点：${s['print.noticePlace'].trim()}` : null,
    s['print.noticeEmail'].trim() ? `电子邮箱：${s['print.noticeEmail'].trim()}` : null,
  ].filter(Boolean)
  if (!office && !ways.length) return null
  return `${office || '院党委办公室'}${ways.length ? `（${ways.join('；')}）` : ''}`
}

/** The issuing body as the seal reads: the 公示 setting, else the unit name; null when neither is set. */
export const noticeIssuer = (s: Pick<Settings, 'print.noticeIssuer' | 'unit.name'>): string | null => s['print.noticeIssuer'].trim() || s['unit.name'].trim() || null

/** A line to write on by hand where a setting is missing. */
export const WRITE_IN = '＿'.repeat(12)
