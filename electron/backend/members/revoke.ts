import { todayLocal } from '../../shared/dates'
import { MEMBER_EVENT_LABELS } from '../../shared/members'
import { AppError, invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { changedSince, putBack, type StepChange } from './changes'
import * as repo from './repository'
import { memberDetail, requireMember } from './service'
import type { MemberDetail } from '../../shared/contract/members'

/**
 * 更正: a step recorded by mistake — an 出党 of the wrong person, a 转正 on the wrong date — is revoked by a
 * new, audited event that puts back what the step changed. Both stay in the timeline; nothing is deleted
 * (architecture: records are never hard-deleted). A step can be revoked while nothing recorded after it changed the
 * same things; otherwise the later step is to be corrected first, and the refusal names what changed.
 */
export function revokeEvent(ctx: CallContext, memberId: number, eventId: number, reason: string): MemberDetail {
  const person = requireMember(ctx, memberId)
  const step = repo.findEvent(ctx.db, eventId)
  if (!step || step.memberId !== memberId) throw new AppError('NOT_FOUND', '要更正的变动不存在或不属于此人，请刷新后重试')
  const label = MEMBER_EVENT_LABELS[step.type]
  if (step.revokedBy !== null) throw invalid(`${step.occurredOn}的“${label}”已经更正过`)
  if (step.type === 'revoked') throw invalid('更正本身不能再更正：如需恢复，请重新登记那一步')
  if (step.change === null) throw invalid(`${step.occurredOn}的“${label}”是建档或导入时写入的历史，不能用“更正”撤销：请在“修改档案”中改正相应的日期`)
  const change = step.change as StepChange
  const since = changedSince(ctx.db, memberId, change)
  if (since.length) throw invalid(`不能更正${step.occurredOn}的“${label}”：此后${person.name}的${since.join('、')}又有变动。请先更正后来的登记，再更正这一步`)
  const at = ctx.now().toISOString()
  putBack(ctx.db, memberId, change, at)
  const today = todayLocal(ctx.now())
  repo.insertEvent(ctx.db, memberId, { type: 'revoked', occurredOn: today, organizationId: person.organizationId, reason, revokes: eventId }, ctx.user, at)
  recordAudit(ctx, { entity: 'member', entityId: memberId, before: person, after: { ...repo.findMember(ctx.db, memberId), revokedEvent: eventId, revokedStep: label, revokeReason: reason } })
  return memberDetail(ctx, memberId)
}
