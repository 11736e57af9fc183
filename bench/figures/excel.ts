import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { performance } from 'node:perf_hooks'
import { PassThrough } from 'node:stream'
import * as XLSX from 'xlsx'
import type { Backend } from '../../electron/backend/dispatch'
import { openBackend } from '../../electron/backend/open'
import { join } from 'node:path'
import { ratio, type Figure } from '../harness'
import type { BenchEnv } from './index'
import { checkChar } from '../../electron/shared/rules/id-number'

/** our export's keys for the same columns as HEADER */
const EXPORT_COLUMNS = ['name', 'gender', 'idNumber', 'birthDate', 'organization', 'joinedOn', 'convertedOn', 'education', 'ethnicity', 'department', 'occupation']
const HEADER = ['姓名', '性别', '身份证号', '出生日期', '所在党支部', '入党日期', '转正日期', '学历', '民族', '科室', '职业类别']

/**
 * The roster of the large hospital as a workbook a branch would send, made up to 10,000 rows (issue 5's
 * figure): further copies of the real members get new ID numbers (another sequence number with the same sex
 * parity and a recomputed check digit), so every row is a valid, distinct person.
 */
function rosterRows(source: Backend, n: number): unknown[][] {
  const real = source.context.db
    .prepare(
      `SELECT m.id, m.name, m.gender, m.id_number, m.birth_date, o.name AS org, m.joined_on, m.converted_on, m.education, m.ethnicity, m.department, m.occupation
       FROM members m JOIN organizations o ON o.id = m.organization_id WHERE m.stage = 'full' AND m.id_number IS NOT NULL ORDER BY m.id`,
    )
    .raw()
    .all() as string[][]
  const used = new Set(real.map((r) => r[3]!))
  const rows: unknown[][] = real.slice(0, n).map((r) => r.slice(1))
  for (let copy = 1; rows.length < n; copy++) {
    for (const r of real) {
      if (rows.length >= n) break
      const id = r[3]!
      let seq = Number(id.slice(14, 17))
      let next: string
      do {
        seq = (seq + 2) % 1000
        const body = id.slice(0, 14) + String(seq).padStart(3, '0')
        next = body + checkChar(body)
      } while (used.has(next))
      used.add(next)
      rows.push([r[1], r[2], next, ...r.slice(4)])
    }
  }
  return rows
}

/** A fresh database holding the source's organizations (same names and tree). */
async function withOrganizations(path: string, source: Backend): Promise<Backend> {
  const b = openBackend(path, 'cli')
  const ids = new Map<unknown, number>()
  for (const o of source.context.db.prepare('SELECT * FROM organizations ORDER BY id').all() as Record<string, unknown>[]) {
    const r = await b.call('orgs.create', { name: o.name, type: o.type, parentId: o.parent_id === null ? null : ids.get(o.parent_id) })
    if (r.ok) ids.set(o.id, (r.data as { id: number }).id)
  }
  return b
}

/**
 * Import and export against the bare stack, measured side by side in one run (issue 5, issue 10):
 * ours = imports.commit (read, validate, write, audit) vs limit = bare SheetJS read + bare prepared insert;
 * ours = exports.workbook vs limit = bare exceljs write of the same rows.
 */
