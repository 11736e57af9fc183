import type { Migration } from './index'

/**
 * 节点 (milestones) of a 督办事项 (docs/deadlines.md §14): dated steps between the 立项日期 and the 时限, each marked
 * done with a date and a note. Never deleted.
 */
export const m0026SupervisionMilestones: Migration = {
  version: 26,
  name: 'supervision-milestones',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_milestones (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES supervision_items(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        due_on TEXT NOT NULL,
        done_on TEXT,
        done_note TEXT,
        UNIQUE (item_id, position),
        UNIQUE (item_id, title)
      ) STRICT;
    `)
  },
}
