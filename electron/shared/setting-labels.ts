import type { SettingKey } from './settings'

/**
 * Where a default comes from (docs/party-rules.md §3): a national rule, a common local practice (地方常见做法, e.g.
 * 党课每季度), or this software's own choice (backups, prints). The 规则参数 page says which, beside each value.
 */
export type SettingBasis = 'national' | 'local' | 'software'
export const BASIS_LABELS: Record<SettingBasis, string> = { national: '全国默认', local: '地方常见做法', software: '软件默认' }

/** How a setting is shown on the 系统设置 page. Settings without an entry are listed under “其他” by key. */
export interface SettingLabel {
  group: string
  label: string
  help: string
  unit?: string
  /** a setting with a few allowed values: stored value → what the clerk reads */
  choices?: Record<string, string>
  /** edited in a text area, one line a year (the holiday calendar) */
  multiline?: boolean
  /** where its default comes from; without one, the group's (NATIONAL_GROUPS: national, else software) */
  basis?: SettingBasis
}

const PERIOD: Record<string, string> = { month: '每月', quarter: '每季度', year: '每年' }

/** Groups whose defaults are national rules (docs/rules.md); the others are this software's own defaults. */
export const NATIONAL_GROUPS: ReadonlySet<string> = new Set(['党组织', '发展党员', '组织生活', '党费'])

/** where a setting's default comes from */
export const basisOf = (label: SettingLabel): SettingBasis => label.basis ?? (NATIONAL_GROUPS.has(label.group) ? 'national' : 'software')

