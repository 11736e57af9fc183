import type { CallContext } from '../context'
import { createOrganization } from '../organizations/service'
import { DEPARTMENT_GROUPS } from './hospital'
import type { Random } from './random'

export interface SeededOrgs {
  committeeId: number
  /** branch id → the departments it covers */
  branches: { id: number; name: string; departments: string[]; foundedOn: string }[]
}

export interface OrgScale {
  /** how many times the department list is repeated (campuses / sub-hospitals) to reach the branch count */
  campuses: number
  hospitalName: string
  /** several hospitals in one database (city scale): names must stay unique */
  namePrefix?: string
}

/**
 * A hospital's organization tree the way it is usually built (党支部建在科室上): a 党委, a 党总支 per department
 * group, and a branch per department (small departments share a 联合党支部), plus 党小组 in large branches.
 */
export function seedOrganizations(ctx: CallContext, random: Random, scale: OrgScale): SeededOrgs {
  const committee = createOrganization(ctx, { name: `中共${scale.hospitalName}委员会`, type: 'committee', parentId: null, departments: [], foundedOn: '1998-07-01', termStartedOn: '2022-11-20', note: null })
  const branches: SeededOrgs['branches'] = []
  for (let campus = 1; campus <= scale.campuses; campus++) {
    const prefix = `${scale.namePrefix ?? ''}${scale.campuses > 1 ? `${campus}院区` : ''}`
    for (const [group, departments] of Object.entries(DEPARTMENT_GROUPS)) {
      const general = createOrganization(ctx, { name: `${prefix}${group}党总支`, type: 'general_branch', parentId: committee.id, departments: [], foundedOn: '2005-06-01', termStartedOn: `202${random.int(4, 6)}-0${random.int(1, 9)}-15`, note: null })
      for (let i = 0; i < departments.length; ) {
        // a small department (one in four) joins the next one in a 联合党支部
        const joint = i + 1 < departments.length && random.chance(0.25)
        const covered = joint ? departments.slice(i, i + 2) : departments.slice(i, i + 1)
        i += covered.length
        const name = `${prefix}${covered.join('')}${joint ? '联合' : ''}党支部`
        const foundedOn = `${random.int(2005, 2021)}-0${random.int(1, 9)}-${String(random.int(10, 28))}`
        // most branches are within their term; about one in ten is overdue for 换届, as in real hospitals
        const startYear = random.chance(0.1) ? 2022 : random.int(2024, 2026)
        const org = createOrganization(ctx, {
          name,
          type: joint ? 'joint_branch' : 'branch',
          parentId: general.id,
          departments: covered.map((d) => `${prefix}${d}`),
          foundedOn,
          termStartedOn: `${startYear}-0${random.int(1, 9)}-${String(random.int(10, 28))}`,
          note: null,
        })
        branches.push({ id: org.id, name, departments: covered.map((d) => `${prefix}${d}`), foundedOn })
      }
    }
  }
  return { committeeId: committee.id, branches }
}
