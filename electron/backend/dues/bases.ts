import type { z } from 'zod'
import type { duesContract, StandardRow } from '../../shared/contract/dues'
import { addMonth, DUES_CATEGORY_LABELS, formatYuan, hasBase, type BaseSource, type DuesCategory, type Month } from '../../shared/dues'
import { invalid, notFound } from '../../shared/result'
import { maskIdNumber } from '../../shared/rules/id-number'
import { liableMonths } from '../../shared/rules/dues-months'
import { standardOf } from '../../shared/rules/dues'
import type { Settings } from '../../shared/settings'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { notOwedReason } from './ledger'
import { baseAt, duesMembers, findBase, voidRow, type BaseRow, type DuesMember } from './repository'

type SetBaseInput = z.output<(typeof duesContract)['dues.setBase']['input']>

export interface BaseWrite {
  category: DuesCategory
  baseFen: number | null
  reducedFen: number | null
  decision: string | null
  source: BaseSource
  note: string | null
}

/** Why a base cannot be recorded as given (the form and the import share it), or null. */
export function baseProblem(w: Pick<BaseWrite, 'category' | 'baseFen' | 'reducedFen' | 'decision'>, settings: Settings): { field: string; message: string } | null {
  if (hasBase(w.category)) {
    if (w.baseFen === null) return { field: 'baseFen', message: `${DUES_CATEGORY_LABELS[w.category]}党员请填写计算基数（${w.category === 'salary' ? '月工资收入，税后' : '月离退休费或养老金'}）` }
    if (w.baseFen === 0) return { field: 'baseFen', message: '计算基数为0：没有收入的党员请按学生、下岗失业等类别登记（每月0.2元），经济困难的请登记减免' }
    const max = Math.round(settings['dues.maxBase'] * 100)
    if (w.baseFen > max) return { field: 'baseFen', message: `计算基数${formatYuan(w.baseFen)}元超过每月${settings['dues.maxBase']}元，请核对是否多写了位数；确实如此的，请在“规则参数 → 基数核对上限”中调高后再登记` }
  }
  if (w.category === 'reduced') {
    if (w.reducedFen === null) return { field: 'reducedFen', message: '请填写减免后每月交纳的金额（免交填0）' }
    if (!w.decision) return { field: 'decision', message: '减免须经党支部研究、报上级党委批准：请写明决定的日期和内容' }
  }
  return null
}

/** The person a base is for must owe dues here from that month (or within the year after it). */
export function liabilityProblem(m: DuesMember, fromMonth: Month): string | null {
  const owed = liableMonths(m.history, fromMonth, addMonth(fromMonth, 11))
  return owed.length ? null : notOwedReason(m, fromMonth, owed)
}

/**
 * Writes a base from a month: a base already in force from that very month is voided and replaced (the audit keeps
 * both), never overwritten. Returns the id of the row now in force and the one it replaced.
 */
export function writeBase(ctx: CallContext, memberId: number, fromMonth: Month, w: BaseWrite): { id: number; replaced: BaseRow | null } {
  const at = ctx.now().toISOString()
  const replaced = baseAt(ctx.db, memberId, fromMonth)
  if (replaced) voidRow(ctx.db, 'dues_bases', replaced.id, ctx.user, at, '由新的基数替换')
  const keep = hasBase(w.category)
  const id = Number(
    ctx.db
      .prepare('INSERT INTO dues_bases (member_id, from_month, category, base_fen, reduced_fen, decision, source, note, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(memberId, fromMonth, w.category, keep ? w.baseFen : null, w.category === 'reduced' ? w.reducedFen : null, w.category === 'reduced' ? w.decision : null, w.category === 'reduced' ? 'decision' : w.source, w.note, at, ctx.user, at).lastInsertRowid,
  )
  // the replaced row's own entry: an import batch that wrote it can no longer be undone over this change
  if (replaced) recordAudit(ctx, { entity: 'dues_base', entityId: replaced.id, before: replaced, after: { voided: true, replacedBy: id } })
  return { id, replaced }
}

/** One base entered by hand (本人申报, a change of income, a 减免 decision). */
export function setBase(ctx: CallContext, input: SetBaseInput): StandardRow {
  const settings = settingsOf(ctx)
  const [m] = duesMembers(ctx.db, [input.memberId])
  if (!m) throw invalid('只有党员（含预备党员）交纳党费：此人还没有入党日期', 'memberId')
  const problem = baseProblem(input, settings)
  if (problem) throw invalid(problem.message, problem.field)
  const liability = liabilityProblem(m, input.fromMonth)
  if (liability) throw invalid(liability, 'fromMonth')
  const { id, replaced } = writeBase(ctx, m.id, input.fromMonth, input)
  const s = standardOf(input.category, hasBase(input.category) ? input.baseFen : null, settings, input.reducedFen)
  recordAudit(ctx, { entity: 'dues_base', entityId: id, before: replaced, after: { memberId: m.id, name: m.name, fromMonth: input.fromMonth, category: input.category, baseFen: s.baseFen, monthlyFen: s.monthlyFen, decision: input.category === 'reduced' ? input.decision : null } })
  const orgName = ctx.db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(m.organizationId) as string | undefined
  return {
    baseId: id,
    memberId: m.id,
    name: m.name,
    idNumber: maskIdNumber(m.idNumber),
    organizationName: orgName ?? '',
    category: input.category,
    baseFen: s.baseFen,
    rateBp: s.rateBp,
    monthlyFen: s.monthlyFen,
    fromMonth: input.fromMonth,
    source: input.category === 'reduced' ? 'decision' : input.source,
    decision: input.category === 'reduced' ? input.decision : null,
    note: input.note,
    earlier: [],
  }
}

/** A base entered by mistake is voided with the reason; the one before it is in force again. */
export function voidBase(ctx: CallContext, id: number, reason: string): { voided: true } {
  const b = findBase(ctx.db, id)
  if (!b) throw notFound('该基数记录')
  if (b.voidedAt) throw invalid('该基数记录已作废')
  voidRow(ctx.db, 'dues_bases', id, ctx.user, ctx.now().toISOString(), reason)
  recordAudit(ctx, { entity: 'dues_base', entityId: id, before: b, after: { voided: true, reason } })
  return { voided: true }
}
