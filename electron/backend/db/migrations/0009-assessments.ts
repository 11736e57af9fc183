import { EXAMPLE_SCHEME_0009 as EXAMPLE_SCHEME } from './frozen/0009-example-scheme'
import type { Migration } from './index'

/** Indicator schemes (as data), assessment rounds and one entry per organization with its review history. */
export const m0009Assessments: Migration = {
  version: 9,
  name: 'assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_schemes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        definition_json TEXT NOT NULL,
        is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE assessment_rounds (
        id INTEGER PRIMARY KEY,
        scheme_id INTEGER NOT NULL REFERENCES assessment_schemes(id),
        name TEXT NOT NULL,
        period TEXT NOT NULL,
        stages_json TEXT NOT NULL,
        rating_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE assessment_entries (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES assessment_rounds(id),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        sheet_json TEXT NOT NULL DEFAULT '{}',
        review_json TEXT NOT NULL,
        UNIQUE (round_id, organization_id)
      ) STRICT;
    `)
    db.prepare('INSERT INTO assessment_schemes (name, year, definition_json, is_example, created_at) VALUES (?, ?, ?, 1, ?)').run(EXAMPLE_SCHEME.name, EXAMPLE_SCHEME.year, JSON.stringify(EXAMPLE_SCHEME), new Date(0).toISOString())
  },
}
