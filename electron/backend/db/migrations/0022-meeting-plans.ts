import type { Migration } from './index'

/**
 * 会议计划 (docs/deadlines.md §10): a branch's planned 三会一课 / 主题党日 / 组织生活会, one row a meeting, compared
 * with what was held. Never deleted: a plan dropped is 作废 with its reason.
 */
export const m0022MeetingPlans: Migration = {
  version: 22,
  name: 'meeting-plans',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_plans (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        meeting_type TEXT NOT NULL,
        planned_on TEXT NOT NULL,
        topic TEXT NOT NULL,
        speaker TEXT,
        place TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','void')),
        void_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'void') = (void_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX meeting_plans_org_date ON meeting_plans(organization_id, planned_on);
    `)
  },
}
