import { formatYuan } from '@shared/dues'
import { parseYuan } from '@shared/rules/dues'

/** What a clerk types as an amount in 元 ("127.5", "8,500.00") → 分, or the Chinese reason it is not one. */
export function fenOfText(text: string, label: string): { fen: number } | { problem: string } {
  const parsed = parseYuan(text, label)
  return parsed.ok ? { fen: parsed.value } : { problem: parsed.message }
}

/** 分 → the text the clerk reads and edits: "127.50" ('' for none). */
export const yuanText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatYuan(fen))

/** The years the page offers: from five years back to next year, newest first. */
export function yearChoices(now = new Date()): number[] {
  const y = now.getFullYear()
  return Array.from({ length: 7 }, (_, i) => y + 1 - i)
}

/** 0.9375 → "93.8%" ('—' when nothing was owed). */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)
