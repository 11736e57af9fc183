import { describe, expect, it } from 'vitest'
import { checkScheme, fullMarks, score, type Scheme } from '../../../electron/shared/rules/scoring'

const SCHEME: Scheme = {
  name: '星级党支部考评（测试）',
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

  it('维度按权重折算：指标满分合计与维度分值不同时，按得分率乘维度分值', () => {
    const weighted: Scheme = {
      name: '权重测试',
      year: 2025,
      dimensions: [
        { name: '班子建设', points: 25, indicators: ['a', 'b', 'c'].map((key) => ({ key, name: key, kind: 'points' as const, max: 10 })) },
        { name: '业务融合', points: 75, indicators: [{ key: 'q', name: '质量', kind: 'points', max: 50 }] },
      ],
    }
    const r = score(weighted, { a: 10, b: 8, c: 6, q: 40 })
    // 24/30 × 25 = 20; 40/50 × 75 = 60
    expect(r.byDimension.map((d) => d.score)).toEqual([20, 60])
    expect(r.total).toBe(80)
    expect(fullMarks(weighted)).toBe(100)
  })

  it('“每次扣2分”按次数计算，累计不超过该项上限；加分合计受指标体系上限约束', () => {
    const s: Scheme = {
      name: '按次计分',
      year: 2025,
      bonusMax: 5,
      dimensions: [
        {
          name: '组织生活',
          points: 20,
          indicators: [
            { key: 'held', name: '按期召开', kind: 'points', max: 20 },
            { key: 'late', name: '未按期召开', kind: 'deduction', max: 10, unit: 2 },
            { key: 'honor', name: '表彰', kind: 'bonus', max: 4, unit: 2 },
            { key: 'case', name: '典型案例', kind: 'bonus', max: 3 },
          ],
        },
      ],
    }
    expect(score(s, { held: 20, late: 3 }).byDimension[0]!.score).toBe(14)
    const capped = score(s, { held: 20, late: 7 })
    expect(capped.byDimension[0]!.score).toBe(10)
    expect(capped.clamped).toContain('未按期召开')
    const bonus = score(s, { held: 20, honor: 2, case: 3 })
    expect(bonus.bonus).toBe(5)
    expect(bonus.total).toBe(25)
    expect(bonus.clamped).toContain('加分合计')
  })
})

describe('指标体系检查', () => {
  it('编号重复、按次计分用于得分指标是错误；分值合计不是100分只提醒', () => {
    const problems = checkScheme({
      name: '有问题的体系',
      year: 2025,
      dimensions: [{ name: '甲', points: 50, indicators: [{ key: 'x', name: '一', kind: 'points', max: 50, unit: 1 }, { key: 'x', name: '二', kind: 'deduction', max: 5 }] }],
    })
    expect(problems.filter((p) => p.level === 'error').map((p) => p.message)).toEqual(['“每次”计分只用于扣分或加分指标', '指标编号“x”与“一”重复'])
    expect(problems.find((p) => p.level === 'warning')!.message).toContain('合计 50 分')
  })

  it('示例体系没有错误', async () => {
    const { annotatedExample } = await import('../../../electron/shared/assessment-example')
    expect(checkScheme(annotatedExample()).filter((p) => p.level === 'error')).toEqual([])
    expect(fullMarks(annotatedExample())).toBe(100)
  })
})
