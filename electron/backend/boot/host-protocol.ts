/**
 * Messages between the Electron main process and the backend worker (desktop-host.ts). The whole backend —
 * database, imports, exports, backups — runs in that worker thread, so no call can freeze the window.
 */
export interface HostStart {
  databasePath: string
}

/** What the clerk is told when the program cannot start: a title and sentences that say what to do. */
export interface StartupProblem {
  title: string
  message: string
}

export type HostRequest =
  | { id: number; kind: 'call'; method: string; input: unknown }
  /** the automatic backup at exit (after any start-up backup still running); answers with an error text or null */
  | { id: number; kind: 'exit-backup' }
  /** how many background jobs (imports, exports …) are still running */
  | { id: number; kind: 'running-jobs' }
  /** close the database; the worker then ends */
  | { id: number; kind: 'close' }

export type HostMessage =
  | { kind: 'ready'; damaged: boolean }
  | { kind: 'failed'; problem: StartupProblem }
  | { kind: 'reply'; id: number; value: unknown }
  | { kind: 'log'; message: string }

/** The answer to any call that arrives while the program is shutting down (it is not run). */
export const QUITTING = { ok: false, error: { code: 'INTERNAL', message: '程序正在退出，操作没有执行' } } as const
