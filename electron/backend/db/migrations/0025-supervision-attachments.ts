import type { Migration } from './index'

/**
 * Files attached to a 督办事项's 进展反馈 and 申请办结 (docs/deadlines.md §6): scans, Word, PDF, kept by content hash in
 * the attachments folder like meeting photos (files.ts). Never deleted: one attached by mistake is 撤回 with a reason
 * and stays listed, marked.
 */
export const m0025SupervisionAttachments: Migration = {
  version: 25,
  name: 'supervision-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_attachments (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES supervision_events(id),
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT,
        withdraw_reason TEXT,
        CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL))
      ) STRICT;
      CREATE INDEX supervision_attachments_event ON supervision_attachments(event_id);
    `)
  },
}
