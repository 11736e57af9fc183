import * as XLSX from 'xlsx'
import { normalizeHeader } from './normalize'
import type { Cell } from './read'

/** One column an import understands, with the header names clerks actually use for it. */
export interface FieldSpec {
  key: string
  /** the header in our template */
  label: string
  /** other header names seen in real files (compared after normalizeHeader) */
  synonyms: readonly string[]
  required?: boolean
}

export interface HeaderMatch {
  /** index into sheet.rows of the header row */
  rowIndex: number
  /** column index → field key */
  columns: Map<number, string>
  /** every header cell as written, by column index */
  headers: string[]
  missingRequired: FieldSpec[]
}

const HEADER_SCAN_ROWS = 30

/**
 * Finds the header row below any title rows: the row (among the first 30) whose cells name the most known
 * fields. Synonyms are compared after normalization ("姓 名" = "姓名", "身份证号码*" = "身份证号码").
 */
/** `overrides`: header as written → field key, or null for a column to ignore (the clerk's own matching). */
export function findHeader(rows: Cell[][], fields: readonly FieldSpec[], overrides: ReadonlyMap<string, string | null> = new Map()): HeaderMatch | null {
  const lookup = new Map<string, string>()
  for (const f of fields) for (const name of [f.label, ...f.synonyms]) lookup.set(normalizeHeader(name), f.key)
  // forms write 时间 for 日期 as often as not ("确定积极分子时间"): every date header is known both ways
  for (const f of fields) {
    for (const name of [f.label, ...f.synonyms]) {
      const other = name.endsWith('日期') ? normalizeHeader(`${name.slice(0, -2)}时间`) : null
      if (other && !lookup.has(other)) lookup.set(other, f.key)
    }
  }
  for (const [header, key] of overrides) lookup.set(normalizeHeader(header), key ?? '')

  let best: HeaderMatch | null = null
  let bestScore = 0
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const headers = uniqueHeaders((rows[r] ?? []).map((c) => (c.value === null ? '' : String(c.value))))
    const columns = new Map<number, string>()
    const taken = new Set<string>()
    headers.forEach((h, i) => {
      const key = lookup.get(normalizeHeader(h))
      if (key && !taken.has(key)) {
        columns.set(i, key)
        taken.add(key)
      }
    })
    if (columns.size > bestScore) {
      bestScore = columns.size
      best = { rowIndex: r, columns, headers, missingRequired: fields.filter((f) => f.required && !taken.has(f.key)) }
    }
  }
  return best && bestScore >= Math.min(2, fields.length) ? best : null
}

/**
 * Two columns with the same header (联系电话 | 联系电话: mobile, then landline) must stay two columns for the clerk:
 * the second and later ones are named with their column letter ("联系电话（F列）"). A clerk's match is kept by
 * that name, so choosing a field for the second never moves the first; such a column is never matched by itself.
 */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>()
  return headers.map((h, i) => {
    const key = normalizeHeader(h)
    if (!key) return h
    if (!seen.has(key)) {
      seen.add(key)
      return h
    }
    return `${h.trim()}（${XLSX.utils.encode_col(i)}列）`
  })
}

/** Rows after the header that hold data: blank rows and footers ("制表人：", "合计", "注：") are not data. */
export function isFooterOrBlank(row: Cell[]): boolean {
  // a data row has more than two filled cells: stop looking once a third one turns up
  const texts: string[] = []
  for (const c of row) {
    const text = c.value === null ? '' : String(c.value).trim()
    if (text && texts.push(text) > 2) return false
  }
  if (texts.length === 0) return true
  return /^(制表人|填表人|审核人|负责人|联系人|联系电话|填报日期|制表日期|合计|总计|注[:：]|说明[:：]|备注[:：])/.test(texts[0]!)
}
