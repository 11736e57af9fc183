/**
 * Characters nobody types on purpose and that must never be stored or written out:
 *   - control characters (C0 except tab, line feed and carriage return; DEL; C1);
 *   - invisible format characters: zero-width space and joiners, word joiner, the byte-order mark, the bidi
 *     embeddings, overrides, isolates and marks that make “内科党支部” and a look-alike read the same on screen,
 *     soft hyphen, interlinear annotation, tag characters (Unicode category Cf);
 *   - lone surrogates and the noncharacters (U+FFFE, U+FFFF and the rest): no XML 1.0 document may contain them,
 *     so one such name made every exported workbook that carried it unreadable.
 * Private-use characters stay: some fonts put rare name characters (生僻字) there.
 */
const UNSAFE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/gu
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g
/** the same test without the global flag (a /g regex's test() remembers where it stopped) */
const HAS_UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\u2028\u2029]/u

/** Text that may hold several lines (minutes, notes): line breaks become \n and tabs stay; the rest above goes. */
export function cleanText(s: string): string {
  // most text has none of these: skip the two replacements (an import asks this for every cell)
  if (!HAS_UNSAFE.test(s)) return s
  return s.replace(LINE_BREAKS, '\n').replace(UNSAFE, '')
}

/** One-line text (names, titles): as cleanText, and tabs and line breaks become a space. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/[\t\n]/g, ' ')
}
