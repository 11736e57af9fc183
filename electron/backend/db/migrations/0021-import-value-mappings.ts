import type { Migration } from './index'

/**
 * Values a clerk mapped by hand in an import preview (学历 “硕士研究生在读” → 硕士研究生, 所在党支部 “内科支部” → 内科党支部),
 * remembered per import kind and field beside the column matches, so the next file from the same source reads the
 * same way. `value` is the cell's text as read (excel/normalize.ts cellText); `mapped_to` is what it stands for.
 */
export const m0021ImportValueMappings: Migration = {
  version: 21,
  name: 'import-value-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE import_value_mappings (
        kind TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        mapped_to TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (kind, field, value)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
