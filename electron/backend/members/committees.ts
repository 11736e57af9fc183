import type { CommitteeMember, CommitteePost } from '../../shared/members'
import { COMMITTEE_POST_LABELS } from '../../shared/members'
import { invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { findMember } from './repository'

/** 支部委员会 (班子): posts with elected and ended dates; the 书记 carries the 双带头人 flag (docs/rules.md §7). */
export function listCommittee(ctx: CallContext, organizationId: number, includeEnded = true): CommitteeMember[] {
  const rows = ctx.db
    .prepare(
      `SELECT p.*, m.name AS member_name, m.title, m.admin_post FROM committee_posts p JOIN members m ON m.id = p.member_id
       WHERE p.organization_id = ? ${includeEnded ? '' : 'AND p.ended_on IS NULL'}
       ORDER BY p.ended_on IS NOT NULL, CASE p.post WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 ELSE 2 END, p.elected_on`,
    )
    .all(organizationId) as Record<string, unknown>[]
  return rows.map((r) => ({
    id: r.id as number,
    organizationId: r.organization_id as number,
    memberId: r.member_id as number,
    memberName: r.member_name as string,
    post: r.post as CommitteePost,
    electedOn: r.elected_on as string,
    endedOn: r.ended_on as string | null,
    dualLeader: r.dual_leader === 1,
    title: r.title as string | null,
    adminPost: r.admin_post as string | null,
  }))
}

/** What stops a person from taking a post (the same rule for the form and the Excel import), or null. */
export function appointmentProblem(ctx: CallContext, a: { organizationId: number; memberId: number; post: CommitteePost }): string | null {
  const m = findMember(ctx.db, a.memberId)
  if (!m) return '找不到该党员'
  // 预备党员 cannot stand for election (docs/rules.md §1); committee members are full members of this branch
  if (m.stage !== 'full' || m.status !== 'normal') return `${m.name}不是党籍正常的正式党员，不能担任支委会职务`
  if (m.organizationId !== a.organizationId) return `${m.name}的组织关系不在本支部`
  const current = listCommittee(ctx, a.organizationId, false)
  const secretary = a.post === 'secretary' ? current.find((p) => p.post === 'secretary') : undefined
  if (secretary) return `本支部现任书记是${secretary.memberName}，请先登记其离任`
  if (current.some((p) => p.memberId === a.memberId && p.post === a.post)) return `${m.name}已担任${COMMITTEE_POST_LABELS[a.post]}`
  return null
}

export function appoint(ctx: CallContext, a: { organizationId: number; memberId: number; post: CommitteePost; electedOn: string; dualLeader: boolean }): CommitteeMember[] {
  if (!findMember(ctx.db, a.memberId)) throw notFound('该党员')
  const problem = appointmentProblem(ctx, a)
  if (problem) throw invalid(problem)
  const id = insertPost(ctx, { ...a, endedOn: null })
  recordAudit(ctx, { entity: 'committee_post', entityId: id, before: null, after: a })
  return listCommittee(ctx, a.organizationId)
}

export function insertPost(ctx: CallContext, a: { organizationId: number; memberId: number; post: CommitteePost; electedOn: string; endedOn: string | null; dualLeader: boolean }): number {
  return Number(
    ctx.db
      .prepare('INSERT INTO committee_posts (organization_id, member_id, post, elected_on, ended_on, dual_leader) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.organizationId, a.memberId, a.post, a.electedOn, a.endedOn, a.post === 'secretary' && a.dualLeader ? 1 : 0).lastInsertRowid,
  )
}

export function endPost(ctx: CallContext, postId: number, endedOn: string): CommitteeMember[] {
  const post = ctx.db.prepare('SELECT * FROM committee_posts WHERE id = ?').get(postId) as { organization_id: number; elected_on: string; ended_on: string | null } | undefined
  if (!post) throw notFound('该任职记录')
  if (post.ended_on) throw invalid('该职务已登记离任')
  if (endedOn < post.elected_on) throw invalid(`离任日期不能早于任职日期（${post.elected_on}）`)
  ctx.db.prepare('UPDATE committee_posts SET ended_on = ? WHERE id = ?').run(endedOn, postId)
  recordAudit(ctx, { entity: 'committee_post', entityId: postId, before: post, after: { ...post, ended_on: endedOn } })
  return listCommittee(ctx, post.organization_id)
}
