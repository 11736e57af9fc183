import type { Migration } from './index'

/** A higher committee's template, once mapped to our fields, is filled the same way next year (keyed by its header row). */
export const m0007TemplateMappings: Migration = {
  version: 7,
  name: 'template-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE template_mappings (
        signature TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  },
}
