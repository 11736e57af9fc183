import type { Migration } from './index'

/**
 * 督办事项 (docs/deadlines.md §6). Numbered 16: 14 and 15 belong to work on other branches.
 * - An item from a meeting's 决议 names the meeting and the decision's number (resolutions are rewritten with
 *   their meeting on every save, so their row ids do not last; the number does) and keeps the decision's words
 *   as they were. One live item per decision: the partial unique index refuses a second, a voided one frees it.
 * - Nothing is deleted: every change is a dated row of supervision_events, the item keeps its latest state.
 */
export const m0016Supervision: Migration = {
  version: 16,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_items (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('meeting','document','manual')),
        meeting_id INTEGER REFERENCES meetings(id),
        resolution_seq INTEGER,
        resolution_text TEXT,
        document_no TEXT,
        instructed_by TEXT,
        major INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0,1)),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        lead_department_id INTEGER NOT NULL REFERENCES departments(id),
        responsible TEXT,
        level TEXT NOT NULL DEFAULT 'normal' CHECK (level IN ('normal','key','urgent')),
        assigned_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','in_progress','completion_requested','completed','void')),
        result TEXT,
        completed_on TEXT,
        void_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((source = 'meeting') = (meeting_id IS NOT NULL AND resolution_seq IS NOT NULL)),
        CHECK (due_on >= assigned_on)
      ) STRICT;
      CREATE UNIQUE INDEX supervision_from_resolution ON supervision_items(meeting_id, resolution_seq) WHERE meeting_id IS NOT NULL AND status <> 'void';
      CREATE INDEX supervision_status_due ON supervision_items(status, due_on);

      CREATE TABLE supervision_co_departments (
        item_id INTEGER NOT NULL REFERENCES supervision_items(id),
        department_id INTEGER NOT NULL REFERENCES departments(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (item_id, department_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE supervision_events (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES supervision_items(id),
        kind TEXT NOT NULL CHECK (kind IN ('created','start','feedback','extend','urge','request','return','complete','void')),
        occurred_on TEXT NOT NULL,
        note TEXT,
        due_before TEXT,
        due_after TEXT,
        approved_by TEXT,
        user TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX supervision_events_item ON supervision_events(item_id, id);
    `)
  },
}