export const SETTING_LABELS: Partial<Record<SettingKey, SettingLabel>> = {
  'unit.name': { group: '单位信息', label: '单位名称', help: '打印、导出的表头和“填报单位”使用，例如：中共××市第一人民医院委员会' },
  'unit.code': { group: '单位信息', label: '单位代码', help: '上报与交换的数据包用它标明本单位，例如统一社会信用代码或上级分配的代码（字母、数字、连字符）；对方按它核对收件单位，设定后请勿随意更改' },
  'org.minFullMembers': { group: '党组织', label: '党支部最少正式党员数', help: '少于此数时提示（党章第三十条：正式党员三人以上成立支部）', unit: '名' },
  'org.committeeThreshold': { group: '党组织', label: '应设支委会的正式党员数', help: '达到此数仍无支委会时提示（支部工作条例第九条：7人以上）', unit: '名' },
  'org.maxMembers': { group: '党组织', label: '支部一般规模上限', help: '超过时提示考虑分设支部或设立党小组（支部工作条例：党支部党员人数一般不超过50人）', unit: '名' },
  'org.termReminderMonths': { group: '党组织', label: '换届提醒（届满前几个月）', help: '多个月份用逗号分隔，例如 6,3', unit: '个月', basis: 'software' },
  'dev.minAge': { group: '发展党员', label: '入党申请最低年龄', help: '发展党员工作细则第五条：年满18岁', unit: '岁' },
  'dev.talkWithinMonths': { group: '发展党员', label: '收到申请后谈话期限', help: '细则第七条：一个月内派人谈话', unit: '个月' },
  'dev.activistMinMonths': { group: '发展党员', label: '积极分子培养期', help: '细则第十三条：经过一年以上培养教育方可列为发展对象', unit: '个月' },
  'dev.activistReviewMonths': { group: '发展党员', label: '积极分子考察间隔', help: '细则第十二条：每半年进行一次考察', unit: '个月' },
  'dev.trainingMinHours': { group: '发展党员', label: '发展对象集中培训学时', help: '细则第十七条：不少于3天或24学时', unit: '学时' },
  'dev.candidatePrepMonths': { group: '发展党员', label: '政治审查、集中培训期限', help: '确定为发展对象后几个月内完成政治审查（细则第十六条）和集中培训（第十七条）；细则只要求在支部委员会审查前完成，期限按本地规定', unit: '个月', basis: 'software' },
  'dev.probationMonths': { group: '发展党员', label: '预备期', help: '党章第七条：预备期为一年', unit: '个月' },
  'dev.approvalWithinMonths': { group: '发展党员', label: '上级审批期限', help: '支部大会通过接收预备党员后，上级党委一般在三个月内审批（特殊情况可延长，不超过六个月）', unit: '个月' },
  'dev.lostContactMonths': { group: '发展党员', label: '失联提示期限', help: '失去联系满此期限，提示支部研究是否停止党籍', unit: '个月' },
  // sources and which are national: docs/party-rules.md §3
  'meeting.partyCongressPer': { group: '组织生活', label: '支部党员大会周期', help: '支部工作条例第十一条：一般每季度召开1次', choices: PERIOD },
  'meeting.partyCongressCount': { group: '组织生活', label: '支部党员大会每周期次数', help: '支部工作条例第十一条', unit: '次' },
  'meeting.committeePer': { group: '组织生活', label: '支委会周期', help: '支部工作条例第十二条：一般每月召开1次（未设支委会的支部不适用）', choices: PERIOD },
  'meeting.committeeCount': { group: '组织生活', label: '支委会每周期次数', help: '支部工作条例第十二条', unit: '次' },
  'meeting.groupPer': { group: '组织生活', label: '党小组会周期', help: '支部工作条例第十三条：一般每月召开1次（未设党小组的不适用）', choices: PERIOD },
  'meeting.groupCount': { group: '组织生活', label: '党小组会每周期次数', help: '支部工作条例第十三条', unit: '次' },
  'meeting.lecturePer': { group: '组织生活', label: '党课周期', help: '支部工作条例没有规定支部党课的次数；每季度一次是多数地方的做法，按本地规定调整', choices: PERIOD, basis: 'local' },
  'meeting.lectureCount': { group: '组织生活', label: '党课每周期次数', help: '地方做法', unit: '次', basis: 'local' },
  'meeting.themeDayPer': { group: '组织生活', label: '主题党日周期', help: '支部工作条例第十七条：每月相对固定1天开展主题党日', choices: PERIOD },
  'meeting.themeDayCount': { group: '组织生活', label: '主题党日每周期次数', help: '支部工作条例第十七条', unit: '次' },
  'meeting.lifeMeetingCount': { group: '组织生活', label: '组织生活会每年次数', help: '支部工作条例第十八条：一般每年召开1次，多在第四季度', unit: '次' },
  'meeting.appraisalCount': { group: '组织生活', label: '民主评议党员每年次数', help: '支部工作条例第十九条：一般每年开展1次，可与组织生活会结合', unit: '次' },
  'backup.keepDaily': { group: '备份', label: '保留每日备份', help: '保留最近几天每天最新的一份备份', unit: '天' },
  'backup.keepWeekly': { group: '备份', label: '保留每周备份', help: '另外保留最近几周每周最新的一份', unit: '周' },
  'backup.keepMonthly': { group: '备份', label: '保留每月备份', help: '另外保留最近几个月每月最新的一份', unit: '个月' },
  'backup.extraDir': { group: '备份', label: '另存备份的文件夹', help: '每次备份同时另存一份到此文件夹（例如另一块硬盘或U盘：E:\\党办备份）；留空则只保存在数据目录的 backups 文件夹' },
  'print.signInBlankRows': { group: '打印', label: '签到表空白行', help: '预填名单之后留给临时参会、列席人员签名的空行', unit: '行' },
  'print.noticeWorkingDays': { group: '公示', label: '公示期', help: '地方常见做法：不少于5个工作日', unit: '个工作日', basis: 'local' },
  'print.noticeFeedback': { group: '公示', label: '意见受理部门', help: '印在公示上，例如：院党委办公室（受理电话、地点、邮箱在下面分别填写）' },
  'print.noticePhone': { group: '公示', label: '受理电话', help: '办公电话，例如：0000-1234567；不要填个人手机号' },
  'print.noticePlace': { group: '公示', label: '受理地点', help: '例如：门诊楼五楼党委办公室' },
  'print.noticeEmail': { group: '公示', label: '受理邮箱', help: '单位邮箱，可不填' },
  'print.noticeIssuer': { group: '公示', label: '公示发布单位', help: '按公章写法，例如：中共××市第一人民医院委员会；不填时用“单位名称”' },
  'calendar.holidays': {
    group: '公示',
    label: '节假日安排（计算公示期工作日）',
    help: '每年一行，照国务院办公厅当年通知填写：“2026年：放假 1月1日至3日、2月15日至23日；上班 1月4日、2月14日”。没有录入的年份只扣除周六、周日',
    multiline: true,
  },
  'dues.salaryBand1': { group: '党费', label: '在职党员第一档上限（含）', help: '中组发〔2008〕3号：月工资收入（税后）3000元以下（含）交0.5%', unit: '元' },
  'dues.salaryBand2': { group: '党费', label: '在职党员第二档上限（含）', help: '3000元以上至5000元（含）交1%', unit: '元' },
  'dues.salaryBand3': { group: '党费', label: '在职党员第三档上限（含）', help: '5000元以上至10000元（含）交1.5%，以上交2%', unit: '元' },
  'dues.salaryRate1': { group: '党费', label: '在职党员第一档比例', help: '', unit: '%' },
  'dues.salaryRate2': { group: '党费', label: '在职党员第二档比例', help: '', unit: '%' },
  'dues.salaryRate3': { group: '党费', label: '在职党员第三档比例', help: '', unit: '%' },
  'dues.salaryRate4': { group: '党费', label: '在职党员第四档比例', help: '超过第三档上限的部分按此比例（按全部基数计算）', unit: '%' },
  'dues.pensionBand': { group: '党费', label: '离退休党员分档（含）', help: '离退休费或养老金5000元以下（含）交0.5%，以上交1%', unit: '元' },
  'dues.pensionRate1': { group: '党费', label: '离退休党员较低比例', help: '', unit: '%' },
  'dues.pensionRate2': { group: '党费', label: '离退休党员较高比例', help: '', unit: '%' },
  'dues.flatAmount': { group: '党费', label: '学生、下岗失业、抚恤救济、低保党员每月', help: '每月交纳0.2元', unit: '元' },
  'dues.rounding': { group: '党费', label: '月交纳标准取整', help: '基数 × 比例四舍五入到分；有的省份规定到角或元', choices: { fen: '到分', jiao: '到角', yuan: '到元' } },
  'dues.backPayMonths': { group: '党费', label: '补交期限', help: '补交党费的时间一般不超过6个月，超过时提示', unit: '个月' },
  'dues.overdueMonths': { group: '党费', label: '连续未交提示', help: '党章第九条：无正当理由连续6个月不交纳党费，按自行脱党处理', unit: '个月' },
  'dues.largeAmount': { group: '党费', label: '大额党费', help: '一次交纳此数额以上的党费单独登记，全额上缴', unit: '元' },
  'dues.maxBase': { group: '党费台账', label: '基数核对上限', help: '导入或登记的月基数超过此数时请核对（本软件的默认值）', unit: '元' },
  'dues.ledgerFrom': { group: '党费台账', label: '台账起始月份', help: '从哪个月开始在本软件中记账（如 2025-01）；留空则从最早的基数起。之前的月份不计欠交' },
}