export async function excelFigures(env: BenchEnv, source: Backend): Promise<Figure[]> {
  const rows = rosterRows(source, 10_000)
  const ws = XLSX.utils.aoa_to_sheet([HEADER, ...rows])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '名册')
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer

  // the physical limit: read the same file, insert the same rows with one prepared statement in one transaction
  const bare = new Database(join(env.dir, 'bare.db'))
  bare.pragma('journal_mode = WAL')
  bare.pragma('synchronous = FULL')
  bare.exec(`CREATE TABLE t (${HEADER.map((_, i) => `c${i} TEXT`).join(', ')}) STRICT`)
  const t0 = performance.now()
  const read = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'buffer', dense: true }).Sheets['名册']!, { header: 1, raw: false })
  const insert = bare.prepare(`INSERT INTO t VALUES (${HEADER.map(() => '?').join(', ')})`)
  bare.transaction(() => {
    for (const r of read.slice(1)) insert.run(...HEADER.map((_, i) => (r[i] === undefined ? null : String(r[i]))))
  })()
  const limit = performance.now() - t0
  bare.close()

  // ours: a fresh database with the same organizations, then the real import
  const target = await withOrganizations(join(env.dir, 'import.db'), source)

  // for reference only: the same bare read, then one prepared insert per person into our own members table
  // (its columns, constraints and indexes) — the floor for storing these people at all, without their
  // timeline events, 组织关系 history, audit entries or validation
  const schema = await withOrganizations(join(env.dir, 'schema.db'), source)
  const branchId = new Map((schema.context.db.prepare('SELECT name, id FROM organizations').all() as { name: string; id: number }[]).map((o) => [o.name, o.id]))
  const t4 = performance.now()
  const again = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'buffer', dense: true }).Sheets['名册']!, { header: 1, raw: false })
  const member = schema.context.db.prepare(
    `INSERT INTO members (name, gender, id_number, birth_date, organization_id, joined_on, converted_on, education, ethnicity, department, occupation, stage, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'full', ?, ?)`,
  )
  const at = new Date().toISOString()
  schema.context.db.transaction(() => {
    for (const r of again.slice(1)) {
      const v = (i: number) => (r[i] === undefined ? null : String(r[i]))
      member.run(v(0), v(1), v(2), v(3), branchId.get(String(r[4])) ?? null, v(5), v(6), v(7), v(8), v(9), v(10), at, at)
    }
  })()
  const limitSchema = performance.now() - t4
  schema.context.db.close()
  const t1 = performance.now()
  const result = await target.call('imports.commit', { kind: 'members', fileName: 'roster.xlsx', contentBase64: bytes.toString('base64') })
  const ours = performance.now() - t1
  if (!result.ok) throw new Error(result.error.message)
  const inserted = (result.data as { inserted: number }).inserted
  process.stderr.write(`  imported ${inserted} of ${rows.length} rows\n`)

  // export: ours vs bare exceljs writing the same rows — the 10,000 people just imported, the same 11 columns
  // (ours adds the title, styles, borders, frozen header and print setup that the bare write leaves out)
  const oursOnce = async (): Promise<number> => {
    const t = performance.now()
    const exported = await target.call('exports.workbook', { source: 'members', includeSensitive: true, columns: EXPORT_COLUMNS })
    if (!exported.ok) throw new Error(exported.error.message)
    return performance.now() - t
  }
  // the bare limit is exceljs's fastest path: the streaming writer, plain cells, no styles
  const bareOnce = async (): Promise<number> => {
    const t = performance.now()
    const sink = new PassThrough()
    sink.resume()
    const plain = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false })
    const sheet = plain.addWorksheet('名册')
    sheet.addRow(HEADER).commit()
    for (const r of rows) sheet.addRow(r).commit()
    await plain.commit()
    return performance.now() - t
  }
  // both share exceljs's code: whichever ran first would pay its warm-up, so they alternate and the medians count
  const oursRuns: number[] = []
  const bareRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    oursRuns.push(await oursOnce())
    bareRuns.push(await bareOnce())
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const oursExport = median(oursRuns)
  const limitExport = median(bareRuns)
  target.context.db.close()
  return [
    ratio(`名册导入 ${inserted} 行（对比裸 SheetJS 读取 + 预编译插入）`, ours, limit, 1.5),
    { ...ratio(`名册导入 ${inserted} 行（参考：对比裸读取 + 插入本软件的党员表）`, ours, limitSchema, 1.5), target: undefined, met: undefined },
    { ...ratio(`名册导出 ${rows.length} 行（对比裸 exceljs 流式写出，各 5 次交替取中位数）`, oursExport, limitExport, 1.5) },
  ]
}
