import type { MeetingStart, MeetingType } from '../../shared/meetings'
import { MEETING_TYPE_LABELS } from '../../shared/meetings'
import type { CallContext } from '../context'

/** Agenda skeletons per type: what each kind of meeting usually covers (支部工作条例, 三会一课). */
const SKELETONS: Partial<Record<MeetingType, string>> = {
  party_congress: '一、传达学习上级党组织有关文件和会议精神\n二、听取支部委员会工作报告\n三、讨论决定支部重要事项\n四、其他事项',
  committee_meeting: '一、学习上级有关文件精神\n二、研究本月支部工作安排\n三、讨论党员教育管理、发展党员等事项\n四、其他事项',
  group_meeting: '一、组织党员学习\n二、交流思想、工作情况\n三、布置本月任务',
  party_lecture: '一、讲课人授课（题目：    ）\n二、交流研讨\n三、小结',
  theme_day: '一、重温入党誓词\n二、集中学习\n三、主题活动（志愿服务、义诊等）\n四、交纳党费',
  life_meeting: '一、通报上一年度整改情况\n二、支部班子对照检查\n三、开展批评和自我批评\n四、民主评议党员\n五、提出整改措施',
  appraisal: '一、个人自评\n二、党员互评\n三、民主测评\n四、组织评定',
  standing_committee: '一、传达学习上级精神\n二、研究讨论议题（注明三重一大事项）\n三、其他事项',
  study_group: '一、专题学习\n二、交流发言\n三、主要负责同志总结',
}

const skeleton = (types: readonly MeetingType[]): MeetingStart => ({
  title: types.map((t) => MEETING_TYPE_LABELS[t]).join('、'),
  agenda: types.map((t) => SKELETONS[t]).filter(Boolean).join('\n'),
  place: null,
  host: null,
  recorder: null,
  copiedFrom: null,
})

/**
 * A start for a new record: the agenda skeleton of the types ('template'), or the latest record in this
 * organization that was at least these types ('last': "copy last month's") — one of exactly the same types when
 * there is one, otherwise one that also counted as more (a 党员大会 held together with a 党课, as branches
 * often do); the skeleton when there is none yet.
 */
export function meetingTemplate(ctx: CallContext, organizationId: number, types: readonly MeetingType[], source: 'template' | 'last'): MeetingStart {
  if (source === 'template') return skeleton(types)
  const wanted = [...new Set(types)]
  const last = ctx.db
    .prepare(
      `SELECT m.id, m.held_on, m.title, m.agenda, m.place, m.host, m.recorder FROM meetings m WHERE m.organization_id = ? AND m.status = 'active'
       AND (SELECT count(*) FROM meeting_types t WHERE t.meeting_id = m.id AND t.type IN (SELECT value FROM json_each(?))) = ?
       ORDER BY (SELECT count(*) FROM meeting_types t WHERE t.meeting_id = m.id) = ? DESC, m.held_on DESC, m.id DESC LIMIT 1`,
    )
    .get(organizationId, JSON.stringify(wanted), wanted.length, wanted.length) as { id: number; held_on: string; title: string; agenda: string | null; place: string | null; host: string | null; recorder: string | null } | undefined
  if (!last) return skeleton(types)
  return { title: last.title, agenda: last.agenda ?? '', place: last.place, host: last.host, recorder: last.recorder, copiedFrom: { id: last.id, heldOn: last.held_on, title: last.title } }
}
