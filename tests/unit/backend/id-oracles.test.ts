import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { memberFieldsInput } from '../../../electron/shared/contract/members'
import { checkChar } from '../../../electron/shared/rules/id-number'
import { AGE_BANDS } from '../../../electron/shared/rules/statistics'
import { fails, ok, testBackend } from '../helpers'

/**
 * The masked-ID probe: the questions an attacker asks instead of reading a date: which of two people born in the same
 * month is older (age, age-band filter, sort by birth date), whether a guessed birth date or ID number is right
 * (the form's messages, 建档 with someone's number). None may tell the day, or none without a trace.
 */
const id = (body17: string) => body17 + checkChar(body17)
const LATE = id('11010519940625001') // born 1994-06-25: 30 by the day on 2025-06-15
const EARLY = id('11010519940605003') // born 1994-06-05: 31 by the day, in the next age band
const SURGEON = id('11010519850316004')

const signIn = async (backend: Backend, username: string, password: string) => {
  await ok(backend, 'auth.logout', {})
  await ok(backend, 'auth.login', { username, password })
}

async function hospital() {
  // 2025-06-15: one of the two has had this year's birthday, the other has not
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const person = async (organizationId: number, name: string, idNumber: string) =>
    (await ok(backend, 'members.create', { organizationId, fields: { name, idNumber, joinedOn: '2013-07-01', convertedOn: '2014-07-01' } })).member.id
  const late = await person(medicine.id, '晚生', LATE)
  const early = await person(medicine.id, '早生', EARLY)
  const surgeon = await person(surgery.id, '外科医生', SURGEON)
  await ok(backend, 'users.create', { username: 'lingdao', displayName: '张书记', role: 'leader', password: 'leader-pass-1' })
  await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: medicine.id, password: 'secretary-1' })
  return { backend, medicine, surgery, late, early, surgeon }
}

const names = async (backend: Backend, input: object) => (await ok(backend, 'members.list', input)).rows.map((r) => r.name).filter((n) => n !== '外科医生')

describe('同月出生的两个人分不出先后', () => {
  it('年龄、年龄段筛选和按出生日期排序对两人的回答完全相同', async () => {
    const { backend } = await hospital()
    for (const [username, password] of [['lingdao', 'leader-pass-1'], ['neike', 'secretary-1']] as const) {
      await signIn(backend, username, password)
      const rows = (await ok(backend, 'members.list', {})).rows.filter((r) => r.name !== '外科医生')
      expect(rows.map((r) => [r.name, r.birthMonth, r.age])).toEqual([
        ['晚生', '1994-06', 31],
        ['早生', '1994-06', 31],
      ])
      for (const ageBand of AGE_BANDS) expect((await names(backend, { ageBand })).length % 2).toBe(0)
      // sorted either way by birth date, the two keep the order they were entered in
      expect(await names(backend, { sort: 'birthDate', order: 'asc' })).toEqual(['晚生', '早生'])
      expect(await names(backend, { sort: 'birthDate', order: 'desc' })).toEqual(['晚生', '早生'])
      const detail = await ok(backend, 'members.get', { id: rows[0]!.id })
      expect([detail.member.birthDate, detail.birthMonth, detail.age]).toEqual([null, '1994-06', 31])
    }
  })
})

describe('修改档案时猜出生日期得不到回答', () => {
  it('随遮蔽的身份证号送回的出生日期不被采用，猜对猜错结果一样；年龄规则的提示只说年月', async () => {
    const { backend, late } = await hospital()
    await signIn(backend, 'neike', 'secretary-1')
    const shown = (await ok(backend, 'members.get', { id: late })).member as unknown as Record<string, unknown>
    const form = Object.fromEntries(Object.keys(memberFieldsInput.shape).map((k) => [k, shown[k]]))
    for (const guess of ['1994-06-24', '1994-06-25', '1994-06-26']) {
      const saved = await ok(backend, 'members.update', { id: late, fields: { ...form, birthDate: guess } as never })
      expect([saved.member.birthDate, saved.birthMonth]).toEqual([null, '1994-06'])
    }
    const young = await fails(backend, 'members.update', { id: late, fields: { ...form, appliedOn: '2008-01-01' } as never })
    expect(young.message).toContain('申请入党时未满18周岁（2012年6月满18岁）')
    expect(young.message).not.toMatch(/2012-06-25|25日/)
  })
})

describe('建档时填写别人的身份证号', () => {
  it('支部书记填了别的支部某人的号码：不说是谁，但作为查看此人身份证号记入审计日志', async () => {
    const { backend, medicine, surgeon } = await hospital()
    await signIn(backend, 'neike', 'secretary-1')
    const err = await fails(backend, 'members.create', { organizationId: medicine.id, fields: { name: '新来的', idNumber: SURGEON, joinedOn: '2012-07-01' } })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('该身份证号已登记在本院其他支部的名册中，同一人不能重复建档；如需接收此人，请与党务干事联系办理支部调动')
    expect(err.message).not.toMatch(/外科/)
    const trail = backend.context.db.prepare("SELECT user, method, entity_id, after_json FROM audit_log WHERE entity = 'member' ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>
    expect(trail).toMatchObject({ user: '内科刘书记（neike）', method: 'members.create', entity_id: surgeon })
    expect(JSON.parse(trail.after_json as string)).toMatchObject({ revealed: 'idNumber' })
    // nothing else of the refused record was written
    expect(backend.context.db.prepare("SELECT count(*) FROM members WHERE name = '新来的'").pluck().get()).toBe(0)
  })

  it('本支部的人：说出是谁（书记本可查看），同样留痕；改成别人的号码也一样', async () => {
    const { backend, medicine, early, late } = await hospital()
    await signIn(backend, 'neike', 'secretary-1')
    const err = await fails(backend, 'members.create', { organizationId: medicine.id, fields: { name: '重复', idNumber: EARLY, joinedOn: '2012-07-01' } })
    expect(err.message).toContain('已登记为“早生”（内科党支部）')
    const shown = (await ok(backend, 'members.get', { id: late })).member as unknown as Record<string, unknown>
    const form = Object.fromEntries(Object.keys(memberFieldsInput.shape).map((k) => [k, shown[k]]))
    await fails(backend, 'members.update', { id: late, fields: { ...form, idNumber: EARLY } as never })
    const looks = backend.context.db.prepare("SELECT method FROM audit_log WHERE entity = 'member' AND entity_id = ? AND after_json LIKE '%revealed%'").pluck().all(early)
    expect(looks).toEqual(['members.create', 'members.update'])
  })
})
