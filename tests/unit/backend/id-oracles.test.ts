import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/dispatch'
import { checkChar } from '../../../electron/shared/rules/id-number'
import { AGE_BANDS } from '../../../electron/shared/rules/statistics'
import { ok, testBackend } from '../helpers'

/**
 * Issue 17, item 2, the questions an attacker asks instead of reading a date: which of two people born in the same
 * month is older (age, age-band filter, sort by birth date). None may tell the day.
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
