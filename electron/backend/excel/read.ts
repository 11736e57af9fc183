import * as XLSX from 'xlsx'
import { formatIso, type IsoDate } from '../../shared/dates'
import { IMPORT_MAX_BYTES, TOO_LARGE } from '../../shared/contract/imports'
import { AppError } from '../../shared/result'
import { zipProblem } from './zip-guard'

/** One cell as read from the file: the stored value, the text Excel shows, and the date when it is a date cell. */
export interface Cell {
  value: string | number | boolean | null
  /** what Excel displays (e.g. "1.10105E+17" for a long number) */
  shown: string
  /** a real Excel date cell, converted without time zones */
  date: IsoDate | null
}

export interface SheetData {
  name: string
  /** rows[i] is Excel row i + 1 */
  rows: Cell[][]
}

export const LIMITS = { fileBytes: IMPORT_MAX_BYTES, rows: 100_000, columns: 300, cellChars: 10_000 }

const fail = (message: string): never => {
  throw new AppError('VALIDATION', message)
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/** CSV from Chinese Excel/WPS is often GBK; UTF-8 (with or without BOM) is tried first and must decode cleanly. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/**
 * Reads .xlsx, .xls (BIFF8), WPS .et and .csv into plain cells. Formulas are never evaluated (their cached
 * value is read). Anything unreadable, oversized or hostile ends in an AppError with a Chinese message.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string): SheetData[] {
  if (bytes.length === 0) fail('文件是空的')
  if (bytes.length > LIMITS.fileBytes) fail(TOO_LARGE)
  const opts: XLSX.ParsingOptions = { dense: true, cellNF: true, cellFormula: false, cellHTML: false, sheetRows: LIMITS.rows + 1 }
  try {
    const wb = parse(bytes, fileName, opts)
    // a damaged file may name sheets it does not contain
    return wb.SheetNames.filter((name) => wb.Sheets[name]).map((name) => toSheetData(name, wb.Sheets[name]!))
  } catch (error) {
    if (error instanceof AppError) throw error
    return fail(`无法读取“${fileName}”：文件已损坏或不是 Excel/CSV 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`)
  }
}

function parse(bytes: Uint8Array, fileName: string, opts: XLSX.ParsingOptions): XLSX.WorkBook {
  if (isZip(bytes)) {
    const problem = zipProblem(bytes)
    if (problem) fail(problem)
    return XLSX.read(bytes, { ...opts, type: 'buffer' })
  }
  if (isOle(bytes)) return XLSX.read(bytes, { ...opts, type: 'buffer' })
  if (/\.(csv|txt)$/i.test(fileName)) return XLSX.read(decodeText(bytes), { ...opts, type: 'string', raw: true })
  return fail(`无法识别“${fileName}”的格式：请使用 .xlsx、.xls、.et 或 .csv 文件`)
}

function toSheetData(name: string, sheet: XLSX.WorkSheet): SheetData {
  const dense = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][]
  if (dense.length > LIMITS.rows) fail(`工作表“${name}”超过 ${LIMITS.rows} 行，请拆分后分批导入`)
  const rows: Cell[][] = []
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r] ?? []
    let last = src.length - 1
    while (last >= 0 && isBlank(src[last])) last--
    if (last + 1 > LIMITS.columns) fail(`工作表“${name}”第 ${r + 1} 行有 ${last + 1} 列，超过上限 ${LIMITS.columns} 列，请删除多余的列`)
    const row: Cell[] = []
    for (let c = 0; c <= last; c++) row.push(toCell(src[c], name, r, c))
    rows.push(row)
  }
  return { name, rows }
}

const isBlank = (c: XLSX.CellObject | undefined): boolean => !c || c.v === undefined || c.v === null || c.v === ''

function toCell(c: XLSX.CellObject | undefined, sheet: string, r: number, col: number): Cell {
  if (!c || c.v === undefined || c.v === null || c.t === 'z' || c.t === 'e') return { value: null, shown: '', date: null }
  if (c.t === 'n' && typeof c.v === 'number' && c.z && XLSX.SSF.is_date(String(c.z))) {
    const p = XLSX.SSF.parse_date_code(c.v)
    const date = p && p.y > 1900 ? formatIso(p.y, p.m, p.d) : null
    return { value: c.v, shown: c.w ?? String(c.v), date }
  }
  const value = c.t === 'd' ? String(c.w ?? c.v) : (c.v as string | number | boolean)
  if (typeof value === 'string' && value.length > LIMITS.cellChars) {
    fail(`工作表“${sheet}”${XLSX.utils.encode_cell({ r, c: col })} 单元格内容过长（${value.length} 字），请检查文件`)
  }
  return { value, shown: c.w ?? String(value), date: null }
}
