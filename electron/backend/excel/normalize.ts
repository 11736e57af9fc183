import { nfkc } from '../../shared/text'

/**
 * Text as clerks type it: full-width letters and digits (ＡＢＣ１２３), ideographic spaces, stray spaces inside
 * names ("王　芳", "李  娜"). NFKC folds full-width forms to ASCII; names lose every space.
 */
export const normalizeText = (s: string): string => nfkc(s).replace(/\s+/g, ' ').trim()

/** Chinese names never contain spaces; the middle dot of minority names (买买提·艾力) is kept and unified. */
export const normalizeName = (s: string): string =>
  nfkc(s)
    .replace(/\s+/g, '')
    .replace(/[•・‧∙]/g, '·')

/** Header cells: "姓 名", "身份证号码*", "入党时间\n(年月日)", "所在党支部（必填）" → comparable keys. */
export const normalizeHeader = (s: string): string =>
  nfkc(s)
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/\((必填|选填|可选|年月日|yyyy-mm-dd|格式.*?)\)/gi, '')

export function cellText(value: string | number | boolean | null): string {
  if (value === null) return ''
  // exports before 2026-12 wrote "'=…" so a value could never run as a formula (now a 文本 cell, excel/styled.ts
  // formulaLike): reading such a file back gives the original text, so export → import leaves records unchanged
  return normalizeText(String(value)).replace(/^'(?=[=+\-@])/, '')
}
