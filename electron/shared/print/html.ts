import { AppError } from '../result'
import { SENSITIVE_KEYS } from './types'

/** Every value that goes into a print is escaped: names and minutes are data, never markup. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const LEVEL1 = /^[一二三四五六七八九十]+、/

/**
 * A meeting held as several types at once is named with 暨 (支部党员大会暨党课), as such records and notices are
 * titled (docs/print-rules.md §1); the types stay in the order the record lists them.
 */
export const typesTitle = (types: readonly string[]): string => types.join('暨')

/** Chinese numerals for （一）（二）… up to 99 (a long agenda numbered the official way). */
export function numeral(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  if (n < 10) return d[n]!
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`
}

/** The clerk's own numbering at the head of a line: 一、 （一） (一) 1. 1、 1） ① */
const OWN_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、)）]|[①-⑳])\s*/
const LEVEL2 = /^（[一二三四五六七八九十]+）/

/** 一 … 九十九 as a number (the clerk's own 一、 and （三） headings). */
function valueOf(numeral: string): number {
  const d = '一二三四五六七八九'
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral]
  return (numeral.includes('十') ? (tens ? d.indexOf(tens) + 1 : 1) * 10 : 0) + (ones ? d.indexOf(ones) + 1 : 0)
}

/**
 * Multi-line text (the minutes, the discussion) keeps its line breaks, each line a paragraph with a two-character
 * indent. Lines the clerk numbered the official way get the GB/T 9704 heading faces. At the top level "一、" is
 * 黑体 and "（一）" 楷体. Inside a section that already has its "一、" heading (`nested`, e.g. 二、会议内容) the
 * clerk's numbering moves one level down so that the page never shows two 一、 levels (docs/print-rules.md §1):
 * "一、" prints as "（一）" in 楷体, "（一）" as "1." in 仿宋. Plain lists stay as typed.
 */
export function paragraphs(text: string | null | undefined, style: 'plain' | 'top' | 'nested' = 'plain'): string {
  const line = (l: string): string => {
    if (style === 'top') return `<p${LEVEL1.test(l) ? ' class="l1"' : LEVEL2.test(l) ? ' class="l2"' : ''}>${esc(l)}</p>`
    if (style === 'nested') {
      const one = /^([一二三四五六七八九十]+)、\s*/.exec(l)
      if (one) return `<p class="l2">（${one[1]}）${esc(l.slice(one[0].length))}</p>`
      const two = /^（([一二三四五六七八九十]+)）\s*/.exec(l)
      if (two) return `<p>${valueOf(two[1]!)}. ${esc(l.slice(two[0].length))}</p>`
    }
    return `<p>${esc(l)}</p>`
  }
  return (text ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(line)
    .join('')
}

/**
 * The run-time half of "no ID numbers, phones or addresses on notices and sign-in sheets" (docs/rules.md §8): the
 * types already refuse those keys; this refuses them from untyped callers too, before anything is printed.
 */
export function refuseSensitive(people: readonly object[], what: string): void {
  for (const p of people) {
    const bad = SENSITIVE_KEYS.find((k) => Object.hasOwn(p, k))
    if (bad) throw new AppError('INTERNAL', `${what}不能包含身份证号、电话或住址（字段 ${bad}）`)
  }
}

/**
 * Items under a heading (the agenda under 一、会议议程): one line each, numbered （一）（二）… one level below the
 * heading as GB/T 9704 numbers them, whatever numbering the clerk typed (docs/print-rules.md §1).
 */
export function subItems(text: string | null | undefined): string {
  return (text ?? '')
    .split(/\n+/)
    .map((l) => l.trim().replace(OWN_NUMBER, '').trim())
    .filter(Boolean)
    .map((l, i) => `<p>（${numeral(i + 1)}）${esc(l)}</p>`)
    .join('')
}
