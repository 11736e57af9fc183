import type { Migration } from './index'

/** Local accounts: who may sign in, with which role; passwords only as scrypt hashes. */
export const m0003Accounts: Migration = {
  version: 3,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','clerk','leader')),
        password_hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;
    `)
  },
}
