/** Printable ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) have no compatibility forms: NFKC leaves them as they are. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/

/**
 * Unicode NFKC — full-width letters and digits to ASCII, the ideographic space to a space, ① to 1 — skipped for
 * the text it cannot change (most of a roster), which an import of 10,000 rows asks about 100,000 times.
 */
export const nfkc = (s: string): string => (NFKC_STABLE.test(s) ? s : s.normalize('NFKC'))

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/** Columns a text takes in a terminal or in Excel's width units: a CJK (or full-width) character is two. */
export const displayWidth = (text: string): number => [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0)

/** A few names, and how many in all when there are more (messages and tooltips name what blocks an action). */
export const someNames = (names: readonly string[], shown = 5): string => names.slice(0, shown).join('、') + (names.length > shown ? ` 等 ${names.length} 条` : '')
