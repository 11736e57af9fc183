import type { z } from 'zod'
import type { memberEventInput, MemberDetail } from '../../shared/contract/members'
import { todayLocal } from '../../shared/dates'
import { CANCELLED_REASON, COMMITTEE_POST_LABELS, DECEASED_REASON, DROPPED_REASON, type CommitteePost, type Member, type MemberFields } from '../../shared/members'
import { invalid } from '../../shared/result'
import { stageOn } from '../../shared/rules/membership'
import { stepRefusal } from '../../shared/rules/member-steps'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { changeBetween, snapshot } from './changes'
import * as repo from './repository'
import { memberDetail, requireBranch, requireMember } from './service'
import { validateMember, type MemberFieldsInput } from './validate'

type EventInput = z.output<typeof memberEventInput>
type Warning = { field: string; message: string }

/** Whoever leaves a branch (or the party, or is suspended) no longer holds a post in its committee. */
function endCommitteePosts(ctx: CallContext, memberId: number, on: string, organizationId: number | null): Warning[] {
  const open = ctx.db
    .prepare(`SELECT id, post, elected_on FROM committee_posts WHERE member_id = ? AND ended_on IS NULL ${organizationId === null ? '' : 'AND organization_id = ?'}`)
    .all(...(organizationId === null ? [memberId] : [memberId, organizationId])) as { id: number; post: CommitteePost; elected_on: string }[]
  for (const p of open) {
    const ended = p.elected_on > on ? p.elected_on : on
    ctx.db.prepare('UPDATE committee_posts SET ended_on = ? WHERE id = ?').run(ended, p.id)
    recordAudit(ctx, { entity: 'committee_post', entityId: p.id, before: { ended_on: null }, after: { ended_on: ended } })
  }
  return open.length ? [{ field: 'committee', message: `已同时登记其${open.map((p) => COMMITTEE_POST_LABELS[p.post]).join('、')}职务于${on}离任，请及时补选` }] : []
}

/** The open 组织关系 period must not end before it began (memberships CHECK): say so in words first. */
function requireAfterCurrentStart(ctx: CallContext, m: Member, on: string): void {
  const from = ctx.db.prepare('SELECT from_date FROM memberships WHERE member_id = ? AND to_date IS NULL').pluck().get(m.id) as string | undefined
  if (from && on < from) throw invalid(`日期（${on}）早于${m.name}进入${m.organizationName ?? '本支部'}的日期（${from}），请核对`, 'date')
}

/**
 * Applies one dated change; every change is an event in the timeline and an audit entry. Nothing is overwritten:
 * the event keeps what it changed, so a step recorded by mistake can be revoked by a 更正 (revoke.ts).
 */
