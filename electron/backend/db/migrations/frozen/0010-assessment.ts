/**
 * What migration 0010 used, frozen here so that later changes to the live rules (shared/rules/review-chain.ts,
 * shared/assessment-example.ts) never change what a shipped migration does to an older database.
 */
export interface ReviewState0010 {
  stages: readonly string[]
  at: number
  history: { action: string; score: number | null }[]
}

export const isLocked0010 = (s: ReviewState0010): boolean => s.at >= s.stages.length
export const finalScore0010 = (s: ReviewState0010): number | null => [...s.history].reverse().find((h) => h.action === 'approve' || h.action === 'amend')?.score ?? null
export const latestScore0010 = (s: ReviewState0010): number | null => [...s.history].reverse().find((h) => h.score !== null)?.score ?? null

/** 评分标准 and auto-filled sources the example gained in 0010 (no score changes) */
export const EXAMPLE_ANNOTATIONS_0010: Record<string, { guide: string; source?: string; target?: number }> = {
  "setup": {
    "guide": "支部按规定设置、按期换届得满分；超期未换届扣5分"
  },
  "team": {
    "guide": "支委会成员配备齐全、分工明确，书记认真履职"
  },
  "dual": {
    "guide": "书记为“双带头人”得满分，否则不得分",
    "source": "dualLeader"
  },
  "meetings": {
    "guide": "按三会一课规定次数召开的比例 × 分值（免于考核的期间不计）",
    "source": "meetingCompliance"
  },
  "records": {
    "guide": "记录人、出席情况、会议内容齐全的会议记录占比 × 分值",
    "source": "recordsComplete"
  },
  "late": {
    "guide": "每次未按期召开扣2分，填写扣分数"
  },
  "develop": {
    "guide": "本期接收预备党员达到计划人数得满分，未达到按比例得分",
    "source": "development",
    "target": 1
  },
  "dues": {
    "guide": "按月足额交纳，无拖欠"
  },
  "education": {
    "guide": "党员年度学习不少于32学时，支部书记和委员不少于56学时"
  },
  "quality": {
    "guide": "科室医疗质量与安全考核结果"
  },
  "ethics": {
    "guide": "无医德医风投诉"
  },
  "satisfaction": {
    "guide": "患者满意度调查结果"
  },
  "violation": {
    "guide": "发生违规违纪问题的，视情节扣分"
  },
  "honor": {
    "guide": "获得上级表彰的，每项加1–5分，最多5分"
  }
}
