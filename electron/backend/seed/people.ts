import codes from '../../shared/codes/code-lists.json'
import { addMonths, addYears, formatIso, todayLocal, type IsoDate } from '../../shared/dates'
import type { MemberFields } from '../../shared/members'
import { checkChar } from '../../shared/rules/id-number'
import type { CallContext } from '../context'
import * as repo from '../members/repository'
import { GIVEN, SURNAMES } from './hospital'
import type { SeededOrgs } from './organizations'
import type { Random } from './random'

const REGIONS = ['110105', '120101', '130102', '210102', '320102', '330106', '340104', '370102', '410105', '420106', '440106', '510107']
const EDUCATION = [['博士研究生', 8], ['硕士研究生', 25], ['大学本科', 45], ['大学专科', 15], ['中等专科', 5], ['普通高中', 2]] as const
const TITLES = [['主任医师', 8], ['副主任医师', 14], ['主治医师', 25], ['医师', 15], ['主任护师', 2], ['副主任护师', 6], ['主管护师', 15], ['护师', 10], ['无', 5]] as const
const ETHNIC = codes.ethnicGroups.slice(1, 12).map((e) => e.name)

/** A valid 18-character ID number for a birth date and gender (GB 11643: odd sequence = male). */
function idNumber(random: Random, birth: IsoDate, gender: '男' | '女', used: Set<string>): string {
  for (;;) {
    let seq = random.int(1, 999)
    if ((seq % 2 === 1) !== (gender === '男')) seq = seq === 999 ? 998 : seq + 1
    const body = random.pick(REGIONS) + birth.replace(/-/g, '') + String(seq).padStart(3, '0')
    const id = body + checkChar(body)
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}

export interface SeededPerson {
  id: number
  branchId: number
  joinedOn: IsoDate | null
  convertedOn: IsoDate | null
  fullMember: boolean
}

/**
 * Members across the lifecycle for every branch: mostly 正式党员 who joined over the last 50 years, some
 * 预备党员, applicants, activists and candidates; dates obey the rules (≥18 at joining, one-year probation).
 * Written straight through the repository in the caller's transaction (generated data, one audit entry).
 */
export function seedPeople(ctx: CallContext, random: Random, orgs: SeededOrgs, perBranch: [number, number], usedIds: Set<string>): SeededPerson[] {
  const today = todayLocal(ctx.now())
  const at = ctx.now().toISOString()
  const people: SeededPerson[] = []
  for (const branch of orgs.branches) {
    const size = random.int(perBranch[0], perBranch[1])
    for (let i = 0; i < size; i++) {
      const gender = random.chance(0.62) ? '女' : '男'
      const birth = formatIso(random.int(1950, 2000), random.int(1, 12), random.int(1, 28))
      const stage = random.weighted([['full', 82], ['probationary', 5], ['candidate', 3], ['activist', 5], ['applicant', 5]] as const)
      const adult = addYears(birth, 22)
      let joinedOn: IsoDate | null = null
      let convertedOn: IsoDate | null = null
      let appliedOn: IsoDate | null = null
      let activistOn: IsoDate | null = null
      let candidateOn: IsoDate | null = null
      if (stage === 'full') {
        joinedOn = formatIso(random.int(Number(adult.slice(0, 4)), Math.min(2024, Number(adult.slice(0, 4)) + 18)), random.int(1, 12), random.int(1, 28))
        if (joinedOn > addYears(today, -2)) joinedOn = addYears(today, -2)
        convertedOn = addYears(joinedOn, 1)
      } else if (stage === 'probationary') {
        joinedOn = addMonths(today, -random.int(1, 11))
      } else {
        appliedOn = addMonths(today, -random.int(stage === 'applicant' ? 0 : 14, stage === 'applicant' ? 10 : 30))
        if (stage !== 'applicant') activistOn = addMonths(appliedOn, 2)
        if (stage === 'candidate') candidateOn = addMonths(activistOn!, 13)
      }
      if (appliedOn && appliedOn < adult) continue
      const fields: MemberFields = {
        name: random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.6) ? random.pick([...GIVEN]) : ''),
        gender,
        idNumber: idNumber(random, birth, gender, usedIds),
        ethnicity: random.chance(0.94) ? '汉族' : random.pick(ETHNIC),
        birthDate: birth,
        education: random.weighted(EDUCATION),
        degree: null,
        title: random.weighted(TITLES),
        department: random.pick(branch.departments),
        position: null,
        adminPost: null,
        partyPost: null,
        occupation: random.chance(0.9) ? '专业技术人员' : '管理人员',
        phone: `13${random.int(100000000, 999999999)}`,
        address: null,
        residence: null,
        hukou: null,
        nativePlace: null,
        workStartedOn: addYears(birth, 23),
        partyAgeCorrection: 0,
        note: null,
        appliedOn,
        talkedOn: appliedOn && stage !== 'applicant' ? addMonths(appliedOn, 0) : null,
        activistOn,
        contacts: null,
        candidateOn,
        politicalReviewOn: null,
        trainingHours: candidateOn ? 24 : null,
        trainingTo: null,
        introducers: null,
        preReviewOn: null,
        joinedOn,
        approvedOn: null,
        oathOn: null,
        conversionAppliedOn: null,
        convertedOn,
        extensionMonths: null,
      }
      const id = repo.insertMember(ctx.db, fields, stage, branch.id, at)
      repo.openMembership(ctx.db, id, branch.id, appliedOn ?? joinedOn!)
      if (joinedOn) repo.insertEvent(ctx.db, id, { type: 'admitted', occurredOn: joinedOn, organizationId: branch.id }, ctx.user, at)
      if (convertedOn) repo.insertEvent(ctx.db, id, { type: 'converted', occurredOn: convertedOn, organizationId: branch.id }, ctx.user, at)
      if (appliedOn) repo.insertEvent(ctx.db, id, { type: 'applied', occurredOn: appliedOn, organizationId: branch.id }, ctx.user, at)
      people.push({ id, branchId: branch.id, joinedOn, convertedOn, fullMember: stage === 'full' })
    }
  }
  // committees: a 书记 for every branch; a 支部委员会 where there are 7 or more full members
  for (const branch of orgs.branches) {
    const full = people.filter((p) => p.branchId === branch.id && p.fullMember)
    const posts = full.length >= 7 ? ['secretary', 'organization', 'propaganda', 'discipline'] : full.length ? ['secretary'] : []
    posts.forEach((post, i) => {
      ctx.db.prepare('INSERT INTO committee_posts (organization_id, member_id, post, elected_on, dual_leader) VALUES (?, ?, ?, ?, ?)').run(branch.id, full[i]!.id, post, addYears(today, -1), post === 'secretary' && random.chance(0.7) ? 1 : 0)
    })
  }
  return people
}
