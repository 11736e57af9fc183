import type { Database } from 'better-sqlite3'
import { todayLocal } from '../../shared/dates'
import type { Organization, OrgSummary } from '../../shared/organizations'
import { organizationWarnings, termEndsOn } from '../../shared/rules/organization'
import type { Settings } from '../../shared/settings'

export interface OrgCounts {
  fullMembers: number
  probationaryMembers: number
  hasCommittee: boolean
}

/** 正式/预备党员 whose 组织关系 is in each organization now, and whether it has a sitting committee. */
function orgCounts(db: Database): Map<number, OrgCounts> {
  const counts = new Map<number, OrgCounts>()
  const get = (id: number) => counts.get(id) ?? counts.set(id, { fullMembers: 0, probationaryMembers: 0, hasCommittee: false }).get(id)!
  const rows = db
    .prepare("SELECT organization_id AS id, stage, count(*) AS n FROM members WHERE status IN ('normal','suspended') AND stage IN ('full','probationary') AND organization_id IS NOT NULL GROUP BY organization_id, stage")
    .all() as { id: number; stage: string; n: number }[]
  for (const r of rows) get(r.id)[r.stage === 'full' ? 'fullMembers' : 'probationaryMembers'] = r.n
  // a 支部委员会 is 3 or more sitting members (支部工作条例 第九条); a lone 书记 is not a committee
  const withCommittee = db.prepare('SELECT organization_id FROM committee_posts WHERE ended_on IS NULL GROUP BY organization_id HAVING count(DISTINCT member_id) >= 3').pluck().all() as number[]
  for (const id of withCommittee) get(id).hasCommittee = true
  return counts
}

export function summarize(db: Database, orgs: Organization[], settings: Settings, now: Date): OrgSummary[] {
  const counts = orgCounts(db)
  const today = todayLocal(now)
  return orgs.map((org) => {
    const c = counts.get(org.id) ?? { fullMembers: 0, probationaryMembers: 0, hasCommittee: false }
    const ends = termEndsOn(org.termStartedOn, org.termYears)
    const warnings = organizationWarnings(
      { type: org.type, status: org.status, fullMembers: c.fullMembers, totalMembers: c.fullMembers + c.probationaryMembers, hasCommittee: c.hasCommittee, termEndsOn: ends },
      today,
      settings,
    )
    return { ...org, ...c, termEndsOn: ends, warnings }
  })
}
