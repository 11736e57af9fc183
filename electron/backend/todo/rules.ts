import { addMonths, addYears, type IsoDate } from '../../shared/dates'
import { MEETING_TYPE_LABELS, type MeetingType } from '../../shared/meetings'
import { cellStateOn, periodNamed, type ComplianceCell } from '../../shared/rules/compliance'
import { probationEndsOn } from '../../shared/rules/membership'
import type { PlanRow } from '../../shared/plans'
import { WORK_POINT_KIND_LABELS, type WorkPoint } from '../../shared/work-points'
import type { Settings } from '../../shared/settings'
import type { TodoItem, TodoKind } from '../../shared/todo'

/**
 * The deadline engine's rules (docs/deadlines.md), pure: facts and a day in, items out. The facts are read by
 * ./facts.ts; the 达标 cells come from the compliance grid itself, so that rule lives in one place only.
 * Every kind reads "overdue" the same way: the due day is on time, the day after is late (docs/deadlines.md).
 */
const overdue = (due: IsoDate, asOf: IsoDate) => due < asOf

/** docs/deadlines.md §1: which kind each required meeting type is listed under */
export const MEETING_KIND: Partial<Record<MeetingType, TodoKind>> = {
  party_congress: '三会一课',
  committee_meeting: '三会一课',
  group_meeting: '三会一课',
  party_lecture: '三会一课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  // 民主评议党员 is held once a year and may be combined with the 组织生活会 (docs/deadlines.md §1)
  appraisal: '组织生活会',
}

function periodText(key: string): string {
  const p = periodNamed(key)
  const y = key.slice(0, 4)
  if (p.unit === 'year') return `${y}年`
  if (p.unit === 'quarter') return `${y}年第${key.slice(5)}季度`
  return `${y}年${Number(key.slice(5, 7))}月`
}

/**
 * §1: a cell of the 达标 grid still open on `asOf` (进行中) is due on its period's last day; one whose period ended
 * unmet (未达标) is overdue. Met, 不适用 and 免于考核 cells, and periods not begun, give nothing.
 */
export function meetingItems(cells: readonly ComplianceCell[], asOf: IsoDate): TodoItem[] {
  const items: TodoItem[] = []
  for (const c of cells) {
    const kind = MEETING_KIND[c.type]
    const state = cellStateOn(c, asOf)
    if (!kind || (state !== 'pending' && state !== 'missing')) continue
    const due = periodNamed(c.period).to
    const label = MEETING_TYPE_LABELS[c.type]
    items.push({
      kind,
      organization: c.organization,
      organizationId: c.organizationId,
      meetingType: c.type,
      subject: `${periodText(c.period)}${label}：应开${c.required}次，已开${c.held}次`,
      due,
      overdue: overdue(due, asOf),
      rule: `docs/deadlines.md §1：${label}按期召开（规则参数中的频次，${state === 'missing' ? '本期已结束未达标' : '本期进行中'}）`,
    })
  }
  return items
}

export interface TermFacts {
  id: number
  name: string
  termEndsOn: IsoDate | null
}

/** §2: from 6 (then 3) months before the term ends until it is held; overdue after the term end. */
export function termItems(orgs: readonly TermFacts[], asOf: IsoDate, settings: Settings): TodoItem[] {
  const months = [...settings['org.termReminderMonths']].sort((a, b) => a - b)
  const items: TodoItem[] = []
  for (const o of orgs) {
    const ends = o.termEndsOn
    if (!ends) continue
    const late = overdue(ends, asOf)
    // the nearest reminder whose day has come: 3 months before wins over 6 once both have
    const within = months.find((m) => addMonths(ends, -m) <= asOf)
    if (!late && within === undefined) continue
    items.push({
      kind: '换届',
      organization: o.name,
      organizationId: o.id,
      subject: late ? `任期已于${ends}届满，应按期换届（延期须经上级批准）` : `任期将于${ends}届满（${within}个月内），请准备换届`,
      due: ends,
      overdue: late,
      rule: `docs/deadlines.md §2：任期届满前${months.join('、')}个月提醒换届，届满后逾期（党章 第三十一条）`,
    })
  }
  return items
}

export interface PersonFacts {
  id: number
  name: string
  stage: string
  organizationId: number
  organizationName: string
  joinedOn: IsoDate | null
  extensionMonths: number | null
  activistOn: IsoDate | null
  candidateOn: IsoDate | null
  politicalReviewOn: IsoDate | null
  trainingHours: number | null
}

