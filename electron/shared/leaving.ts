/**
 * How a person leaves the roster, in the words of the party rules (docs/party-rules.md §1, with the sources).
 *
 * 出党 — ceasing to be a member by a decision of the party — has exactly the ways the 党章 names (第九条, 第四十条):
 *   开除党籍  the heaviest disciplinary measure (党章 第四十条; 纪律处分条例 第八条);
 *   除名      by the 支部大会, approved above: a member who, told to leave (劝退), will not (党章 第九条);
 *   自行脱党  six months without reason out of the party's life, dues or work: the 支部大会 decides 除名 (党章 第九条);
 *   劝退      advised to leave, decided by the 支部大会 and approved above (党章 第九条);
 *   退党      a member's own request: the 支部大会 announces 除名 and reports it up (党章 第九条).
 * 死亡 is not a way of 出党: it is a reduction of the membership (党员减少 — 死亡), recorded as a step of its own
 * (`died`). 取消预备党员资格 (党章 第七条) and 停止发展 are not 出党 either (shared/members.ts).
 */
export const LEAVE_REASONS = ['开除党籍', '除名', '自行脱党', '劝退', '退党'] as const
export type LeaveReason = (typeof LEAVE_REASONS)[number]

/** As the choice reads on the form and in the statistics: what each means, in a few words. */
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  开除党籍: '开除党籍',
  除名: '除名（劝退不退等）',
  自行脱党: '自行脱党（按除名处理）',
  劝退: '劝退',
  退党: '退党（本人要求，宣布除名）',
}

/** The stored reason of a person who died: status `left`, not counted as 出党 (党员减少 — 死亡). */
export const DECEASED_REASON = '死亡'

/**
 * 党员减少 in the annual statistics (docs/party-rules.md §2): the reasons a member on last year's roster is not on
 * this year's, each counted apart. 停止党籍 is not among them: a member whose 党籍 is stopped keeps the
 * organizational relationship and is counted where it is held (statistics/annual.ts).
 */
export const REDUCTIONS = ['死亡', '出党', '取消预备党员资格', '组织关系转出'] as const
export type Reduction = (typeof REDUCTIONS)[number]
