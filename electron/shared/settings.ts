/**
 * Configurable parameters with their national defaults (domain.md: "every threshold is a configurable
 * parameter with this national default"). Stored per key in the settings table; missing keys fall back here.
 */
export const DEFAULT_SETTINGS = {
  /** domain.md §1: a 党支部 needs ≥3 正式党员 (党章 第三十条) */
  'org.minFullMembers': 3,
  /** 支部工作条例 第九条: ≥7 正式党员 → a 支部委员会 */
  'org.committeeThreshold': 7,
  /** normally ≤50 members per branch (domain.md §1) */
  'org.maxMembers': 50,
  /** 换届 reminders: months before term end (peer systems remind at 6 and 3 months) */
  'org.termReminderMonths': [6, 3] as number[],
  /** the hospital's name as printed on reports and exports */
  'unit.name': '',
}

export type Settings = typeof DEFAULT_SETTINGS
export type SettingKey = keyof Settings
