import { addMonths, addYears, fullYears, type IsoDate } from '../dates'
import { isPartyMember as isPartyMemberStage, type DueItem, type LifecycleDates, type Stage } from '../members'
import type { Settings } from '../settings'

export interface DateIssue {
  field: string
  message: string
  /** errors block saving; warnings are shown and recorded (docs/rules.md: rules warn, they do not block) */
  level: 'error' | 'warning'
}

/** The stage a person was at on a date, from the dated steps (the stored stage is today's). */
export function stageOn(d: Pick<LifecycleDates, 'appliedOn' | 'activistOn' | 'candidateOn' | 'joinedOn' | 'convertedOn'>, on: IsoDate): Stage | null {
  if (d.convertedOn && d.convertedOn <= on) return 'full'
  if (d.joinedOn && d.joinedOn <= on) return 'probationary'
  if (d.candidateOn && d.candidateOn <= on) return 'candidate'
  if (d.activistOn && d.activistOn <= on) return 'activist'
  if (d.appliedOn && d.appliedOn <= on) return 'applicant'
  return null
}

/** End of probation: 入党日期 + 1 year (党章 第七条), plus an extension of 6–12 months if one was granted. */
export function probationEndsOn(joinedOn: IsoDate, extensionMonths: number | null, settings: Settings): IsoDate {
  return addMonths(joinedOn, settings['dev.probationMonths'] + (extensionMonths ?? 0))
}

/** 党龄: full years from 转正日期 (docs/rules.md §3), adjusted by the 党龄校正值 in months. */
export function partyAge(convertedOn: IsoDate | null, correctionMonths: number, on: IsoDate): number | null {
  if (!convertedOn || convertedOn > on) return null
  return Math.max(0, fullYears(addMonths(convertedOn, -correctionMonths), on))
}

/** the dated steps by their names on the forms */
export const LIFECYCLE_LABELS: Record<string, string> = {
  appliedOn: '申请入党日期',
  talkedOn: '谈话日期',
  activistOn: '确定积极分子日期',
  candidateOn: '确定发展对象日期',
  politicalReviewOn: '政审日期',
  trainingTo: '培训结束日期',
  preReviewOn: '预审日期',
  joinedOn: '入党日期',
  approvedOn: '审批日期',
  oathOn: '入党宣誓日期',
  conversionAppliedOn: '转正申请日期',
  convertedOn: '转正日期',
}

const DATED_STEPS = Object.entries(LIFECYCLE_LABELS) as [keyof LifecycleDates, string][]
/** the main steps, each on or after the one before */
const MAIN_STEPS: (keyof LifecycleDates)[] = ['appliedOn', 'activistOn', 'candidateOn', 'joinedOn', 'convertedOn']
/** steps that follow one of the main dates: a talk follows the application; approval, oath and the conversion
 * application follow the 支部大会 admission */
const FOLLOWS: [keyof LifecycleDates, keyof LifecycleDates][] = [['talkedOn', 'appliedOn'], ['approvedOn', 'joinedOn'], ['oathOn', 'joinedOn'], ['conversionAppliedOn', 'joinedOn']]

/**
 * Checks the dated steps against each other, the birth date and today (development rules, docs/rules.md §3).
 * Order problems and impossible dates are errors; timing rules (talk within a month, a year as activist)
 * are warnings, because clerks record what really happened.
 */
