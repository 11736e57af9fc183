import type { membersContract } from '../../shared/contract/members'
import { todayLocal } from '../../shared/dates'
import { STAGES, type Stage } from '../../shared/members'
import { dueItems } from '../../shared/rules/membership'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { descendantIds } from '../organizations/repository'
import { readSettings } from '../settings'
import { appoint, endPost, listCommittee } from './committees'
import { listMembers } from './list'
import * as repo from './repository'
import { recordMemberEvent } from './events'
import { revokeEvent } from './revoke'
import { createMember, memberDetail, revealField, updateMember } from './service'
import { IdNumberTaken } from './validate'

/**
 * A create or edit in one IMMEDIATE transaction (as the dispatcher runs writes). When it is refused because the
 * ID number typed is someone's on the roster, the refusal told the caller whose number it is: that is recorded
 * as a look at that person's ID, in a transaction of its own after the refused one rolled back.
 */
function traced<T>(ctx: CallContext, write: () => T): T {
  try {
    return ctx.db.transaction(write).immediate()
  } catch (error) {
    if (error instanceof IdNumberTaken) {
      ctx.db.transaction(() => recordAudit(ctx, { entity: 'member', entityId: error.holder.id, before: null, after: { revealed: 'idNumber', reason: '填写的身份证号与此人相同，建档或修改被拒绝' } })).immediate()
    }
    throw error
  }
}

export const membersHandlers: Handlers<typeof membersContract> = {
  'members.list': (input, ctx) => listMembers(ctx, input),
  'members.get': ({ id }, ctx) => memberDetail(ctx, id),
  'members.create': (input, ctx) => traced(ctx, () => createMember(ctx, input)),
  'members.update': ({ id, fields }, ctx) => traced(ctx, () => updateMember(ctx, id, fields)),
  'members.event': (input, ctx) => recordMemberEvent(ctx, input),
  'members.revoke': ({ id, eventId, reason }, ctx) => revokeEvent(ctx, id, eventId, reason),
  'members.reveal': ({ id, field }, ctx) => revealField(ctx, id, field),

  // 发展党员 pipeline: who is at which stage and what is due next, most urgent first
  'members.pipeline': ({ organizationId }, ctx) => {
    const orgs = organizationId === null ? null : JSON.stringify(descendantIds(ctx.db, organizationId))
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
    const rows = ctx.db
      .prepare(`SELECT m.stage, count(*) AS n FROM members m WHERE m.status = 'normal' AND (@orgs IS NULL OR m.organization_id IN (SELECT value FROM json_each(@orgs))) GROUP BY m.stage`)
      .all({ orgs }) as { stage: Stage; n: number }[]
    for (const r of rows) counts[r.stage] = r.n
    const settings = readSettings(ctx.db)
    const today = todayLocal(ctx.now())
    const due = repo.pipelinePeople(ctx.db, orgs).flatMap((p) => dueItems(p, today, settings)).sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    return { counts, due }
  },

  'committees.list': ({ organizationId }, ctx) => listCommittee(ctx, organizationId),
  'committees.appoint': (input, ctx) => appoint(ctx, input),
  'committees.end': ({ postId, endedOn }, ctx) => endPost(ctx, postId, endedOn),
}
