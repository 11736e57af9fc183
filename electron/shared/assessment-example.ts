import type { AutoSource, Scheme } from './rules/scoring'

/**
 * 示例指标体系 — an EXAMPLE built from the typical dimensions of docs/rules.md §7, not any authority's official scheme.
 * Hospitals replace it with their own (schemes are data). Frozen: migration 0009 inserted exactly this; later
 * additions that do not change any score (guides, auto-filled sources) come as EXAMPLE_ANNOTATIONS (migration 0010).
 */
export const EXAMPLE_SCHEME: Scheme = {
  name: '星级党支部考评指标（示例，请按本院方案修改）',
  year: 2025,
  dimensions: [
    { name: '组织设置', points: 10, indicators: [{ key: 'setup', name: '按规定设置支部、按期换届', kind: 'points', max: 10 }] },
    { name: '班子建设', points: 15, indicators: [{ key: 'team', name: '支委会配备齐全、书记履职', kind: 'points', max: 10 }, { key: 'dual', name: '书记为“双带头人”', kind: 'points', max: 5 }] },
    { name: '组织生活', points: 25, indicators: [{ key: 'meetings', name: '三会一课按规定次数召开', kind: 'points', max: 15 }, { key: 'records', name: '会议记录完整规范', kind: 'points', max: 10 }, { key: 'late', name: '未按期召开（每次扣2分）', kind: 'deduction', max: 10 }] },
    { name: '党员管理', points: 20, indicators: [{ key: 'develop', name: '发展党员程序规范', kind: 'points', max: 10 }, { key: 'dues', name: '按时足额交纳党费', kind: 'points', max: 5 }, { key: 'education', name: '党员教育学时达标', kind: 'points', max: 5 }] },
    { name: '业务融合', points: 30, indicators: [{ key: 'quality', name: '医疗质量与安全', kind: 'points', max: 10 }, { key: 'ethics', name: '医德医风', kind: 'points', max: 10 }, { key: 'satisfaction', name: '患者满意度', kind: 'points', max: 10 }, { key: 'violation', name: '违规违纪扣分', kind: 'deduction', max: 30 }, { key: 'honor', name: '获上级表彰加分', kind: 'bonus', max: 5 }] },
  ],
}

/** 支部自评 → 院党委考评 → 局党办审核 → 市委组织部审定 (docs/rules.md §7, from the 锦州 seed document). */
export const DEFAULT_STAGES = ['支部自评', '院党委考评', '局党办审核', '市委组织部审定']
export const DEFAULT_BANDS = [
  { min: 90, stars: 5 },
  { min: 80, stars: 4 },
  { min: 70, stars: 3 },
  { min: 60, stars: 2 },
]

/** 评分标准 and auto-filled sources added to the example by migration 0010, and 换届/支委会 by 0014 (no score changes). */
export const EXAMPLE_ANNOTATIONS: Record<string, { guide: string; source?: AutoSource; target?: number }> = {
  setup: { guide: '支部按规定设置、按期换届得满分；超期未换届扣5分', source: 'termOnTime' },
  team: { guide: '支委会成员配备齐全、分工明确，书记认真履职', source: 'committee' },
  dual: { guide: '书记为“双带头人”得满分，否则不得分', source: 'dualLeader' },
  meetings: { guide: '按三会一课规定次数召开的比例 × 分值（免于考核的期间不计）', source: 'meetingCompliance' },
  records: { guide: '记录人、出席情况、会议内容齐全的会议记录占比 × 分值', source: 'recordsComplete' },
  late: { guide: '每次未按期召开扣2分，填写扣分数' },
  develop: { guide: '本期接收预备党员达到计划人数得满分，未达到按比例得分', source: 'development', target: 1 },
  dues: { guide: '按月足额交纳，无拖欠' },
  education: { guide: '党员年度学习不少于32学时，支部书记和委员不少于56学时' },
  quality: { guide: '科室医疗质量与安全考核结果' },
  ethics: { guide: '无医德医风投诉' },
  satisfaction: { guide: '患者满意度调查结果' },
  violation: { guide: '发生违规违纪问题的，视情节扣分' },
  honor: { guide: '获得上级表彰的，每项加1–5分，最多5分' },
}

/** 按时足额交纳党费 filled from the dues ledger (migration 0015); no score changes. */
export const EXAMPLE_DUES_ANNOTATION: { guide: string; source: AutoSource } = {
  guide: '应交党费的党员月份中，当月按标准足额交纳的比例 × 分值（补交、不足额、未交不计）',
  source: 'duesPaid',
}

/** The example as the current software ships it: the frozen scheme with its annotations applied. */
export function annotatedExample(): Scheme {
  return {
    ...EXAMPLE_SCHEME,
    dimensions: EXAMPLE_SCHEME.dimensions.map((d) => ({ ...d, indicators: d.indicators.map((i) => ({ ...i, ...EXAMPLE_ANNOTATIONS[i.key], ...(i.key === 'dues' ? EXAMPLE_DUES_ANNOTATION : {}) })) })),
  }
}

/** Example quotas (docs/rules.md §7, local): top 10% five stars, the next 40% four, the next 30% three. */
export const DEFAULT_QUOTAS = [
  { share: 0.1, stars: 5 },
  { share: 0.4, stars: 4 },
  { share: 0.3, stars: 3 },
]
