import { LIFECYCLE_LABELS } from './rules/membership'

/**
 * How the audit log reads to a clerk (审计日志): the operation in Chinese instead of the method name, and the
 * fields of a change by their names on the forms. Anything without an entry is shown as stored.
 */
export const METHOD_LABELS: Record<string, string> = {
  'auth.setup': '初次设置管理员',
  'auth.login': '登录',
  'auth.logout': '退出',
  'users.create': '新建账号',
  'users.disable': '停用账号',
  'users.resetPassword': '重设密码',
  'orgs.create': '新建党组织',
  'orgs.update': '修改党组织',
  'orgs.move': '调整隶属关系',
  'orgs.dissolve': '撤销党组织',
  'orgs.reinstate': '恢复党组织',
  'committees.appoint': '任命支委会成员',
  'committees.end': '登记离任',
  'members.create': '新建人员档案',
  'members.update': '修改人员档案',
  'members.event': '登记变动',
  'members.revoke': '更正变动（撤销登记有误的一步）',
  'members.reveal': '查看敏感信息原值',
  'meetings.create': '新建会议记录',
  'meetings.update': '修改会议记录',
  'meetings.void': '作废会议记录',
  'meetings.attach': '上传会议附件',
  'meetings.makeup': '登记补课',
  'compliance.exempt': '登记免于考核',
  'compliance.unexempt': '撤销免于考核',
  'imports.commit': 'Excel 导入',
  'imports.undo': '撤销导入批次',
  'imports.forgetMappings': '恢复默认列识别',
  'exports.workbook': '导出 Excel',
  'exports.fillTemplate': '按上级模板填写',
  'print.document': '打印',
  'settings.update': '修改规则参数',
  'settings.save': '修改规则参数',
  'backup.create': '立即备份',
  'backup.delete': '删除手动备份',
  'backup.auto': '自动备份',
  'backup.restore': '恢复备份',
  'backup.acceptAudit': '确认审计对照点',
  'recovery.restore': '启动时从备份恢复',
  restore: '命令行恢复备份',
  'assessments.saveScheme': '保存指标体系',
  'assessments.copyScheme': '复制指标体系',
  'assessments.archiveScheme': '停用指标体系',
  'assessments.importScheme': '导入指标体系',
  'assessments.createRound': '新建考评轮次',
  'assessments.saveDraft': '保存评分草稿',
  'assessments.submit': '提交评分',
  'assessments.return': '退回评分',
  'assessments.amend': '登记更正',
  'assessments.fillAuto': '自动取数',
  'assessments.importScores': '导入评分表',
  'assessments.attach': '上传佐证材料',
  'ballots.create': '新建评议计票',
  'ballots.saveCounts': '录入票数',
  'ballots.setRubric': '修改计分规则',
  'ballots.decide': '评定等次',
  'ballots.close': '结束计票',
  'ballots.reopen': '重新开启计票',
  'demo.seed': '生成演示数据',
}

/** Field names as the forms call them, for the fields audit entries carry (members, organizations, meetings, prints). */
export const FIELD_LABELS: Record<string, string> = {
  ...LIFECYCLE_LABELS,
  name: '姓名/名称',
  gender: '性别',
  idNumber: '身份证号',
  ethnicity: '民族',
  birthDate: '出生日期',
  education: '学历',
  degree: '学位',
  title: '职称/标题',
  department: '科室',
  position: '工作岗位',
  adminPost: '行政职务',
  partyPost: '党内职务',
  occupation: '职业类别',
  phone: '联系电话',
  address: '家庭住址',
  residence: '现居住地',
  hukou: '户籍所在地',
  nativePlace: '籍贯',
  workStartedOn: '参加工作日期',
  partyAgeCorrection: '党龄校正值',
  note: '备注',
  contacts: '培养联系人',
  trainingHours: '培训学时',
  introducers: '入党介绍人',
  extensionMonths: '延长预备期',
  stage: '人员类别',
  status: '状态',
  organizationId: '所在组织',
  organizationName: '所在组织',
  type: '类型',
  parentId: '上级组织',
  foundedOn: '成立日期',
  departments: '所辖科室',
  termYears: '任期年限',
  heldOn: '会议日期',
  types: '会议类型',
  what: '打印内容',
  filters: '筛选条件',
  columns: '列',
  people: '人数',
  rows: '行数',
  sensitive: '含敏感信息',
  source: '导出内容',
  scope: '范围',
  revealed: '查看的字段',
  failed: '登录失败',
  failures: '连续输错次数',
  lockedUntil: '须等待至',
  unknownUser: '用户名不存在',
  file: '文件',
  fileName: '文件',
  reason: '原因',
  items: '条数',
  inserted: '新增',
  updated: '更新',
  skipped: '跳过',
  errors: '错误',
  undone: '已撤销',
  value: '值',
  key: '参数',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
}

/** bookkeeping every record carries: not worth a clerk's reading in the log */
export const UNSHOWN_FIELDS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'sortOrder'])

/** what a print entry printed (`what`) */
export const PRINT_LABELS: Record<string, string> = {
  signin: '签到表',
  signinBatch: '本月全部签到表',
  minutes: '会议记录',
  binder: '年度工作记录汇编',
  statistics: '党内统计',
  assessmentNotice: '考评结果公示',
  roster: '党员名册',
  notice: '公示',
}

/**
 * Who did something, as a clerk reads it: a signed-in account is recorded as “姓名（用户名）” and shows by its name;
 * the program's own work as “系统（…）”; anything else is the computer account the command line ran under (root,
 * Administrator …), which a clerk would not recognise — it reads as 本机命令行 (issue 18: “root 生成演示数据”).
 */
export function actorName(user: string): string {
  const account = /^(.+)（[^（）]+）$/.exec(user)
  if (account && !user.startsWith('系统')) return account[1]!
  if (user.startsWith('系统')) return user
  return '本机命令行'
}

/** What an audit entry did, as a clerk reads it: demo data reads as such, whoever loaded it. */
export function actionText(user: string, method: string): string {
  if (method === 'demo.seed') return '加载演示数据时生成'
  return `${actorName(user)} ${METHOD_LABELS[method] ?? method}`
}
