import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Input, Method, Output } from '../../shared/contract'
import { openBackend } from './open'
import { defaultUserDataDir, resolveDatabasePath } from '../paths'
import { assessmentResults, importScoresCommand } from '../cli/commands/assessment'
import { backupCommand, backupsList, restoreCommand, verifyCommand } from '../cli/commands/backup'
import { complianceCommand } from '../cli/commands/compliance'
import { duesLedger, duesStandard, importDuesBases } from '../cli/commands/dues'
import { exchangeCard, exchangeDecide, exchangeExport, exchangeImport, exchangeKey, exchangeList, exchangeTrust, exchangeUnit, exchangeVerify } from '../cli/commands/exchange'
import { importCommand } from '../cli/commands/imports'
import { membersAdd, membersList, membersShow } from '../cli/commands/members'
import { orgsAdd, orgsList } from '../cli/commands/orgs'
import { printCommand } from '../cli/commands/print'
import { seedCommand } from '../cli/commands/seed'
import { statsAnnual } from '../cli/commands/stats'
import { supervisionAdd, supervisionList } from '../cli/commands/supervision'
import { todoCommand } from '../cli/commands/todo'
import { usersResetPassword } from '../cli/commands/users'
import { CliError, type Io } from '../cli/output'
import type { CliCommand } from '../cli/types'

/** Command words → command. Longer phrases first so "orgs list" is not read as "orgs". */
const COMMANDS: Record<string, CliCommand> = {
  init: {
    usage: 'init                                      创建（或升级）数据库',
    async run({ call, io, flags }) {
      const info = await call('app.info', {})
      if (flags.json) return io.out(JSON.stringify(info))
      io.out(`数据库已就绪：${info.databasePath}（结构版本 ${info.schemaVersion}）`)
    },
  },
  'orgs list': orgsList,
  'orgs add': orgsAdd,
  'members list': membersList,
  'members show': membersShow,
  'members add': membersAdd,
  'import organizations': importCommand('organizations', '党组织'),
  'import members': importCommand('members', '党员'),
  'import committees': importCommand('committees', '支委会成员'),
  'import meetings': importCommand('meetings', '会议台账'),
  'import scores': importScoresCommand,
  'import dues-bases': importDuesBases,
  'dues standard': duesStandard,
  'dues ledger': duesLedger,
  seed: seedCommand,
  compliance: complianceCommand,
  'stats annual': statsAnnual,
  backup: backupCommand,
  'backups list': backupsList,
  restore: restoreCommand,
  verify: verifyCommand,
  print: printCommand,
  'users reset-password': usersResetPassword,
  'assessment results': assessmentResults,
  todo: todoCommand,
  'supervision list': supervisionList,
  'supervision add': supervisionAdd,
  'exchange export': exchangeExport,
  'exchange import': exchangeImport,
  'exchange decide': exchangeDecide,
  'exchange verify': exchangeVerify,
  'exchange trust': exchangeTrust,
  'exchange key': exchangeKey,
  'exchange card': exchangeCard,
  'exchange unit': exchangeUnit,
  'exchange list': exchangeList,
}

const COMMON_OPTIONS: Record<string, { type: 'string' | 'boolean' }> = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } }

/** node:util's parseArgs errors, in words */
function flagProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const unknown = /Unknown option '([^']+)'/.exec(message)?.[1]
  if (unknown) return `不认识的参数 ${unknown}`
  const value = /Option '([^']+)[^']*' argument missing/.exec(message)?.[1]
  if (value) return `参数 ${value.split(/[ ,]/)[0]} 后面缺少值`
  const noValue = /Option '([^']+)[^']*' does not take an argument/.exec(message)?.[1]
  if (noValue) return `参数 ${noValue.split(/[ ,]/)[0]} 不带值`
  return `参数有误：${message}`
}

function usage(): string {
  return ['用法：npm run cli -- <命令> [--db 数据库文件] [--json]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n')
}

/** Runs one command; returns the process exit code (0 = done, 1 = failed, 2 = wrong usage). */
export async function runCli(argv: string[], outerIo: Io, env: NodeJS.ProcessEnv, prepareDb: (path: string) => void = () => {}): Promise<number> {
  // commands may `return io.out(…)`; only a number they return on purpose is an exit code
  const io: Io = { out: (t) => void outerIo.out(t), err: (t) => void outerIo.err(t), stdin: outerIo.stdin }
  // first only the command words; then the flags, strictly against that command's own: a mistyped flag
  // (--dryrun for --dry-run) must stop the command, not be ignored while it writes
  const everyOption = { ...COMMON_OPTIONS, ...Object.fromEntries(Object.values(COMMANDS).flatMap((c) => Object.entries(c.options ?? {}).map(([name, type]) => [name, { type }]))) }
  const words = parseArgs({ args: argv, options: everyOption, strict: false, allowPositionals: true }).positionals
  const key = Object.keys(COMMANDS).find((k) => k.split(' ').every((w, i) => words[i] === w))
  if (!key) {
    io.err(words.length ? `未知命令：${words.join(' ')}\n\n${usage()}` : usage())
    return 2
  }
  const options: Record<string, { type: 'string' | 'boolean' }> = { ...COMMON_OPTIONS }
  for (const [name, type] of Object.entries(COMMANDS[key]!.options ?? {})) options[name] = { type }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true })
  } catch (error) {
    io.err(`${flagProblem(error)}\n“${key}”可用的参数：${Object.keys(options).map((o) => `--${o}`).join(' ')}\n没有执行任何操作。`)
    return 2
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>
  const dbPath = resolve(resolveDatabasePath(argv, env, defaultUserDataDir()))
  prepareDb(dbPath)
  const command = COMMANDS[key]!
  if (command.withoutBackend) {
    try {
      await command.run({ call: () => Promise.reject(new CliError('此命令不连接数据库')), flags, positionals: parsed.positionals.slice(key.split(' ').length), io, dbPath, openBackend: () => openBackend(dbPath, 'cli') })
      return 0
    } catch (error) {
      io.err(`错误：${error instanceof Error ? error.message : String(error)}`)
      if (flags.json && error instanceof CliError) io.out(JSON.stringify({ error: error.message }))
      return error instanceof CliError ? error.exitCode : 1
    }
  }
  let backend
  try {
    backend = openBackend(dbPath, 'cli')
  } catch (error) {
    io.err(`无法打开数据库 ${dbPath}：${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  try {
    const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
      const result = await backend.call(method, input)
      if (!result.ok) throw new CliError(result.error.message)
      return result.data as Output<M>
    }
    return (await command.run({ call, flags, positionals: parsed.positionals.slice(key.split(' ').length), io, dbPath, openBackend: () => openBackend(dbPath, 'cli') })) ?? 0
  } catch (error) {
    if (error instanceof CliError) {
      if (flags.json) io.out(JSON.stringify({ error: error.message }))
      io.err(`错误：${error.message}`)
      return error.exitCode
    }
    io.err(`错误：${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    backend.context.db.close()
  }
}
