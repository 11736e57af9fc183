import { EXAMPLE_DUES_ANNOTATION_0015 as EXAMPLE_DUES_ANNOTATION, type Scheme0015 as Scheme } from './frozen/0015-dues'
import type { Migration } from './index'

/**
 * 党费 (docs/dues.md): each member's 基数 by the month it takes effect, the monthly 收缴台账, voluntary
 * and 大额党费, and the 上缴 of branches to the 党委 and of the 党委 upward. Money in integer 分. Nothing is
 * deleted: a wrong entry is voided with who, when and why (the partial unique indexes ignore voided rows, so the
 * corrected entry takes its place). The example assessment scheme's 按时足额交纳党费 is filled from the ledger.
 */
export const m0015Dues: Migration = {
  version: 15,
  name: 'dues',
  up(db) {
    db.exec(`
      CREATE TABLE dues_bases (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        category TEXT NOT NULL CHECK (category IN ('salary','pension','student','flat','reduced')),
        base_fen INTEGER CHECK (base_fen IS NULL OR base_fen >= 0),
        -- 减免: the monthly amount the branch decided (0 = 免交), with the decision itself
        reduced_fen INTEGER CHECK (reduced_fen IS NULL OR reduced_fen >= 0),
        decision TEXT,
        source TEXT NOT NULL CHECK (source IN ('finance','self','decision')),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        CHECK ((category IN ('salary','pension')) = (base_fen IS NOT NULL)),
        CHECK ((category = 'reduced') = (reduced_fen IS NOT NULL AND decision IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX dues_bases_member_month ON dues_bases(member_id, from_month) WHERE voided_at IS NULL;

      CREATE TABLE dues_payments (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        -- the month the dues are for; paid later than that month it is a 补交
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        -- the standard when the payment was entered (null: no base was set then)
        due_fen INTEGER,
        paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0),
        paid_on TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cash','transfer','payroll')),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX dues_payments_member_month ON dues_payments(member_id, month) WHERE voided_at IS NULL;
      CREATE INDEX dues_payments_org_month ON dues_payments(organization_id, month);

      -- 自愿多交 and 大额党费 (from dues.largeAmount: handed upward in full)
      CREATE TABLE dues_extras (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        paid_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT
      ) STRICT;
      CREATE INDEX dues_extras_org ON dues_extras(organization_id, paid_on);

      CREATE TABLE dues_handovers (
        id INTEGER PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('branch','upward')),
        -- the branch handing over to the 党委, or the 党委 handing upward
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        from_month TEXT NOT NULL,
        to_month TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        -- of which 大额党费
        large_fen INTEGER NOT NULL DEFAULT 0 CHECK (large_fen >= 0 AND large_fen <= amount_fen),
        handed_on TEXT NOT NULL,
        receipt_no TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        CHECK (to_month >= from_month)
      ) STRICT;
      CREATE INDEX dues_handovers_org ON dues_handovers(organization_id, from_month);
    `)
    // the shipped example's 按时足额交纳党费 now has data behind it; no score changes (auto values are proposals)
    const example = db.prepare('SELECT id, definition_json FROM assessment_schemes WHERE is_example = 1').all() as { id: number; definition_json: string }[]
    for (const row of example) {
      const s = JSON.parse(row.definition_json) as Scheme
      for (const d of s.dimensions) for (const i of d.indicators) if (i.key === 'dues') Object.assign(i, EXAMPLE_DUES_ANNOTATION)
      db.prepare('UPDATE assessment_schemes SET definition_json = ? WHERE id = ?').run(JSON.stringify(s), row.id)
    }
  },
}
