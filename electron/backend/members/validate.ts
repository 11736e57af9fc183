import type { z } from 'zod'
import type { memberFieldsInput } from '../../shared/contract/members'
import { todayLocal } from '../../shared/dates'
import type { MemberFields } from '../../shared/members'
import { AppError } from '../../shared/result'
import { parseIdNumber } from '../../shared/rules/id-number'
import { checkLifecycle } from '../../shared/rules/membership'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { findByIdNumber } from './repository'

export type MemberFieldsInput = z.output<typeof memberFieldsInput>

/**
 * The roster's one validation, shared by the form, the Excel import and the CLI (issue 3): normalizes the ID
 * number, derives and cross-checks gender and birth date, rejects duplicates and impossible dates.
 * Errors throw (nothing is saved); warnings are returned to be shown.
 */
export function validateMember(ctx: CallContext, input: MemberFieldsInput, selfId: number | null): { fields: MemberFields; warnings: { field: string; message: string }[] } {
  const issues: { field: string; message: string }[] = []
  let { gender, birthDate } = input
  let idNumber: string | null = null
  if (input.idNumber && input.idNumber.trim()) {
    const id = parseIdNumber(input.idNumber)
    if (!id.ok) issues.push({ field: 'idNumber', message: id.message })
    else {
      idNumber = id.value
      if (gender && gender !== id.gender) issues.push({ field: 'gender', message: `性别“${gender}”与身份证号不符（身份证号显示为${id.gender}性），请核对` })
      if (birthDate && birthDate !== id.birthDate) issues.push({ field: 'birthDate', message: `出生日期${birthDate}与身份证号中的${id.birthDate}不符，请核对` })
      gender ??= id.gender
      birthDate ??= id.birthDate
      const same = findByIdNumber(ctx.db, id.value)
      if (same && same.id !== selfId) {
        throw new AppError('CONFLICT', `身份证号${id.value.slice(0, 6)}…${id.value.slice(-4)}已登记为“${same.name}”（${same.organizationName ?? '无所在支部'}），同一人不能重复建档`, [{ field: 'idNumber', message: '身份证号重复' }])
      }
    }
  }
  if (!gender && !issues.some((i) => i.field === 'idNumber')) issues.push({ field: 'gender', message: '请填写性别（或填写身份证号自动得出）' })
  const fields = { ...input, gender: gender ?? '男', birthDate, idNumber } as MemberFields
  const dateIssues = checkLifecycle(fields, birthDate, todayLocal(ctx.now()), settingsOf(ctx))
  issues.push(...dateIssues.filter((i) => i.level === 'error'))
  if (issues.length > 0) throw new AppError('VALIDATION', issues.map((i) => i.message).join('；'), issues)
  return { fields, warnings: dateIssues.filter((i) => i.level === 'warning') }
}
