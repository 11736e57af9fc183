import { userInfo } from 'node:os'
import type { BackendContext } from '../context'
import { openDatabase, type OpenOptions } from '../db/open'
import { createBackend, type Backend } from './dispatch'

/** The local user name recorded in the audit log until accounts exist. */
export function localUserName(): string {
  try {
    return userInfo().username || '本机用户'
  } catch {
    return '本机用户'
  }
}

/** Opens the database and builds the backend every transport dispatches through. */
export function openBackend(databasePath: string, transport: BackendContext['transport'], overrides: Partial<BackendContext> = {}, options: OpenOptions = {}): Backend {
  const db = openDatabase(databasePath, options)
  return createBackend({ db, user: localUserName(), databasePath, transport, now: () => new Date(), session: { user: null }, ...overrides })
}
