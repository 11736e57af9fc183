import type { Database } from 'better-sqlite3'
import type { SessionUser } from '../shared/contract/accounts'
import type { Result } from '../shared/result'

/**
 * One signed-in window: the desktop app has one, the browser bridge one per browser (its cookie). A session
 * with no call for IDLE_LOCK_MINUTES is signed out by the dispatcher (shared/security.ts).
 */
export interface Session {
  user: SessionUser | null
  /** when this session last called (ms since epoch, the backend's clock) */
  lastActiveAt?: number
}

/** What every backend function runs with. The backend never imports electron: main, bridge and CLI build this. */
export interface BackendContext {
  db: Database
  /** the person acting, recorded in the audit log (the OS user name until accounts exist) */
  user: string
  databasePath: string
  transport: 'electron' | 'web' | 'cli'
  /** injectable clock so rules about "today" are testable */
  now: () => Date
  /**
   * Who is signed in: the desktop window's session, or in a call from the browser bridge that browser's own.
   * The CLI is the machine's administrator and needs no sign-in; the window and the browser bridge must sign in.
   */
  session: Session
  /** long work reports how far it is (set when it runs as a background job; a no-op otherwise) */
  progress?: (done: number, total: number, stage: string) => void
}

/** A context for one call: which method is running, for the audit log. */
export interface CallContext extends BackendContext {
  method: string
  /**
   * Closes the database, runs `replace` (which may swap the file, e.g. a restore) and reopens it for every
   * later call; returns the new connection. Only for methods declared without a transaction.
   */
  reopen: (replace: () => void) => Database
}

/** What every transport (window, browser bridge, CLI, job worker) calls; assembled in boot/dispatch.ts. */
export interface Backend {
  /**
   * Validates the input against the contract, runs the handler (a write: in one transaction) and answers with data
   * or a readable error — for `session` (a browser of the bridge), or the backend's own (the desktop window).
   */
  call(method: string, input: unknown, session?: Session): Promise<Result<unknown>>
  context: BackendContext
}