/** §3 预备期满 (from a month before the end; overdue after it) and §4 积极分子 培养满一年 (never overdue). */
export function personItems(people: readonly PersonFacts[], asOf: IsoDate, settings: Settings): TodoItem[] {
  const items: TodoItem[] = []
  for (const p of people) {
    const whose = { organization: p.organizationName, organizationId: p.organizationId, person: p.name, memberId: p.id }
    if (p.stage === 'probationary' && p.joinedOn) {
      const ends = probationEndsOn(p.joinedOn, p.extensionMonths, settings)
      // a month before the end the member hands in the 转正申请 (shared/rules/membership.ts dueItems)
      if (addMonths(ends, -1) > asOf) continue
      items.push({
        kind: '预备期满',
        ...whose,
        subject: `预备期${overdue(ends, asOf) ? '已于' : '将于'}${ends}满，召开支部大会讨论转正`,
        due: ends,
        overdue: overdue(ends, asOf),
        rule: `docs/deadlines.md §3：预备期${settings['dev.probationMonths']}个月${p.extensionMonths ? `，延长${p.extensionMonths}个月` : ''}，期满讨论转正（党章 第七条）`,
      })
    }
    if (p.stage === 'activist' && p.activistOn) {
      const full = addMonths(p.activistOn, settings['dev.activistMinMonths'])
      if (full > asOf) continue
      items.push({
        kind: '积极分子',
        ...whose,
        subject: `培养满一年（${full}），可列为发展对象`,
        due: full,
        overdue: false,
        rule: `docs/deadlines.md §4：入党积极分子培养考察${settings['dev.activistMinMonths']}个月以上，可列为发展对象（发展党员工作细则 第十三条）`,
      })
    }
  }
  return items
}

/**
 * §12 发展对象: the 政治审查 (发展党员工作细则 第十六条) and the 集中培训 of at least `dev.trainingMinHours` 学时
 * (第十七条) not yet recorded are listed from the day the person became a 发展对象, due `dev.candidatePrepMonths`
 * later, overdue the day after.
 */
export function candidateItems(people: readonly PersonFacts[], asOf: IsoDate, settings: Settings): TodoItem[] {
  const items: TodoItem[] = []
  const months = settings['dev.candidatePrepMonths']
  const hours = settings['dev.trainingMinHours']
  for (const p of people) {
    if (p.stage !== 'candidate' || !p.candidateOn || p.candidateOn > asOf) continue
    const due = addMonths(p.candidateOn, months)
    const whose = { kind: '发展对象' as const, organization: p.organizationName, organizationId: p.organizationId, person: p.name, memberId: p.id, due, overdue: overdue(due, asOf) }
    const since = `确定为发展对象（${p.candidateOn}）后${months}个月内`
    if (!p.politicalReviewOn) {
      items.push({ ...whose, subject: `政治审查尚未完成（${since}）`, rule: `docs/deadlines.md §12：发展对象须经政治审查，审查不合格的不能发展（发展党员工作细则 第十六条）` })
    }
    if ((p.trainingHours ?? 0) < hours) {
      const done = p.trainingHours ? `，已登记${p.trainingHours}学时` : ''
      items.push({ ...whose, subject: `集中培训尚未完成（不少于${hours}学时${done}；${since}）`, rule: `docs/deadlines.md §12：发展对象须经短期集中培训，一般不少于三天或${hours}学时（发展党员工作细则 第十七条）` })
    }
  }
  return items
}

export interface JoinedFacts {
  id: number
  name: string
  organizationId: number
  organizationName: string
  joinedOn: IsoDate
}

/**
 * §13 政治生日: a member (正式 or 预备) whose 入党日期 comes round in the as-of month is listed for the whole month, dated
 * on the anniversary (29 February on the 28th in other years). A reminder for the branch, **never overdue**.
 */
export function birthdayItems(members: readonly JoinedFacts[], asOf: IsoDate): TodoItem[] {
  const month = asOf.slice(0, 7)
  const year = Number(asOf.slice(0, 4))
  return members.flatMap((m) => {
    const years = year - Number(m.joinedOn.slice(0, 4))
    const day = addYears(m.joinedOn, years)
    if (years < 1 || day.slice(0, 7) !== month) return []
    return [
      {
        kind: '政治生日' as const,
        organization: m.organizationName,
        organizationId: m.organizationId,
        person: m.name,
        memberId: m.id,
        subject: `入党${years}周年（${m.joinedOn}入党），政治生日`,
        due: day,
        overdue: false,
        rule: 'docs/deadlines.md §13：党员政治生日（入党日期的周年）当月提醒支部，不算逾期',
      },
    ]
  })
}

export interface OpenSupervision {
  id: number
  title: string
  organizationId: number
  organization: string
  dueOn: IsoDate
  /** the earliest 节点 not done (§14) */
  milestone: { title: string; dueOn: IsoDate } | null
}

