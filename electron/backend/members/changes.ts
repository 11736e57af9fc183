import type { Database } from 'better-sqlite3'
import { FIELD_LABELS } from '../../shared/audit-labels'
import type { MemberEvent } from '../../shared/members'
import { FIELD_COLUMNS, findEvent } from './repository'

/**
 * What one recorded step changed, kept on its event (member_events.change_json) so that a 更正 (members/revoke.ts)
 * can put exactly that back, and can tell when something recorded later changed the same things (then the later
 * step must be corrected first — a 更正 never silently undoes anyone's later work).
 */
export interface StepChange {
  /** the member's columns the step changed: column → [before, after] */
  member: Record<string, [unknown, unknown]>
  /** 组织关系 periods whose end the step set (left the branch, the party, moved) */
  closed: { id: number; before: string | null; after: string | null }[]
  /** 组织关系 periods the step opened (moved, came back) */
  opened: { id: number; from: string }[]
  /** 支委会 posts the step ended (whoever leaves a branch leaves its committee) */
  posts: { id: number; endedOn: string }[]
}

interface Snapshot {
  member: Record<string, unknown>
  memberships: Map<number, { from: string; to: string | null }>
  posts: Map<number, string | null>
}

/** the bookkeeping columns a step's change never includes */
const UNTRACKED = new Set(['id', 'created_at', 'updated_at'])

export function snapshot(db: Database, memberId: number): Snapshot {
  const member = { ...(db.prepare('SELECT * FROM members WHERE id = ?').get(memberId) as Record<string, unknown>) }
  for (const k of UNTRACKED) delete member[k]
  const memberships = new Map((db.prepare('SELECT id, from_date, to_date FROM memberships WHERE member_id = ?').all(memberId) as { id: number; from_date: string; to_date: string | null }[]).map((r) => [r.id, { from: r.from_date, to: r.to_date }]))
  const posts = new Map((db.prepare('SELECT id, ended_on FROM committee_posts WHERE member_id = ?').all(memberId) as { id: number; ended_on: string | null }[]).map((r) => [r.id, r.ended_on]))
  return { member, memberships, posts }
}

export function changeBetween(before: Snapshot, after: Snapshot): StepChange {
  const member: StepChange['member'] = {}
  for (const [k, v] of Object.entries(after.member)) if (before.member[k] !== v) member[k] = [before.member[k] ?? null, v]
  const closed: StepChange['closed'] = []
  const opened: StepChange['opened'] = []
  for (const [id, now] of after.memberships) {
    const was = before.memberships.get(id)
    if (!was) opened.push({ id, from: now.from })
    else if (was.to !== now.to) closed.push({ id, before: was.to, after: now.to })
  }
  const posts = [...after.posts].filter(([id, ended]) => before.posts.get(id) === null && ended !== null).map(([id, ended]) => ({ id, endedOn: ended! }))
  return { member, closed, opened, posts }
}

/** the clerk's word for a column of the members table */
const COLUMN_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([key, column]) => [column, FIELD_LABELS[key] ?? key])),
  stage: '人员类别',
  status: '党籍状态',
  organization_id: '所在支部',
  mobile: '流动党员登记',
  lost_contact_since: '失联登记',
  left_on: '离开名册日期',
  left_reason: '离开名册原因',
}

/**
 * What has changed since the step, among the things it changed (empty: it can be put back as it was). Each in the
 * clerk's words: “转正日期”, “组织关系（已再次调动）”.
 */
export function changedSince(db: Database, memberId: number, change: StepChange): string[] {
  const now = snapshot(db, memberId)
  const out: string[] = []
  for (const [column, [, after]] of Object.entries(change.member)) if ((now.member[column] ?? null) !== after) out.push(COLUMN_LABELS[column] ?? column)
  const moved = change.closed.some((c) => now.memberships.get(c.id)?.to !== c.after) || change.opened.some((o) => now.memberships.get(o.id)?.to !== null)
  if (moved) out.push('组织关系')
  if (change.posts.some((p) => now.posts.get(p.id) !== p.endedOn)) out.push('支委会职务')
  return [...new Set(out)]
}

/**
 * Puts back what a step changed. A period the step opened ends on the day it began: it never was (every count of
 * who belonged where reads periods as [from, to), so an empty one counts nowhere), and the row stays for the history.
 */
export function putBack(db: Database, memberId: number, change: StepChange, at: string): void {
  const columns = new Set(Object.keys(snapshot(db, memberId).member))
  const set = Object.entries(change.member).filter(([column]) => columns.has(column))
  if (set.length) db.prepare(`UPDATE members SET ${set.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...set.map(([, [before]]) => before), at, memberId)
  for (const o of change.opened) db.prepare('UPDATE memberships SET to_date = from_date WHERE id = ? AND member_id = ?').run(o.id, memberId)
  for (const c of change.closed) db.prepare('UPDATE memberships SET to_date = ? WHERE id = ? AND member_id = ?').run(c.before, c.id, memberId)
  for (const p of change.posts) db.prepare('UPDATE committee_posts SET ended_on = NULL WHERE id = ? AND member_id = ?').run(p.id, memberId)
}

/** Marks which steps of a timeline a 更正 can revoke now (recorded in the window, in force, nothing later on top). */
export function markRevocable(db: Database, memberId: number, events: MemberEvent[]): MemberEvent[] {
  return events.map((e) => {
    if (e.revokedBy || e.type === 'revoked') return e
    const step = findEvent(db, e.id)
    return step?.change ? { ...e, revocable: changedSince(db, memberId, step.change as StepChange).length === 0 } : e
  })
}