export function recordMemberEvent(ctx: CallContext, e: EventInput): MemberDetail {
  const before = requireMember(ctx, e.id)
  const at = ctx.now().toISOString()
  const today = todayLocal(ctx.now())
  if (e.date > today) throw invalid('日期不能晚于今天', 'date')
  // which steps are open at which stage and state: the table the member drawer offers its buttons by
  const refusal = stepRefusal(before, e.type)
  if (refusal) throw invalid(refusal)

  const event: repo.EventWrite = { type: e.type, occurredOn: e.date, organizationId: before.organizationId, documentNo: e.documentNo, reason: e.reason }
  const was = snapshot(ctx.db, before.id)
  const warnings: Warning[] = []
  const setDates = (patch: Partial<MemberFields>) => {
    const { fields, warnings: w } = validateMember(ctx, { ...before, ...patch } as MemberFieldsInput, before.id, { keepCodes: true, birthDayKnown: false })
    warnings.push(...w)
    repo.patchState(ctx.db, before.id, { ...patch, stage: stageOn(fields, today) ?? before.stage }, at)
  }
  /** leaving the roster: the 组织关系 period closes on the date and any committee post ends with it */
  const leave = (status: 'left' | 'transferred_out', leftReason: string) => {
    requireAfterCurrentStart(ctx, before, e.date)
    repo.closeMembership(ctx.db, before.id, e.date)
    repo.patchState(ctx.db, before.id, { status, leftOn: e.date, leftReason }, at)
    warnings.push(...endCommitteePosts(ctx, before.id, e.date, null))
  }

  switch (e.type) {
    case 'talked':
      setDates({ talkedOn: e.date })
      break
    case 'activist':
      setDates({ activistOn: e.date, contacts: e.contacts ?? before.contacts })
      if (e.contacts) event.reason = [`培养联系人：${e.contacts}`, e.reason].filter(Boolean).join('；')
      break
    case 'assessed':
      break
    case 'candidate':
      setDates({ candidateOn: e.date, introducers: e.introducers ?? before.introducers, politicalReviewOn: e.politicalReviewOn ?? before.politicalReviewOn, trainingHours: e.trainingHours ?? before.trainingHours })
      if (e.introducers) event.reason = [`入党介绍人：${e.introducers}`, e.reason].filter(Boolean).join('；')
      break
    case 'political_review':
      setDates({ politicalReviewOn: e.date })
      break
    case 'trained':
      setDates({ trainingTo: e.date, trainingHours: e.trainingHours })
      event.reason = [`${e.trainingHours}学时`, e.reason].filter(Boolean).join('；')
      break
    case 'pre_reviewed':
      setDates({ preReviewOn: e.date })
      break
    case 'admitted':
      setDates({ joinedOn: e.date, approvedOn: e.approvedOn ?? before.approvedOn })
      break
    case 'approved':
      setDates({ approvedOn: e.date })
      break
    case 'oath':
      setDates({ oathOn: e.date })
      break
    case 'conversion_applied':
      setDates({ conversionAppliedOn: e.date })
      break
    case 'converted':
      setDates({ convertedOn: e.date })
      break
    case 'extended':
      setDates({ extensionMonths: e.months })
      event.reason = [`延长${e.months}个月`, e.reason].filter(Boolean).join('；')
      break
    case 'cancelled':
      leave('left', CANCELLED_REASON)
      break
    case 'dropped':
      leave('left', DROPPED_REASON)
      break
    case 'transfer_out':
      event.otherOrganization = e.toOrganization
      event.letterNo = e.letterNo
      event.duesPaidTo = e.duesPaidTo
      leave('transferred_out', `转出至${e.toOrganization}`)
      break
    case 'transfer_in': {
      // 组织关系转回: one record per person, so a member who comes back continues the same timeline
      if (before.leftOn && e.date < before.leftOn) throw invalid(`转入日期（${e.date}）早于转出日期（${before.leftOn}），请核对`, 'date')
      requireBranch(ctx, e.organizationId)
      repo.openMembership(ctx.db, before.id, e.organizationId, e.date)
      repo.patchState(ctx.db, before.id, { status: 'normal', organizationId: e.organizationId, leftOn: null, leftReason: null, mobile: null, lostContactSince: null }, at)
      Object.assign(event, { organizationId: e.organizationId, otherOrganization: e.fromOrganization, letterNo: e.letterNo, duesPaidTo: e.duesPaidTo })
      break
    }
    case 'moved': {
      requireBranch(ctx, e.organizationId)
      if (e.organizationId === before.organizationId) throw invalid('新支部与当前支部相同')
      requireAfterCurrentStart(ctx, before, e.date)
      repo.closeMembership(ctx.db, before.id, e.date)
      repo.openMembership(ctx.db, before.id, e.organizationId, e.date)
      repo.patchState(ctx.db, before.id, { organizationId: e.organizationId }, at)
      warnings.push(...endCommitteePosts(ctx, before.id, e.date, before.organizationId))
      event.otherOrganization = before.organizationName
      event.organizationId = e.organizationId
      // the clerk was asked whether the 科室 changes with the branch; null: it stays as it was
      if (e.department !== null && e.department !== before.department) {
        repo.patchState(ctx.db, before.id, { department: e.department }, at)
        event.reason = [`科室：${before.department ?? '（未填写）'} → ${e.department}`, e.reason].filter(Boolean).join('；')
      }
      break
    }
    case 'mobile':
      event.otherOrganization = e.destination
      repo.patchState(ctx.db, before.id, { mobile: e.destination }, at)
      break
    case 'mobile_end':
      repo.patchState(ctx.db, before.id, { mobile: null }, at)
      break
    case 'lost_contact':
      repo.patchState(ctx.db, before.id, { lostContactSince: e.date }, at)
      break
    case 'suspended':
      // 停止党籍: no longer votes or holds a post (docs/rules.md §1, §3)
      repo.patchState(ctx.db, before.id, { status: 'suspended' }, at)
      warnings.push(...endCommitteePosts(ctx, before.id, e.date, null))
      break
    case 'found':
      repo.patchState(ctx.db, before.id, { lostContactSince: null }, at)
      break
    case 'restored':
      repo.patchState(ctx.db, before.id, { status: 'normal' }, at)
      break
    case 'left':
      event.reason = [e.leaveReason, e.reason].filter(Boolean).join('：')
      leave('left', e.leaveReason)
      break
    case 'died':
      // 党员减少 — 死亡, not 出党 (shared/leaving.ts); the record moves to the history like everyone who left
      leave('left', DECEASED_REASON)
      break
  }
  event.change = changeBetween(was, snapshot(ctx.db, before.id))
  repo.insertEvent(ctx.db, before.id, event, ctx.user, at)
  recordAudit(ctx, { entity: 'member', entityId: before.id, before, after: repo.findMember(ctx.db, before.id) })
  return memberDetail(ctx, before.id, warnings)
}
