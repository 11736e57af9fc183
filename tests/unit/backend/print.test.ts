import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

/** A hospital with one branch: a full member with every sensitive field filled, a 预备党员, an activist, two meetings. */
async function hospitalWithMeetings() {
  const backend = testBackend()
  await ok(backend, 'settings.update', { key: 'unit.name', value: '中共示范医院委员会' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const create = (fields: Record<string, unknown>) => ok(backend, 'members.create', { organizationId: b.id, fields: { gender: '男', ...fields } as never })
  const full = await create({ name: '王芳', gender: '女', idNumber: '11010519491231002X', phone: '13812345678', address: '示范市和平路1号', joinedOn: '1975-07-01', convertedOn: '1976-07-01' })
  const probationary = await create({ name: '李四', joinedOn: '2024-09-01', phone: '13900000000' })
  const activist = await create({ name: '赵敏', gender: '女', birthDate: '1995-06-15', idNumber: null, phone: '13711112222', address: '示范市解放路8号', appliedOn: '2022-10-08', activistOn: '2023-09-12', department: '心血管内科', education: '硕士研究生' })
  const ids = [full.member.id, probationary.member.id]
  for (const [d, title] of [['2025-03-10', '三月主题党日'], ['2025-06-05', '六月主题党日']] as const) {
    await ok(backend, 'meetings.create', {
      organizationId: b.id,
      types: ['theme_day'],
      title,
      heldOn: d,
      recorder: '李四',
      minutes: '内容',
      attendance: [
        { memberId: ids[0]!, status: 'present' },
        { memberId: ids[1]!, status: 'leave', reason: '值班' },
      ],
    })
  }
  return { backend, branch: b, committee: c, activist: activist.member.id }
}

describe('打印内容（从数据库组装）', () => {
  it('年度工作记录汇编：封面、目录、按日期排列的每次会议记录、参加情况统计（含请假次数）', async () => {
    const { backend, branch } = await hospitalWithMeetings()
    const doc = await ok(backend, 'print.document', { what: 'binder', organizationId: branch.id, year: 2025 })
    expect(doc.title).toBe('内科党支部2025年度工作记录')
    const h = doc.html
    expect(h.indexOf('年度工作记录</div>')).toBeLessThan(h.indexOf('目　录'))
    expect(h.indexOf('三月主题党日')).toBeLessThan(h.indexOf('六月主题党日'))
    expect(h).toContain('<th>请假人员<br>及原因</th><td colspan="7">李四（值班）</td>')
    expect(h).toContain('<th>出席人员</th><td colspan="7">王芳</td>')
    expect(h).toContain('<td>王芳</td><td>2</td><td>2</td><td>0</td><td>0</td><td>100%</td>')
    expect(h).toContain('<td>李四</td><td>2</td><td>0</td><td>2</td><td>0</td><td>0%</td>')
  })

  it('单位名称未设置时，纸上留一条可手写的横线，预览上方提示去设置（提示不印出来）', async () => {
    const { backend, branch } = await hospitalWithMeetings()
    await ok(backend, 'settings.update', { key: 'unit.name', value: null })
    const bare = await ok(backend, 'print.document', { what: 'binder', organizationId: branch.id, year: 2025 })
    expect(bare.html).toContain('＿＿＿＿＿＿＿＿＿＿＿＿')
    expect(bare.html).not.toContain('系统设置')
    expect(bare.notes?.[0]).toContain('单位名称还没有设置')
    await ok(backend, 'settings.update', { key: 'unit.name', value: '中共示范医院委员会' })
    const named = await ok(backend, 'print.document', { what: 'binder', organizationId: branch.id, year: 2025 })
    expect(named.html).toContain('中共示范医院委员会')
    expect(named.notes).toBeUndefined()
  })

  it('签到表：预填当天在册党员（预备党员注明），不带电话、身份证号；空白行数取自设置', async () => {
    const { backend, branch } = await hospitalWithMeetings()
    const m = await ok(backend, 'meetings.create', { organizationId: branch.id, types: ['party_congress'], title: '七月党员大会', heldOn: '2025-07-01' })
    const doc = await ok(backend, 'print.document', { what: 'signin', meetingId: m.id })
    expect(doc.pages).toBe(1)
    expect(doc.html).toContain('王芳')
    expect(doc.html).toMatch(/李四<\/td><td><\/td><td class="note">预备党员/)
    for (const secret of ['13812345678', '11010519491231002X', '和平路']) expect(doc.html).not.toContain(secret)
    // 2 members numbered, then the default 5 blank rows without numbers
    const blank = /<tr><td class="center"><\/td><td class="name"><\/td>/g
    expect(doc.html.match(/<tr><td class="center">\d+<\/td>/g)).toHaveLength(2)
    expect(doc.html.match(blank)).toHaveLength(5)
    await ok(backend, 'settings.update', { key: 'print.signInBlankRows', value: 10 })
    const more = await ok(backend, 'print.document', { what: 'signin', meetingId: m.id })
    expect(more.html.match(blank)).toHaveLength(10)
  })

  it('签到表：登记了请假的人，备注写“请假”和原因', async () => {
    const { backend } = await hospitalWithMeetings()
    const ids = (await ok(backend, 'meetings.list', { q: '三月主题党日' })).rows.map((r) => r.id)
    const doc = await ok(backend, 'print.document', { what: 'signin', meetingId: ids[0]! })
    expect(doc.html).toMatch(/李四<\/td><td><\/td><td class="note">预备党员；请假：值班<\/td>/)
  })

  it('批量打印本月签到表：每次会议一份；没有会议时说明原因；每次打印都记入审计日志', async () => {
    const { backend, committee } = await hospitalWithMeetings()
    const doc = await ok(backend, 'print.document', { what: 'signinBatch', month: '2025-03', organizationId: committee.id })
    expect(doc.title).toBe('3月签到表（1份）')
    expect(doc.html.match(/class="sheet-page"/g)).toHaveLength(1)
    expect((await fails(backend, 'print.document', { what: 'signinBatch', month: '2025-04' })).message).toContain('没有会议记录')
    const log = await ok(backend, 'audit.list', { entity: 'print' })
    expect(log).toHaveLength(1)
    expect(JSON.stringify(log[0])).toContain('signinBatch')
  })

  it('党员名册按名册页面的筛选打印（含下级组织），只有目录中的列，没有身份证号、电话、住址', async () => {
    const { backend, committee } = await hospitalWithMeetings()
    const doc = await ok(backend, 'print.document', { what: 'roster', filters: { organizationId: committee.id }, columns: ['name', 'idNumber', 'phone', 'address', 'joinedOn'] })
    expect(doc.html).toContain('王芳')
    expect(doc.html).toContain('李四')
    expect(doc.html).not.toContain('赵敏') // an activist is not yet a party member
    expect(doc.html).toContain('<th>入党日期</th>')
    for (const secret of ['身份证', '联系电话', '住址', '13812345678', '11010519491231002X', '和平路']) expect(doc.html).not.toContain(secret)
    expect(doc.html).toContain('1975.7.1')
    const none = await fails(backend, 'print.document', { what: 'roster', filters: { q: '不存在的人' } })
    expect(none.message).toContain('没有符合当前筛选条件的党员')
  })

  it('公示：出生只印年月，身份证号、电话、住址从不进入公示；类型与所处阶段不符时拒绝', async () => {
    const { backend, activist } = await hospitalWithMeetings()
    const input = { what: 'notice' as const, kind: '发展对象' as const, memberIds: [activist], periodFrom: '2025-06-16', periodTo: '2025-06-20', feedback: '院党委办公室（电话 0000-1234567）', issuer: '中共示范医院内科支部委员会' }
    const doc = await ok(backend, 'print.document', input)
    expect(doc.html).toContain('关于拟确定发展对象的公示')
    expect(doc.html).toContain('<td class="nw">1995.6</td>')
    expect(doc.html).toContain('2023.9.12')
    expect(doc.html).toContain('2025年6月16日至2025年6月20日（5个工作日）')
    expect(doc.notes!.join()).toContain('2025年的节假日安排还没有录入')
    const short = await ok(backend, 'print.document', { ...input, periodTo: '2025-06-18' })
    expect(short.notes!.join()).toContain('公示期只有3个工作日，少于设置的5个工作日')
    for (const secret of ['1995.6.15', '1995-06-15', '13711112222', '解放路']) expect(doc.html).not.toContain(secret)
    expect((await fails(backend, 'print.document', { ...input, kind: '转正' })).message).toContain('赵敏不是预备党员')
    expect((await fails(backend, 'print.document', { ...input, periodTo: '2025-06-01' })).message).toContain('早于开始日期')
  })
})
