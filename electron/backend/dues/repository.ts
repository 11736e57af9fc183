import type { Database } from 'better-sqlite3'
import type { BaseSource, DuesCategory, Month, PayMethod } from '../../shared/dues'
import type { Stage } from '../../shared/members'
import type { DuesHistory, MembershipSpan } from '../../shared/rules/dues-months'

/** A person who has been a party member here, with the history that decides which months they owe (rules/dues-months.ts). */
export interface DuesMember {
  id: number
  name: string
  idNumber: string | null
  stage: Stage
  status: string
  organizationId: number | null
  history: DuesHistory
}

export interface BaseRow {
  id: number
  memberId: number
  fromMonth: Month
  category: DuesCategory
  baseFen: number | null
  reducedFen: number | null
  decision: string | null
  source: BaseSource
  note: string | null
}

export interface PaymentRow {
  id: number
  memberId: number
  month: Month
  organizationId: number
  dueFen: number | null
  paidFen: number
  paidOn: string
  method: PayMethod
  note: string | null
}

type Row = Record<string, unknown>
const inList = (ids: readonly number[] | null, column: string): string => (ids === null ? '' : `AND ${column} IN (SELECT value FROM json_each('${JSON.stringify(ids.map(Number))}'))`)

/**
 * Everyone who has held 入党日期 on our roster (current, transferred out, left), with memberships, transfers and
 * suspensions: four queries for the whole hospital, not four per person. `ids` narrows to some people.
 */
export function duesMembers(db: Database, ids: readonly number[] | null = null): DuesMember[] {
  const people = db.prepare(`SELECT id, name, id_number, stage, status, organization_id, joined_on FROM members WHERE joined_on IS NOT NULL ${inList(ids, 'id')} ORDER BY id`).all() as Row[]
  const spans = new Map<number, MembershipSpan[]>()
  for (const s of db.prepare(`SELECT member_id, organization_id, from_date, to_date FROM memberships WHERE 1 ${inList(ids, 'member_id')} ORDER BY member_id, from_date, id`).all() as Row[]) {
    const list = spans.get(s.member_id as number) ?? []
    list.push({ organizationId: s.organization_id as number, from: s.from_date as string, to: (s.to_date as string | null) ?? null })
    spans.set(s.member_id as number, list)
  }
  const events = new Map<number, { type: string; on: string; paidTo: string | null }[]>()
  const eventRows = db
    .prepare(`SELECT member_id, type, occurred_on, dues_paid_to FROM member_events WHERE type IN ('transfer_in','transfer_out','suspended','restored') ${inList(ids, 'member_id')} ORDER BY member_id, occurred_on, id`)
    .all() as Row[]
  for (const e of eventRows) {
    const list = events.get(e.member_id as number) ?? []
    list.push({ type: e.type as string, on: e.occurred_on as string, paidTo: (e.dues_paid_to as string | null) ?? null })
    events.set(e.member_id as number, list)
  }
  return people.map((p) => {
    const mine = events.get(p.id as number) ?? []
    const suspensions: { from: string; to: string | null }[] = []
    for (const e of mine) {
      if (e.type === 'suspended') suspensions.push({ from: e.on, to: null })
      if (e.type === 'restored' && suspensions.at(-1)?.to === null) suspensions.at(-1)!.to = e.on
    }
    return {
      id: p.id as number,
      name: p.name as string,
      idNumber: (p.id_number as string | null) ?? null,
      stage: p.stage as Stage,
      status: p.status as string,
      organizationId: (p.organization_id as number | null) ?? null,
      history: {
        joinedOn: p.joined_on as string,
        memberships: spans.get(p.id as number) ?? [],
        transfers: mine.filter((e) => e.type === 'transfer_in' || e.type === 'transfer_out').map((e) => ({ type: e.type === 'transfer_in' ? ('in' as const) : ('out' as const), on: e.on, paidTo: e.paidTo })),
        suspensions,
      },
    }
  })
}

