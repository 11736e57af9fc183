import type { Database } from 'better-sqlite3'
import { m0001Foundation } from './0001-foundation'
import { m0006Imports } from './0006-imports'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

/** In order; never edit one that has shipped — add the next number instead. */
export const migrations: readonly Migration[] = [m0001Foundation, m0006Imports]
