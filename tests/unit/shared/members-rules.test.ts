import { describe, expect, it } from 'vitest'
import type { LifecycleDates } from '../../../electron/shared/members'
import { normalizeCode } from '../../../electron/shared/rules/member-codes'
import { checkLifecycle, dueItems, partyAge, probationEndsOn, stageOn } from '../../../electron/shared/rules/membership'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'

const S = DEFAULT_SETTINGS
const NONE: LifecycleDates = {
  appliedOn: null, talkedOn: null, activistOn: null, contacts: null, candidateOn: null, politicalReviewOn: null, trainingHours: null, trainingTo: null,
  introducers: null, preReviewOn: null, joinedOn: null, approvedOn: null, oathOn: null, conversionAppliedOn: null, convertedOn: null, extensionMonths: null,
}
const dates = (d: Partial<LifecycleDates>): LifecycleDates => ({ ...NONE, ...d })
const messages = (d: Partial<LifecycleDates>, birth: string | null = '1990-01-01', today = '2025-06-15') => checkLifecycle(dates(d), birth, today, S).map((i) => `${i.level}:${i.message}`)
const person = (d: Partial<LifecycleDates>, stage: 'applicant' | 'activist' | 'candidate' | 'probationary' | 'full', extra = {}) => ({ ...dates(d), id: 1, name: '甲', stage, organizationName: '内科党支部', ...extra })

describe('预备期与党龄（党章第七条，docs/rules.md §3）', () => {
  it('预备期满之日是入党日期加一年；延长6个月则再加6个月', () => {
    expect(probationEndsOn('2023-09-01', null, S)).toBe('2024-09-01')
    expect(probationEndsOn('2023-09-01', 6, S)).toBe('2025-03-01')
    expect(probationEndsOn('2023-09-01', 12, S)).toBe('2025-09-01')
  })

  it('2月29日入党的，预备期满之日为次年2月28日', () => {
    expect(probationEndsOn('2024-02-29', null, S)).toBe('2025-02-28')
  })

  it('预备期按设置计算（地方规定可调整）', () => {
    expect(probationEndsOn('2023-09-01', null, { ...S, 'dev.probationMonths': 6 })).toBe('2024-03-01')
  })

  it('党龄从转正日期起算满整年，党龄校正值按月加减', () => {
    expect(partyAge('2015-07-01', 0, '2025-06-30')).toBe(9)
    expect(partyAge('2015-07-01', 0, '2025-07-01')).toBe(10)
    expect(partyAge('2015-07-01', 12, '2025-06-30')).toBe(10)
    expect(partyAge(null, 0, '2025-07-01')).toBeNull()
    expect(partyAge('2026-01-01', 0, '2025-07-01')).toBeNull()
  })

  it('某一天所处的阶段由各步日期得出', () => {
    const d = dates({ appliedOn: '2020-01-01', activistOn: '2020-03-01', candidateOn: '2021-04-01', joinedOn: '2021-09-01', convertedOn: '2022-09-01' })
    expect(stageOn(d, '2019-12-31')).toBeNull()
    expect(stageOn(d, '2020-02-29')).toBe('applicant')
    expect(stageOn(d, '2021-03-31')).toBe('activist')
    expect(stageOn(d, '2021-08-31')).toBe('candidate')
    expect(stageOn(d, '2022-08-31')).toBe('probationary')
    expect(stageOn(d, '2022-09-01')).toBe('full')
  })
})

