import { resolve } from 'node:path'
import { restoreBackup } from '../../backup/restore'
import { markRestored } from '../../backup/service'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`)

export const backupCommand: CliCommand = {
  usage: 'backup [--dir 目录] [--json]                 立即备份（SQLite 在线备份并校验）',
  options: { dir: 'string' },
  async run({ call, flags, io }) {
    const info = await call('backup.create', { dir: flags.dir ? resolve(String(flags.dir)) : null, reason: '命令行备份' })
    if (flags.json) return io.out(JSON.stringify(info))
    io.out(`已备份：${info.file}（${size(info.size)}，完整性检查通过：${Object.entries(info.counts).map(([k, v]) => `${k} ${v}`).join('，')}）`)
    if (!info.ok) io.out(`注意：${info.problem}`)
    for (const c of info.copies) io.out(c.file ? `另存一份：${c.file}` : c.error!)
  },
}

export const backupsList: CliCommand = {
  usage: 'backups list [--dir 目录] [--json]           列出备份',
  options: { dir: 'string' },
  async run({ call, flags, io }) {
    const list = await call('backup.list', { dir: flags.dir ? resolve(String(flags.dir)) : null })
    if (flags.json) return io.out(JSON.stringify(list, null, 2))
    io.out(table(['时间', '文件', '大小', '党员', '会议', '校验'], list.map((b) => [new Date(b.createdAt).toLocaleString('zh-CN'), b.file, size(b.size), String(b.counts.members ?? 0), String(b.counts.meetings ?? 0), b.ok ? '通过' : '未通过'])))
  },
}

/** Restores into the database named by --db; runs with the database closed, keeps the current file aside. */
export const restoreCommand: CliCommand = {
  usage: 'restore <备份文件> [--json]                   从备份恢复（先关闭党办通；当前数据库先另存）',
  withoutBackend: true,
  async run({ positionals, dbPath, flags, io, openBackend }) {
    const file = positionals[0]
    if (!file) throw new CliError('请指定备份文件：restore <备份文件>', 2)
    let outcome
    try {
      outcome = restoreBackup(resolve(file), dbPath, new Date())
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error))
    }
    // the restore is recorded in the restored database and a fresh backup marks the new state
    const backend = openBackend()
    let result
    try {
      result = await markRestored({ ...backend.context, method: 'restore', user: backend.context.user }, resolve(file), outcome, '命令行恢复')
    } finally {
      backend.context.db.close()
    }
    if (flags.json) return io.out(JSON.stringify({ restored: resolve(file), database: dbPath, ...result }))
    io.out(`已从 ${file} 恢复到 ${dbPath}（${Object.entries(result.counts).map(([k, v]) => `${k} ${v}`).join('，')}）`)
    if (result.savedAs) io.out(`原数据库已另存为 ${result.savedAs}`)
  },
}

export const verifyCommand: CliCommand = {
  usage: 'verify [--entry 条目号] [--accept] [--json]    检查数据库完整性与审计日志（哈希链、本机与备份中的对照点），显示校验码',
  options: { entry: 'string', accept: 'boolean' },
  async run({ call, flags, io }) {
    if (flags.accept) {
      // only after the administrator has looked at what verify reported: the acceptance itself is audited
      const { entryId } = await call('backup.acceptAudit', {})
      io.out(entryId ? `已把现在的审计日志（到第 ${entryId} 条）记为新的对照点，这一操作已记入审计日志` : '审计日志是空的，没有可记的对照点')
    }
    const entryId = flags.entry === undefined ? null : Number(flags.entry)
    if (entryId !== null && !(Number.isInteger(entryId) && entryId > 0)) throw new CliError('--entry 应为审计记录的条目号（正整数）', 2)
    const v = await call('backup.verify', { entryId })
    if (flags.json) io.out(JSON.stringify(v))
    else {
      for (const line of v.lines) io.out(line)
      if (v.checkCode) io.out(`第 ${v.checkCode.entryId} 条审计记录（${new Date(v.checkCode.at).toLocaleString('zh-CN', { hour12: false })}）的校验码：${v.checkCode.code}`)
      else if (entryId !== null) io.out(`没有第 ${entryId} 条审计记录：与记下的校验码对照，说明这条记录已被删除`)
    }
    // exit 3: the check ran and found a problem (already reported above)
    return v.ok && (entryId === null || v.checkCode) ? 0 : 3
  },
}
