import { describe, expect, it } from 'vitest'
import { amend, finalScore, isLocked, rate, returnForRevision, score, startReview, submit, type Scheme } from '../../../electron/shared/rules/assessment'

const SCHEME: Scheme = {
  name: '星级党支部考评（示例）',
  year: 2025,
  dimensions: [
    { name: '组织生活', points: 40, indicators: [{ key: 'meetings', name: '三会一课', kind: 'points', max: 30 }, { key: 'life', name: '组织生活会', kind: 'points', max: 10 }, { key: 'late', name: '未按期开展', kind: 'deduction', max: 10 }] },
    { name: '党员管理', points: 60, indicators: [{ key: 'dev', name: '发展党员', kind: 'points', max: 30 }, { key: 'dues', name: '党费', kind: 'points', max: 30 }, { key: 'award', name: '获上级表彰', kind: 'bonus', max: 5 }] },
  ],
}

describe('考核评分', () => {
  it('得分按维度累计、扣分不低于零、加分有上限，超出范围的录入被截回并指出', () => {
    const r = score(SCHEME, { meetings: 28, life: 10, late: 3, dev: 25, dues: 30, award: 8 })
    expect(r.byDimension).toEqual([{ name: '组织生活', score: 35, points: 40 }, { name: '党员管理', score: 55, points: 60 }])
    expect(r.bonus).toBe(5)
    expect(r.total).toBe(95)
    expect(r.clamped).toEqual(['获上级表彰'])
    expect(score(SCHEME, { late: 10 }).byDimension[0]!.score).toBe(0)
  })
})

describe('星级评定', () => {
  const entries = [
    { id: 1, score: 96 },
    { id: 2, score: 91 },
    { id: 3, score: 91 },
    { id: 4, score: 85 },
    { id: 5, score: 79 },
    { id: 6, score: 72 },
    { id: 7, score: 65 },
    { id: 8, score: 58 },
    { id: 9, score: 88 },
    { id: 10, score: 70 },
  ]
  const bands = [
    { min: 90, stars: 5 },
    { min: 80, stars: 4 },
    { min: 70, stars: 3 },
    { min: 60, stars: 2 },
  ]

  it('按分数线：≥90 五星、≥80 四星……未达最低线为零星；同分同名次', () => {
    const r = rate(entries, { bands })
    const stars = Object.fromEntries(r.map((x) => [x.id, x.stars]))
    expect(stars).toMatchObject({ 1: 5, 2: 5, 3: 5, 4: 4, 9: 4, 5: 3, 6: 3, 10: 3, 7: 2, 8: 0 })
    expect(r.find((x) => x.id === 3)!.rank).toBe(2)
    expect(r.find((x) => x.id === 4)!.rank).toBe(5)
  })

  it('按名额：前10%五星；名额边缘同分的一并评定并说明，不随机取舍', () => {
    const r = rate(entries, { quotas: [{ share: 0.1, stars: 5 }, { share: 0.2, stars: 4 }] })
    const byId = new Map(r.map((x) => [x.id, x]))
    expect(byId.get(1)!.stars).toBe(5)
    // two seats of 4 stars: 91, 91 — and nobody else ties with them
    expect([byId.get(2)!.stars, byId.get(3)!.stars]).toEqual([4, 4])
    expect(byId.get(9)!.stars).toBe(0)
    // a tie at the edge of a one-seat quota admits both
    const tied = rate([{ id: 1, score: 91 }, { id: 2, score: 91 }, { id: 3, score: 80 }], { quotas: [{ share: 0.34, stars: 5 }] })
    expect(tied.map((x) => x.stars)).toEqual([5, 5, 0])
    expect(tied[1]!.reason).toContain('与名额内最后一名同分')
  })

  it('分数线与名额同时使用时取较低的星级', () => {
    const r = rate(entries, { bands, quotas: [{ share: 0.1, stars: 5 }, { share: 0.4, stars: 4 }] })
    const byId = new Map(r.map((x) => [x.id, x]))
    expect(byId.get(2)!.stars).toBe(4) // 91 points, but the single 5-star seat went to 96
    expect(byId.get(4)!.stars).toBe(4) // 85 points and inside the 4-star quota
    expect(byId.get(5)!.stars).toBe(0) // 79 points would be 3 stars, but the quotas are used up
    expect(byId.get(5)!.reason).toContain('名额之外')
  })
})

describe('评审流程', () => {
  const STAGES = ['支部自评', '院党委考评', '局党办审核']

  it('逐级提交，可退回上一环节；最后一级审定后锁定，之后只能登记留痕的更正', () => {
    let s = startReview(STAGES)
    s = submit(s, '支部书记', '2025-12-01', 92, '自评')
    s = submit(s, '党办', '2025-12-05', 88, '扣减会议记录不完整')
    expect(() => returnForRevision(s, '局党办', '2025-12-08', ' ')).toThrow('须写明原因')
    s = returnForRevision(s, '局党办', '2025-12-08', '请补充党费台账')
    expect(s.stages[s.at]).toBe('院党委考评')
    s = submit(s, '党办', '2025-12-10', 89, '已补充')
    s = submit(s, '局党办', '2025-12-15', 89, '同意')
    expect(isLocked(s)).toBe(true)
    expect(finalScore(s)).toBe(89)
    expect(() => submit(s, '党办', '2025-12-16', 95, '改分')).toThrow('已审定锁定')
    s = amend(s, '局党办', '2026-01-05', 90, '复核后更正党费得分')
    expect(finalScore(s)).toBe(90)
    expect(s.history.map((h) => h.action)).toEqual(['submit', 'submit', 'return', 'submit', 'approve', 'amend'])
  })
})