describe('发展党员日期的核对', () => {
  it('转正日期早于预备期满之日是错误；晚于期满之日只提示', () => {
    expect(messages({ joinedOn: '2020-07-01', convertedOn: '2021-06-30' })).toEqual(['error:预备期到2021-07-01才满，转正日期（2021-06-30）早于预备期满之日'])
    expect(messages({ joinedOn: '2020-07-01', convertedOn: '2021-07-01' })).toEqual([])
    expect(messages({ joinedOn: '2020-07-01', convertedOn: '2021-08-15' })[0]).toMatch(/^warning:转正日期（2021-08-15）晚于预备期满之日（2021-07-01）/)
  })

  it('延长预备期只能是6至12个月', () => {
    expect(messages({ joinedOn: '2020-07-01', extensionMonths: 5 })).toEqual(['error:延长预备期只能是6至12个月（党章第七条），且只能延长一次'])
    expect(messages({ joinedOn: '2020-07-01', extensionMonths: 13 })).toHaveLength(1)
    expect(messages({ joinedOn: '2020-07-01', extensionMonths: 6, convertedOn: '2022-01-01' })).toEqual([])
  })

  it('未满18周岁申请或入党是错误，满18周岁当天可以', () => {
    expect(messages({ appliedOn: '2007-12-31' }, '1989-12-31')).toEqual([])
    expect(messages({ appliedOn: '2007-12-30' }, '1989-12-31')).toEqual(['error:申请入党时未满18周岁（2007-12-31才满18岁），请核对申请日期或出生日期'])
    expect(messages({ joinedOn: '2007-12-30' }, '1989-12-31')[0]).toContain('入党时未满18周岁')
  })

  it('各步顺序颠倒、日期晚于今天都是错误', () => {
    expect(messages({ appliedOn: '2020-05-01', activistOn: '2020-04-01' })).toEqual(['error:确定积极分子日期（2020-04-01）不能早于申请入党日期（2020-05-01）'])
    expect(messages({ appliedOn: '2020-05-01', talkedOn: '2020-04-20' })).toEqual(['error:谈话日期（2020-04-20）不能早于申请入党日期（2020-05-01）'])
    expect(messages({ joinedOn: '2020-05-01', oathOn: '2020-04-01' })).toEqual(['error:入党宣誓日期（2020-04-01）不能早于入党日期（2020-05-01）'])
    expect(messages({ appliedOn: '2025-06-16' })).toEqual(['error:申请入党日期（2025-06-16）不能晚于今天'])
  })

  it('时限规则只提示不阻止：谈话超过一个月、培养不满一年、培训不足24学时、审批超过三个月', () => {
    expect(messages({ appliedOn: '2020-01-10', talkedOn: '2020-02-11' })).toEqual(['warning:谈话日期超过了收到申请后1个月的期限'])
    expect(messages({ appliedOn: '2020-01-10', talkedOn: '2020-02-10' })).toEqual([])
    expect(messages({ appliedOn: '2020-01-01', activistOn: '2020-03-01', candidateOn: '2021-02-28' })).toEqual(['warning:确定为发展对象时，作为积极分子培养还不满12个月'])
    expect(messages({ appliedOn: '2020-01-01', activistOn: '2020-03-01', candidateOn: '2021-03-01' })).toEqual([])
    expect(messages({ candidateOn: '2021-03-01', trainingHours: 20, joinedOn: '2021-09-01' })).toEqual(['warning:集中培训20学时，少于24学时'])
    expect(messages({ joinedOn: '2021-09-01', approvedOn: '2021-12-02' })).toEqual(['warning:上级党委审批（2021-12-02）超过了支部大会通过后3个月的期限'])
  })
})

