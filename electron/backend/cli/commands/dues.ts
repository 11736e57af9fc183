import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Ledger } from '../../../shared/contract/dues'
import type { ImportResult } from '../../../shared/contract/imports'
import { DUES_CATEGORY_LABELS, formatRate, formatYuan, PAY_METHOD_LABELS, rateOf, yuanOf } from '../../../shared/dues'
import { missingProblem } from '../../imports/engine'
import { oneOf } from '../flags'
import { CliError, table } from '../output'
import type { CliCommand, CliRun } from '../types'

/** --year: a four-digit year, required (the list and the ledger are per year). */
function yearOf(flags: CliRun['flags']): number {
  const year = Number(flags.year)
  if (!flags.year || !Number.isInteger(year) || year < 2000 || year > 2200) throw new CliError('请用 --year 指定年度，例如 --year 2025', 2)
  return year
}

/** --org: a branch by its full name, by its number, or by a part of its name that only one has. */
async function orgOf(run: CliRun): Promise<number | null> {
  const wanted = run.flags.org
  if (!wanted) return null
  const orgs = await run.call('orgs.list', { includeDissolved: true })
  const text = String(wanted)
  const exact = orgs.find((o) => o.name === text || String(o.id) === text)
  if (exact) return exact.id
  const partial = orgs.filter((o) => o.name.includes(text))
  if (partial.length === 1) return partial[0]!.id
  throw new CliError(partial.length ? `“${text}”对应多个党组织：${partial.map((o) => o.name).join('、')}，请写全称` : `找不到党组织“${text}”`)
}

/**
 * `import dues-bases <file> --year YYYY [--dry-run] [--mode skip|update] --json` → exactly
 * {"inserted","updated","skipped","errors":[{"row","column","message"}]}. The finance list is the
 * authority on bases, so a base it changes is updated unless --mode skip says otherwise (the preview, --dry-run,
 * counts those rows as updated). Exit 0 when the file was processed, even with row errors.
 */
export const importDuesBases: CliCommand = {
  usage: 'import dues-bases <文件> --year YYYY [--mode update|skip] [--dry-run] [--json]   导入财务提供的党费基数',
  options: { year: 'string', mode: 'string', 'dry-run': 'boolean' },
  async run({ call, flags, positionals, io }) {
    const year = yearOf(flags)
    const path = positionals[0]
    if (!path) throw new CliError('请指定要导入的文件：import dues-bases <文件> --year 2025', 2)
    const mode = oneOf(flags, 'mode', ['update', 'skip'] as const) ?? 'update'
    let content: Buffer
    try {
      content = readFileSync(path)
    } catch {
      throw new CliError(`无法读取文件：${path}`)
    }
    const input = { kind: 'dues-bases' as const, fileName: basename(path), contentBase64: content.toString('base64'), mode, year }
    let result: Omit<ImportResult, 'batchId'> & { batchId?: number | null }
    if (flags['dry-run']) {
      const p = await call('imports.preview', input)
      if (p.missing.length) throw new CliError(missingProblem(p)!)
      result = { inserted: p.counts.insert, updated: p.counts.update, skipped: p.counts.skip, errorRows: p.counts.error, errors: p.rows.flatMap((r) => r.issues.map((i) => ({ row: r.row, column: i.column, message: i.message }))) }
    } else {
      result = await call('imports.commit', input)
    }
    if (flags.json) return io.out(JSON.stringify({ inserted: result.inserted, updated: result.updated, skipped: result.skipped, errors: result.errors }))
    io.out(`${flags['dry-run'] ? '试导入（未写入）' : '导入完成'}：新增 ${result.inserted}，更新 ${result.updated}，跳过 ${result.skipped}，错误 ${result.errors.length} 处`)
    for (const e of result.errors) io.out(`  第 ${e.row} 行【${e.column}】${e.message}`)
    if (result.batchId) io.out(`导入批次编号 ${result.batchId}（可在“数据导入导出”或“党费”中整批撤销）`)
  },
}

/**
 * `dues standard --year YYYY [--org 名称] --json`: one entry per member who owes dues that year —
 * { name, idNumber, organization, category, base, rate, monthly, fromMonth } with base and monthly in 元 (two
 * decimals), rate as 0.015; the 0.2 元 categories and 减免 have base and rate null; a member without a base yet
 * has category, base, rate and monthly null.
 */
export const duesStandard: CliCommand = {
  usage: 'dues standard --year YYYY [--org 支部] [--json]        每名党员当年的月交纳标准',
  options: { year: 'string', org: 'string' },
  async run(run) {
    const { call, flags, io } = run
    const s = await call('dues.standards', { year: yearOf(flags), organizationId: await orgOf(run) })
    const entries = s.rows.map((r) => ({
      name: r.name,
      idNumber: r.idNumber,
      organization: r.organizationName,
      category: r.category ? DUES_CATEGORY_LABELS[r.category] : null,
      base: yuanOf(r.baseFen),
      rate: rateOf(r.rateBp),
      monthly: yuanOf(r.monthlyFen),
      fromMonth: r.fromMonth,
    }))
    if (flags.json) return io.out(JSON.stringify(entries, null, 2))
    io.out(table(['姓名', '所在党支部', '类别', '计算基数', '比例', '月交纳', '起始月份'], s.rows.map((r) => [r.name, r.organizationName, r.category ? DUES_CATEGORY_LABELS[r.category] : '未核定', r.baseFen === null ? '—' : formatYuan(r.baseFen), formatRate(r.rateBp) || '—', r.monthlyFen === null ? '—' : formatYuan(r.monthlyFen), r.fromMonth])))
    io.out(`共 ${s.rows.length} 人`)
  },
}

/**
 * `dues ledger --year YYYY [--org 名称] --json`: one entry per member and owed month —
 * { name, idNumber, organization, month, due, paid, paidOn, method, backPay, flagged } with due and paid in 元
 * (null: no base yet / not paid), method 现金/转账/代扣, backPay when paid after its month, flagged when the member
 * has 连续6个月未交 (as of the last ended month, or the end of a past year).
 */
export const duesLedger: CliCommand = {
  usage: 'dues ledger --year YYYY [--org 支部] [--json]          党费收缴台账（每人每个应交月份）',
  options: { year: 'string', org: 'string' },
  async run(run) {
    const { call, flags, io } = run
    const l = await call('dues.ledger', { year: yearOf(flags), organizationId: await orgOf(run) })
    const entries = l.rows.flatMap((r) =>
      r.cells
        .filter((c) => c.owed)
        .map((c) => ({ name: r.name, idNumber: r.idNumber, organization: r.organizationName, month: c.month, due: yuanOf(c.dueFen), paid: yuanOf(c.paidFen), paidOn: c.paidOn, method: c.method ? PAY_METHOD_LABELS[c.method] : null, backPay: c.backPay, flagged: r.flagged })),
    )
    if (flags.json) return io.out(JSON.stringify(entries, null, 2))
    const mark = (c: Ledger['rows'][number]['cells'][number]) => (!c.owed ? '—' : c.paymentId ? (c.backPay ? '补' : '✓') : '·')
    io.out(table(['姓名', '所在党支部', ...l.months.map((m) => `${Number(m.slice(5))}月`), '应交', '实交', '提示'], l.rows.map((r) => [r.name, r.organizationName, ...r.cells.map(mark), formatYuan(r.dueFen), formatYuan(r.paidFen), r.flagged ? `连续${r.unpaidRun}个月未交` : ''])))
    io.out(`共 ${l.rows.length} 人；✓ 已交，补 补交，· 未交，— 不需交纳`)
  },
}
