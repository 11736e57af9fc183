import { todayLocal } from '../../shared/dates'
import type { Member, MemberFields } from '../../shared/members'
import { AppError } from '../../shared/result'
import { checkMemberFields, type MemberCheckOptions, type MemberFieldsInput } from '../../shared/rules/member-check'
import { secretaryOwn } from '../branch-scope'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { findByIdNumber } from './repository'

export type { MemberFieldsInput } from '../../shared/rules/member-check'

/**
 * The roster's one validation, shared by the form, the Excel import and the CLI: the check itself is
 * shared/rules/member-check.ts, which the form also runs as the clerk types; here the ID number is looked
 * up on the roster too. Errors throw (nothing is saved); warnings are returned to be shown.
 */
export interface ValidateOptions extends MemberCheckOptions {
  /** the person already holding the ID number (null: nobody), when the caller has looked it up for many rows at once */
  holder?: Member | null
}

export function validateMember(ctx: CallContext, raw: MemberFieldsInput, selfId: number | null, opts: ValidateOptions = {}): { fields: MemberFields; warnings: { field: string; message: string }[] } {
  const check = checkMemberFields(raw, todayLocal(ctx.now()), settingsOf(ctx), opts)
  if (check.id) {
    const same = opts.holder !== undefined ? opts.holder : findByIdNumber(ctx.db, check.id.value)
    if (same && same.id !== selfId) throw new IdNumberTaken(ctx, same)
  }
  if (check.errors.length > 0) throw new AppError('VALIDATION', check.errors.map((i) => i.message).join('；'), check.errors)
  return { fields: check.fields, warnings: check.warnings }
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
    const message = shown
      ? `身份证号${holder.idNumber!.slice(0, 6)}…${holder.idNumber!.slice(-4)}已登记为“${holder.name}”（${holder.organizationName ?? '无所在支部'}），同一人不能重复建档${back}`
      : '该身份证号已登记在本院其他支部的名册中，同一人不能重复建档；如需接收此人，请与党务干事联系办理支部调动'
    // the whole sentence also goes under the 身份证号 field of the form
    super('CONFLICT', message, [{ field: 'idNumber', message }])
  }
}
