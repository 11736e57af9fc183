import type { Migration } from './index'

/**
 * The roster: people (applicants to full members), their dated events, the history of which organization
 * held their 组织关系 (so a branch's roster on any past date can be computed), and branch committees.
 * People are never deleted: leaving is a status, a date and a reason.
 */
export const m0002Members: Migration = {
  version: 2,
  name: 'members',
  up(db) {
    db.exec(`
      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('男','女')),
        id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18),
        ethnicity TEXT, birth_date TEXT, education TEXT, degree TEXT, title TEXT, department TEXT,
        position TEXT, admin_post TEXT, party_post TEXT, occupation TEXT,
        phone TEXT, address TEXT, residence TEXT, hukou TEXT, native_place TEXT, work_started_on TEXT,
        party_age_correction INTEGER NOT NULL DEFAULT 0,
        stage TEXT NOT NULL CHECK (stage IN ('applicant','activist','candidate','probationary','full')),
        status TEXT NOT NULL DEFAULT 'normal' CHECK (status IN ('normal','suspended','left','transferred_out')),
        organization_id INTEGER REFERENCES organizations(id),
        applied_on TEXT, talked_on TEXT, activist_on TEXT, contacts TEXT, candidate_on TEXT,
        political_review_on TEXT, training_hours REAL, training_to TEXT, introducers TEXT, pre_review_on TEXT,
        joined_on TEXT, approved_on TEXT, oath_on TEXT, conversion_applied_on TEXT, converted_on TEXT,
        extension_months INTEGER CHECK (extension_months IS NULL OR extension_months BETWEEN 6 AND 12),
        mobile TEXT, lost_contact_since TEXT, left_on TEXT, left_reason TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX members_id_number ON members(id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX members_org_stage ON members(organization_id, stage, status);
      CREATE INDEX members_name ON members(name);
      CREATE INDEX members_status_stage ON members(status, stage);

      CREATE TABLE member_events (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        type TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        organization_id INTEGER REFERENCES organizations(id),
        other_organization TEXT,
        letter_no TEXT,
        dues_paid_to TEXT,
        document_no TEXT,
        reason TEXT,
        user TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_events_member ON member_events(member_id, occurred_on);
      CREATE INDEX member_events_type_date ON member_events(type, occurred_on);

      -- 组织关系 history: [from_date, to_date) in one organization; to_date NULL = still there
      CREATE TABLE memberships (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        from_date TEXT NOT NULL,
        to_date TEXT,
        CHECK (to_date IS NULL OR to_date >= from_date)
      ) STRICT;
      CREATE INDEX memberships_org_dates ON memberships(organization_id, from_date, to_date);
      CREATE INDEX memberships_member ON memberships(member_id, from_date);

      CREATE TABLE committee_posts (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        post TEXT NOT NULL CHECK (post IN ('secretary','deputy_secretary','organization','propaganda','discipline','youth','united_front','secrecy','member')),
        elected_on TEXT NOT NULL,
        ended_on TEXT,
        dual_leader INTEGER NOT NULL DEFAULT 0 CHECK (dual_leader IN (0,1)),
        note TEXT
      ) STRICT;
      CREATE INDEX committee_posts_org ON committee_posts(organization_id, ended_on);
    `)
  },
}
