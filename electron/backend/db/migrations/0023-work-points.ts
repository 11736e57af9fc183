import type { Migration } from './index'

/**
 * 年度工作要点 / 党建重点项目 (docs/deadlines.md §11): the year's plan items, each with a 牵头部门, a 责任人, a 时限 and
 * dated milestones, followed like a 督办事项. Never deleted: an item dropped is 作废 with its reason.
 */
export const m0023WorkPoints: Migration = {
  version: 23,
  name: 'work-points',
  up(db) {
    db.exec(`
      CREATE TABLE work_points (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('point','project')),
        title TEXT NOT NULL,
        lead_department_id INTEGER NOT NULL REFERENCES departments(id),
        responsible TEXT,
        due_on TEXT NOT NULL,
        completed_on TEXT,
        result TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','void')),
        void_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'void') = (void_reason IS NOT NULL)),
        CHECK ((completed_on IS NULL) = (result IS NULL))
      ) STRICT;
      CREATE INDEX work_points_year ON work_points(year);
      CREATE TABLE work_point_milestones (
        id INTEGER PRIMARY KEY,
        point_id INTEGER NOT NULL REFERENCES work_points(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        due_on TEXT NOT NULL,
        done_on TEXT,
        UNIQUE (point_id, position)
      ) STRICT;
    `)
  },
}
