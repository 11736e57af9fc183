import type { Migration } from './index'

/**
 * 佐证材料 of an assessment entry ("scores per indicator per branch with evidence notes/attachments"):
 * files kept in the content-addressed attachments folder, named here per round, branch and indicator.
 */
export const m0013AssessmentEvidence: Migration = {
  version: 13,
  name: 'assessment-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_evidence (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES assessment_rounds(id),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        indicator_key TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessment_evidence_entry ON assessment_evidence(round_id, organization_id);
    `)
  },
}
