import { describe, expect, it } from 'vitest'
import { memberEventInput } from '../../../electron/shared/contract/members'
import { MEMBER_STEPS, stepRefusal, type MemberStepType, type StepSubject } from '../../../electron/shared/rules/member-steps'

const person = (over: Partial<StepSubject> = {}): StepSubject => ({
  name: '赵敏',
  stage: 'full',
  status: 'normal',
  talkedOn: null,
  approvedOn: null,
  oathOn: null,
  conversionAppliedOn: null,
  extensionMonths: null,
  mobile: null,
  lostContactSince: null,
  ...over,
})
/** the steps the member drawer offers a person: those the table does not refuse (src/pages/members/event-forms.ts) */
const offered = (over: Partial<StepSubject>) => (Object.keys(MEMBER_STEPS) as MemberStepType[]).filter((t) => stepRefusal(person(over), t) === null)

describe('党员变动的状态规则只写一次：抽屉的按钮与后端的拒绝出自同一张表', () => {
  it('每种可登记的变动都有一条规则，不多不少', () => {
    expect(Object.keys(MEMBER_STEPS).sort()).toEqual(memberEventInput.options.map((o) => o.shape.type.value).sort())
  })

  it('抽屉只提供表中允许的变动：申请人可谈话、确定积极分子，不能转出或登记流动', () => {
    const applicant = offered({ stage: 'applicant' })
    expect(applicant).toEqual(expect.arrayContaining(['talked', 'activist', 'moved', 'dropped', 'died']))
    expect(applicant).not.toContain('transfer_out')
    expect(applicant).not.toContain('mobile')
    expect(stepRefusal(person({ stage: 'applicant' }), 'mobile')).toBe('赵敏目前是入党申请人，不能登记为流动党员')
    expect(stepRefusal(person({ stage: 'applicant' }), 'transfer_out')).toContain('还不是党员，没有组织关系可转出')
  })

  it('只登记一次的步骤登记后不再提供，后端也拒绝，并说出已登记的日期', () => {
    expect(offered({ stage: 'applicant', talkedOn: '2025-01-20' })).not.toContain('talked')
    expect(stepRefusal(person({ stage: 'applicant', talkedOn: '2025-01-20' }), 'talked')).toBe('赵敏已于2025-01-20登记谈话，不能重复登记')
    expect(stepRefusal(person({ stage: 'probationary', extensionMonths: 6 }), 'extended')).toBe('赵敏的预备期已经延长过一次，不能再次延长')
  })

  it('离开名册的人只能登记组织关系转回；停止党籍的人可恢复、不能再停止', () => {
    expect(offered({ status: 'transferred_out' })).toEqual(['transfer_in'])
    expect(offered({ status: 'left' })).toEqual([])
    expect(stepRefusal(person({ status: 'left' }), 'transfer_in')).toBe('赵敏的组织关系在本单位，无需转入')
    expect(stepRefusal(person({ status: 'transferred_out' }), 'mobile')).toBe('赵敏已转出，不能再登记变动（历史记录仍可查看）')
    expect(offered({ status: 'suspended' })).toContain('restored')
    expect(offered({ status: 'suspended' })).not.toContain('suspended')
    expect(offered({})).toContain('suspended')
    expect(offered({})).not.toContain('restored')
  })
})
