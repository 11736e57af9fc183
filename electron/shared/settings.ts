/**
 * Configurable parameters with their national defaults (docs/rules.md: "every threshold is a configurable
 * parameter with this national default"). Stored per key in the settings table; missing keys fall back here.
 */
export const DEFAULT_SETTINGS = {
  /** docs/rules.md §1: a 党支部 needs ≥3 正式党员 (党章 第三十条) */
  'org.minFullMembers': 3,
  /** 支部工作条例 第九条: ≥7 正式党员 → a 支部委员会 */
  'org.committeeThreshold': 7,
  /** normally ≤50 members per branch (docs/rules.md §1) */
  'org.maxMembers': 50,
  /** 换届 reminders: months before term end (peer systems remind at 6 and 3 months) */
  'org.termReminderMonths': [6, 3] as number[],
  /** 发展党员工作细则 第五条: applicants must be at least 18 */
  'dev.minAge': 18,
  /** 细则 第七条: the branch talks with an applicant within one month of the application */
  'dev.talkWithinMonths': 1,
  /** 细则 第十三条: an activist is trained for more than one year before becoming a candidate */
  'dev.activistMinMonths': 12,
  /** 细则 第十二条: activists are assessed every six months */
  'dev.activistReviewMonths': 6,
  /** 细则 第十七条: concentrated training of candidates, at least 3 days or 24 学时 */
  'dev.trainingMinHours': 24,
  /** docs/deadlines.md §12: 政治审查 and 集中培训 done within this many months of becoming a 发展对象 (software default) */
  'dev.candidatePrepMonths': 3,
  /** 党章 第七条: probation is one year */
  'dev.probationMonths': 12,
  /** docs/rules.md §3 step 17: the upper committee approves an admission within 3 months of the 支部大会 vote */
  'dev.approvalWithinMonths': 3,
  /** docs/rules.md §3: a member unreachable (失联) for 6 months or more may have their 党籍 stopped */
  'dev.lostContactMonths': 6,
  /** 支部工作条例 第十七条 and 三会一课: how often each meeting is required (unit and count per period) */
  'meeting.partyCongressPer': 'quarter' as 'month' | 'quarter' | 'year',
  'meeting.partyCongressCount': 1,
  'meeting.committeePer': 'month' as 'month' | 'quarter' | 'year',
  'meeting.committeeCount': 1,
  'meeting.groupPer': 'month' as 'month' | 'quarter' | 'year',
  'meeting.groupCount': 1,
  'meeting.lecturePer': 'quarter' as 'month' | 'quarter' | 'year',
  'meeting.lectureCount': 1,
  'meeting.themeDayPer': 'month' as 'month' | 'quarter' | 'year',
  'meeting.themeDayCount': 1,
  'meeting.lifeMeetingCount': 1,
  'meeting.appraisalCount': 1,
  /** backup rotation: keep the newest of each of the last N days, weeks and months */
  'backup.keepDaily': 7,
  'backup.keepWeekly': 4,
  'backup.keepMonthly': 12,
  /** a second folder every backup is also written to (another disk, a USB drive); '' = only the data folder */
  'backup.extraDir': '',
  /** the hospital's name as printed on reports and exports */
  'unit.name': '',
  /** the unit's code in 上报与交换 packages (docs/exchange.md §3): an 统一社会信用代码 or one the higher committee hands out */
  'unit.code': '',
  /** 签到表: blank rows after the expected attendees, for walk-ins and 列席 (docs/rules.md §8) */
  'print.signInBlankRows': 5,
  /** 公示 period in working days: ≥5 is common local practice (docs/rules.md §3) */
  'print.noticeWorkingDays': 5,
  /** where a 公示 tells people to send objections — the office, never a member's phone */
  'print.noticeFeedback': '',
  /** the 公示's objection channel, set once (docs/notice-rules.md): phone, place and e-mail of that office */
  'print.noticePhone': '',
  'print.noticePlace': '',
  'print.noticeEmail': '',
  /** who issues a 公示, as the hospital's seal reads (中共××医院委员会); '' = the unit name */
  'print.noticeIssuer': '',
  /**
   * The State Council's holiday arrangement, one line a year (rules/working-days.ts): 2026 as published by
   * 国务院办公厅 on 2025-11-04 (docs/notice-rules.md); 2027 to be filled in when its notice comes out.
   */
  'calendar.holidays':
    '2026年：放假 1月1日至3日、2月15日至23日、4月4日至6日、5月1日至5日、6月19日至21日、9月25日至27日、10月1日至7日；上班 1月4日、2月14日、2月28日、5月9日、9月20日、10月10日\n2027年：待国务院办公厅发布后填写',
  /** 党费 (中组发〔2008〕3号, docs/dues.md §2): 按月领取工资的党员, monthly after-tax income bands in 元 (each band's top included) and rates in % */
  'dues.salaryBand1': 3000,
  'dues.salaryBand2': 5000,
  'dues.salaryBand3': 10000,
  'dues.salaryRate1': 0.5,
  'dues.salaryRate2': 1,
  'dues.salaryRate3': 1.5,
  'dues.salaryRate4': 2,
  /** 离退休党员: monthly pension ≤ the band (included) at the first rate, above it at the second */
  'dues.pensionBand': 5000,
  'dues.pensionRate1': 0.5,
  'dues.pensionRate2': 1,
  /** 学生, 下岗失业, 依靠抚恤或救济生活, 领取最低生活保障金的党员: 元 a month */
  'dues.flatAmount': 0.2,
  /** the monthly standard rounded half up to the 分 (some provinces round to the 角 or 元) */
  'dues.rounding': 'fen' as 'fen' | 'jiao' | 'yuan',
  /** 补交 normally no more than this many months back (docs/dues.md §4) */
  'dues.backPayMonths': 6,
  /** 党章 第九条: 连续 6 个月不交纳党费 without good reason is handled as 自行脱党 — flagged */
  'dues.overdueMonths': 6,
  /** a one-off 大额党费 from this amount (元) is recorded separately and handed upward in full */
  'dues.largeAmount': 1000,
  /** a monthly base above this (元) is implausible: the import asks the clerk to check it */
  'dues.maxBase': 200000,
  /** the first month kept in this ledger (YYYY-MM); '' = the month the first base takes effect */
  'dues.ledgerFrom': '',
}

export type Settings = typeof DEFAULT_SETTINGS
export type SettingKey = keyof Settings
