import type { Database } from 'better-sqlite3'
import type { Method } from '../../shared/contract'
import type { ScopeRule } from '../branch-scope'
import { liableMonths } from '../../shared/rules/dues-months'
import { duesMembers } from './repository'

type Input = Record<string, unknown>
const one = (db: Database, sql: string, id: unknown): number | null => (db.prepare(sql).pluck().get(id) as number | null | undefined) ?? null
const memberOrg = (db: Database, id: unknown) => one(db, 'SELECT organization_id FROM members WHERE id = ?', id)

/**
 * The branch a month's dues belong to (rules/dues-months.ts): a 支部书记 marks only the months owed to their own
 * branch — not those a member who moved over still owed to the old one. A month not owed at all is answered with
 * the member's current branch, so the handler can say why in words.
 */
function branchOfMonth(db: Database, memberId: unknown, month: unknown): number | null {
  const [m] = duesMembers(db, [Number(memberId)])
  if (!m) return null
  const owed = liableMonths(m.history, String(month), String(month))[0]
  return owed?.organizationId ?? m.organizationId
}

/**
 * 党费 for the 支部书记 role (backend/branch-scope.ts): their own branch's ledger, standards, payments, 减免 and
 * handovers to the 党委, and prints of them; the 收缴率 by branch and the year report are numbers only. The
 * 党委's handover upward stays with the office.
 */
export const DUES_SCOPE: Partial<Record<Method, ScopeRule>> = {
  'dues.ledger': 'narrow',
  'dues.standards': 'narrow',
  'dues.reconcile': 'narrow',
  'dues.rates': 'open',
  'dues.setBase': (i, db) => [memberOrg(db, i.memberId)],
  'dues.voidBase': (i, db) => [one(db, 'SELECT m.organization_id FROM dues_bases b JOIN members m ON m.id = b.member_id WHERE b.id = ?', i.id)],
  'dues.pay': (i, db) => (i.members as Input[]).map((p) => branchOfMonth(db, p.memberId, i.month)),
  'dues.voidPayment': (i, db) => [one(db, 'SELECT organization_id FROM dues_payments WHERE id = ?', i.id)],
  'dues.extra': (i, db) => [memberOrg(db, i.memberId)],
  'dues.voidExtra': (i, db) => [one(db, 'SELECT organization_id FROM dues_extras WHERE id = ?', i.id)],
  'dues.handover': (i) => (i.level === 'branch' ? [i.organizationId as number] : [null]),
  'dues.voidHandover': (i, db) => [one(db, "SELECT organization_id FROM dues_handovers WHERE id = ? AND level = 'branch'", i.id)],
  'dues.print': printOrgs,
  'dues.export': printOrgs,
}

function printOrgs(i: Input, db: Database): (number | null)[] {
  switch (i.what) {
    case 'register':
      return [i.organizationId as number]
    case 'notice':
      return [(i.organizationId as number | null) ?? null]
    case 'record':
      return [memberOrg(db, i.memberId)]
    default:
      // the year report: amounts by branch, no person (nothing touched, so nothing to refuse)
      return []
  }
}
