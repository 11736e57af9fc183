import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { EXPORT_KINDS, PACKAGE_KIND_LABELS, type Change } from '../../../shared/exchange'
import { oneOf, required, text } from '../flags'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

/** 上报与交换 on the command line (docs/exchange.md §10): the same backend methods as the window. */

function readPackage(path: string | undefined, usage: string): string {
  if (!path) throw new CliError(`请指定数据包文件：${usage}`, 2)
  try {
    return readFileSync(path).toString('base64')
  } catch {
    throw new CliError(`无法读取文件：${path}`)
  }
}

/** Writes a package file; never over an existing one (a package once sent must stay the bytes its receipt names). */
function writeNew(path: string, base64: string): string {
  const file = resolve(path)
  if (existsSync(file)) throw new CliError(`文件已存在：${file}。请换一个文件名（已发出的数据包不覆盖）`, 2)
  try {
    writeFileSync(file, Buffer.from(base64, 'base64'), { flag: 'wx' })
  } catch {
    throw new CliError(`无法写入文件：${file}`)
  }
  return file
}

const positiveInt = (flags: Record<string, string | boolean | undefined>, name: string, what: string): number | null => {
  const v = text(flags, name)
  if (v === undefined) return null
  if (!/^[1-9]\d*$/.test(v)) throw new CliError(`--${name} 应为${what}`, 2)
  return Number(v)
}

const changeLines = (changes: readonly Change[]) => changes.map((c) => `  ${c.path}：${c.before ?? '—'} → ${c.after ?? '—'}`)

export const exchangeExport: CliCommand = {
  usage: 'exchange export --kind 年度党内统计|考评结果|组织生活达标|督办情况|考评指标体系 (--year YYYY | --round 编号 | --scheme 编号) --to 收件单位 --out 文件 [--json]   导出数据包',
  options: { kind: 'string', year: 'string', round: 'string', scheme: 'string', to: 'string', out: 'string' },
  async run({ call, flags, io }) {
    const kind = oneOf(flags, 'kind', EXPORT_KINDS, PACKAGE_KIND_LABELS)
    if (!kind) throw new CliError('请用 --kind 指定数据包种类（年度党内统计、考评结果、组织生活达标、督办情况、考评指标体系）', 2)
    const year = positiveInt(flags, 'year', '四位年份')
    const roundId = positiveInt(flags, 'round', '考评编号（正整数）')
    const schemeId = positiveInt(flags, 'scheme', '指标体系编号（正整数）')
    // each kind is chosen by exactly one of --year, --round, --scheme (docs/exchange.md §10)
    const by = kind === 'assessment-results' ? 'round' : kind === 'assessment-scheme' ? 'scheme' : 'year'
    const given = { year, round: roundId, scheme: schemeId }
    const words = { year: '--year 指定年度', round: '--round 指定考评编号', scheme: '--scheme 指定指标体系编号' }
    if (given[by] === null || Object.entries(given).some(([k, v]) => k !== by && v !== null)) throw new CliError(`${PACKAGE_KIND_LABELS[kind]}请只用 ${words[by]}`, 2)
    const out = required(flags, 'out', '数据包文件的保存位置')
    if (existsSync(resolve(out))) throw new CliError(`文件已存在：${resolve(out)}。请换一个文件名（已发出的数据包不覆盖）`, 2)
    const r = await call('exchange.export', { kind, year, roundId, schemeId, to: required(flags, 'to', '收件单位（已信任单位的名称或单位代码）') })
    const file = writeNew(out, r.contentBase64)
    if (flags.json) return io.out(JSON.stringify({ file, sha256: r.sha256, kind: r.kind, counts: r.counts, packageId: r.packageId }))
    io.out(`已导出${PACKAGE_KIND_LABELS[r.kind as keyof typeof PACKAGE_KIND_LABELS]}：${file}\nSHA-256 ${r.sha256}\n编号 ${r.packageId}`)
  },
}

