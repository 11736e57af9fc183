import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { seedMeetings } from './meetings'
import { seedOrganizations, type SeededOrgs } from './organizations'
import { seedPeople } from './people'
import { Random } from './random'

export type SeedScale = 'small' | 'large' | 'city'

/** Sizes: small = demo data; large = a 3,000–5,000-member hospital with 10 years of records. */
export const SCALES: Record<SeedScale, { campuses: number; hospitals: number; perBranch: [number, number]; years: number; label: string }> = {
  small: { campuses: 1, hospitals: 1, perBranch: [4, 14], years: 2, label: '演示数据（一家中型医院）' },
  large: { campuses: 3, hospitals: 1, perBranch: [15, 45], years: 10, label: '大型医院（三个院区，约4,000名党员、十年记录）' },
  city: { campuses: 3, hospitals: 30, perBranch: [15, 45], years: 10, label: '市卫健委（30家医院）' },
}

export interface SeedSummary {
  scale: SeedScale
  organizations: number
  branches: number
  members: number
  meetings: number
}

/** Fills an empty database with realistic, rule-abiding data; the same seed gives the same data. */
export function seed(ctx: CallContext, scale: SeedScale, seedValue = 20251124): SeedSummary {
  const random = new Random(seedValue)
  const size = SCALES[scale]
  const hospitals: SeededOrgs[] = []
  const usedIds = new Set<string>()
  let members = 0
  let meetings = 0
  for (let h = 1; h <= size.hospitals; h++) {
    const orgs = seedOrganizations(ctx, random, { campuses: size.campuses, hospitalName: size.hospitals > 1 ? `市第${h}人民医院` : '示范医院', namePrefix: size.hospitals > 1 ? `市${h}院` : '' })
    const people = seedPeople(ctx, random, orgs, size.perBranch, usedIds)
    members += people.length
    meetings += seedMeetings(ctx, random, orgs, people, size.years)
    hospitals.push(orgs)
  }
  const organizations = ctx.db.prepare('SELECT count(*) FROM organizations').pluck().get() as number
  const summary = { scale, organizations, branches: hospitals.reduce((n, h) => n + h.branches.length, 0), members, meetings }
  recordAudit(ctx, { entity: 'seed', entityId: null, before: null, after: summary })
  return summary
}