export function checkLifecycle(d: LifecycleDates, birthDate: IsoDate | null, today: IsoDate, settings: Settings, birthDayShown = true): DateIssue[] {
  const issues: DateIssue[] = []
  const err = (field: string, message: string) => issues.push({ field, message, level: 'error' })
  const warn = (field: string, message: string) => issues.push({ field, message, level: 'warning' })

  for (const [field, label] of DATED_STEPS) {
    const v = d[field] as string | null
    if (v && v > today) err(field, `${label}（${v}）不能晚于今天`)
  }
  for (const [later, earlier] of FOLLOWS) {
    const [l, e] = [d[later] as string | null, d[earlier] as string | null]
    if (l && e && l < e) err(later, `${LIFECYCLE_LABELS[later]}（${l}）不能早于${LIFECYCLE_LABELS[earlier]}（${e}）`)
  }
  for (let i = 1; i < MAIN_STEPS.length; i++) {
    const later = d[MAIN_STEPS[i]!] as string | null
    for (let j = 0; j < i; j++) {
      const earlier = d[MAIN_STEPS[j]!] as string | null
      if (later && earlier && later < earlier) {
        err(MAIN_STEPS[i]!, `${LIFECYCLE_LABELS[MAIN_STEPS[i]!]}（${later}）不能早于${LIFECYCLE_LABELS[MAIN_STEPS[j]!]}（${earlier}）`)
        break
      }
    }
  }
  const minAge = settings['dev.minAge']
  if (birthDate) {
    const adult = addYears(birthDate, minAge)
    // where the ID number is masked, the day the person came of age would be their birth date (shared/birth-month.ts)
    const when = birthDayShown ? `${adult}才满${minAge}岁` : `${Number(adult.slice(0, 4))}年${Number(adult.slice(5, 7))}月满${minAge}岁`
    if (d.appliedOn && d.appliedOn < adult) err('appliedOn', `申请入党时未满${minAge}周岁（${when}），请核对申请日期或出生日期`)
    if (d.joinedOn && d.joinedOn < adult) err('joinedOn', `入党时未满${minAge}周岁（${when}），请核对入党日期或出生日期`)
  }
  if (d.extensionMonths !== null && (d.extensionMonths < 6 || d.extensionMonths > 12)) {
    err('extensionMonths', '延长预备期只能是6至12个月（党章第七条），且只能延长一次')
  }
  if (d.joinedOn && d.convertedOn && d.convertedOn >= d.joinedOn) {
    const ends = probationEndsOn(d.joinedOn, d.extensionMonths, settings)
    if (d.convertedOn < ends) err('convertedOn', `预备期到${ends}才满，转正日期（${d.convertedOn}）早于预备期满之日`)
    // 转正日期 is the day the probation ends, even when the 支部大会 votes later (docs/rules.md §3)
    else if (d.convertedOn > ends) warn('convertedOn', `转正日期（${d.convertedOn}）晚于预备期满之日（${ends}）：转正日期应为预备期满之日；如曾延长预备期，请登记延长的月数`)
  }
  if (d.joinedOn && d.approvedOn && d.approvedOn > addMonths(d.joinedOn, settings['dev.approvalWithinMonths'])) {
    warn('approvedOn', `上级党委审批（${d.approvedOn}）超过了支部大会通过后${settings['dev.approvalWithinMonths']}个月的期限`)
  }
  if (d.appliedOn && d.talkedOn && d.talkedOn > addMonths(d.appliedOn, settings['dev.talkWithinMonths'])) {
    warn('talkedOn', `谈话日期超过了收到申请后${settings['dev.talkWithinMonths']}个月的期限`)
  }
  if (d.activistOn && d.candidateOn && d.candidateOn < addMonths(d.activistOn, settings['dev.activistMinMonths'])) {
    warn('candidateOn', `确定为发展对象时，作为积极分子培养还不满${settings['dev.activistMinMonths']}个月`)
  }
  if (d.candidateOn && d.joinedOn && d.trainingHours !== null && d.trainingHours < settings['dev.trainingMinHours']) {
    warn('trainingHours', `集中培训${d.trainingHours}学时，少于${settings['dev.trainingMinHours']}学时`)
  }
  return issues
}

interface DuePerson extends LifecycleDates {
  id: number
  name: string
  stage: Stage
  organizationName: string | null
  /** the latest 积极分子考察 on record (细则 第十二条: every six months) */
  lastAssessedOn?: string | null
  lostContactSince?: string | null
}

/** What the branch must do next for a person in the pipeline, with its due date (the pipeline view's to-do). */
export function dueItems(p: DuePerson, today: IsoDate, settings: Settings): DueItem[] {
  const items: DueItem[] = []
  const add = (what: string, dueOn: IsoDate) => items.push({ memberId: p.id, name: p.name, organizationName: p.organizationName, stage: p.stage, what, dueOn, overdue: dueOn < today })
  if (p.stage === 'applicant' && p.appliedOn && !p.talkedOn) add('与申请人谈话', addMonths(p.appliedOn, settings['dev.talkWithinMonths']))
  if (p.stage === 'activist' && p.activistOn) {
    add('积极分子考察（每半年一次）', addMonths(p.lastAssessedOn ?? p.activistOn, settings['dev.activistReviewMonths']))
    const eligible = addMonths(p.activistOn, settings['dev.activistMinMonths'])
    if (eligible >= today) add('培养满一年，可讨论列为发展对象', eligible)
    else add('已培养满一年：可提请确定为发展对象', eligible)
  }
  if (p.stage === 'candidate' && p.candidateOn && (p.trainingHours ?? 0) < settings['dev.trainingMinHours']) add(`完成集中培训（不少于${settings['dev.trainingMinHours']}学时）`, addMonths(p.candidateOn, settings['dev.candidatePrepMonths']))
  if (p.stage === 'probationary' && p.joinedOn) {
    const ends = probationEndsOn(p.joinedOn, p.extensionMonths, settings)
    if (!p.approvedOn) add(`报上级党委审批（支部大会后${settings['dev.approvalWithinMonths']}个月内）`, addMonths(p.joinedOn, settings['dev.approvalWithinMonths']))
    if (!p.conversionAppliedOn) add('提醒本人提交转正申请', addMonths(ends, -1))
    add('预备期满，召开支部大会讨论转正', ends)
  }
  // docs/rules.md §3: 失联 ≥6 months → the branch considers stopping the 党籍
  if (p.lostContactSince && isPartyMemberStage(p.stage)) add(`失联满${settings['dev.lostContactMonths']}个月，研究是否停止党籍`, addMonths(p.lostContactSince, settings['dev.lostContactMonths']))
  return items
}
