import type { IsoDate } from '../../shared/dates'
import type { MeetingType } from '../../shared/meetings'
import { isBranchType } from '../../shared/organizations'
import { complianceCell, periodsBetween, requirements, type ComplianceCell, type Exemption, type OrgFacts } from '../../shared/rules/compliance'
import type { CallContext } from '../context'
import { allOrganizations, descendantIds } from '../organizations/repository'
import { readSettings } from '../settings'

/** Same test as missingEssentials(): a record counts only with a 记录人, attendance and content. */
export const COMPLETE = `m.status = 'active' AND m.recorder IS NOT NULL
  AND (m.present_count IS NOT NULL OR EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id))
  AND (m.source = 'ledger' OR m.minutes IS NOT NULL OR m.agenda IS NOT NULL OR m.discussion IS NOT NULL)`

/** The year grid and the hospital overview: every branch × required type × period in [from, to]. */
export function complianceGrid(ctx: CallContext, from: IsoDate, to: IsoDate, organizationId: number | null): ComplianceCell[] {
  const settings = readSettings(ctx.db)
  const scope = organizationId === null ? null : new Set(descendantIds(ctx.db, organizationId))
  const orgs = allOrganizations(ctx.db)
  const branches = orgs.filter((o) => isBranchType(o.type) && (!scope || scope.has(o.id)) && (!o.dissolvedOn || o.dissolvedOn >= from) && (!o.foundedOn || o.foundedOn <= to))
  const withCommittee = new Set(ctx.db.prepare('SELECT organization_id FROM committee_posts WHERE ended_on IS NULL GROUP BY organization_id HAVING count(DISTINCT member_id) >= 3').pluck().all() as number[])
  const withGroups = new Set(orgs.filter((o) => o.type === 'party_group' && o.status === 'active').map((o) => o.parentId))
  // held dates per org and type, complete records only, one query for the whole range
  const held = new Map<string, IsoDate[]>()
  const rows = ctx.db
    .prepare(`SELECT m.organization_id AS org, t.type, m.held_on AS d FROM meetings m JOIN meeting_types t ON t.meeting_id = m.id WHERE m.held_on BETWEEN ? AND ? AND ${COMPLETE}`)
    .all(from, to) as { org: number; type: MeetingType; d: string }[]
  for (const r of rows) {
    const key = `${r.org}:${r.type}`
    held.set(key, [...(held.get(key) ?? []), r.d])
  }
  // meetings of a 党小组 count for its branch's 党小组会
  for (const g of orgs.filter((o) => o.type === 'party_group' && o.parentId !== null)) {
    const dates = held.get(`${g.id}:group_meeting`)
    if (dates) held.set(`${g.parentId}:group_meeting`, [...(held.get(`${g.parentId}:group_meeting`) ?? []), ...dates])
  }
  const exemptions = ctx.db.prepare('SELECT organization_id AS organizationId, type, period, note FROM compliance_exemptions').all() as Exemption[]
  const cells: ComplianceCell[] = []
  for (const o of branches) {
    const facts: OrgFacts = { id: o.id, name: o.name, foundedOn: o.foundedOn, dissolvedOn: o.dissolvedOn, hasCommittee: withCommittee.has(o.id), hasGroups: withGroups.has(o.id) }
    for (const req of requirements(settings)) {
      const dates = held.get(`${o.id}:${req.type}`) ?? []
      for (const p of periodsBetween(from, to, req.unit)) cells.push(complianceCell(facts, req, p, dates, exemptions))
    }
  }
  return cells
}
