import type { Migration } from './index'

/**
 * Import batches: every Excel import is one batch that can be undone as a whole, as long as none of its
 * records has been changed since (checked against the audit log, whose ids only grow).
 */
export const m0006Imports: Migration = {
  version: 6,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('skip','update','fill')),
        created_at TEXT NOT NULL,
        user TEXT NOT NULL,
        inserted INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        -- the last audit entry written by this batch: anything later on its records blocks undo
        last_audit_id INTEGER NOT NULL,
        undone_at TEXT,
        undone_by TEXT
      ) STRICT;

      CREATE TABLE import_batch_items (
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        seq INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('insert','update')),
        before_json TEXT,
        PRIMARY KEY (batch_id, seq)
      ) STRICT;
      CREATE INDEX import_batch_items_entity ON import_batch_items(entity, entity_id);
    `)
  },
}
