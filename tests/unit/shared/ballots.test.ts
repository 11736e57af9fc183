import { describe, expect, it } from 'vitest'
import { checkRubric, DEFAULT_RUBRICS, tallySubject, tallyWarnings, type BallotRubric } from '../../../electron/shared/rules/ballots'

const debrief = DEFAULT_RUBRICS.debrief

describe('述职评议计票', () => {
  it('各测评群体按等次分值求平均，再按权重加权，得出等次并写明算式', () => {
    // 院党委委员 9 票：好8 较好1 → 97.8；支部书记 20 票：好10 较好10 → 90；党员群众代表 30 票：好15 较好10 一般5 → 86.7
    const t = tallySubject('debrief', debrief, { leaders: [8, 1, 0, 0], secretaries: [10, 10, 0, 0], public: [15, 10, 5, 0] })
    expect(t.byGroup.map((g) => g.score)).toEqual([97.8, 90, 86.7])
    // 97.8×0.4 + 90×0.3 + 86.7×0.3 = 92.1
    expect(t.score).toBe(92.1)
    expect(t.grade).toBe('好')
    expect(t.ballots).toBe(59)
    expect(t.explanation).toBe('院党委委员97.8分×40% + 支部书记90分×30% + 党员群众代表86.7分×30% = 92.1分，评为“好”')
  })

  it('某群体未投票时权重按其余群体重新分配，并说明', () => {
    const t = tallySubject('debrief', debrief, { leaders: [0, 0, 4, 0], public: [0, 10, 0, 0] })
    // 60×40/70 + 80×30/70 = 68.6 → 一般
    expect(t.score).toBe(68.6)
    expect(t.grade).toBe('一般')
    expect(t.explanation).toContain('支部书记未投票，权重按其余群体重新分配')
  })

  it('“差”票达到三分之一、收回票数多于应参评人数时提醒；没有选票时不给等次', () => {
    const rubric: BallotRubric = { ...debrief, groups: debrief.groups.map((g) => ({ ...g, expected: 10 })) }
    const t = tallySubject('debrief', rubric, { leaders: [2, 2, 2, 6] })
    expect(t.warnings).toContain('院党委委员收回 12 票，多于应参评的 10 人，请核对')
    expect(t.warnings.some((w) => w.includes('“差”票占 50%'))).toBe(true)
    expect(t.grade).toBe('差')
    expect(t.warnings.some((w) => w.includes('约谈'))).toBe(true)
    expect(tallySubject('debrief', debrief, {})).toMatchObject({ score: null, grade: null, explanation: '尚未录入选票' })
  })
})

describe('民主评议党员计票', () => {
  it('测评为“不合格”时提醒须经支部党员大会讨论、上级党组织审批', () => {
    const t = tallySubject('appraisal', DEFAULT_RUBRICS.appraisal, { members: [0, 2, 3, 15], public: [0, 1, 1, 3], committee: [0, 0, 0, 5] })
    expect(t.grade).toBe('不合格')
    expect(t.warnings.join('')).toContain('须经支部党员大会讨论、报上级党组织审批')
  })

  it('优秀比例超过设定上限、评定等次与测评不同而未写理由时提醒', () => {
    const rubric = { ...DEFAULT_RUBRICS.appraisal, bestShareMax: 0.3 }
    const w = tallyWarnings('appraisal', rubric, [
      { name: '甲', grade: '优秀', finalGrade: null, finalNote: null },
      { name: '乙', grade: '优秀', finalGrade: null, finalNote: null },
      { name: '丙', grade: '合格', finalGrade: '优秀', finalNote: null },
      { name: '丁', grade: '合格', finalGrade: null, finalNote: null },
    ])
    expect(w).toEqual(['“优秀”3人，占 75%，超过设定的 30%', '丙：评定“优秀”与测评结果“合格”不同，请写明理由'])
  })

  it('评分规则的等次数、分数线顺序和权重都要检查', () => {
    expect(checkRubric('appraisal', DEFAULT_RUBRICS.appraisal)).toEqual([])
    expect(checkRubric('appraisal', { ...DEFAULT_RUBRICS.appraisal, values: [100, 60], cutoffs: [60, 90, 70] })).toEqual(['应为 4 个等次各设一个分值', '等次分数线应从高到低排列'])
  })
})
