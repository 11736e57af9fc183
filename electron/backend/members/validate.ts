import type { z } from 'zod'
import type { memberFieldsInput } from '../../shared/contract/members'
import { FIELD_LABELS } from '../../shared/audit-labels'
import { cleanLine, cleanText } from '../../shared/clean-text'
import { todayLocal } from '../../shared/dates'
import type { Member, MemberFields } from '../../shared/members'
import { AppError } from '../../shared/result'
import { secretaryOwn } from '../branch-scope'
import { parseIdNumber } from '../../shared/rules/id-number'
import { normalizeCode, type CodedField } from '../../shared/rules/member-codes'
import { checkLifecycle } from '../../shared/rules/membership'
import { dateBoundProblem, type DateKind } from '../../shared/schemas'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { findByIdNumber } from './repository'

export type MemberFieldsInput = z.output<typeof memberFieldsInput>

/**
 * The roster's one validation, shared by the form, the Excel import and the CLI (issue 3): normalizes the ID
 * number, derives and cross-checks gender and birth date, rejects duplicates and impossible dates.
 * Coded fields (民族, 学历, 学位, 职业类别) are normalized to the standard names or refused.
 * Errors throw (nothing is saved); warnings are returned to be shown.
 */
export interface ValidateOptions {
  /** recording a dated step does not re-judge a code already on file */
  keepCodes?: boolean
  /** the person already holding the ID number (null: nobody), when the caller has looked it up for many rows at once */
  holder?: Member | null
  /**
   * Whether the caller gave the ID number or birth date in this call (a new record, an import row). When they
   * did not — an edit that sent the masked ID back, a dated step — messages name the birth month, never the day.
   */
  birthDayKnown?: boolean
}

/** The text fields: the Excel import fills them without the contract's schemas, so they are cleaned here as well. */
const TEXTS = ['ethnicity', 'education', 'degree', 'title', 'department', 'position', 'adminPost', 'partyPost', 'occupation', 'phone', 'address', 'residence', 'hukou', 'nativePlace', 'contacts', 'introducers'] as const
/** The dates and how far back or ahead each may plausibly lie (shared/schemas.ts, for the import as for the form). */
const DATES: [keyof MemberFields, DateKind][] = [
  ['birthDate', 'birth'],
  ['workStartedOn', 'work'],
  ...(['appliedOn', 'talkedOn', 'activistOn', 'candidateOn', 'politicalReviewOn', 'trainingTo', 'preReviewOn', 'joinedOn', 'approvedOn', 'oathOn', 'conversionAppliedOn', 'convertedOn'] as const).map((k): [keyof MemberFields, DateKind] => [k, 'party']),
]

function cleaned(input: MemberFieldsInput): MemberFieldsInput {
  const out = { ...input, name: cleanLine(input.name ?? '').trim() }
  for (const k of TEXTS) {
    const v = out[k]
    if (typeof v === 'string') out[k] = (cleanLine(v).trim() || null) as never
  }
  if (typeof out.note === 'string') out.note = cleanText(out.note).trim() || null
  return out
}

export function validateMember(ctx: CallContext, raw: MemberFieldsInput, selfId: number | null, opts: ValidateOptions = {}): { fields: MemberFields; warnings: { field: string; message: string }[] } {
  const input = cleaned(raw)
  const issues: { field: string; message: string }[] = []
  if (!input.name) issues.push({ field: 'name', message: '请填写姓名' })
  let { gender, birthDate } = input
  let idNumber: string | null = null
  if (input.idNumber && input.idNumber.trim()) {
    const id = parseIdNumber(input.idNumber)
    if (!id.ok) issues.push({ field: 'idNumber', message: id.message })
    else {
      idNumber = id.value
      if (gender && gender !== id.gender) issues.push({ field: 'gender', message: `性别“${gender}”与身份证号不符（身份证号显示为${id.gender}性），请核对` })
      if (birthDate && birthDate !== id.birthDate) issues.push({ field: 'birthDate', message: opts.birthDayKnown === false ? '出生日期与身份证号不符，请核对（出生日期可以留空，由身份证号得出）' : `出生日期${birthDate}与身份证号中的${id.birthDate}不符，请核对` })
      gender ??= id.gender
      birthDate ??= id.birthDate
      const same = opts.holder !== undefined ? opts.holder : findByIdNumber(ctx.db, id.value)
      if (same && same.id !== selfId) throw new IdNumberTaken(ctx, same)
    }
  }
  if (!gender && !issues.some((i) => i.field === 'idNumber')) issues.push({ field: 'gender', message: '请填写性别（或填写身份证号自动得出）' })
  const coded: Partial<Record<CodedField, string | null>> = {}
  for (const field of ['ethnicity', 'education', 'degree', 'occupation'] as const) {
    const c = normalizeCode(field, input[field])
    if (c.ok) coded[field] = c.value
    // recording a dated step does not re-judge a code already on file (an old import may hold a local spelling)
    else if (!opts.keepCodes) issues.push({ field, message: c.message })
  }
  const fields = { ...input, ...coded, gender: gender ?? '男', birthDate, idNumber } as MemberFields
  const today = todayLocal(ctx.now())
  // recording a dated step does not re-judge the dates already on file either (the step's own date is checked by the contract)
  if (!opts.keepCodes) {
    for (const [k, kind] of DATES) {
      const problem = typeof fields[k] === 'string' ? dateBoundProblem(FIELD_LABELS[k] ?? k, kind, fields[k] as string, today) : null
      if (problem) issues.push({ field: k, message: problem })
    }
  }
  const dateIssues = checkLifecycle(fields, birthDate, today, settingsOf(ctx), opts.birthDayKnown ?? true)
  issues.push(...dateIssues.filter((i) => i.level === 'error'))
  if (issues.length > 0) throw new AppError('VALIDATION', issues.map((i) => i.message).join('；'), issues)
  return { fields, warnings: dateIssues.filter((i) => i.level === 'warning') }
}

/**
 * The ID number typed belongs to someone already on the roster. The refusal says who only to a caller who may see
 * that person (a 支部书记: within the branch); to anyone it confirms that the number is on file, so the handlers
 * record it in the audit log like a look at that person's ID (handlers.ts) — otherwise trying the few numbers a
 * masked ID leaves open would rebuild it without a trace.
 */
export class IdNumberTaken extends AppError {
  constructor(
    ctx: CallContext,
    readonly holder: Member,
  ) {
    const own = secretaryOwn(ctx)
    const shown = !own || (holder.organizationId !== null && own.has(holder.organizationId))
    // a person who left (转出) and comes back keeps one record: the clerk records the return on it
    const back = holder.status === 'transferred_out' ? '；此人已转出，回到本单位时请在其档案中登记“组织关系转回”' : holder.status === 'left' ? '；此人已离开名册，档案仍在历史中' : ''
    super(
      'CONFLICT',
      shown
        ? `身份证号${holder.idNumber!.slice(0, 6)}…${holder.idNumber!.slice(-4)}已登记为“${holder.name}”（${holder.organizationName ?? '无所在支部'}），同一人不能重复建档${back}`
        : '该身份证号已登记在本院其他支部的名册中，同一人不能重复建档；如需接收此人，请与党务干事联系办理支部调动',
      [{ field: 'idNumber', message: '身份证号重复' }],
    )
  }
}