describe('发展党员到期事项', () => {
  const what = (p: ReturnType<typeof person>, today = '2025-06-15') => dueItems(p, today, S).map((d) => [d.what, d.dueOn, d.overdue])

  it('申请人：收到申请一个月内谈话；谈过话后不再提醒', () => {
    expect(what(person({ appliedOn: '2025-06-01' }, 'applicant'))).toEqual([['与申请人谈话', '2025-07-01', false]])
    expect(what(person({ appliedOn: '2025-04-01' }, 'applicant'))).toEqual([['与申请人谈话', '2025-05-01', true]])
    expect(what(person({ appliedOn: '2025-04-01', talkedOn: '2025-04-20' }, 'applicant'))).toEqual([])
  })

  it('积极分子：每半年考察一次，从最近一次考察起算；培养满一年可列为发展对象', () => {
    expect(what(person({ activistOn: '2025-01-10' }, 'activist'))).toEqual([
      ['积极分子考察（每半年一次）', '2025-07-10', false],
      ['培养满一年，可讨论列为发展对象', '2026-01-10', false],
    ])
    expect(what(person({ activistOn: '2024-01-10' }, 'activist', { lastAssessedOn: '2025-01-05' }))).toEqual([
      ['积极分子考察（每半年一次）', '2025-07-05', false],
      ['已培养满一年：可提请确定为发展对象', '2025-01-10', true],
    ])
  })

  it('发展对象：集中培训不足24学时时提醒，满了就不提醒', () => {
    expect(what(person({ candidateOn: '2025-05-01', trainingHours: 8 }, 'candidate'))).toEqual([['完成集中培训（不少于24学时）', '2025-08-01', false]])
    expect(what(person({ candidateOn: '2025-05-01', trainingHours: 24 }, 'candidate'))).toEqual([])
  })

  it('预备党员：三个月内上级审批、期满前一个月提醒转正申请、期满讨论转正；延长后顺延', () => {
    expect(what(person({ joinedOn: '2024-09-01' }, 'probationary'))).toEqual([
      ['报上级党委审批（支部大会后3个月内）', '2024-12-01', true],
      ['提醒本人提交转正申请', '2025-08-01', false],
      ['预备期满，召开支部大会讨论转正', '2025-09-01', false],
    ])
    expect(what(person({ joinedOn: '2024-09-01', approvedOn: '2024-10-10', conversionAppliedOn: '2025-06-01', extensionMonths: 6 }, 'probationary'))).toEqual([
      ['预备期满，召开支部大会讨论转正', '2026-03-01', false],
    ])
  })

  it('失联党员满6个月提示研究停止党籍', () => {
    expect(what(person({ joinedOn: '2000-01-01', convertedOn: '2001-01-01' }, 'full', { lostContactSince: '2024-10-01' }))).toEqual([['失联满6个月，研究是否停止党籍', '2025-04-01', true]])
  })
})

describe('代码项（民族、学历、学位、职业类别）', () => {
  it('常见简写规范为国家标准名称', () => {
    expect(normalizeCode('ethnicity', '汉')).toEqual({ ok: true, value: '汉族' })
    expect(normalizeCode('ethnicity', '01')).toEqual({ ok: true, value: '汉族' })
    expect(normalizeCode('ethnicity', ' 维吾尔族 ')).toEqual({ ok: true, value: '维吾尔族' })
    expect(normalizeCode('education', '本科')).toEqual({ ok: true, value: '大学本科' })
    expect(normalizeCode('education', '大专')).toEqual({ ok: true, value: '大学专科' })
    expect(normalizeCode('education', '硕士')).toEqual({ ok: true, value: '硕士研究生' })
    expect(normalizeCode('degree', '硕士学位')).toEqual({ ok: true, value: '硕士' })
    expect(normalizeCode('occupation', '工人')).toEqual({ ok: true, value: '工人（工勤技能人员）' })
    expect(normalizeCode('education', '')).toEqual({ ok: true, value: null })
  })

  it('不在代码表中的写法被拒绝，并说明应当怎么写', () => {
    expect(normalizeCode('ethnicity', '火星族')).toEqual({ ok: false, message: expect.stringContaining('请写全称，如“汉族”“回族”') })
    // as rosters really write it: the standard's group level, counted under 研究生 in the statistics
    expect(normalizeCode('education', '研究生')).toEqual({ ok: true, value: '研究生' })
    expect(normalizeCode('education', '研究生学历')).toEqual({ ok: true, value: '研究生' })
    expect(normalizeCode('education', '本科学历')).toEqual({ ok: true, value: '大学本科' })
    expect(normalizeCode('education', '大专毕业')).toEqual({ ok: true, value: '大学专科' })
    expect(normalizeCode('education', '硕士研究生学历')).toEqual({ ok: true, value: '硕士研究生' })
    expect(normalizeCode('education', '大学')).toEqual({ ok: true, value: '大学本科' })
    expect(normalizeCode('degree', '博士后')).toEqual({ ok: false, message: '学位“博士后”不是规定的写法，请填写：博士、硕士、学士、无' })
    expect(normalizeCode('occupation', '医生')).toMatchObject({ ok: false, message: expect.stringContaining('专业技术人员') })
  })
})
