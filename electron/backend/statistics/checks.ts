import type { Reconciliation, StatisticsCheck } from '../../shared/contract/statistics'
import { addMonths, type IsoDate } from '../../shared/dates'
import { parseIdNumber } from '../../shared/rules/id-number'
import type { CallContext } from '../context'
import { IN_FORCE } from '../members/repository'
import { heldOn, isMemberOn } from './annual'

/**
 * What the higher committee checks before accepting the report (docs/rules.md §6): last year's closing total plus
 * additions minus reductions equals this year's total, with every name and reason (增减名单).
 */
export function reconcile(ctx: CallContext, year: number, asOf: IsoDate): Reconciliation {
  const lastOn = `${year - 1}-12-31`
  const last = new Map(heldOn(ctx, lastOn).filter((p) => isMemberOn(p, lastOn)).map((p) => [p.id, p]))
  const now = new Map(heldOn(ctx, asOf).filter((p) => isMemberOn(p, asOf)).map((p) => [p.id, p]))
  const from = `${year}-01-01`
  const eventOf = (id: number, types: string[]) =>
    ctx.db
      .prepare(`SELECT type, reason, other_organization AS other FROM member_events e WHERE member_id = ? AND occurred_on BETWEEN ? AND ? AND type IN (${types.map(() => '?').join(',')}) AND ${IN_FORCE} ORDER BY occurred_on DESC LIMIT 1`)
      .get(id, from, asOf, ...types) as { type: string; reason: string | null; other: string | null } | undefined
  const added = [...now.values()]
    .filter((p) => !last.has(p.id))
    .map((p) => {
      const e = eventOf(p.id, ['transfer_in', 'restored'])
      const reason = p.joinedOn! >= from ? '发展入党' : e?.type === 'transfer_in' ? `转入（自${e.other ?? '外单位'}）` : e?.type === 'restored' ? '恢复党籍' : '补录：无发展或转入记录'
      return { id: p.id, name: p.name, reason }
    })
  const removed = [...last.values()]
    .filter((p) => !now.has(p.id))
    .map((p) => {
      // 党员减少 by its reason (shared/leaving.ts): 死亡 is not 出党
      const e = eventOf(p.id, ['left', 'died', 'cancelled', 'transfer_out'])
      const reason =
        e?.type === 'left' ? `出党（${(e.reason ?? '').split('：')[0]}）` : e?.type === 'died' ? '死亡' : e?.type === 'cancelled' ? '取消预备党员资格' : e?.type === 'transfer_out' ? `转出（至${e.other ?? '外单位'}）` : '原因不明：无死亡、出党或转出记录'
      return { id: p.id, name: p.name, reason }
    })
  return { lastYearTotal: last.size, added, removed, thisYearTotal: now.size, balanced: last.size + added.length - removed.length === now.size }
}

/** Data problems that would make the tables wrong, each with the people to fix. */
export function dataChecks(ctx: CallContext, asOf: IsoDate, reconciliation: Reconciliation): StatisticsCheck[] {
  const people = heldOn(ctx, asOf).filter((p) => isMemberOn(p, asOf))
  const checks: StatisticsCheck[] = []
  const push = (level: StatisticsCheck['level'], message: string, members: StatisticsCheck['members']) => members.length && checks.push({ level, message, members })
  const ids = ctx.db.prepare('SELECT id, id_number AS idNumber, gender, birth_date AS birthDate FROM members WHERE id_number IS NOT NULL').all() as { id: number; idNumber: string; gender: string; birthDate: string | null }[]
  const byId = new Map(ids.map((r) => [r.id, r]))
  push(
    'error',
    '身份证号与性别或出生日期不符',
    people.flatMap((p) => {
      const r = byId.get(p.id)
      if (!r) return []
      // the details name what disagrees, never a value: this list is open to 只读领导, who see ID numbers masked
      // and birth dates by month only (shared/birth-month.ts); the record itself shows the rest
      const id = parseIdNumber(r.idNumber)
      if (!id.ok) return [{ id: p.id, name: p.name, detail: '身份证号不是有效号码，请在档案中核对' }]
      const wrong = [id.gender !== r.gender ? '性别' : null, r.birthDate && id.birthDate !== r.birthDate ? '出生日期' : null].filter(Boolean)
      return wrong.length ? [{ id: p.id, name: p.name, detail: `登记的${wrong.join('、')}与身份证号不符` }] : []
    }),
  )
  const missing = (field: keyof (typeof people)[number], label: string) =>
    push('warning', `缺少${label}，相关统计表无法计入`, people.filter((p) => !p[field]).map((p) => ({ id: p.id, name: p.name, detail: p.organizationName ?? '' })))
  missing('birthDate', '出生日期')
  missing('education', '学历')
  missing('ethnicity', '民族')
  missing('occupation', '职业类别')
  push(
    'warning',
    '预备期已满但尚未转正（应及时讨论转正或延长预备期）',
    people.filter((p) => !p.convertedOn && p.joinedOn && addMonths(p.joinedOn, 12 + (p.extensionMonths ?? 0)) < asOf).map((p) => ({ id: p.id, name: p.name, detail: `入党日期 ${p.joinedOn}` })),
  )
  push('warning', '本年新增但没有发展或转入记录（可能是补录的老党员，请核对上年是否漏统）', reconciliation.added.filter((a) => a.reason.startsWith('补录')).map((a) => ({ id: a.id, name: a.name, detail: a.reason })))
  push('error', '上年在册、本年不在册，但没有死亡、出党或转出记录', reconciliation.removed.filter((r) => r.reason.startsWith('原因不明')).map((r) => ({ id: r.id, name: r.name, detail: r.reason })))
  return checks
}
