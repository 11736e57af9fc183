import type { AutoValue } from '../../shared/contract/assessments'
import { formatChineseDate, todayLocal } from '../../shared/dates'
import { periodOf, type ComplianceCell, type PeriodUnit } from '../../shared/rules/compliance'
import type { AutoSource, Indicator, Scheme } from '../../shared/rules/scoring'
import type { CallContext } from '../context'
import { COMPLETE, complianceGrid } from '../meetings/compliance'
import { organizationSources } from './auto-organization'
import { onTimeOf } from '../dues/stats'

/**
 * Indicators filled from our own records, each with the computation in words so a reviewer can check it. A
 * source whose tables are not in this database yet says so ("数据来源尚未建成") instead of inventing a number.
 */
const TABLES: Record<AutoSource, string[]> = {
  // the compliance engine also asks whether a branch has a committee (支委会 applies only then)
  meetingCompliance: ['meetings', 'meeting_types', 'compliance_exemptions', 'committee_posts'],
  recordsComplete: ['meetings', 'attendance'],
  dualLeader: ['committee_posts'],
  development: ['members', 'memberships'],
  termOnTime: ['organizations'],
  committee: ['committee_posts', 'memberships', 'members'],
  duesPaid: ['dues_bases', 'dues_payments'],
}

const round1 = (n: number) => Math.round(n * 10) / 10
const pct = (x: number) => `${round1(x * 100)}%`

/** The last day of a compliance period key ("2025-03", "2025Q1", "2025"). */
function periodEnd(key: string): string {
  const unit: PeriodUnit = key.includes('Q') ? 'quarter' : key.length === 7 ? 'month' : 'year'
  const first = unit === 'quarter' ? `${key.slice(0, 4)}-${String((Number(key.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01` : unit === 'month' ? `${key}-01` : `${key}-01-01`
  return periodOf(first, unit).to
}

export interface Window {
  from: string
  to: string
  /** periods are judged only once they have ended, and never after today */
  asOf: string
}

export type Compute = (orgId: number, i: Indicator) => Omit<AutoValue, 'key' | 'available'>

