import type { z } from 'zod'
import { FIELD_LABELS } from '../audit-labels'
import { cleanLine, cleanText } from '../clean-text'
import type { memberFieldsInput } from '../contract/members'
import type { MemberFields } from '../members'
import type { FieldIssue } from '../result'
import { dateBoundProblem, type DateKind } from '../schemas'
import type { Settings } from '../settings'
import { parseIdNumber, type IdFacts } from './id-number'
import { normalizeCode, type CodedField } from './member-codes'
import { checkLifecycle } from './membership'

export type MemberFieldsInput = z.output<typeof memberFieldsInput>

/**
 * The roster's one check of a person's fields, for the backend (members/validate.ts: the form, the Excel import, the
 * CLI) and for the form as the clerk types (one definition, not a copy). It normalizes the ID number,
 * derives and cross-checks gender and birth date, normalizes the coded fields (民族, 学历, 学位, 职业类别) and judges
 * the dates against each other and today. Whether the ID number is someone else's is the backend's to say.
 */
export interface MemberCheckOptions {
  /** recording a dated step does not re-judge a code or date already on file */
  keepCodes?: boolean
  /**
   * Whether the ID number or birth date was given in this call (a new record, an import row). When not — an edit
   * that sent the masked ID back, a dated step — messages name the birth month, never the day.
   */
  birthDayKnown?: boolean
}

export interface MemberCheck {
  fields: MemberFields
  /** the ID number's facts when it is a valid number */
  id: IdFacts | null
  errors: FieldIssue[]
  /** rules that warn and do not block (domain rules: clerks record what really happened) */
  warnings: FieldIssue[]
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

export function checkMemberFields(raw: MemberFieldsInput, today: string, settings: Settings, opts: MemberCheckOptions = {}): MemberCheck {
  const input = cleaned(raw)
  const errors: FieldIssue[] = []
  if (!input.name) errors.push({ field: 'name', message: '请填写姓名' })
  let { gender, birthDate } = input
  let idNumber: string | null = null
  let id: IdFacts | null = null
  if (input.idNumber && input.idNumber.trim()) {
    const parsed = parseIdNumber(input.idNumber)
    if (!parsed.ok) errors.push({ field: 'idNumber', message: parsed.message })
    else {
      id = parsed
      idNumber = parsed.value
      if (gender && gender !== parsed.gender) errors.push({ field: 'gender', message: `性别“${gender}”与身份证号不符（身份证号显示为${parsed.gender}性），请核对` })
      if (birthDate && birthDate !== parsed.birthDate) errors.push({ field: 'birthDate', message: opts.birthDayKnown === false ? '出生日期与身份证号不符，请核对（出生日期可以留空，由身份证号得出）' : `出生日期${birthDate}与身份证号中的${parsed.birthDate}不符，请核对` })
      gender ??= parsed.gender
      birthDate ??= parsed.birthDate
    }
  }
  if (!gender && !errors.some((i) => i.field === 'idNumber')) errors.push({ field: 'gender', message: '请填写性别（或填写身份证号自动得出）' })
  const coded: Partial<Record<CodedField, string | null>> = {}
  for (const field of ['ethnicity', 'education', 'degree', 'occupation'] as const) {
    const c = normalizeCode(field, input[field])
    if (c.ok) coded[field] = c.value
    // recording a dated step does not re-judge a code already on file (an old import may hold a local spelling)
    else if (!opts.keepCodes) errors.push({ field, message: c.message })
  }
  const fields = { ...input, ...coded, gender: gender ?? '男', birthDate, idNumber } as MemberFields
  // recording a dated step does not re-judge the dates already on file either (the step's own date is checked by the contract)
  if (!opts.keepCodes) {
    for (const [k, kind] of DATES) {
      const problem = typeof fields[k] === 'string' ? dateBoundProblem(FIELD_LABELS[k] ?? k, kind, fields[k] as string, today) : null
      if (problem) errors.push({ field: k, message: problem })
    }
  }
  const dateIssues = checkLifecycle(fields, birthDate, today, settings, opts.birthDayKnown ?? true)
  errors.push(...dateIssues.filter((i) => i.level === 'error').map(({ field, message }) => ({ field, message })))
  return { fields, id, errors, warnings: dateIssues.filter((i) => i.level === 'warning').map(({ field, message }) => ({ field, message })) }
}