export const exchangeImport: CliCommand = {
  usage: 'exchange import <文件> [--dry-run] [--receipt-out 回执文件] [--json]   导入数据包，写出回执',
  options: { 'dry-run': 'boolean', 'receipt-out': 'string' },
  async run({ call, flags, positionals, io }) {
    const path = positionals[0]
    const contentBase64 = readPackage(path, 'exchange import <文件>')
    if (flags['dry-run']) {
      const v = await call('exchange.verify', { contentBase64 })
      if (!v.ok && v.outcome === 'refuse') throw new CliError(v.problem ?? '数据包不能导入')
      const m = v.manifest!
      const result = { kind: m.kind, from: m.sender.unitName, period: m.period, applied: false, outcome: v.outcome, note: v.problem, changes: v.changes, receipt: null }
      if (flags.json) return io.out(JSON.stringify(result))
      io.out(`试导入（未写入）：${v.kindLabel}，${m.sender.unitName}，${m.period}：${v.outcome === 'duplicate' ? v.problem : v.outcome === 'supersede' ? `将取代较旧的同一数据包，改变 ${v.changes.length} 项` : '可以导入'}`)
      return void changeLines(v.changes).forEach((l) => io.out(l))
    }
    const r = await call('exchange.import', { contentBase64 })
    const receiptFile = r.receipt ? writeNew(text(flags, 'receipt-out') ?? join(dirname(resolve(path!)), r.receipt.fileName), r.receipt.contentBase64) : null
    if (flags.json) return io.out(JSON.stringify({ kind: r.kind, from: r.from, period: r.period, applied: r.applied, note: r.note, changes: r.changes, receipt: r.receipt && { file: receiptFile, sha256: r.receipt.sha256 } }))
    io.out(r.applied ? `已导入${r.kindLabel}：${r.from}，${r.period}${r.note ? `（${r.note}）` : ''}` : `未导入：${r.note}`)
    changeLines(r.changes).forEach((l) => io.out(l))
    if (receiptFile) io.out(`回执已写出：${receiptFile}（请交回${r.from}导入）`)
  },
}

/**
 * `exchange decide`: the 审核决定 on a 考评结果 received (docs/exchange.md §5.5). Every branch at --stage is approved
 * at its score, except those named in --return (`支部名称=原因`, several separated by ；or ;).
 */
export const exchangeDecide: CliCommand = {
  usage: 'exchange decide --package 收到的考评结果编号 --stage 本单位的环节 [--return 支部=原因；支部=原因] [--comment 审核意见] --out 文件 [--json]   审核决定',
  options: { package: 'string', stage: 'string', return: 'string', comment: 'string', out: 'string' },
  async run({ call, flags, io }) {
    const out = required(flags, 'out', '审核决定数据包的保存位置')
    if (existsSync(resolve(out))) throw new CliError(`文件已存在：${resolve(out)}。请换一个文件名（已发出的数据包不覆盖）`, 2)
    const returned = (text(flags, 'return') ?? '')
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((item) => {
        const at = item.search(/[=＝]/)
        if (at <= 0) throw new CliError(`--return 的每一项应写成“支部名称=退回原因”：${item}`, 2)
        return { organization: item.slice(0, at).trim(), reason: item.slice(at + 1).trim() }
      })
    const r = await call('exchange.decide', { packageId: required(flags, 'package', '收到的考评结果数据包的编号（见 exchange list --json）'), stage: required(flags, 'stage', '本单位的评审环节（如 局党办审核）'), returned, comment: text(flags, 'comment') ?? '' })
    const file = writeNew(out, r.contentBase64)
    if (flags.json) return io.out(JSON.stringify({ file, sha256: r.sha256, kind: r.kind, counts: r.counts, packageId: r.packageId }))
    io.out(`已写出审核决定：${file}（审核通过 ${r.counts.approved ?? 0} 个支部，退回 ${r.counts.returned ?? 0} 个）`)
  },
}

