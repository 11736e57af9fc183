import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { latestVersion, migrate } from '../../../../electron/backend/db/migrate'
import type { Scheme } from '../../../../electron/shared/rules/scoring'

describe('迁移 15：党费', () => {
  it('升级后有基数、交纳、自愿多交、上缴四张表；示例指标体系的“按时足额交纳党费”改为自动取数，分值不变', () => {
    const db = new Database(':memory:')
    migrate(db, 13)
    const before = JSON.parse(db.prepare('SELECT definition_json FROM assessment_schemes WHERE is_example = 1').pluck().get() as string) as Scheme
    expect(migrate(db)).toBe(latestVersion())
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'dues_%' ORDER BY name").pluck().all()
    expect(tables).toEqual(['dues_bases', 'dues_extras', 'dues_handovers', 'dues_payments'])
    const after = JSON.parse(db.prepare('SELECT definition_json FROM assessment_schemes WHERE is_example = 1').pluck().get() as string) as Scheme
    const dues = after.dimensions.flatMap((d) => d.indicators).find((i) => i.key === 'dues')!
    expect(dues).toMatchObject({ name: '按时足额交纳党费', max: 5, source: 'duesPaid' })
    expect(after.dimensions.map((d) => d.points)).toEqual(before.dimensions.map((d) => d.points))
  })

  it('同一人同一月份只能有一条有效记录；作废的记录留着，不妨碍登记正确的一条；金额不能为负', () => {
    const db = new Database(':memory:')
    migrate(db)
    db.exec(`INSERT INTO organizations (id, name, type, created_at, updated_at) VALUES (1, '内科党支部', 'branch', 'x', 'x');
             INSERT INTO members (id, name, gender, stage, organization_id, joined_on, created_at, updated_at) VALUES (1, '张伟', '男', 'full', 1, '2000-07-01', 'x', 'x')`)
    const pay = db.prepare("INSERT INTO dues_payments (member_id, month, organization_id, due_fen, paid_fen, paid_on, method, created_at, created_by, voided_at) VALUES (1, '2025-03', 1, 12750, ?, '2025-03-20', 'cash', 'x', '干事', ?)")
    pay.run(12750, '2025-03-21')
    pay.run(12750, null)
    expect(() => pay.run(12750, null)).toThrow(/UNIQUE/)
    expect(() => pay.run(-1, '2025-03-22')).toThrow(/CHECK/)
    const base = db.prepare("INSERT INTO dues_bases (member_id, from_month, category, base_fen, reduced_fen, decision, source, created_at, created_by, updated_at) VALUES (1, '2025-01', ?, ?, ?, ?, 'finance', 'x', '干事', 'x')")
    // a 在职 base needs an amount; a 学生 one has none; 减免 needs the decision
    expect(() => base.run('salary', null, null, null)).toThrow(/CHECK/)
    expect(() => base.run('student', 850000, null, null)).toThrow(/CHECK/)
    expect(() => base.run('reduced', null, 0, null)).toThrow(/CHECK/)
    base.run('reduced', null, 0, '支委会2025年1月8日决定免交')
  })
})
