import type { z } from 'zod'
import type { duesContract } from '../../shared/contract/dues'
import { todayLocal } from '../../shared/dates'
import { addMonth, formatMonth, formatYuan, PAY_METHOD_LABELS } from '../../shared/dues'
import { AppError, invalid, notFound } from '../../shared/result'
import { inOneChain, recordAudit } from '../audit'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { membersDues, notOwedReason, trackedFrom } from './ledger'
import { findPayment, voidRow } from './repository'

type PayInput = z.output<(typeof duesContract)['dues.pay']['input']>

/**
 * Marks one month paid for many members at once (a branch's 组织委员 on collection day), or one member's 补交 of
 * an earlier month. All or nothing: a month already paid, a month the member does not owe here, or a missing
 * standard with no amount typed refuses the whole list, each named, and nothing is written (docs/dues.md §4).
 */
export function pay(ctx: CallContext, input: PayInput): { marked: number; warnings: string[] } {
  const settings = settingsOf(ctx)
  const today = todayLocal(ctx.now())
  if (input.paidOn > today) throw invalid('交纳日期不能晚于今天', 'paidOn')
  const ids = [...new Set(input.members.map((m) => m.memberId))]
  if (ids.length !== input.members.length) throw invalid('同一名党员在名单中出现了两次')
  const start = trackedFrom(ctx, settings)
  if (input.month < start) throw invalid(`${formatMonth(input.month)}早于党费台账的起始月份（${formatMonth(start)}），不在本台账中登记；如需从更早的月份记账，请在“系统设置 → 规则参数 → 台账起始月份”中调整`, 'month')
  const dues = new Map(membersDues(ctx, input.month, { ids }).map((d) => [d.member.id, d]))
  const problems: string[] = []
  const warnings: string[] = []
  const writes: { memberId: number; organizationId: number; dueFen: number | null; paidFen: number; name: string }[] = []
  for (const { memberId, paidFen } of input.members) {
    const d = dues.get(memberId)
    if (!d) {
      const name = ctx.db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(memberId) as string | undefined
      problems.push(name ? `${name}不是党员，不交纳党费` : `编号 ${memberId} 的人员不存在`)
      continue
    }
    const owed = d.owed.find((o) => o.month === input.month)
    if (!owed) {
      problems.push(notOwedReason(d.member, input.month, d.owed) ?? `${d.member.name}${input.month}不需交纳`)
      continue
    }
    if (owed.payment) {
      problems.push(`${d.member.name}${formatMonth(input.month)}的党费已于${owed.payment.paidOn}登记（${formatYuan(owed.payment.paidFen)}元），不能重复登记；如有误，请先作废原记录`)
      continue
    }
    const due = owed.standard?.monthlyFen ?? null
    if (paidFen === null && due === null) {
      problems.push(`${d.member.name}还没有核定党费基数，请先登记基数，或填写实交金额`)
      continue
    }
    const paid = paidFen ?? due!
    if (due !== null && paid < due) warnings.push(`${d.member.name}实交${formatYuan(paid)}元，少于月交纳标准${formatYuan(due)}元（不足额）`)
    if (due !== null && paid > due) warnings.push(`${d.member.name}实交${formatYuan(paid)}元，多于月交纳标准${formatYuan(due)}元`)
    writes.push({ memberId, organizationId: owed.organizationId, dueFen: due, paidFen: paid, name: d.member.name })
  }
  if (problems.length) throw new AppError('VALIDATION', `未登记任何一人：${problems.join('；')}`)
  // 补交: normally no more than six months back (中组发〔2008〕3号); allowed, and said
  const back = input.paidOn.slice(0, 7) > input.month
  if (back && addMonth(input.month, settings['dues.backPayMonths']) < input.paidOn.slice(0, 7)) {
    warnings.push(`补交${formatMonth(input.month)}的党费已超过${settings['dues.backPayMonths']}个月（补交一般不超过6个月），请在备注中说明原因`)
  }
  const at = ctx.now().toISOString()
  const insert = ctx.db.prepare(
    'INSERT INTO dues_payments (member_id, month, organization_id, due_fen, paid_fen, paid_on, method, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  inOneChain(ctx, () => {
    for (const w of writes) {
      const id = Number(insert.run(w.memberId, input.month, w.organizationId, w.dueFen, w.paidFen, input.paidOn, input.method, input.note, at, ctx.user).lastInsertRowid)
      recordAudit(ctx, { entity: 'dues_payment', entityId: id, before: null, after: { memberId: w.memberId, name: w.name, month: input.month, paidFen: w.paidFen, dueFen: w.dueFen, paidOn: input.paidOn, method: PAY_METHOD_LABELS[input.method], backPay: back } })
    }
  })
  return { marked: writes.length, warnings }
}

/** A payment entered by mistake is voided (never deleted), with the reason; the month is unpaid again. */
export function voidPayment(ctx: CallContext, id: number, reason: string): { voided: true } {
  const p = findPayment(ctx.db, id)
  if (!p) throw notFound('该交纳记录')
  if (p.voidedAt) throw invalid('该交纳记录已作废')
  voidRow(ctx.db, 'dues_payments', id, ctx.user, ctx.now().toISOString(), reason)
  recordAudit(ctx, { entity: 'dues_payment', entityId: id, before: p, after: { voided: true, reason } })
  return { voided: true }
}

/**
 * 自愿多交 and 大额党费: recorded apart from the monthly ledger; from dues.largeAmount (1000 元) it is 大额党费,
 * handed upward in full (中组发〔2008〕3号).
 */
export function extra(ctx: CallContext, input: { memberId: number; paidOn: string; amountFen: number; note: string | null }): { id: number; large: boolean } {
  if (input.paidOn > todayLocal(ctx.now())) throw invalid('交纳日期不能晚于今天', 'paidOn')
  const month = input.paidOn.slice(0, 7)
  const [d] = membersDues(ctx, month, { ids: [input.memberId] })
  const owed = d?.owed.find((o) => o.month === month) ?? d?.owed.at(-1)
  if (!d || !owed) throw invalid('只有本单位的党员可以登记交纳党费')
  const large = input.amountFen >= Math.round(settingsOf(ctx)['dues.largeAmount'] * 100)
  const id = Number(
    ctx.db
      .prepare('INSERT INTO dues_extras (member_id, organization_id, paid_on, amount_fen, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.memberId, owed.organizationId, input.paidOn, input.amountFen, input.note, ctx.now().toISOString(), ctx.user).lastInsertRowid,
  )
  recordAudit(ctx, { entity: 'dues_extra', entityId: id, before: null, after: { memberId: input.memberId, name: d.member.name, amountFen: input.amountFen, paidOn: input.paidOn, large } })
  return { id, large }
}

export function voidExtra(ctx: CallContext, id: number, reason: string): { voided: true } {
  const before = ctx.db.prepare('SELECT * FROM dues_extras WHERE id = ?').get(id) as { voided_at: string | null } | undefined
  if (!before) throw notFound('该记录')
  if (before.voided_at) throw invalid('该记录已作废')
  voidRow(ctx.db, 'dues_extras', id, ctx.user, ctx.now().toISOString(), reason)
  recordAudit(ctx, { entity: 'dues_extra', entityId: id, before, after: { voided: true, reason } })
  return { voided: true }
}
