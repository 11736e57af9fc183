import type Database from 'better-sqlite3'
import { SqliteError } from 'better-sqlite3'
import { contract, isMethod } from '../../shared/contract'
import { anchorHead } from '../audit-anchor'
import { AppError, type AppErrorData, type Result } from '../../shared/result'

import { IDLE_LOCK_MINUTES } from '../../shared/security'
import type { Backend, BackendContext, CallContext, Session } from '../context'

export type { Backend } from '../context'
import { openDatabase } from '../db/open'
import { admit } from '../guard'
import { handlers } from './handlers'
import { stopJobsOf } from '../jobs/runner'


/** SQLite constraint failures that slipped past our own checks still get a sentence, not a stack trace. */
function sqliteMessage(error: InstanceType<typeof SqliteError>): AppErrorData {
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: '保存失败：与已有记录冲突（可能是重复或被引用的数据），未作任何修改' }
  }
  if (error.code.startsWith('SQLITE_BUSY')) return { code: 'CONFLICT', message: '数据库正忙（另一个操作正在写入），请稍后重试' }
  return { code: 'INTERNAL', message: `数据库错误（${error.code}），未作任何修改。如反复出现，请备份数据后联系管理员` }
}

/**
 * After every action that wrote, this PC's anchor moves to the audit log's newest entry (audit-anchor.ts), so
 * entries cut off later are found. The action is done by then: a failure to anchor is logged, never reported as its failure.
 */
function keepAnchor(context: BackendContext, log: (error: unknown) => void): void {
  try {
    anchorHead(context.db, context.databasePath)
  } catch (error) {
    log(error)
  }
}

/**
 * Signs out a session that made no call for IDLE_LOCK_MINUTES (the window locks itself after as long without
 * mouse or keyboard, and keeps a session in use alive meanwhile); answers whether it just did. Then marks this call.
 */
function expireIdle(context: BackendContext): boolean {
  const { session } = context
  const now = context.now().getTime()
  const idle = session.user !== null && session.lastActiveAt !== undefined && now - session.lastActiveAt > IDLE_LOCK_MINUTES * 60_000
  if (idle) {
    session.user = null
    stopJobsOf(session)
  }
  session.lastActiveAt = now
  return idle
}

export function createBackend(context: BackendContext, log: (error: unknown) => void = console.error): Backend {
  /** Closes the database, lets `replace` swap the file (restore from a backup) and opens it again for every later call. */
  function reopen(replace: () => void): Database.Database {
    context.db.close()
    try {
      replace()
    } finally {
      context.db = openDatabase(context.databasePath)
    }
    return context.db
  }

  async function call(method: string, input: unknown, session: Session = context.session): Promise<Result<unknown>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(method).slice(0, 80)}` } }
    const spec = contract[method]
    const current: BackendContext = { ...context, session }
    const expired = expireIdle(current)
    if (spec.access !== 'public' && context.transport !== 'cli' && !session.user) {
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: expired ? '长时间未操作，已自动锁定，请重新登录' : '请先登录' } }
    }
    const admitted = admit(method, input, current)
    if ('error' in admitted) return { ok: false, error: admitted.error }
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown
    // the audit names the signed-in person; the CLI acts as the machine's user
    const ctx: CallContext = { ...current, method, user: session.user ? `${session.user.displayName}（${session.user.username}）` : context.user, reopen }
    try {
      const data = spec.transaction
        ? // IMMEDIATE takes the write lock first (waiting up to busy_timeout): a background job committing
          // between this action's first read and first write would otherwise fail it with SQLITE_BUSY_SNAPSHOT
          context.db
            .transaction(() => {
              const out = handler(admitted.input, ctx)
              if (out instanceof Promise) throw new Error(`${method}: a write handler must be synchronous to run in one transaction`)
              return out
            })
            .immediate()
        : // reads, and the few methods that manage their own writes (sign-in: a failed password must still count)
          await handler(admitted.input, ctx)
      if (spec.writes) keepAnchor(context, log)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() }
      if (error instanceof SqliteError) {
        // constraint and busy errors are expected; anything else is a bug worth a log line
        if (!error.code.startsWith('SQLITE_CONSTRAINT') && !error.code.startsWith('SQLITE_BUSY')) log(error)
        return { ok: false, error: sqliteMessage(error) }
      }
      log(error)
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未被修改。请把此情况告诉管理员' } }
    }
  }
  return { call, context }
}
