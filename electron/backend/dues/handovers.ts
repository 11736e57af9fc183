import type { z } from 'zod'
import type { duesContract, HandoverRow, Reconciliation, ReconRow } from '../../shared/contract/dues'
import { todayLocal } from '../../shared/dates'
import { formatMonth, formatYuan, type HandoverLevel, type Month } from '../../shared/dues'
import { isBranchType } from '../../shared/organizations'
import { invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { allOrganizations, descendantIds, findOrganization } from '../organizations/repository'
import { voidRow } from './repository'
import { orgNames, scopeOf, yearDues } from './views'

type HandoverInput = z.output<(typeof duesContract)['dues.handover']['input']>
const yuan = (fen: number) => `${formatYuan(fen)}元`
const ids = (set: readonly number[]) => JSON.stringify(set.map(Number))

/** What the ledger holds for a period of a set of organizations: monthly dues for its months, extras paid in it. */
function collected(ctx: CallContext, orgs: readonly number[], from: Month, to: Month): { monthly: number; extras: number; large: number } {
  const monthly = ctx.db.prepare('SELECT coalesce(sum(paid_fen), 0) FROM dues_payments WHERE voided_at IS NULL AND month BETWEEN ? AND ? AND organization_id IN (SELECT value FROM json_each(?))').pluck().get(from, to, ids(orgs)) as number
  const largeFrom = Math.round(settingsOf(ctx)['dues.largeAmount'] * 100)
  const e = ctx.db
    .prepare("SELECT coalesce(sum(amount_fen), 0) AS extras, coalesce(sum(CASE WHEN amount_fen >= ? THEN amount_fen ELSE 0 END), 0) AS large FROM dues_extras WHERE voided_at IS NULL AND substr(paid_on, 1, 7) BETWEEN ? AND ? AND organization_id IN (SELECT value FROM json_each(?))")
    .get(largeFrom, from, to, ids(orgs)) as { extras: number; large: number }
  return { monthly, extras: e.extras, large: e.large }
}

interface Stored {
  id: number
  level: HandoverLevel
  organization_id: number
  from_month: string
  to_month: string
  amount_fen: number
  large_fen: number
  handed_on: string
  receipt_no: string | null
  note: string | null
}

function rowOf(ctx: CallContext, h: Stored, names: Map<number, string>): HandoverRow {
  const c = collected(ctx, descendantIds(ctx.db, h.organization_id), h.from_month, h.to_month)
  const total = c.monthly + c.extras
  return {
    id: h.id, level: h.level, organizationId: h.organization_id, organizationName: names.get(h.organization_id) ?? '',
    fromMonth: h.from_month, toMonth: h.to_month, amountFen: h.amount_fen, largeFen: h.large_fen, handedOn: h.handed_on, receiptNo: h.receipt_no, note: h.note,
    collectedFen: total, differenceFen: h.amount_fen - total,
  }
}

/** 上缴: a branch's handover to the 党委, or the 党委's upward, with its period, amount and receipt. */
export function createHandover(ctx: CallContext, input: HandoverInput): HandoverRow {
  const org = findOrganization(ctx.db, input.organizationId)
  if (!org) throw invalid('所选党组织不存在', 'organizationId')
  if (input.level === 'branch' && !isBranchType(org.type)) throw invalid(`“${org.name}”不是党支部：支部上缴请选择党支部`, 'organizationId')
  if (input.level === 'upward' && org.type !== 'committee') throw invalid(`“${org.name}”不是党委：向上级上缴请选择本院党委`, 'organizationId')
  if (input.toMonth < input.fromMonth) throw invalid('截止月份不能早于起始月份', 'toMonth')
  if (input.handedOn > todayLocal(ctx.now())) throw invalid('上缴日期不能晚于今天', 'handedOn')
  if (input.largeFen > input.amountFen) throw invalid('其中大额党费不能多于上缴金额', 'largeFen')
  const id = Number(
    ctx.db
      .prepare('INSERT INTO dues_handovers (level, organization_id, from_month, to_month, amount_fen, large_fen, handed_on, receipt_no, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.level, input.organizationId, input.fromMonth, input.toMonth, input.amountFen, input.largeFen, input.handedOn, input.receiptNo, input.note, ctx.now().toISOString(), ctx.user).lastInsertRowid,
  )
  recordAudit(ctx, { entity: 'dues_handover', entityId: id, before: null, after: { ...input, organizationName: org.name } })
  return rowOf(ctx, ctx.db.prepare('SELECT * FROM dues_handovers WHERE id = ?').get(id) as Stored, orgNames(ctx))
}

export function voidHandover(ctx: CallContext, id: number, reason: string): { voided: true } {
  const before = ctx.db.prepare('SELECT * FROM dues_handovers WHERE id = ?').get(id) as (Stored & { voided_at: string | null }) | undefined
  if (!before) throw notFound('该上缴记录')
  if (before.voided_at) throw invalid('该上缴记录已作废')
  voidRow(ctx.db, 'dues_handovers', id, ctx.user, ctx.now().toISOString(), reason)
  recordAudit(ctx, { entity: 'dues_handover', entityId: id, before, after: { voided: true, reason } })
  return { voided: true }
}

/**
 * 对账 for a year (docs/dues.md §5): per branch what was owed, paid, paid on top, handed to the 党委; each handover
 * against what the ledger collected for its period; the 党委's upward handover and its 大额党费; and every
 * difference in words — each member's unpaid or short months included — so nothing has to be worked out by hand.
 */
export function reconcile(ctx: CallContext, year: number, organizationId: number | null): Reconciliation {
  const scope = scopeOf(ctx, organizationId)
  const names = orgNames(ctx)
  const [from, to] = [`${year}-01`, `${year}-12`]
  const stored = (ctx.db.prepare('SELECT * FROM dues_handovers WHERE voided_at IS NULL AND from_month <= ? AND to_month >= ? ORDER BY handed_on, id').all(to, from) as Stored[]).filter((h) => scope === null || scope.has(h.organization_id))
  const handovers = stored.map((h) => rowOf(ctx, h, names))
  // owed and paid up to the last month that has ended: the current month is still being collected
  const { dues, through } = yearDues(ctx, year, scope)
  const owing = new Map<number, { due: number; paid: number; lines: string[] }>()
  for (const d of dues) {
    const missing = new Map<number, string[]>()
    for (const o of d.owed) {
      if (!o.month.startsWith(`${year}-`) || o.month > through || (scope && !scope.has(o.organizationId))) continue
      const b = owing.get(o.organizationId) ?? { due: 0, paid: 0, lines: [] }
      const due = o.standard?.monthlyFen ?? 0
      b.due += due
      b.paid += o.payment?.paidFen ?? 0
      owing.set(o.organizationId, b)
      const m = `${Number(o.month.slice(5))}月`
      const note = !o.payment ? `${m}未交` : !o.standard ? null : o.payment.paidFen < due ? `${m}不足额（应交${yuan(due)}，实交${yuan(o.payment.paidFen)}）` : null
      if (!o.standard) missing.set(o.organizationId, [...(missing.get(o.organizationId) ?? []), `${m}未核定基数`])
      if (note) missing.set(o.organizationId, [...(missing.get(o.organizationId) ?? []), note])
    }
    for (const [org, notes] of missing) owing.get(org)!.lines.push(`${d.member.name}：${compact(notes)}`)
  }
  const branchIds = allOrganizations(ctx.db).filter((o) => isBranchType(o.type) && (scope === null || scope.has(o.id)) && (o.status === 'active' || owing.has(o.id))).map((o) => o.id)
  const differences: string[] = []
  const branches = branchIds.map((id): ReconRow => {
    const o = owing.get(id) ?? { due: 0, paid: 0, lines: [] }
    const c = collected(ctx, descendantIds(ctx.db, id), from, to)
    const handed = stored.filter((h) => h.level === 'branch' && h.organization_id === id).reduce((s, h) => s + h.amount_fen, 0)
    const row = { organizationId: id, organizationName: names.get(id) ?? '', dueFen: o.due, paidFen: o.paid, extraFen: c.extras, largeFen: c.large, handedFen: handed, owingFen: o.due - o.paid, notHandedFen: o.paid + c.extras - handed }
    if (row.owingFen !== 0) differences.push(`${row.organizationName}：应交${yuan(row.dueFen)}，实交${yuan(row.paidFen)}，${row.owingFen > 0 ? `欠交${yuan(row.owingFen)}` : `多交${yuan(-row.owingFen)}`}${o.lines.length ? `（${o.lines.join('；')}）` : ''}`)
    else if (o.lines.length) differences.push(`${row.organizationName}：${o.lines.join('；')}`)
    if (row.notHandedFen !== 0) differences.push(`${row.organizationName}：已收${yuan(row.paidFen + row.extraFen)}，已上缴党委${yuan(handed)}，${row.notHandedFen > 0 ? `尚未上缴${yuan(row.notHandedFen)}` : `上缴多出${yuan(-row.notHandedFen)}，请核对`}`)
    return row
  })
  for (const h of handovers) {
    if (h.differenceFen !== 0) differences.push(`${h.organizationName}${formatMonth(h.fromMonth)}至${formatMonth(h.toMonth)}上缴${yuan(h.amountFen)}（${h.handedOn}${h.receiptNo ? `，收据${h.receiptNo}` : ''}），台账同期实收${yuan(h.collectedFen)}，相差${yuan(Math.abs(h.differenceFen))}`)
  }
  const all = collected(ctx, scope ? [...scope] : allOrganizations(ctx.db).map((o) => o.id), from, to)
  const up = stored.filter((h) => h.level === 'upward')
  const committee = {
    receivedFen: stored.filter((h) => h.level === 'branch').reduce((s, h) => s + h.amount_fen, 0),
    upwardFen: up.reduce((s, h) => s + h.amount_fen, 0),
    largeFen: all.large,
    largeUpFen: up.reduce((s, h) => s + h.large_fen, 0),
    collectedFen: all.monthly + all.extras,
  }
  if (committee.largeFen !== committee.largeUpFen) differences.push(`大额党费${yuan(committee.largeFen)}应全额上缴，已上缴的大额党费${yuan(committee.largeUpFen)}，相差${yuan(Math.abs(committee.largeFen - committee.largeUpFen))}`)
  return { year, handovers, branches, committee, differences }
}

/** "3月未交、4月未交、5月未交" → "3月、4月、5月未交" */
function compact(notes: string[]): string {
  const unpaid = notes.filter((n) => n.endsWith('未交')).map((n) => n.slice(0, -2))
  const rest = notes.filter((n) => !n.endsWith('未交'))
  return [...(unpaid.length ? [`${unpaid.join('、')}未交`] : []), ...rest].join('；')
}
