import type { Migration } from './index'

/** Meetings (one record, several types), resolutions, attendance, attachments, exemptions and search. */
export const m0004Meetings: Migration = {
  version: 4,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        title TEXT NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT, end_time TEXT, place TEXT,
        host TEXT, recorder TEXT, lecturer TEXT, observers TEXT,
        agenda TEXT, discussion TEXT, minutes TEXT,
        expected_count INTEGER, present_count INTEGER,
        source TEXT NOT NULL DEFAULT 'form' CHECK (source IN ('form','ledger')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','void')),
        void_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_org_date ON meetings(organization_id, held_on);
      CREATE INDEX meetings_date ON meetings(held_on);

      CREATE TABLE meeting_types (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        type TEXT NOT NULL CHECK (type IN ('party_congress','committee_meeting','group_meeting','party_lecture','theme_day','life_meeting','appraisal','standing_committee','study_group')),
        PRIMARY KEY (meeting_id, type)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX meeting_types_type ON meeting_types(type, meeting_id);

      CREATE TABLE resolutions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        category TEXT CHECK (category IS NULL OR category IN ('decision','appointment','project','funds')),
        yes INTEGER, no INTEGER, abstain INTEGER
      ) STRICT;
      CREATE INDEX resolutions_meeting ON resolutions(meeting_id, seq);

      CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        voting INTEGER NOT NULL CHECK (voting IN (0,1)),
        status TEXT NOT NULL CHECK (status IN ('present','leave','absent','observer','excluded')),
        reason TEXT,
        makeup_on TEXT,
        makeup_note TEXT,
        PRIMARY KEY (meeting_id, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attendance_member ON attendance(member_id);

      -- files live in <data folder>/attachments/<sha256>; the row only names them, so edits never lose a file
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_meeting ON attachments(meeting_id);

      CREATE TABLE compliance_exemptions (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        type TEXT NOT NULL,
        period TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (organization_id, type, period)
      ) STRICT;

      -- full text over title, agenda, discussion, minutes and resolutions; trigram matches queries of 3+ characters
      CREATE VIRTUAL TABLE meeting_search USING fts5(body, tokenize = 'trigram');
    `)
  },
}
