import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

describe('考评轮次', () => {
  it('示例指标体系随软件提供并标明“示例”；三个支部经两级评审后得到名次和星级，审定后锁定', async () => {
    const backend = testBackend()
    const schemes = await ok(backend, 'assessments.schemes', {})
    expect(schemes[0]).toMatchObject({ isExample: true })
    expect(schemes[0]!.name).toContain('示例')
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const ids: number[] = []
    for (const n of ['内科', '外科', '儿科']) ids.push((await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })).id)
    let round = await ok(backend, 'assessments.createRound', { schemeId: schemes[0]!.id, name: '2025年度星级党支部评定', period: '2025', organizationIds: ids, stages: ['支部自评', '院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }, { min: 70, stars: 3 }] } })
    expect(round.entries.map((e) => e.stage)).toEqual(['支部自评', '支部自评', '支部自评'])
    const full = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
    const sheets = [full, { ...full, satisfaction: 2, late: 4 }, { ...full, quality: 0, ethics: 7, satisfaction: 0, records: 4 }]
    for (const [i, id] of ids.entries()) {
      await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: id, sheet: sheets[i]!, comment: '自评' })
      round = await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: id, sheet: sheets[i]!, comment: '考评' })
    }
    expect(round.entries.map((e) => [e.organizationName, e.score, e.stage])).toEqual([
      ['内科党支部', 100, '已审定'],
      ['外科党支部', 88, '已审定'],
      ['儿科党支部', 71, '已审定'],
    ])
    expect(round.ratings.map((r) => [r.organizationName, r.rank, r.stars])).toEqual([
      ['内科党支部', 1, 5],
      ['外科党支部', 2, 4],
      ['儿科党支部', 3, 3],
    ])
    expect((await fails(backend, 'assessments.submit', { roundId: round.id, organizationId: ids[0]!, sheet: full, comment: '' })).message).toContain('已审定锁定')
    const amended = await ok(backend, 'assessments.amend', { roundId: round.id, organizationId: ids[2]!, sheet: { ...sheets[2]!, ethics: 10 }, reason: '复核医德医风得分' })
    expect(amended.entries[2]!.score).toBe(74)
    const log = await ok(backend, 'audit.list', { entity: 'assessment' })
    expect(log.length).toBeGreaterThanOrEqual(8)
  })
})
