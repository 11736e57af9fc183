import { EXAMPLE_ANNOTATIONS_0010 as EXAMPLE_ANNOTATIONS, finalScore0010 as finalScore, isLocked0010 as isLocked, latestScore0010 as latestScore, type ReviewState0010 as ReviewState } from './frozen/0010-assessment'
import type { Migration } from './index'

/**
 * 考核评价, its second part: schemes versioned per year, rounds with dates (auto-filled indicators need them),
 * evidence notes per indicator, each entry's score in force kept in a column so the dashboards aggregate in SQL,
 * and paper-ballot tallies (述职评议, 民主评议党员). Moves data: fills the new columns from the JSON already stored.
 */
export const m0010AssessmentDetails: Migration = {
  version: 10,
  name: 'assessment-details',
  up(db) {
    db.exec(`
      ALTER TABLE assessment_schemes ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE assessment_schemes ADD COLUMN based_on INTEGER REFERENCES assessment_schemes(id);
      ALTER TABLE assessment_schemes ADD COLUMN archived_on TEXT;
      ALTER TABLE assessment_schemes ADD COLUMN updated_at TEXT;
      UPDATE assessment_schemes SET updated_at = created_at;
      CREATE UNIQUE INDEX assessment_schemes_version ON assessment_schemes(year, name, version);

      ALTER TABLE assessment_rounds ADD COLUMN period_from TEXT;
      ALTER TABLE assessment_rounds ADD COLUMN period_to TEXT;
      UPDATE assessment_rounds SET period_from = period || '-01-01', period_to = period || '-12-31' WHERE period GLOB '[0-9][0-9][0-9][0-9]';
      CREATE INDEX assessment_rounds_scheme ON assessment_rounds(scheme_id);

      ALTER TABLE assessment_entries ADD COLUMN notes_json TEXT NOT NULL DEFAULT '{}';
      -- the score in force (approved/amended, else the latest a stage gave) and whether it is approved
      ALTER TABLE assessment_entries ADD COLUMN score REAL;
      ALTER TABLE assessment_entries ADD COLUMN approved INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0,1));
      CREATE INDEX assessment_entries_org ON assessment_entries(organization_id, round_id);

      CREATE TABLE ballot_tallies (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('debrief','appraisal')),
        title TEXT NOT NULL,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        -- who holds it: the 党委 for 述职评议, the branch for 民主评议党员
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        held_on TEXT,
        rubric_json TEXT NOT NULL,
        closed_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ballot_tallies_org ON ballot_tallies(organization_id, year);
      CREATE TABLE ballot_subjects (
        id INTEGER PRIMARY KEY,
        tally_id INTEGER NOT NULL REFERENCES ballot_tallies(id),
        seq INTEGER NOT NULL,
        member_id INTEGER REFERENCES members(id),
        name TEXT NOT NULL,
        -- 述职评议: the branch whose secretary reports
        subject_organization_id INTEGER REFERENCES organizations(id),
        counts_json TEXT NOT NULL DEFAULT '{}',
        final_grade TEXT,
        final_note TEXT,
        UNIQUE (tally_id, member_id)
      ) STRICT;
      CREATE INDEX ballot_subjects_tally ON ballot_subjects(tally_id, seq);
      CREATE INDEX ballot_subjects_member ON ballot_subjects(member_id);
    `)
    const entries = db.prepare('SELECT id, review_json FROM assessment_entries').all() as { id: number; review_json: string }[]
    const setScore = db.prepare('UPDATE assessment_entries SET score = ?, approved = ? WHERE id = ?')
    for (const e of entries) {
      const review = JSON.parse(e.review_json) as ReviewState
      setScore.run(finalScore(review) ?? latestScore(review), isLocked(review) ? 1 : 0, e.id)
    }
    // the shipped example gains its 评分标准 and auto-filled sources; no score changes
    const example = db.prepare('SELECT id, definition_json FROM assessment_schemes WHERE is_example = 1').all() as { id: number; definition_json: string }[]
    for (const row of example) {
      const s = JSON.parse(row.definition_json) as { dimensions: { indicators: { key: string }[] }[] }
      for (const d of s.dimensions) for (const i of d.indicators) Object.assign(i, EXAMPLE_ANNOTATIONS[i.key] ?? {})
      db.prepare('UPDATE assessment_schemes SET definition_json = ? WHERE id = ?').run(JSON.stringify(s), row.id)
    }
  },
}
