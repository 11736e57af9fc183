import type { Input } from '@shared/contract'
import { memberCreateInput } from '@shared/contract/members'
import type { Member } from '@shared/members'
import type { FieldIssue } from '@shared/result'
import { checkMemberFields, type MemberFieldsInput } from '@shared/rules/member-check'
import { probationEndsOn } from '@shared/rules/membership'
import type { Settings } from '@shared/settings'
import { schemaIssues } from '../../composables/field-errors'

/** What the 档案 dialog edits (MemberFormDialog.vue). */
export const EMPTY_MEMBER = {
  name: '', gender: null as string | null, idNumber: '', ethnicity: '汉族', birthDate: null as string | null, education: null as string | null, degree: null as string | null,
  title: null as string | null, department: '', position: '', adminPost: '', partyPost: '', occupation: '专业技术人员', phone: '', address: '', residence: '', hukou: '', nativePlace: '',
  workStartedOn: null as string | null, appliedOn: null as string | null, joinedOn: null as string | null, convertedOn: null as string | null, note: '',
  partyAgeCorrection: 0,
  // the dated steps of 发展党员 (docs/rules.md §3): usually recorded one by one from the drawer, editable here
  talkedOn: null as string | null, activistOn: null as string | null, contacts: '', candidateOn: null as string | null, introducers: '',
  politicalReviewOn: null as string | null, trainingTo: null as string | null, trainingHours: null as number | null, preReviewOn: null as string | null,
  approvedOn: null as string | null, oathOn: null as string | null, conversionAppliedOn: null as string | null, extensionMonths: null as number | null,
}
export type MemberForm = typeof EMPTY_MEMBER

/** the dates of the 发展过程 tab: [field, label] */
export const STEP_DATES: [keyof MemberForm, string][] = [
  ['talkedOn', '谈话日期'], ['activistOn', '确定积极分子日期'], ['candidateOn', '确定发展对象日期'], ['politicalReviewOn', '政审日期'], ['trainingTo', '培训结束日期'],
  ['preReviewOn', '预审日期'], ['approvedOn', '审批日期'], ['oathOn', '入党宣誓日期'], ['conversionAppliedOn', '转正申请日期'],
]

const PARTY_TAB = new Set(['appliedOn', 'joinedOn', 'convertedOn', 'partyPost', 'partyAgeCorrection'])
const STEPS_TAB = new Set([...STEP_DATES.map(([k]) => k as string), 'trainingHours', 'contacts', 'introducers', 'extensionMonths'])
const CONTACT_TAB = new Set(['phone', 'address', 'residence', 'hukou', 'note'])

/** The tab of the dialog a field is on (a message opens its tab). */
export function tabOf(field: string): string {
  if (PARTY_TAB.has(field) || field.startsWith('transferIn')) return 'party'
  if (STEPS_TAB.has(field)) return 'steps'
  if (CONTACT_TAB.has(field)) return 'contact'
  return 'basic'
}

/** the fields the dialog shows a message under (their contract names) */
export const memberField = (f: string): boolean => f in EMPTY_MEMBER || f === 'organizationId' || f.startsWith('transferIn.')

export interface Transfer {
  on: boolean
  date: string | null
  fromOrganization: string
  letterNo: string
  duesPaidTo: string | null
}

/** The form as the contract takes it: blanks are null; only the editable fields travel (the backend refuses others). */
export function fieldsOf(form: MemberForm, editing: Member | null): MemberFieldsInput {
  const all = { ...(editing ?? {}), ...form } as Record<string, unknown>
  return Object.fromEntries(Object.keys(EMPTY_MEMBER).map((k) => [k, all[k] === '' ? null : all[k]])) as MemberFieldsInput
}

export function createInputOf(form: MemberForm, branchId: number | null, transfer: Transfer): Input<'members.create'> {
  return {
    organizationId: branchId ?? 0,
    fields: fieldsOf(form, null),
    transferIn: transfer.on ? { date: transfer.date as string, fromOrganization: transfer.fromOrganization, letterNo: transfer.letterNo || null, duesPaidTo: transfer.duesPaidTo } : null,
  }
}

/**
 * Everything the backend would say about the form, said as the clerk types: the contract's schema and the roster's
 * own check (shared/rules/member-check.ts). With the ID number as it came (masked), the backend keeps the stored one
 * and its birth date; the check leaves both out, as the backend does.
 */
export function memberIssues(form: MemberForm, editing: Member | null, branchId: number | null, transfer: Transfer, settings: Settings, today: string, idMasked: boolean): FieldIssue[] {
  const input = createInputOf(form, branchId, transfer)
  const schema = schemaIssues(memberCreateInput, editing ? { ...input, organizationId: editing.organizationId ?? 1, transferIn: null } : input)
  const fields = fieldsOf(form, editing)
  const check = checkMemberFields(idMasked ? { ...fields, idNumber: null, birthDate: null } : fields, today, settings, { birthDayKnown: !idMasked })
  return [...schema, ...check.errors.filter((e) => !(idMasked && e.field === 'gender'))]
}

/**
 * 入党日期 without 转正日期, the probation long over: the person would be recorded as 预备党员 — asked before saving
 *. Null when there is nothing to ask.
 */
export function stillProbationary(form: MemberForm, settings: Settings, today: string): string | null {
  if (!form.joinedOn || form.convertedOn) return null
  const ends = probationEndsOn(form.joinedOn, form.extensionMonths, settings)
  if (ends >= today) return null
  return `入党日期是 ${form.joinedOn}，没有填写转正日期：将登记为预备党员。按预备期计算，应在 ${ends} 期满。此人现在确实仍是预备党员吗？`
}
