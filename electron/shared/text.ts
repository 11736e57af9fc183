/** Printable ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) have no compatibility forms: NFKC leaves them as they are. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/

/**
 * Unicode NFKC — full-width letters and digits to ASCII, the ideographic space to a space, ① to 1 — skipped for
 * the text it cannot change (most of a roster), which an import of 10,000 rows asks about 100,000 times.
 */
export const nfkc = (s: string): string => (NFKC_STABLE.test(s) ? s : s.normalize('NFKC'))
