import type { Database } from 'better-sqlite3'

/** What every backend function runs with. The backend never imports electron: main, bridge and CLI build this. */
export interface BackendContext {
  db: Database
  /** the person acting, recorded in the audit log (the OS user name until accounts exist) */
  user: string
  databasePath: string
  transport: 'electron' | 'web' | 'cli'
  /** injectable clock so rules about "today" are testable */
  now: () => Date
  /** long work reports how far it is (set when it runs as a background job; a no-op otherwise) */
  progress?: (done: number, total: number, stage: string) => void
}

/** A context for one call: which method is running, for the audit log. */
export interface CallContext extends BackendContext {
  method: string
}
