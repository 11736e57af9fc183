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

/**
 * Member counts and committee presence per organization. The roster adds the members and committee
 * tables; until then every organization has none, which is the truth of an empty roster.
 */
function orgCounts(_db: Database): Map<number, OrgCounts> {
  return new Map()
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
