import { formatIso, todayLocal } from '../../shared/dates'
import type { MeetingType } from '../../shared/meetings'
import type { CallContext } from '../context'
import * as repo from '../meetings/repository'
import type { SeededOrgs } from './organizations'
import type { SeededPerson } from './people'
import type { Random } from './random'

const TOPICS = ['学习贯彻全会精神', '医德医风专题教育', '改善医疗服务行动', '党风廉政建设', '重温入党誓词', '优质护理服务', '义诊进社区', '安全生产大检查', '学习新修订的条例', '临床路径管理', '急诊绿色通道建设', '科研诚信教育']
const PHRASES = ['会议传达学习了上级文件精神。', '与会党员结合科室工作谈体会。', '支部书记对下一阶段工作作了部署。', '大家围绕提升患者满意度提出建议。', '讨论了发展党员工作。', '强调要落实三重一大制度。']

/**
 * Years of organizational life for every branch: 主题党日 monthly, 支部党员大会 with a 党课 each quarter,
 * 支委会 monthly where there is a committee, 组织生活会 with 民主评议 each December — most held, a few missed,
 * with attendance from the branch's members on the day.
 */
export function seedMeetings(ctx: CallContext, random: Random, orgs: SeededOrgs, people: SeededPerson[], years: number): number {
  const today = todayLocal(ctx.now())
  const at = ctx.now().toISOString()
  const thisYear = Number(today.slice(0, 4))
  const byBranch = new Map<number, SeededPerson[]>()
  for (const p of people) if (p.joinedOn) byBranch.set(p.branchId, [...(byBranch.get(p.branchId) ?? []), p])
  const withCommittee = new Set(ctx.db.prepare('SELECT organization_id FROM committee_posts GROUP BY organization_id HAVING count(*) >= 3').pluck().all() as number[])
  let count = 0
  for (const branch of orgs.branches) {
    const members = byBranch.get(branch.id) ?? []
    for (let y = thisYear - years + 1; y <= thisYear; y++) {
      for (let m = 1; m <= 12; m++) {
        const plan: [MeetingType[], number][] = [[['theme_day'], 0.95]]
        if (m % 3 === 0) plan.push([['party_congress', 'party_lecture'], 0.9])
        if (withCommittee.has(branch.id)) plan.push([['committee_meeting'], 0.85])
        if (m === 12) plan.push([['life_meeting', 'appraisal'], 0.95])
        for (const [types, p] of plan) {
          const heldOn = formatIso(y, m, random.int(5, 25))
          if (heldOn > today || heldOn < branch.foundedOn || !random.chance(p)) continue
          const topic = random.pick(TOPICS)
          const id = repo.insertMeeting(
            ctx.db,
            {
              organizationId: branch.id,
              types,
              title: `${y}年${m}月${topic}`,
              heldOn,
              startTime: '14:30',
              endTime: '16:00',
              place: `${branch.departments[0]}会议室`,
              host: '支部书记',
              recorder: '组织委员',
              lecturer: types.includes('party_lecture') ? '支部书记' : null,
              observers: null,
              agenda: `一、${topic}\n二、交流讨论\n三、部署工作`,
              discussion: null,
              minutes: Array.from({ length: 3 }, () => random.pick(PHRASES)).join(''),
              expectedCount: null,
              presentCount: null,
              resolutions: [],
            },
            'form',
            at,
          )
          const expected = types.includes('committee_meeting') ? members.slice(0, 4) : members.filter((x) => x.joinedOn! <= heldOn)
          repo.writeAttendance(
            ctx.db,
            id,
            expected.map((x) => {
              const status = random.chance(0.88) ? 'present' : random.chance(0.7) ? 'leave' : 'absent'
              return { memberId: x.id, voting: !!x.convertedOn && x.convertedOn <= heldOn, status, reason: status === 'leave' ? random.pick(['值班', '出差', '手术', '病假']) : null }
            }),
          )
          count++
        }
      }
    }
  }
  return count
}
