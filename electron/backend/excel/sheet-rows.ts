import ExcelJS from 'exceljs'

/*
 * Edits to someone else's sheet that keep it whole: exceljs 4.4 moves cell values, styles and heights when rows
 * are inserted, but not merges, formulas, the print area, conditional formats or drop-downs. Used to fill a higher
 * committee's template (exports/template-fill.ts).
 */

interface Box {
  top: number
  left: number
  bottom: number
  right: number
}
const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
const colLetters = (n: number): string => (n > 26 ? colLetters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26))
const RANGE = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/
function box(range: string): Box | null {
  const m = RANGE.exec(range)
  if (!m) return null
  const [left, top] = [colNumber(m[1]!), Number(m[2])]
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? colNumber(m[3]) : left }
}

/** An A1 reference or range, maybe on a named sheet; not part of a longer name nor a function (LOG10). */
const REF = /(?<![\w$.])((?:'[^']+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?(?![\w(!])/g
/** quoted text in a formula, which holds no references */
const QUOTED = /("(?:[^"]|"")*")/

/** Passes the rows of each reference to this sheet in `text` (a formula, a print area) to `visit` and puts back the rows it returns. */
export function mapRows(text: string, sheet: string, visit: (row: number, row2: number | null) => [number, number | null]): string {
  return text
    .split(QUOTED)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(REF, (all, qualifier: string | undefined, c1: string, r1: string, c2: string | undefined, r2: string | undefined) => {
            if (qualifier && qualifier.slice(0, -1).replace(/^'|'$/g, '') !== sheet) return all
            const [a, b] = visit(Number(r1), r2 === undefined ? null : Number(r2))
            return `${qualifier ?? ''}${c1}${a}${c2 === undefined ? '' : `:${c2}${b}`}`
          }),
    )
    .join('')
}

/** a formula cell's value as exceljs reads it (its typings leave out the shared and array parts) */
export interface FormulaValue {
  formula?: string
  sharedFormula?: string
  shareType?: 'shared' | 'array'
  ref?: string
  result?: ExcelJS.CellFormulaValue['result']
}

/** exceljs keeps these on the sheet but leaves them out of its typings */
interface SheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> }
  conditionalFormattings?: { ref: string }[]
}

/**
 * Excel stores a dragged formula (A5 = A4+1 down to A7) once, in A5, the cells below pointing at it: writing our
 * number into A5 or moving rows would orphan them (exceljs then refuses to write the file), so each cell gets
 * its own formula first.
 */
export function unshareFormulas(ws: ExcelJS.Worksheet): void {
  const shared: [ExcelJS.Cell, string, FormulaValue['result']][] = []
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as FormulaValue
      if (cell.type === ExcelJS.ValueType.Formula && (v.sharedFormula || v.shareType === 'shared')) shared.push([cell, cell.formula, v.result])
    }),
  )
  for (const [cell, formula, result] of shared) cell.value = { formula, result }
}

/**
 * Makes room for `n` rows at `at` (their footer), keeping everything from there down whole. exceljs 4.4's
 * spliceRows moves values, styles and heights, but leaves merges registered at their old place and does not touch
 * formulas, the print area or conditional formats, so those are moved here. A range over their data area — ending
 * on the row above the footer, like 合计's COUNTA(B4:B7) — grows to take in the new rows.
 */
export function insertRows(ws: ExcelJS.Worksheet, at: number, n: number, first: number): void {
  const move = (r: number): number => (r >= at ? r + n : r)
  const shift = (text: string): string => mapRows(text, ws.name, (a, b) => [move(a), b === null ? null : b === at - 1 && a <= first ? b + n : move(b)])
  // merges reaching the footer are undone, moved with their rows and made again, each cell keeping its own style
  const merges = ws.model.merges.map(box).filter((m): m is Box => m !== null && m.bottom >= at)
  const styles: { r: number; c: number; style: Partial<ExcelJS.Style> }[] = []
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) styles.push({ r, c, style: ws.getCell(r, c).style })
    ws.unMergeCells(m.top, m.left, m.bottom, m.right)
  }
  ws.spliceRows(at, 0, ...Array.from({ length: n }, () => []))
  for (const m of merges) ws.mergeCellsWithoutStyle(move(m.top), m.left, m.bottom + n, m.right)
  for (const { r, c, style } of styles) ws.getCell(move(r), c).style = style
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return
      const v = cell.value as FormulaValue & { formula: string }
      cell.value = { ...v, formula: shift(v.formula), ...(v.ref ? { ref: shift(v.ref) } : {}) } as ExcelJS.CellFormulaValue
    }),
  )
  if (ws.pageSetup.printArea) ws.pageSetup.printArea = shift(ws.pageSetup.printArea)
  for (const cf of (ws as unknown as SheetInternals).conditionalFormattings ?? []) cf.ref = shift(cf.ref)
}

/**
 * exceljs reads a drop-down on C4:C200 as one entry per cell and, writing, groups the cells after sorting their
 * addresses as text (C10 before C4): one drop-down came back as two overlapping ones, C4:C200 and C10:C200. It
 * does not move them with inserted rows either. So they are rebuilt: moved with their rows (`move`), the style
 * row's drop-down given to every row we fill (`filled`), and written as one range per column and run of rows.
 */
export function rebuildValidations(ws: ExcelJS.Worksheet, move: (r: number) => number, filled: { from: number; to: number; cols: readonly number[] } | null): void {
  const dv = (ws as unknown as SheetInternals).dataValidations
  const keys = new Map<ExcelJS.DataValidation, string>()
  const byKey = new Map<string, ExcelJS.DataValidation>()
  // column → row → validation (as JSON: equal drop-downs from separate ranges become one)
  const cells = new Map<number, Map<number, string>>()
  const put = (v: ExcelJS.DataValidation, r: number, c: number): void => {
    let key = keys.get(v)
    if (key === undefined) keys.set(v, (key = JSON.stringify(v)))
    byKey.set(key, v)
    let col = cells.get(c)
    if (!col) cells.set(c, (col = new Map()))
    col.set(r, key)
  }
  const styleRow = filled ? filled.cols.map((c) => [c, dv.model[`${colLetters(c)}${filled.from}`]] as const) : []
  for (const [address, v] of Object.entries(dv.model)) {
    const b = v && box(address)
    if (b) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) put(v, move(r), c)
  }
  for (const [c, v] of styleRow) if (v && filled) for (let r = filled.from; r <= filled.to; r++) put(v, r, c)
  const model: Record<string, ExcelJS.DataValidation> = {}
  for (const [c, col] of cells) {
    const rows = [...col.keys()].sort((a, b) => a - b)
    let start = 0
    rows.forEach((r, i) => {
      const next = rows[i + 1]
      if (next === r + 1 && col.get(next) === col.get(r)) return
      const from = rows[start]!
      model[from === r ? `${colLetters(c)}${r}` : `${colLetters(c)}${from}:${colLetters(c)}${r}`] = byKey.get(col.get(r)!)!
      start = i + 1
    })
  }
  dv.model = model
}

