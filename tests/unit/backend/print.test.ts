import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

async function hospitalWithMeetings() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const ids: number[] = []
  for (const name of ['张三', '李四']) ids.push((await ok(backend, 'members.create', { organizationId: b.id, fields: { name, gender: '男', idNumber: null, joinedOn: '2000-01-01', convertedOn: '2001-01-01', phone: '13800000000' } })).member.id)
  for (const [d, title] of [['2025-03-10', '三月主题党日'], ['2025-06-05', '六月主题党日']] as const) {
    await ok(backend, 'meetings.create', { organizationId: b.id, types: ['theme_day'], title, heldOn: d, recorder: '李四', minutes: '内容', attendance: [{ memberId: ids[0]!, status: 'present' }, { memberId: ids[1]!, status: 'leave', reason: '值班' }] })
  }
  return { backend, branch: b }
}

describe('打印内容', () => {
  it('年度工作记录汇编：封面、目录、按日期排列的每次会议记录、参加情况统计', async () => {
    const { backend, branch } = await hospitalWithMeetings()
    const doc = await ok(backend, 'print.document', { what: 'binder', organizationId: branch.id, year: 2025 })
    expect(doc.title).toBe('内科党支部2025年度工作记录')
    const h = doc.html
    expect(h.indexOf('党支部工作记录')).toBeLessThan(h.indexOf('目　录'))
    expect(h.indexOf('三月主题党日')).toBeLessThan(h.indexOf('六月主题党日'))
    expect(h).toContain('李四（请假：值班）')
    expect(h).toMatch(/张三<\/td><td class="center">2<\/td><td class="center">2<\/td><td class="center">100%/)
  })

  it('批量打印本月签到表：每次会议一页；签到表上没有电话号码', async () => {
    const { backend } = await hospitalWithMeetings()
    const doc = await ok(backend, 'print.document', { what: 'signinBatch', month: '2025-03' })
    expect(doc.html.match(/class="one-sheet"/g)).toHaveLength(1)
    expect(doc.html).not.toContain('13800000000')
    expect((await fails(backend, 'print.document', { what: 'signinBatch', month: '2025-04' })).message).toContain('没有会议记录')
    const log = await ok(backend, 'audit.list', { entity: 'print' })
    expect(log).toHaveLength(1)
  })
})
