import type { ScoreSheet } from './scoring'

/**
 * The review chain of a 星级党支部 assessment (docs/rules.md §7, from the 锦州 seed document): 支部自评 → 院党委考评 →
 * 局党办审核 → 市委组织部审定, configurable per round. Each stage scores and comments (who, when, the sheet it
 * scored); a stage may return the entry to the stage before for revision; the last stage's approval locks the
 * result, and any later change is an amendment that keeps the approved history.
 */
export type ReviewAction = 'submit' | 'return' | 'approve' | 'amend'

export interface ReviewStep {
  stage: string
  action: ReviewAction
  by: string
  /** ISO timestamp */
  at: string
  score: number | null
  comment: string
  /** the sheet this stage scored (absent on returns, and on records made before sheets were kept per stage) */
  sheet?: ScoreSheet
}

export interface ReviewState {
  stages: readonly string[]
  /** index of the stage that acts next; stages.length = approved (locked) */
  at: number
  history: ReviewStep[]
}

export const ACTION_LABELS: Record<ReviewAction, string> = { submit: '提交', return: '退回', approve: '审定', amend: '更正' }
export const APPROVED = '已审定'

export function startReview(stages: readonly string[]): ReviewState {
  if (stages.length === 0) throw new Error('评审流程至少需要一个环节')
  if (new Set(stages).size !== stages.length) throw new Error('评审环节名称不能重复')
  return { stages, at: 0, history: [] }
}

export const isLocked = (s: ReviewState): boolean => s.at >= s.stages.length

/** The stage that acts next, or 已审定. */
export const currentStage = (s: ReviewState): string => (isLocked(s) ? APPROVED : s.stages[s.at]!)

export interface Act {
  by: string
  at: string
  comment: string
}

/** Passes the entry to the next stage; the last stage's submission approves and locks the result. */
export function submit(s: ReviewState, act: Act & { score: number; sheet: ScoreSheet }): ReviewState {
  if (isLocked(s)) throw new Error('结果已审定锁定，只能登记更正（更正会留痕）')
  const last = s.at === s.stages.length - 1
  return { ...s, at: s.at + 1, history: [...s.history, { stage: s.stages[s.at]!, action: last ? 'approve' : 'submit', by: act.by, at: act.at, score: act.score, comment: act.comment, sheet: act.sheet }] }
}

/** Sends the entry back to the previous stage for revision; the reason is required. */
export function returnForRevision(s: ReviewState, act: Act): ReviewState {
  if (isLocked(s)) throw new Error('结果已审定锁定，不能退回；如需改分请登记更正')
  if (s.at === 0) throw new Error('第一个环节没有可以退回的上一环节')
  if (!act.comment.trim()) throw new Error('退回修改须写明原因')
  return { ...s, at: s.at - 1, history: [...s.history, { stage: s.stages[s.at]!, action: 'return', by: act.by, at: act.at, score: null, comment: act.comment }] }
}

/** After approval, a change is an amendment: recorded with who, when and why; the approved history stays. */
export function amend(s: ReviewState, act: Act & { score: number; sheet: ScoreSheet }): ReviewState {
  if (!isLocked(s)) throw new Error('尚未审定，请在当前环节修改')
  if (!act.comment.trim()) throw new Error('更正须写明原因')
  return { ...s, history: [...s.history, { stage: '更正', action: 'amend', by: act.by, at: act.at, score: act.score, comment: act.comment, sheet: act.sheet }] }
}

/** The score in force once approved: the latest approval or amendment. */
export const finalScore = (s: ReviewState): number | null => [...s.history].reverse().find((h) => h.action === 'approve' || h.action === 'amend')?.score ?? null

/** The latest score any stage gave (provisional until approved). */
export const latestScore = (s: ReviewState): number | null => [...s.history].reverse().find((h) => h.score !== null)?.score ?? null

/** Each stage's latest score and comment, in chain order (what the 公示 and the comparison table show). */
export function stageScores(s: ReviewState): { stage: string; score: number | null; comment: string; by: string; at: string }[] {
  return s.stages.map((stage) => {
    const h = [...s.history].reverse().find((x) => x.stage === stage && x.action !== 'return')
    return { stage, score: h?.score ?? null, comment: h?.comment ?? '', by: h?.by ?? '', at: h?.at ?? '' }
  })
}
