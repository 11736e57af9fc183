import type { z } from 'zod'
import type { duesPrintInput } from '../../shared/contract/dues'
import { addDays, todayLocal } from '../../shared/dates'
import { addMonth, DUES_CATEGORY_LABELS, formatMonth, formatRate, formatYuan, hasBase, PAY_METHOD_LABELS, yearMonths } from '../../shared/dues'
import { BASE_MASK, type DuesNoticeData, type DuesRecordData, type DuesRegisterData, type DuesReportData, type DuesReportRow } from '../../shared/print/dues-types'
import { AppError, invalid } from '../../shared/result'
import type { Standard } from '../../shared/rules/dues'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { findOrganization } from '../organizations/repository'
import { reconcile } from './handovers'
import { lastEnded, notOwedReason } from './ledger'
import { orgNames, scopeOf, standardsOf, yearDues } from './views'

export type DuesPrint = z.output<typeof duesPrintInput>
/** a blank to write the unit's name in by hand when it is not set */
export const unitOf = (ctx: CallContext): string => settingsOf(ctx)['unit.name'] || '＿'.repeat(12)
const dotted = (iso: string | null | undefined) => (iso ? iso.split('-').map((v, i) => (i ? String(Number(v)) : v)).join('.') : '')
const pct = (paid: number, due: number) => (due > 0 ? `${(Math.round((paid / due) * 1000) / 10).toFixed(1)}%` : '—')

/** Only a role that may see income prints it (not 只读领导); the print's audit entry says it was shown. */
export function allowBase(ctx: CallContext, showBase: boolean): boolean {
  if (showBase && ctx.transport !== 'cli' && ctx.session.user?.role === 'leader') throw new AppError('FORBIDDEN', '只读账号不能打印或导出党费计算基数（收入信息）')
  return showBase
}

const baseText = (s: Standard | null, show: boolean) => (!s ? '未核定' : !hasBase(s.category) ? '—' : show ? formatYuan(s.baseFen) : BASE_MASK)

/** 党费收缴登记表 of one branch and month. */
export function registerData(ctx: CallContext, organizationId: number, month: string, showBase: boolean): DuesRegisterData {
  const org = findOrganization(ctx.db, organizationId)
  if (!org) throw invalid('所选党组织不存在')
  const scope = scopeOf(ctx, organizationId)!
  const year = Number(month.slice(0, 4))
  const { dues } = yearDues(ctx, year, scope)
  const lines: DuesRegisterData['lines'] = []
  let [due, paid, paidPeople] = [0, 0, 0]
  for (const d of dues) {
    const o = d.owed.find((x) => x.month === month && scope.has(x.organizationId))
    if (!o) continue
    const p = o.payment
    due += o.standard?.monthlyFen ?? 0
    if (p) [paid, paidPeople] = [paid + p.paidFen, paidPeople + 1]
    const notes = [p && p.paidOn.slice(0, 7) > month ? `${dotted(p.paidOn)}补交` : '', p && o.standard && p.paidFen < o.standard.monthlyFen ? '不足额' : '', o.standard?.category === 'reduced' ? '减免' : '', p?.note ?? ''].filter(Boolean)
    lines.push({
      name: d.member.name,
      category: o.standard ? DUES_CATEGORY_LABELS[o.standard.category] : '',
      base: baseText(o.standard, showBase),
      rate: formatRate(o.standard?.rateBp ?? null) || (o.standard ? '—' : ''),
      standard: o.standard ? formatYuan(o.standard.monthlyFen) : '',
      paid: p ? formatYuan(p.paidFen) : '',
      paidOn: dotted(p?.paidOn),
      method: p ? PAY_METHOD_LABELS[p.method] : '',
      note: notes.join('；'),
    })
  }
  const backPays = dues.flatMap((d) =>
    d.owed
      .filter((o) => o.payment && o.month < month && o.payment.paidOn.slice(0, 7) === month && scope.has(o.payment.organizationId))
      .map((o) => ({ name: d.member.name, month: formatMonth(o.month), paid: formatYuan(o.payment!.paidFen), paidOn: dotted(o.payment!.paidOn), method: PAY_METHOD_LABELS[o.payment!.method] })),
  )
  return { unitName: unitOf(ctx), branchName: org.name, month: formatMonth(month), lines, backPays, totals: { people: lines.length, due: formatYuan(due), paidPeople, paid: formatYuan(paid) } }
}