/**
 * §5: an open 督办事项 is due on its current 时限, overdue the day after; §14: with a 节点 not done before that, on the
 * 节点's date instead, overdue the day after it.
 */
export function supervisionItems(open: readonly OpenSupervision[], asOf: IsoDate): TodoItem[] {
  return open.map((s) => {
    const m = s.milestone && s.milestone.dueOn < s.dueOn ? s.milestone : null
    const due = m?.dueOn ?? s.dueOn
    return {
      kind: '督办' as const,
      organization: s.organization,
      organizationId: s.organizationId,
      supervisionId: s.id,
      subject: m ? `${s.title}（节点：${m.title}）` : s.title,
      due,
      overdue: overdue(due, asOf),
      rule: m ? 'docs/deadlines.md §14：督办事项按节点推进，节点到期未完成即逾期' : 'docs/deadlines.md §5：督办事项按时限办结，逾期催办',
    }
  })
}

/** A member with months of dues that have ended unpaid (§7), read from the 党费 ledger. */
export interface UnpaidDues {
  memberId: number
  name: string
  /** the branch the earliest unpaid month is owed to */
  organizationId: number
  organization: string
  /** ended unpaid months, oldest first (YYYY-MM) */
  months: readonly string[]
  /** unpaid months in a row up to the last ended one */
  run: number
}

/**
 * §7: dues are paid within their month, so a member with an unpaid month that has ended is behind from the first
 * day after it; the item is dated by the earliest such month. From `dues.overdueMonths` in a row it says so: 党章
 * 第九条 (docs/dues.md §4).
 */
export function duesItems(unpaid: readonly UnpaidDues[], asOf: IsoDate, settings: Settings): TodoItem[] {
  return unpaid
    .filter((u) => u.months.length)
    .map((u) => {
      const first = u.months[0]!
      const due = lastDayOf(first)
      const [y, m] = first.split('-').map(Number) as [number, number]
      const inARow = u.run >= settings['dues.overdueMonths'] ? `，已连续${u.run}个月未交` : ''
      return {
        kind: '党费' as const,
        organization: u.organization,
        organizationId: u.organizationId,
        person: u.name,
        memberId: u.memberId,
        subject: `${u.months.length}个月党费未交（${y}年${m}月起${inARow}）`,
        due,
        overdue: overdue(due, asOf),
        rule: `docs/deadlines.md §7：党费按月交纳，月份结束仍未交即为欠交；连续${settings['dues.overdueMonths']}个月未交按党章 第九条处理（docs/dues.md §4）`,
      }
    })
}

/** YYYY-MM → its last day */
function lastDayOf(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/**
 * §10: a planned meeting not carried out (no meeting of its type that month) is listed from the first day of its
 * month, due on its planned day, overdue from the day after.
 */
export function planItems(plans: readonly PlanRow[], asOf: IsoDate): TodoItem[] {
  return plans.flatMap((p) => {
    const kind = MEETING_KIND[p.meetingType]
    if (!kind || p.held || p.state === 'void' || p.plannedOn.slice(0, 7) > asOf.slice(0, 7)) return []
    const label = MEETING_TYPE_LABELS[p.meetingType]
    return [
      {
        kind,
        organization: p.organization,
        organizationId: p.organizationId,
        meetingType: p.meetingType,
        subject: `计划${Number(p.plannedOn.slice(5, 7))}月${Number(p.plannedOn.slice(8))}日召开${label}：${p.topic}${p.speaker ? `（主讲人 ${p.speaker}）` : ''}，尚未登记`,
        due: p.plannedOn,
        overdue: overdue(p.plannedOn, asOf),
        rule: 'docs/deadlines.md §10：按会议计划召开（计划当月召开该类会议即算完成）',
      },
    ]
  })
}

/**
 * §11: an open 工作要点 / 重点项目 is followed like a 督办事项 (listed under 督办), due on its next milestone not yet
 * reached, else on its 时限; overdue the day after. It belongs to the 党委 (`committee`).
 */
export function workPointItems(points: readonly WorkPoint[], committee: { id: number; name: string }, asOf: IsoDate): TodoItem[] {
  return points.map((p) => {
    const next = p.milestones.filter((m) => !m.doneOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]
    const due = next && next.dueOn < p.dueOn ? next.dueOn : p.dueOn
    return {
      kind: '督办' as const,
      organization: committee.name,
      organizationId: committee.id,
      workPointId: p.id,
      subject: `${WORK_POINT_KIND_LABELS[p.kind]}：${p.title}${next && due === next.dueOn ? `（里程碑：${next.title}）` : ''}`,
      due,
      overdue: overdue(due, asOf),
      rule: 'docs/deadlines.md §11：年度工作要点、党建重点项目按里程碑和时限推进',
    }
  })
}