export const exchangeVerify: CliCommand = {
  usage: 'exchange verify <文件> [--json]   检查数据包（签名、哈希、收件单位），不写入；不能导入时退出码为 3',
  async run({ call, positionals, flags, io }) {
    const v = await call('exchange.verify', { contentBase64: readPackage(positionals[0], 'exchange verify <文件>') })
    if (flags.json) io.out(JSON.stringify(v))
    else {
      if (v.manifest) io.out(`${v.kindLabel}：${v.manifest.sender.unitName}（${v.manifest.sender.unitCode}）→ ${v.manifest.receiver?.unitName ?? '任何单位'}，${v.manifest.period}\n公钥指纹 ${v.fingerprint}${v.trusted ? '（已信任）' : '（未信任）'}\nSHA-256 ${v.fileSha256}`)
      io.out(v.ok ? `可以导入${v.problem ? `：${v.problem}` : ''}` : `不能导入：${v.problem}`)
    }
    return v.ok ? 0 : 3
  },
}

export const exchangeTrust: CliCommand = {
  usage: 'exchange trust <文件> --fingerprint 与对方电话核对过的指纹 [--json]   信任数据包的发出单位',
  options: { fingerprint: 'string' },
  async run({ call, positionals, flags, io }) {
    const contentBase64 = readPackage(positionals[0], 'exchange trust <文件> --fingerprint 指纹')
    const u = await call('exchange.trust', { contentBase64, fingerprint: required(flags, 'fingerprint', '与对方电话逐组核对过的公钥指纹') })
    if (flags.json) return io.out(JSON.stringify(u))
    io.out(u.already ? `“${u.unitName}”（${u.unitCode}）此前已信任` : `已信任“${u.unitName}”（单位代码 ${u.unitCode}，指纹 ${u.fingerprint}）`)
  },
}

export const exchangeKey: CliCommand = {
  usage: 'exchange key [--json]   本单位的单位代码、安装编号与公钥指纹（电话核对用）',
  async run({ call, flags, io }) {
    const i = await call('exchange.identity', {})
    if (flags.json) return io.out(JSON.stringify(i))
    io.out(`单位：${i.unitName || '（未设置）'}  单位代码：${i.unitCode || '（未设置）'}\n安装编号：${i.installationId}\n公钥指纹：${i.fingerprint}`)
  },
}

export const exchangeCard: CliCommand = {
  usage: 'exchange card --out 文件 [--json]   导出本单位的单位名片（供对方信任）',
  options: { out: 'string' },
  async run({ call, flags, io }) {
    const out = required(flags, 'out', '单位名片的保存位置')
    if (existsSync(resolve(out))) throw new CliError(`文件已存在：${resolve(out)}，请换一个文件名`, 2)
    const r = await call('exchange.card', {})
    const file = writeNew(out, r.contentBase64)
    const { fingerprint } = await call('exchange.identity', {})
    if (flags.json) return io.out(JSON.stringify({ file, sha256: r.sha256, fingerprint }))
    io.out(`单位名片已写出：${file}\n请把它交给对方，并电话告知公钥指纹：${fingerprint}`)
  },
}

export const exchangeUnit: CliCommand = {
  usage: 'exchange unit --code 单位代码 [--name 单位名称] [--json]   设置本单位的代码（和名称）',
  options: { code: 'string', name: 'string' },
  async run({ call, flags, io }) {
    const code = required(flags, 'code', '单位代码（字母、数字、连字符）')
    const name = text(flags, 'name')
    const s = await call('settings.save', { values: { 'unit.code': code, ...(name === undefined ? {} : { 'unit.name': name }) } })
    if (flags.json) return io.out(JSON.stringify({ unitName: s.values['unit.name'], unitCode: s.values['unit.code'] }))
    io.out(`本单位：${s.values['unit.name'] || '（单位名称未设置）'}，单位代码 ${s.values['unit.code']}`)
  },
}

export const exchangeList: CliCommand = {
  usage: 'exchange list [--json]   发出和收到的数据包及其状态',
  async run({ call, flags, io }) {
    const rows = await call('exchange.packages', {})
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(table(['方向', '种类', '期间', '发出单位', '收件单位', '状态', '编号'], rows.map((r) => [r.direction === 'sent' ? '发出' : '收到', r.kindLabel, r.period, r.fromName, r.toName ?? '—', r.supersededBy ? `${r.statusText}（已被取代）` : r.statusText, r.packageId.slice(0, 8)])))
  },
}