/** 党费收缴情况 for a year, by branch, from the same reconciliation as the screen. */
export function reportData(ctx: CallContext, year: number): DuesReportData {
  const r = reconcile(ctx, year, null)
  const { dues, through } = yearDues(ctx, year, null)
  const people = new Map<number, Set<number>>()
  const owing = new Map<number, Set<number>>()
  for (const d of dues) {
    for (const o of d.owed) {
      if (!o.month.startsWith(`${year}-`)) continue
      people.set(o.organizationId, (people.get(o.organizationId) ?? new Set()).add(d.member.id))
      if (!o.payment && o.month <= through) owing.set(o.organizationId, (owing.get(o.organizationId) ?? new Set()).add(d.member.id))
    }
  }
  const rowOf = (branch: string, n: number, owingN: number, x: { dueFen: number; paidFen: number; extraFen: number; handedFen: number; notHandedFen: number }): DuesReportRow => ({
    branch, people: n, due: formatYuan(x.dueFen), paid: formatYuan(x.paidFen), rate: pct(x.paidFen, x.dueFen), owingPeople: owingN, extras: formatYuan(x.extraFen), handed: formatYuan(x.handedFen), notHanded: formatYuan(x.notHandedFen),
  })
  const rows = r.branches.filter((b) => b.dueFen || b.paidFen || b.extraFen || b.handedFen || people.has(b.organizationId)).map((b) => rowOf(b.organizationName, people.get(b.organizationId)?.size ?? 0, owing.get(b.organizationId)?.size ?? 0, b))
  const sum = (k: 'dueFen' | 'paidFen' | 'extraFen' | 'handedFen' | 'notHandedFen') => r.branches.reduce((s, b) => s + b[k], 0)
  const total = rowOf('合计', new Set(dues.map((d) => d.member.id)).size, new Set([...owing.values()].flatMap((s) => [...s])).size, { dueFen: sum('dueFen'), paidFen: sum('paidFen'), extraFen: sum('extraFen'), handedFen: sum('handedFen'), notHandedFen: sum('notHandedFen') })
  const c = r.committee
  const committee = [
    `全年实收党费（含自愿多交）${formatYuan(c.collectedFen)}元，收到各支部上缴${formatYuan(c.receivedFen)}元，向上级党组织上缴${formatYuan(c.upwardFen)}元。`,
    `大额党费（一次${settingsOf(ctx)['dues.largeAmount']}元以上）${formatYuan(c.largeFen)}元，应全额上缴，已上缴${formatYuan(c.largeUpFen)}元。`,
  ]
  // the reconciliation counts the months that have ended
  const asOf = addDays(`${addMonth(through, 1)}-01`, -1)
  return { unitName: unitOf(ctx), year, asOf, rows, total, committee, differences: r.differences }
}

function addWorkingDays(from: string, days: number): string {
  let d = from
  for (let left = days; left > 0; ) {
    d = addDays(d, 1)
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay()
    if (wd !== 0 && wd !== 6) left--
  }
  return d
}

/** 公示 of each member's standard: no base, no rate; the period from today for the configured working days. */
export function noticeData(ctx: CallContext, input: Extract<DuesPrint, { what: 'notice' }>): DuesNoticeData {
  const s = standardsOf(ctx, input.year, input.organizationId, false)
  const missing = s.rows.filter((r) => r.monthlyFen === null)
  if (missing.length) throw invalid(`还有${missing.length}名党员没有核定党费基数（${missing.slice(0, 5).map((r) => r.name).join('、')}${missing.length > 5 ? '等' : ''}），请先登记后再公示`)
  if (!s.rows.length) throw invalid(`${input.year}年没有需要交纳党费的党员`)
  const settings = settingsOf(ctx)
  const today = todayLocal(ctx.now())
  const from = input.periodFrom ?? today
  const org = input.organizationId ? findOrganization(ctx.db, input.organizationId) : null
  return {
    issuer: input.issuer ?? org?.name ?? (settings['unit.name'] || '院党委'),
    year: input.year,
    issuedOn: from,
    periodFrom: from,
    periodTo: input.periodTo ?? addWorkingDays(from, settings['print.noticeWorkingDays']),
    feedback: settings['print.noticeFeedback'] || '院党委办公室',
    people: s.rows.map((r) => ({ name: r.name, branch: r.organizationName, category: r.category ? DUES_CATEGORY_LABELS[r.category] : '', standard: formatYuan(r.monthlyFen), fromMonth: formatMonth(r.fromMonth) })),
  }
}

/** A member's own year: each month's standard, payment, and why a month is not owed. */
export function recordData(ctx: CallContext, memberId: number, year: number, showBase: boolean): DuesRecordData {
  const { dues } = yearDues(ctx, year, null, [memberId])
  const d = dues[0]
  if (!d) throw invalid(`此人${year}年没有需要交纳的党费（不是党员，或不在本单位）`)
  const names = orgNames(ctx)
  const mine = d.owed.filter((o) => o.month.startsWith(`${year}-`))
  const standards: DuesRecordData['standards'] = []
  for (const o of mine) {
    const s = o.standard
    const key = s ? `${s.category}|${s.baseFen}|${s.monthlyFen}` : 'none'
    if (standards.length && (standards as { key?: string }[]).at(-1)!.key === key) continue
    standards.push(Object.assign({ fromMonth: formatMonth(o.month), category: s ? DUES_CATEGORY_LABELS[s.category] : '未核定', base: baseText(s, showBase), rate: formatRate(s?.rateBp ?? null) || '—', standard: s ? formatYuan(s.monthlyFen) : '' }, { key }))
  }
  const ended = lastEnded(ctx)
  const months = yearMonths(year).map((month) => {
    const o = mine.find((x) => x.month === month)
    const p = o?.payment
    const note = !o ? (notOwedReason(d.member, month, d.owed)?.replace(d.member.name, '') ?? '') : !p ? (month <= ended ? '未交' : '') : [p.paidOn.slice(0, 7) > month ? '补交' : '', o.standard && p.paidFen < o.standard.monthlyFen ? '不足额' : ''].filter(Boolean).join('，')
    return { month: formatMonth(month), due: o?.standard ? formatYuan(o.standard.monthlyFen) : o ? '未核定' : '—', paid: p ? formatYuan(p.paidFen) : '', paidOn: dotted(p?.paidOn), method: p ? PAY_METHOD_LABELS[p.method] : '', note }
  })
  const last = mine.at(-1) ?? d.owed.at(-1)!
  return {
    unitName: unitOf(ctx),
    name: d.member.name,
    branch: names.get(last.organizationId) ?? '',
    year,
    standards: standards.map(({ fromMonth, category, base, rate, standard }) => ({ fromMonth, category, base, rate, standard })),
    months,
    totals: { due: formatYuan(mine.reduce((s, o) => s + (o.standard?.monthlyFen ?? 0), 0)), paid: formatYuan(mine.reduce((s, o) => s + (o.payment?.paidFen ?? 0), 0)) },
    printedOn: todayLocal(ctx.now()),
  }
}
