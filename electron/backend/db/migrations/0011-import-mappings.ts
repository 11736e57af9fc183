import type { Migration } from './index'

/**
 * Column names a clerk matched by hand in an import preview ("党员名字" → 姓名, or "备用" → ignore), remembered per
 * import kind so the next file from the same source is read the same way (an editable synonym table).
 */
export const m0011ImportMappings: Migration = {
  version: 11,
  name: 'import-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE import_column_mappings (
        kind TEXT NOT NULL,
        header TEXT NOT NULL,
        field TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (kind, header)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