function sources(ctx: CallContext, w: Window, orgIds: readonly number[]): Record<AutoSource, Compute> {
  const span = `${formatChineseDate(w.from)}至${formatChineseDate(w.to)}`
  let cells: Map<number, ComplianceCell[]> | null = null
  const cellsOf = (orgId: number) => {
    if (!cells) {
      cells = new Map()
      const scope = orgIds.length === 1 ? orgIds[0]! : null
      for (const c of complianceGrid(ctx, w.from, w.asOf, scope)) cells.set(c.organizationId, [...(cells.get(c.organizationId) ?? []), c])
    }
    return cells.get(orgId) ?? []
  }
  return {
    meetingCompliance: (orgId, i) => {
      const mine = cellsOf(orgId).filter((c) => periodEnd(c.period) <= w.asOf)
      const due = mine.filter((c) => c.status !== 'exempt')
      const met = due.filter((c) => c.status === 'ok').length
      if (!due.length) return { points: 0, computation: `${span}（截至${formatChineseDate(w.asOf)}）没有已到期的组织生活要求${mine.length ? `（${mine.length}项免于考核）` : ''}，按0分计，请人工核定` }
      const points = round1((met / due.length) * i.max)
      return { points, computation: `截至${formatChineseDate(w.asOf)}已到期的三会一课等要求${due.length}项（免于考核${mine.length - due.length}项不计），按期达标${met}项，达标率${pct(met / due.length)} × ${i.max}分 = ${points}分` }
    },
    recordsComplete: (orgId, i) => {
      const r = ctx.db.prepare(`SELECT count(*) AS n, coalesce(sum(CASE WHEN ${COMPLETE} THEN 1 ELSE 0 END), 0) AS ok FROM meetings m WHERE m.organization_id = ? AND m.status = 'active' AND m.held_on BETWEEN ? AND ?`).get(orgId, w.from, w.asOf) as { n: number; ok: number }
      if (!r.n) return { points: 0, computation: `${span}没有会议记录，按0分计` }
      const points = round1((r.ok / r.n) * i.max)
      return { points, computation: `${span}会议记录${r.n}份，记录人、出席情况、会议内容齐全的${r.ok}份，完整率${pct(r.ok / r.n)} × ${i.max}分 = ${points}分` }
    },
    dualLeader: (orgId, i) => {
      const s = ctx.db
        .prepare("SELECT m.name, p.dual_leader FROM committee_posts p JOIN members m ON m.id = p.member_id WHERE p.organization_id = ? AND p.post = 'secretary' AND p.elected_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?) ORDER BY p.elected_on DESC LIMIT 1")
        .get(orgId, w.asOf, w.asOf) as { name: string; dual_leader: number } | undefined
      if (!s) return { points: 0, computation: `${formatChineseDate(w.asOf)}支部未配备书记（支部委员会中无在任书记），按0分计` }
      return s.dual_leader ? { points: i.max, computation: `书记${s.name}为“双带头人”，得${i.max}分` } : { points: 0, computation: `书记${s.name}未登记为“双带头人”，按0分计` }
    },
    ...organizationSources(ctx, w),
    development: (orgId, i) => {
      const n = ctx.db
        .prepare('SELECT count(*) FROM members m WHERE m.joined_on BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id AND ms.organization_id = ? AND ms.from_date <= m.joined_on AND (ms.to_date IS NULL OR ms.to_date > m.joined_on))')
        .pluck()
        .get(w.from, w.asOf, orgId) as number
      const target = i.target ?? 1
      const points = round1(Math.min(1, n / target) * i.max)
      return { points, computation: `${span}接收预备党员${n}名，目标${target}名，完成${pct(Math.min(1, n / target))} × ${i.max}分 = ${points}分` }
    },
    // 按时足额交纳党费: owed member-months that had ended, paid in full within their month
    duesPaid: (orgId, i) => {
      const t = onTimeOf(ctx, orgId, w.from, w.asOf)
      if (!t.owed) return { points: 0, computation: `${span}（截至${formatChineseDate(w.asOf)}）党费台账中没有已结束的应交月份，按0分计，请人工核定` }
      const points = round1((t.onTime / t.owed) * i.max)
      const others = [t.late ? `补交${t.late}` : '', t.short ? `不足额${t.short}` : '', t.unpaid ? `未交${t.unpaid}` : ''].filter(Boolean).join('、')
      return { points, computation: `${span}已结束月份中应交党费${t.owed}人次，当月足额交纳${t.onTime}人次${others ? `（${others}人次不计）` : ''}${t.noBase ? `，其中${t.noBase}人次未核定基数` : ''}，比例${pct(t.onTime / t.owed)} × ${i.max}分 = ${points}分` }
    },
  }
}

/** Auto values for every auto-filled indicator of the scheme, for each organization. */
export function autoValues(ctx: CallContext, scheme: Scheme, orgIds: readonly number[], from: string | null, to: string | null): Map<number, AutoValue[]> {
  const out = new Map<number, AutoValue[]>()
  const auto = scheme.dimensions.flatMap((d) => d.indicators).filter((i) => i.source)
  if (!auto.length) return out
  if (!from || !to) {
    for (const id of orgIds) out.set(id, auto.map((i) => ({ key: i.key, available: true, points: null, computation: '该考评未设起止日期，无法自动取数' })))
    return out
  }
  const today = todayLocal(ctx.now())
  const w: Window = { from, to, asOf: to < today ? to : today }
  const present = new Set(ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
  const compute = sources(ctx, w, orgIds)
  for (const id of orgIds) {
    out.set(
      id,
      auto.map((i) => {
        const source = i.source!
        if (!TABLES[source].every((t) => present.has(t))) return { key: i.key, available: false, points: null, computation: '数据来源尚未建成' }
        return { key: i.key, available: true, ...compute[source](id, i) }
      }),
    )
  }
  return out
}
