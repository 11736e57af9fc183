import type { Migration } from './index'

/** Audit log, settings, 党组织 tree and 科室. */
export const m0001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Every mutation: who, when, which method, which record, before and after.
      -- hash = sha256(prev_hash + this row) chains the rows so an edited or deleted row is detectable.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        method TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

      CREATE TABLE organizations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('committee','general_branch','branch','joint_branch','temporary_branch','party_group')),
        parent_id INTEGER REFERENCES organizations(id),
        founded_on TEXT,
        term_years INTEGER CHECK (term_years BETWEEN 1 AND 5),
        term_started_on TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','dissolved')),
        dissolved_on TEXT,
        dissolved_reason TEXT,
        note TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;
      CREATE INDEX organizations_parent ON organizations(parent_id);
      -- two live organizations may not share a name (撤销 ones may: a branch can be re-founded)
      CREATE UNIQUE INDEX organizations_active_name ON organizations(name) WHERE status = 'active';

      -- 科室: departments of the hospital. 党支部建在科室上: a branch covers one or more of them.
      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE organization_departments (
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        department_id INTEGER NOT NULL REFERENCES departments(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (organization_id, department_id)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
