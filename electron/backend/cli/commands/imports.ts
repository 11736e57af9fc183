import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportKindName, ImportResult } from '../../../shared/contract/imports'
import { missingProblem } from '../../imports/engine'
import { oneOf } from '../flags'
import { CliError } from '../output'
import type { CliCommand } from '../types'

/**
 * `import <kind> <file>`: the same preview/commit as the screen. --dry-run only analyses.
 * JSON: {"inserted","updated","skipped","errors":[{"row","column","message"}]}. Exit 0 when the file
 * was processed, even with row errors; non-zero when it could not be read.
 */
export function importCommand(kind: ImportKindName, label: string): CliCommand {
  return {
    usage: `import ${kind} <文件> [--mode skip|update|fill] [--dry-run] [--json]   导入${label}`,
    options: { mode: 'string', 'dry-run': 'boolean' },
    async run({ call, flags, positionals, io }) {
      const path = positionals[0]
      if (!path) throw new CliError(`请指定要导入的文件：import ${kind} <文件>`, 2)
      let content: Buffer
      try {
        content = readFileSync(path)
      } catch {
        throw new CliError(`无法读取文件：${path}`)
      }
      const mode = oneOf(flags, 'mode', ['skip', 'update', 'fill'] as const) ?? 'skip'
      const input = { kind, fileName: basename(path), contentBase64: content.toString('base64'), mode }
      let result: ImportResult
      if (flags['dry-run']) {
        const p = await call('imports.preview', input)
        // a file whose columns cannot be matched was not processed: the same refusal as a commit
        if (p.missing.length) throw new CliError(missingProblem(p)!)
        result = { batchId: null, inserted: p.counts.insert, updated: p.counts.update, skipped: p.counts.skip, errorRows: p.counts.error, errors: p.rows.flatMap((r) => r.issues.map((i) => ({ row: r.row, ...i }))) }
      } else {
        result = await call('imports.commit', input)
      }
      if (flags.json) {
        // the command's JSON keeps its documented keys (errorRows is for the window's result panel)
        const rest = { inserted: result.inserted, updated: result.updated, skipped: result.skipped, errors: result.errors }
        return io.out(JSON.stringify(flags['dry-run'] ? rest : { ...rest, batchId: result.batchId }))
      }
      io.out(`${flags['dry-run'] ? '试导入（未写入）' : '导入完成'}：新增 ${result.inserted}，更新 ${result.updated}，跳过 ${result.skipped}，错误 ${result.errors.length} 处`)
      for (const e of result.errors) io.out(`  第 ${e.row} 行【${e.column}】${e.message}`)
      if (result.batchId) io.out(`导入批次编号 ${result.batchId}（可在“数据导入导出”中整批撤销）`)
    },
  }
}
