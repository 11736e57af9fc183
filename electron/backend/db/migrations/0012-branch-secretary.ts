import type { Migration } from './index'

/**
 * The 支部书记 role: an account limited to one branch (and the 党小组 under it). SQLite cannot
 * change a CHECK constraint in place, so the table is rebuilt with its rows; nothing references `users`.
 */
export const m0012BranchSecretary: Migration = {
  version: 12,
  name: 'branch-secretary',
  up(db) {
    db.exec(`
      CREATE TABLE users_new (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','clerk','leader','secretary')),
        organization_id INTEGER REFERENCES organizations(id),
        password_hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        last_login_at TEXT,
        CHECK ((role = 'secretary') = (organization_id IS NOT NULL))
      ) STRICT;
      INSERT INTO users_new (id, username, display_name, role, password_hash, salt, failed_attempts, locked_until, disabled_at, created_at, last_login_at)
        SELECT id, username, display_name, role, password_hash, salt, failed_attempts, locked_until, disabled_at, created_at, last_login_at FROM users;
      DROP TABLE users;
      ALTER TABLE users_new RENAME TO users;
    `)
  },
}
