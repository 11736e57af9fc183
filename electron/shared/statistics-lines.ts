/**
 * The numbers of the 年度党内统计 (AnnualStatistics, docs/rules.md §6) by name: each top-level number or category of
 * the statistics object, the group it is shown in, and its words — on the 党内统计 page and in the 上级's 统计汇总
 * (docs/exchange.md §12), where a key a later version adds shows under its own name.
 */
export const STATISTICS_LINES: Record<string, { group: string; label?: string }> = {
  total: { group: '党员基本情况', label: '党员总数' },
  full: { group: '党员基本情况', label: '正式党员' },
  probationary: { group: '党员基本情况', label: '预备党员' },
  gender: { group: '党员基本情况' },
  minority: { group: '党员基本情况', label: '少数民族' },
  collegeOrAbove: { group: '党员基本情况', label: '大专及以上' },
  admitted: { group: '发展与转正', label: '本年发展' },
  admittedBreakdown: { group: '发展与转正' },
  converted: { group: '发展与转正', label: '本年转正' },
  extended: { group: '发展与转正', label: '延长预备期' },
  applicants: { group: '入党申请人等', label: '年底入党申请人' },
  activists: { group: '入党申请人等', label: '年底入党积极分子' },
  candidates: { group: '入党申请人等', label: '年底发展对象' },
  education: { group: '学历' },
  ageBands: { group: '年龄（周岁）' },
  joinPeriods: { group: '入党时间' },
  occupations: { group: '职业' },
  left: { group: '出党' },
  reductions: { group: '党员减少' },
  transferredIn: { group: '组织关系转接', label: '转入' },
  transferredOut: { group: '组织关系转接', label: '转出' },
  organizations: { group: '党组织' },
}
/** the sub-keys that are identifiers rather than words */
export const STATISTICS_SUB_LABELS: Record<string, string> = { female: '其中女性', minority: '其中少数民族', age35OrUnder: '其中35岁及以下', collegeOrAbove: '其中大专及以上' }
