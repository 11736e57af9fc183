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
const LEVEL2 = /^（[一二三四五六七八九十]+）/

/**
 * Multi-line text (agenda, minutes) keeps its line breaks, each line a paragraph with a two-character indent.
 * Lines the clerk numbered the official way get the GB/T 9704 heading faces: at the top level "一、" 黑体 and
 * "（一）" 楷体; inside a section that already has a "一、" heading (`nested`), one level down: "一、" 楷体 and
 * "（一）" plain 仿宋. Lists (the agenda) stay plain.
 */
export function paragraphs(text: string | null | undefined, style: 'plain' | 'top' | 'nested' = 'plain'): string {
  const cls = (l: string) => {
    if (style === 'plain') return ''
    if (LEVEL1.test(l)) return style === 'top' ? ' class="l1"' : ' class="l2"'
    return LEVEL2.test(l) && style === 'top' ? ' class="l2"' : ''
  }
  return (text ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p${cls(l)}>${esc(l)}</p>`)
    .join('')
}

/**
 * The run-time half of "no ID numbers, phones or addresses on notices and sign-in sheets" (domain.md §8): the
 * types already refuse those keys; this refuses them from untyped callers too, before anything is printed.
 */
export function refuseSensitive(people: readonly object[], what: string): void {
  for (const p of people) {
    const bad = SENSITIVE_KEYS.find((k) => Object.hasOwn(p, k))
    if (bad) throw new AppError('INTERNAL', `${what}不能包含身份证号、电话或住址（字段 ${bad}）`)
  }
}
