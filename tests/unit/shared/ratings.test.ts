import { describe, expect, it } from 'vitest'
import { describeRules, rate, seatsFor } from '../../../electron/shared/rules/ratings'

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
const starsOf = (r: ReturnType<typeof rate>) => Object.fromEntries(r.map((x) => [x.id, x.stars]))

describe('星级评定：分数线', () => {
  it('≥90 五星、≥80 四星……未达最低线为零星；同分同名次，下一名次跳过', () => {
    const r = rate(entries, { bands })
    expect(starsOf(r)).toMatchObject({ 1: 5, 2: 5, 3: 5, 4: 4, 9: 4, 5: 3, 6: 3, 10: 3, 7: 2, 8: 0 })
    expect(r.find((x) => x.id === 3)!.rank).toBe(2)
    expect(r.find((x) => x.id === 9)!.rank).toBe(4)
    expect(r.find((x) => x.id === 8)!.reason).toContain('未达到最低星级分数线')
  })
})

describe('星级评定：名额', () => {
  it('名额默认向下取整（“不超过10%”）：8个支部没有五星名额，四舍五入时有1个', () => {
    expect(seatsFor(0.1, 8)).toBe(0)
    expect(seatsFor(0.1, 8, 'round')).toBe(1)
    expect(seatsFor(0.29, 100)).toBe(29)
    const eight = entries.slice(0, 8)
    expect(rate(eight, { quotas: [{ share: 0.1, stars: 5 }] }).every((x) => x.stars === 0)).toBe(true)
    expect(rate(eight, { quotas: [{ share: 0.1, stars: 5 }], rounding: 'round' }).find((x) => x.id === 1)!.stars).toBe(5)
  })

  it('10%/40%/30% 累计划线：前1名五星、其后4名四星、再后3名三星，其余无星', () => {
    const r = rate(entries, { quotas: [{ share: 0.1, stars: 5 }, { share: 0.4, stars: 4 }, { share: 0.3, stars: 3 }] })
    // order: 96, 91, 91, 88, 85, 79, 72, 70, 65, 58
    expect(r.map((x) => x.stars)).toEqual([5, 4, 4, 4, 4, 3, 3, 3, 0, 0])
    expect(r[1]!.reason).toContain('前50%共5个名额')
  })

  it('名额边缘同分默认一并评定（超出名额并说明）；选“均不占名额”时同分者都降入下一档并说明', () => {
    const tied = [{ id: 1, score: 91 }, { id: 2, score: 91 }, { id: 3, score: 80 }, { id: 4, score: 70 }]
    const admit = rate(tied, { quotas: [{ share: 0.25, stars: 5 }, { share: 0.5, stars: 4 }] })
    expect(admit.map((x) => x.stars)).toEqual([5, 5, 4, 0])
    expect(admit[1]!.reason).toContain('与名额内最后一名同分')
    const exclude = rate(tied, { quotas: [{ share: 0.25, stars: 5 }, { share: 0.5, stars: 4 }], ties: 'exclude' })
    expect(exclude.map((x) => x.stars)).toEqual([4, 4, 4, 0])
    expect(exclude[0]!.reason).toContain('同分均不占名额')
    // input order never decides: reversed input, same result
    expect(rate([...tied].reverse(), { quotas: [{ share: 0.25, stars: 5 }], ties: 'exclude' }).map((x) => x.stars)).toEqual([0, 0, 0, 0])
  })

  it('分数线与名额同时使用时取较低的星级，并说明两者', () => {
    const r = rate(entries, { bands, quotas: [{ share: 0.1, stars: 5 }, { share: 0.4, stars: 4 }] })
    const byId = new Map(r.map((x) => [x.id, x]))
    expect(byId.get(2)!.stars).toBe(4) // 91 points, but the single 5-star seat went to 96
    expect(byId.get(4)!.stars).toBe(4) // 85 points and inside the 4-star quota
    expect(byId.get(5)!.stars).toBe(0) // 79 points would be 3 stars, but no quota is left
    expect(byId.get(5)!.reason).toContain('不在任何星级名额之内')
    expect(describeRules({ bands, quotas: [{ share: 0.1, stars: 5 }] })).toBe('分数线：≥90分5星，≥80分4星，≥70分3星，≥60分2星；名额：10%评5星（名额向下取整；名额边缘同分一并评定）；两者同时满足，取较低星级')
  })
})
