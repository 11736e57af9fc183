import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { latestVersion, migrate } from '../../../../electron/backend/db/migrate'
import { annotatedExample, EXAMPLE_SCHEME } from '../../../../electron/shared/assessment-example'
import { startReview, submit } from '../../../../electron/shared/rules/review-chain'
import { score, type Scheme } from '../../../../electron/shared/rules/scoring'

describe('迁移 10：考评明细', () => {
  it('升级时从已存的评审记录填入生效分数和审定标记，给示例体系补上评分标准和自动取数，已有得分不变', () => {
    const db = new Database(':memory:')
    migrate(db, 9)
    db.exec(`INSERT INTO organizations (id, name, type, created_at, updated_at) VALUES (1, '内科党支部', 'branch', 'x', 'x'), (2, '外科党支部', 'branch', 'x', 'x');
             INSERT INTO assessment_rounds (id, scheme_id, name, period, stages_json, rating_json, created_at) VALUES (1, 1, '2024年度评定', '2024', '["支部自评"]', '{}', 'x')`)
    const sheet = { setup: 10, late: 4, honor: 8 }
    const before = score(EXAMPLE_SCHEME, sheet).total
    const approved = submit(startReview(['支部自评']), { by: '党办', at: 'x', comment: '', score: before, sheet })
    const insert = db.prepare('INSERT INTO assessment_entries (round_id, organization_id, sheet_json, review_json) VALUES (1, ?, ?, ?)')
    insert.run(1, JSON.stringify(sheet), JSON.stringify(approved))
    insert.run(2, '{}', JSON.stringify(startReview(['支部自评'])))

    expect(migrate(db)).toBe(latestVersion())
    expect(db.prepare('SELECT organization_id, score, approved FROM assessment_entries ORDER BY organization_id').all()).toEqual([
      { organization_id: 1, score: before, approved: 1 },
      { organization_id: 2, score: null, approved: 0 },
    ])
    expect(db.prepare('SELECT period_from, period_to FROM assessment_rounds').get()).toEqual({ period_from: '2024-01-01', period_to: '2024-12-31' })
    const example = JSON.parse(db.prepare('SELECT definition_json FROM assessment_schemes WHERE is_example = 1').pluck().get() as string) as Scheme
    const dual = example.dimensions.flatMap((d) => d.indicators).find((i) => i.key === 'dual')!
    expect(dual).toMatchObject({ source: 'dualLeader', guide: '书记为“双带头人”得满分，否则不得分' })
    expect(score(example, sheet).total).toBe(before)
  })
})

describe('迁移 14：示例体系的换届、支委会自动取数', () => {
  it('从 13 升级后示例体系的“按期换届”“支委会”有自动取数来源，与今天软件所带的示例一致，得分不变', () => {
    const db = new Database(':memory:')
    migrate(db, 13)
    const stored = () => JSON.parse(db.prepare('SELECT definition_json FROM assessment_schemes WHERE is_example = 1').pluck().get() as string) as Scheme
    const indicator = (s: Scheme, key: string) => s.dimensions.flatMap((d) => d.indicators).find((i) => i.key === key)!
    expect(indicator(stored(), 'setup').source).toBeUndefined()
    const sheet = { setup: 5, team: 10, late: 2 }
    const before = score(stored(), sheet).total

    expect(migrate(db)).toBe(latestVersion())
    const after = stored()
    expect(indicator(after, 'setup').source).toBe('termOnTime')
    expect(indicator(after, 'team').source).toBe('committee')
    expect(indicator(after, 'dual').source).toBe('dualLeader')
    expect(after).toEqual(annotatedExample())
    expect(score(after, sheet).total).toBe(before)
  })
})