const baseOf = (r: Row): BaseRow => ({
  id: r.id as number,
  memberId: r.member_id as number,
  fromMonth: r.from_month as string,
  category: r.category as DuesCategory,
  baseFen: (r.base_fen as number | null) ?? null,
  reducedFen: (r.reduced_fen as number | null) ?? null,
  decision: (r.decision as string | null) ?? null,
  source: r.source as BaseSource,
  note: (r.note as string | null) ?? null,
})

/** Every base in force (not voided), by member, in the order they take effect. */
export function basesByMember(db: Database, ids: readonly number[] | null = null): Map<number, BaseRow[]> {
  const out = new Map<number, BaseRow[]>()
  for (const r of db.prepare(`SELECT * FROM dues_bases WHERE voided_at IS NULL ${inList(ids, 'member_id')} ORDER BY member_id, from_month`).all() as Row[]) {
    const b = baseOf(r)
    out.set(b.memberId, [...(out.get(b.memberId) ?? []), b])
  }
  return out
}

export function findBase(db: Database, id: number): (BaseRow & { voidedAt: string | null }) | null {
  const r = db.prepare('SELECT * FROM dues_bases WHERE id = ?').get(id) as Row | undefined
  return r ? { ...baseOf(r), voidedAt: (r.voided_at as string | null) ?? null } : null
}

/** The base row in force for a member from exactly this month (the import's match), if any. */
export function baseAt(db: Database, memberId: number, fromMonth: Month): BaseRow | null {
  const r = db.prepare('SELECT * FROM dues_bases WHERE member_id = ? AND from_month = ? AND voided_at IS NULL').get(memberId, fromMonth) as Row | undefined
  return r ? baseOf(r) : null
}

const paymentOf = (r: Row): PaymentRow => ({
  id: r.id as number,
  memberId: r.member_id as number,
  month: r.month as string,
  organizationId: r.organization_id as number,
  dueFen: (r.due_fen as number | null) ?? null,
  paidFen: r.paid_fen as number,
  paidOn: r.paid_on as string,
  method: r.method as PayMethod,
  note: (r.note as string | null) ?? null,
})

/** Payments in force for months from..to, by member and month. */
export function paymentsByMember(db: Database, from: Month, to: Month, ids: readonly number[] | null = null): Map<number, Map<Month, PaymentRow>> {
  const out = new Map<number, Map<Month, PaymentRow>>()
  for (const r of db.prepare(`SELECT * FROM dues_payments WHERE voided_at IS NULL AND month BETWEEN ? AND ? ${inList(ids, 'member_id')}`).all(from, to) as Row[]) {
    const p = paymentOf(r)
    const mine = out.get(p.memberId) ?? new Map<Month, PaymentRow>()
    mine.set(p.month, p)
    out.set(p.memberId, mine)
  }
  return out
}

export function findPayment(db: Database, id: number): (PaymentRow & { voidedAt: string | null }) | null {
  const r = db.prepare('SELECT * FROM dues_payments WHERE id = ?').get(id) as Row | undefined
  return r ? { ...paymentOf(r), voidedAt: (r.voided_at as string | null) ?? null } : null
}

/** The first month anything was entered in the ledger (the earliest base or payment), or null on a fresh database. */
export function firstEntryMonth(db: Database): Month | null {
  return (db.prepare("SELECT min(m) FROM (SELECT min(from_month) AS m FROM dues_bases WHERE voided_at IS NULL UNION ALL SELECT min(month) FROM dues_payments WHERE voided_at IS NULL)").pluck().get() as string | null) ?? null
}

/** Marks a record voided (never deleted): who, when, why. */
export function voidRow(db: Database, table: 'dues_bases' | 'dues_payments' | 'dues_extras' | 'dues_handovers', id: number, by: string, at: string, reason: string): void {
  db.prepare(`UPDATE ${table} SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL`).run(at, by, reason, id)
}
