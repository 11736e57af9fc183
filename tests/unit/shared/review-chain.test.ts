import { describe, expect, it } from 'vitest'
import { amend, currentStage, finalScore, isLocked, returnForRevision, stageScores, startReview, submit } from '../../../electron/shared/rules/review-chain'

const STAGES = ['支部自评', '院党委考评', '局党办审核']
const act = (by: string, at: string, comment: string, score = 0) => ({ by, at, comment, score, sheet: { a: score } })

describe('评审流程', () => {
  it('逐级提交，可退回上一环节；最后一级审定后锁定，之后只能登记留痕的更正', () => {
    let s = startReview(STAGES)
    s = submit(s, act('支部书记', '2025-12-01', '自评', 92))
    s = submit(s, act('党办', '2025-12-05', '扣减会议记录不完整', 88))
    expect(() => returnForRevision(s, { by: '局党办', at: '2025-12-08', comment: ' ' })).toThrow('须写明原因')
    s = returnForRevision(s, { by: '局党办', at: '2025-12-08', comment: '请补充党费台账' })
    expect(currentStage(s)).toBe('院党委考评')
    s = submit(s, act('党办', '2025-12-10', '已补充', 89))
    expect(isLocked(s)).toBe(false)
    s = submit(s, act('局党办', '2025-12-15', '同意', 89))
    expect(isLocked(s)).toBe(true)
    expect(currentStage(s)).toBe('已审定')
    expect(finalScore(s)).toBe(89)
    expect(() => submit(s, act('党办', '2025-12-16', '改分', 95))).toThrow('已审定锁定')
    expect(() => returnForRevision(s, { by: '党办', at: '2025-12-16', comment: '重评' })).toThrow('已审定锁定')
    expect(() => amend(s, act('局党办', '2026-01-05', '', 90))).toThrow('须写明原因')
    s = amend(s, act('局党办', '2026-01-05', '复核后更正党费得分', 90))
    expect(finalScore(s)).toBe(90)
    expect(s.history.map((h) => h.action)).toEqual(['submit', 'submit', 'return', 'submit', 'approve', 'amend'])
  })

  it('每个环节的得分、评语、评分人和评分表都保留；退回后以重新提交的为准', () => {
    let s = startReview(STAGES)
    s = submit(s, act('支部书记', '2025-12-01', '自评', 92))
    s = submit(s, act('党办', '2025-12-05', '初评', 85))
    s = returnForRevision(s, { by: '局党办', at: '2025-12-08', comment: '复核' })
    s = submit(s, act('党办', '2025-12-09', '复评', 87))
    expect(stageScores(s)).toEqual([
      { stage: '支部自评', score: 92, comment: '自评', by: '支部书记', at: '2025-12-01' },
      { stage: '院党委考评', score: 87, comment: '复评', by: '党办', at: '2025-12-09' },
      { stage: '局党办审核', score: null, comment: '', by: '', at: '' },
    ])
    expect(s.history[0]!.sheet).toEqual({ a: 92 })
  })

  it('第一个环节不能退回；环节名称不能重复', () => {
    expect(() => returnForRevision(startReview(STAGES), { by: '党办', at: '2025-12-01', comment: '退回' })).toThrow('第一个环节')
    expect(() => startReview(['支部自评', '支部自评'])).toThrow('不能重复')
    expect(() => startReview([])).toThrow('至少需要一个环节')
  })
})
