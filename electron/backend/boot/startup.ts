import type { BackupMade, RecoveryStatus, RestoreResult } from '../../shared/contract/backup'
import { contract } from '../../shared/contract'
import { AppError, type Result } from '../../shared/result'
import type { BackendContext } from '../context'
import { DatabaseCorruptError } from '../db/open'
import type { Backend } from './dispatch'
import { validationError } from '../guard'
import { openBackend } from './open'
import { backupIsDue } from '../backup/backup'
import { checkedBackups, restoreBackup } from '../backup/restore'
import { backupNow, markRestored } from '../backup/service'

/** The backend a transport (Electron main, the browser bridge) starts with, which may be waiting for a restore. */
export interface AppBackend extends Backend {
  /** true while the database could not be opened: only `recovery.status` and `recovery.restore` answer */
  readonly damaged: boolean
  close(): void
}

const SYSTEM = { backup: '系统（自动备份）', recovery: '系统（启动时恢复）' }

/**
 * Opens the database for a transport. A damaged file (quick_check failed, or not a database at all) does not
 * stop the program or send it into a crash loop: it starts in recovery mode, where the window explains what
 * happened and offers the backups that pass their checks (guided restore from the newest good backup).
 */
export function startBackend(databasePath: string, transport: BackendContext['transport'], overrides: Partial<BackendContext> = {}): AppBackend {
  let real: Backend | null = null
  let damage: DatabaseCorruptError | null = null
  try {
    real = openBackend(databasePath, transport, overrides)
  } catch (error) {
    if (!(error instanceof DatabaseCorruptError)) throw error
    damage = error
  }
  const now = overrides.now ?? (() => new Date())

  function status(): RecoveryStatus {
    return { damaged: true, message: damage!.message, detail: damage!.detail.slice(0, 500), databasePath, backups: checkedBackups(databasePath) }
  }

  async function recover(input: unknown): Promise<Result<RestoreResult>> {
    const problem = damage!.detail
    const parsed = contract['recovery.restore'].input.safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
    // only a backup from the data folder's own backup list, checked again now
    const chosen = checkedBackups(databasePath).find((b) => b.file === parsed.data.file)
    if (!chosen) return { ok: false, error: { code: 'NOT_FOUND', message: '找不到该备份，请刷新后从列表中选择' } }
    if (!chosen.ok) return { ok: false, error: { code: 'VALIDATION', message: `该备份不能用于恢复：${chosen.problem}` } }
    try {
      const outcome = restoreBackup(chosen.file, databasePath, now())
      const opened = openBackend(databasePath, transport, overrides)
      real = opened
      damage = null
      const data = await markRestored({ ...opened.context, method: 'recovery.restore', user: SYSTEM.recovery }, chosen.file, outcome, `启动时发现数据库损坏：${problem}`)
      return { ok: true, data }
    } catch (error) {
      // refused before anything was replaced: the reason says what to do
      if (error instanceof AppError) return { ok: false, error: error.toData() }
      return { ok: false, error: { code: 'INTERNAL', message: `恢复未完成：${error instanceof Error ? error.message : String(error)}。原文件已另存，没有删除任何文件` } }
    }
  }

  return {
    get damaged() {
      return real === null
    },
    get context(): BackendContext {
      if (!real) throw new Error('数据库已损坏，尚未从备份恢复')
      return real.context
    },
    async call(method, input) {
      if (real) return real.call(method, input)
      if (!damage) return { ok: false, error: { code: 'INTERNAL', message: '程序正在退出' } }
      if (method === 'recovery.status') return { ok: true, data: status() }
      if (method === 'recovery.restore') return recover(input)
      return { ok: false, error: { code: 'DAMAGED', message: '数据库已损坏，请先从备份恢复' } }
    },
    close() {
      real?.context.db.close()
      real = null
    },
  }
}

/**
 * The automatic backups at start (when the newest is older than a day) and at exit. They run as the system,
 * not through the dispatcher: nobody is signed in yet at start, and a backup changes no data.
 * A failure is returned as text for the log; it never stops the program.
 */
export async function automaticBackup(backend: AppBackend, reason: string, when: 'due' | 'always', now = new Date()): Promise<{ made: BackupMade | null; error: string | null }> {
  if (backend.damaged) return { made: null, error: null }
  const ctx = backend.context
  if (when === 'due' && !backupIsDue(ctx.databasePath, now)) return { made: null, error: null }
  try {
    return { made: await backupNow({ ...ctx, now: () => now, method: 'backup.auto', user: SYSTEM.backup }, null, reason), error: null }
  } catch (error) {
    return { made: null, error: `自动备份失败：${error instanceof Error ? error.message : String(error)}` }
  }
}
