import * as XLSX from 'xlsx'
import { formatIso } from '../../shared/dates'
import { AppError } from '../../shared/result'
import { LIMITS, type Cell, type SheetData } from './read'
import { unzip, type ZipEntry } from './unzip'

/*
 * The parsing half of readWorkbook (excel/read.ts), run only inside the sandbox worker (excel/worker.ts): whatever a
 * crafted file makes SheetJS do here costs at most that worker's memory and time limits, never the app.
 */

const fail = (message: string): never => {
  throw new AppError('VALIDATION', message)
}

/** SheetJS's zip container and the reader that takes one: exported by both its builds, left out of its typings */
interface Container {
  FileIndex: unknown[]
}
const sheetjs = XLSX as unknown as {
  parse_zip(zip: Container, opts: XLSX.ParsingOptions): XLSX.WorkBook
  CFB: { utils: { cfb_new(): Container; cfb_add(zip: Container, name: string, content: Buffer): void } }
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/**
 * Markup SheetJS would have to walk, counted as '<' in the inflated XML (a cell is about 4 of them, a distinct
 * text 4 more): parsing time and memory follow it, not the bytes. A 10,000-row roster of 20 columns has about a
 * million; 4 million — some 40,000 such rows — parsed in about 4 s in the sandbox on a loaded 2-core machine.
 */
export const MAX_MARKUP = 4_000_000

/** CSV from Chinese Excel/WPS is often GBK; UTF-8 (with or without BOM) is tried first and must decode cleanly. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/** Reads .xlsx, .xls (BIFF8), WPS .et and .csv into plain cells; formulas are never evaluated (their cached value is read). */
export function parseWorkbook(bytes: Uint8Array, fileName: string): SheetData[] {
  const opts: XLSX.ParsingOptions = { dense: true, cellNF: true, cellFormula: false, cellHTML: false, sheetRows: LIMITS.rows + 1 }
  try {
    const wb = parse(bytes, fileName, opts)
    // a damaged file may name sheets it does not contain
    return wb.SheetNames.filter((name) => wb.Sheets[name]).map((name) => toSheetData(name, wb.Sheets[name]!))
  } catch (error) {
    if (error instanceof AppError) throw error
    if (/password-protected|encrypt/i.test(String((error as Error)?.message))) fail('文件设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码后另存，再导入')
    return fail(`无法读取“${fileName}”：文件已损坏或不是 Excel/CSV 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`)
  }
}

function parse(bytes: Uint8Array, fileName: string, opts: XLSX.ParsingOptions): XLSX.WorkBook {
  if (isZip(bytes)) return sheetjs.parse_zip(container(unzip(bytes)), { ...opts, type: 'buffer' })
  if (isOle(bytes)) return XLSX.read(bytes, { ...opts, type: 'buffer' })
  if (/\.(csv|txt)$/i.test(fileName)) return XLSX.read(decodeText(bytes), { ...opts, type: 'string', raw: true })
  return fail(`无法识别“${fileName}”的格式：请使用 .xlsx、.xls、.et 或 .csv 文件`)
}

/**
 * Refuses an archive with more markup than any roster or form has, before a parser spends its time on it, and
 * one whose workbook lists the same sheet part many times (each listing would be parsed again: 10,000 listings of
 * one sheet cost 10,000 parses of it). Excel and WPS give each sheet its own part.
 */
export function checkMarkup(entries: readonly ZipEntry[]): void {
  const rels = entries.find((e) => /^xl\/_rels\/workbook\.xml\.rels$/i.test(e.name))
  if (rels) {
    const targets = [...Buffer.from(rels.data).toString('utf8').matchAll(/<Relationship\b[^>]*\bType="[^"]*\/(?:worksheet|chartsheet|dialogsheet)"[^>]*>/g)].map((m) => /\bTarget="([^"]*)"/.exec(m[0])?.[1])
    if (new Set(targets).size < targets.length) fail('文件已损坏（几个工作表指向同一份内容），请用 Excel 或 WPS 打开后另存为 .xlsx 再试')
  }
  let markup = 0
  for (const e of entries) if (/\.(xml|rels|vml)$/i.test(e.name)) markup += countMarkup(e.data)
  if (markup > MAX_MARKUP) {
    fail(`文件中的表格内容过多（约 ${Math.round(markup / 4 / 10_000)} 万个单元格），超过上限约 ${MAX_MARKUP / 4 / 10_000} 万个：请删除多余的行、列和工作表，或拆分成几个文件`)
  }
}

/** The inflated entries as SheetJS's own zip container (what its reader builds after inflating): it parses them without running its inflater. */
export function container(entries: readonly ZipEntry[]): Container {
  checkMarkup(entries)
  const cfb = sheetjs.CFB.utils.cfb_new()
  for (const e of entries) sheetjs.CFB.utils.cfb_add(cfb, e.name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength))
  return cfb
}

function countMarkup(data: Uint8Array): number {
  let n = 0
  for (let i = data.indexOf(0x3c); i >= 0; i = data.indexOf(0x3c, i + 1)) n++
  return n
}

function toSheetData(name: string, sheet: XLSX.WorkSheet): SheetData {
  const dense = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][]
  if (dense.length > LIMITS.rows) fail(`工作表“${name}”超过 ${LIMITS.rows} 行，请拆分后分批导入`)
  const rows: Cell[][] = []
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r] ?? []
    // a cell beyond Excel's last column (XFD) is no table: said before walking back over billions of empty places
    if (src.length > EXCEL_COLUMNS) fail(`工作表“${name}”第 ${r + 1} 行的单元格超出了 Excel 的最后一列，文件已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`)
    let last = src.length - 1
    while (last >= 0 && isBlank(src[last])) last--
    if (last + 1 > LIMITS.columns) fail(`工作表“${name}”第 ${r + 1} 行有 ${last + 1} 列，超过上限 ${LIMITS.columns} 列，请删除多余的列`)
    const row: Cell[] = []
    for (let c = 0; c <= last; c++) row.push(toCell(src[c], name, r, c))
    rows.push(row)
  }
  return { name, rows }
}

const EXCEL_COLUMNS = 16_384

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
