import type { Role } from './contract/accounts'
import type { Access } from './contract/define'

/**
 * Who may call what, in one place for the backend that enforces it (backend/access.ts,
 * backend/branch-scope.ts) and the window that hides or disables what a role cannot do: the window
 * asks the same question of the same contract, so a button is shown exactly when the backend would accept its call.
 *   public  anyone (sign-in, status);
 *   read    every signed-in role;
 *   write      管理员, 党务干事 and 支部书记 (the latter only for the methods below, within their own branch);
 *   sensitive  the same people: a deliberate, audited look at a masked 身份证号, 电话 or 住址 (members.reveal).
 *              只读领导 read the roster masked and do not look: they handle no member's affairs, and personal
 *              information is used only as far as its purpose needs (个人信息保护法 第六条, docs/party-rules.md §5);
 *   admin      管理员 only.
 */
export function roleProblem(access: Access, role: Role): string | null {
  if (access === 'public' || access === 'read') return null
  if (access === 'write' && role === 'leader') return '只读账号不能修改数据'
  if (access === 'sensitive' && role === 'leader') return '只读领导账号不查看身份证号、电话、住址的原值（名册中遮蔽显示）；确需核对时请党务干事查看，查看记入审计日志'
  if (access === 'admin' && role !== 'admin') return '只有管理员可以进行此操作'
  return null
}

/**
 * The methods a 支部书记 may call at all (backend/branch-scope.ts says, for each, which organizations the call
 * touches; every one of them must lie within the secretary's branch). Everything else is refused to them.
 */
export const SECRETARY_METHODS: ReadonlySet<string> = new Set([
  'app.info', 'orgs.list', 'orgs.get', 'departments.list', 'settings.get', 'jobs.status', 'jobs.start', 'jobs.cancel',
  'dashboard.overview', 'dashboard.trends', 'dashboard.branch', 'compliance.grid', 'stats.annual',
  'assessments.schemes', 'assessments.rounds', 'assessments.round', 'exports.columns',
  'members.list', 'members.pipeline', 'meetings.list', 'exports.workbook',
  'members.get', 'members.create', 'members.update', 'members.event', 'members.reveal', 'members.revoke',
  'committees.list', 'committees.appoint', 'committees.end',
  'meetings.get', 'meetings.expected', 'meetings.template', 'meetings.create', 'meetings.update', 'meetings.void', 'meetings.attach', 'meetings.attachment', 'meetings.makeup',
  'assessments.auto', 'assessments.saveDraft', 'assessments.submit', 'assessments.batchSubmit', 'assessments.attach', 'assessments.evidence',
  'ballots.list', 'ballots.create', 'ballots.get', 'ballots.saveCounts', 'ballots.decide', 'ballots.setRubric', 'ballots.close', 'ballots.reopen',
  'audit.list', 'print.document',
  'todo.list', 'supervision.list', 'supervision.get', 'supervision.create', 'supervision.act', 'supervision.attachment', 'supervision.withdrawAttachment', 'supervision.milestoneDone', 'plans.list', 'plans.save', 'plans.void',
  'dues.ledger', 'dues.standards', 'dues.reconcile', 'dues.rates', 'dues.setBase', 'dues.voidBase', 'dues.pay', 'dues.voidPayment',
  'dues.extra', 'dues.voidExtra', 'dues.handover', 'dues.voidHandover', 'dues.print', 'dues.export',
])

/** Whether a role may call a method at all (a 支部书记 then only within the branch: checked per record). */
export function roleMay(role: Role, method: string, access: Access): boolean {
  if (access === 'public') return true
  if (roleProblem(access, role)) return false
  return role !== 'secretary' || SECRETARY_METHODS.has(method)
}
