import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branch = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const other = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  return { backend, committee: c, branch, other }
}

const member = (backend: Backend, organizationId: number, fields: Record<string, unknown>) =>
  ok(backend, 'members.create', { organizationId, fields: { name: '王芳', ...fields } as never })

describe('党员档案', () => {
  it('由身份证号得出性别和出生日期，屏幕上身份证号、电话被遮蔽，查看原值会留痕', async () => {
    const { backend, branch } = await hospital()
    const d = await member(backend, branch.id, { idNumber: '11010519491231002x', joinedOn: '1975-07-01', convertedOn: '1976-07-01', phone: '13812345678' })
    // beside the masked ID the birth date shows its month only (the day is the ID's hidden middle)
    expect(d.member).toMatchObject({ gender: '女', birthDate: null, idNumber: '110105********002X', phone: '138****5678', stage: 'full' })
    expect(d.birthMonth).toBe('1949-12')
    expect(d.partyAge).toBe(48)
    expect((await ok(backend, 'members.reveal', { id: d.member.id, field: 'idNumber' })).value).toBe('11010519491231002X')
    const log = await ok(backend, 'audit.list', { entity: 'member', entityId: d.member.id })
    expect(log[0]!.after).toEqual({ revealed: 'idNumber' })
  })

  it('拒绝校验位错误、性别不符、重复的身份证号，且不保存任何内容', async () => {
    const { backend, branch } = await hospital()
    expect((await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '甲', idNumber: '110105194912310021', joinedOn: '1980-01-01' } })).message).toContain('校验位错误')
    expect((await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '甲', gender: '男', idNumber: '11010519491231002X', joinedOn: '1980-01-01' } })).message).toContain('性别“男”与身份证号不符')
    await member(backend, branch.id, { idNumber: '34052419800101001X', joinedOn: '2005-01-01', convertedOn: '2006-01-01' })
    const dup = await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '李四', idNumber: '34052419800101001x', joinedOn: '2005-01-01' } })
    expect(dup.code).toBe('CONFLICT')
    expect(dup.message).toContain('已登记为“王芳”')
    expect((await ok(backend, 'members.list', {})).total).toBe(1)
  })

  it('未满18周岁入党被拒绝', async () => {
    const { backend, branch } = await hospital()
    const err = await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '少年', idNumber: '34052419800101001X', joinedOn: '1997-12-31' } })
    expect(err.message).toContain('入党时未满18周岁（1998-01-01才满18岁）')
    await member(backend, branch.id, { idNumber: '34052419800101001X', joinedOn: '1998-01-01', convertedOn: '1999-01-01' })
  })

  it('预备期一年：转正日期早于预备期满之日被拒绝；延长6至12个月，且只能延长一次', async () => {
    const { backend, branch } = await hospital()
    expect((await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '甲', gender: '男', joinedOn: '2020-07-01', convertedOn: '2021-06-30' } })).message).toContain('预备期到2021-07-01才满')
    const p = await member(backend, branch.id, { gender: '男', joinedOn: '2024-03-01' })
    expect(p.member.stage).toBe('probationary')
    expect((await fails(backend, 'members.event', { type: 'extended', id: p.member.id, date: '2025-03-01', months: 3 })).message).toContain('6至12个月')
    const ext = await ok(backend, 'members.event', { type: 'extended', id: p.member.id, date: '2025-03-01', months: 6 })
    expect(ext.due.find((d) => d.what.includes('预备期满'))!.dueOn).toBe('2025-09-01')
    expect((await fails(backend, 'members.event', { type: 'extended', id: p.member.id, date: '2025-04-01', months: 6 })).message).toContain('已经延长过一次')
    expect((await fails(backend, 'members.event', { type: 'converted', id: p.member.id, date: '2025-05-01' })).message).toContain('预备期到2025-09-01才满')
  })

  it('发展全过程：申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员，每步都进入时间线', async () => {
    const { backend, branch } = await hospital()
    let person = await member(backend, branch.id, { name: '赵敏', idNumber: '34052419800101001X', appliedOn: '2022-03-01' })
    expect(person.member.stage).toBe('applicant')
    expect(person.due[0]).toMatchObject({ what: '与申请人谈话', dueOn: '2022-04-01', overdue: true })
    const id = person.member.id
    await ok(backend, 'members.event', { type: 'talked', id, date: '2022-03-20' })
    await ok(backend, 'members.event', { type: 'activist', id, date: '2022-05-01', contacts: '李娜、张伟' })
    await ok(backend, 'members.event', { type: 'candidate', id, date: '2023-06-01', introducers: '李娜、张伟', trainingHours: 24 })
    await ok(backend, 'members.event', { type: 'admitted', id, date: '2023-09-01', approvedOn: '2023-10-15' })
    expect((await fails(backend, 'members.event', { type: 'admitted', id, date: '2023-09-02' })).message).toContain('目前是预备党员')
    person = await ok(backend, 'members.event', { type: 'converted', id, date: '2024-09-01' })
    expect(person.member).toMatchObject({ stage: 'full', joinedOn: '2023-09-01', convertedOn: '2024-09-01' })
    expect(person.events.map((e) => e.type)).toEqual(['applied', 'talked', 'activist', 'candidate', 'admitted', 'converted'])
  })

  it('确定为发展对象时培养不满一年给出提示但照常登记', async () => {
    const { backend, branch } = await hospital()
    const p = await member(backend, branch.id, { gender: '女', appliedOn: '2024-01-01', activistOn: '2024-03-01' })
    const d = await ok(backend, 'members.event', { type: 'candidate', id: p.member.id, date: '2024-12-01' })
    expect(d.member.stage).toBe('candidate')
    expect(d.warnings.map((w) => w.message)).toContain('确定为发展对象时，作为积极分子培养还不满12个月')
  })

  it('组织关系转出后不在名册中，但在历史中仍可查到；支部在当天的名册可追溯', async () => {
    const { backend, branch } = await hospital()
    const p = await member(backend, branch.id, { gender: '男', joinedOn: '2010-01-01', convertedOn: '2011-01-01' })
    await ok(backend, 'members.event', { type: 'transfer_out', id: p.member.id, date: '2025-05-01', toOrganization: '中共某大学委员会', letterNo: '组转字〔2025〕8号', duesPaidTo: '2025-05' })
    expect((await ok(backend, 'members.list', {})).total).toBe(0)
    const history = await ok(backend, 'members.list', { statuses: ['transferred_out', 'left'], q: '王' })
    expect(history.rows.map((r) => [r.name, r.status])).toEqual([['王芳', 'transferred_out']])
    const d = await ok(backend, 'members.get', { id: p.member.id })
    expect(d.events.at(-1)).toMatchObject({ type: 'transfer_out', otherOrganization: '中共某大学委员会', letterNo: '组转字〔2025〕8号', duesPaidTo: '2025-05' })
    expect(d.memberships).toEqual([{ organizationName: '内科党支部', fromDate: '2010-01-01', toDate: '2025-05-01' }])
    expect((await fails(backend, 'members.event', { type: 'mobile', id: p.member.id, date: '2025-06-01', destination: '深圳' })).message).toContain('已转出')
  })

  it('支部间调动关闭旧的组织关系并开始新的；出党保留档案', async () => {
    const { backend, branch, other } = await hospital()
    const p = await member(backend, branch.id, { gender: '男', joinedOn: '2010-01-01', convertedOn: '2011-01-01' })
    await ok(backend, 'members.event', { type: 'moved', id: p.member.id, date: '2024-01-01', organizationId: other.id })
    const left = await ok(backend, 'members.event', { type: 'left', id: p.member.id, date: '2025-01-10', leaveReason: '除名', documentNo: '院党委〔2025〕2号' })
    expect(left.member).toMatchObject({ status: 'left', leftOn: '2025-01-10', leftReason: '除名' })
    expect(left.memberships.map((m) => [m.organizationName, m.toDate])).toEqual([['内科党支部', '2024-01-01'], ['外科党支部', '2025-01-10']])
  })

  it('按姓名一两个字也能查到，按支部、类别、年龄段筛选', async () => {
    const { backend, branch, other } = await hospital()
    await member(backend, branch.id, { name: '王芳', gender: '女', birthDate: '1990-05-01', joinedOn: '2015-01-01', convertedOn: '2016-01-01' })
    await member(backend, other.id, { name: '李王', gender: '男', birthDate: '1960-05-01', joinedOn: '1985-01-01', convertedOn: '1986-01-01' })
    await member(backend, branch.id, { name: '张三', gender: '男', birthDate: '1995-05-01', appliedOn: '2025-01-01' })
    expect((await ok(backend, 'members.list', { q: '王' })).rows.map((r) => r.name).sort()).toEqual(['李王', '王芳'])
    expect((await ok(backend, 'members.list', { q: '王芳' })).total).toBe(1)
    expect((await ok(backend, 'members.list', { organizationId: branch.id, stages: ['full', 'probationary'] })).rows.map((r) => r.name)).toEqual(['王芳'])
    expect((await ok(backend, 'members.list', { ageBand: '61岁及以上' })).rows.map((r) => r.name)).toEqual(['李王'])
    expect((await ok(backend, 'members.list', { ageBand: '31-35岁' })).rows.map((r) => r.name)).toEqual(['王芳'])
    expect((await ok(backend, 'members.list', { q: '%' })).total).toBe(0)
  })

  it('按职称级别和人员类别筛选，口径与驾驶舱结构图相同（未填或不在代码表中的算“无”和“其他”）', async () => {
    const { backend, branch } = await hospital()
    await member(backend, branch.id, { name: '主任', gender: '男', birthDate: '1970-05-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01', title: '主任医师', occupation: '专业技术人员' })
    await member(backend, branch.id, { name: '护师', gender: '女', birthDate: '1990-05-01', joinedOn: '2015-01-01', convertedOn: '2016-01-01', title: '护师', occupation: '专业技术人员' })
    await member(backend, branch.id, { name: '干部', gender: '男', birthDate: '1980-05-01', joinedOn: '2005-01-01', convertedOn: '2006-01-01', title: null, occupation: '管理人员' })
    await member(backend, branch.id, { name: '未填', gender: '男', birthDate: '1985-05-01', joinedOn: '2010-01-01', convertedOn: '2011-01-01' })
    await member(backend, branch.id, { name: '工勤', gender: '男', birthDate: '1975-05-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01', title: '无', occupation: '工人（工勤技能人员）' })
    const names = async (input: Record<string, unknown>) => (await ok(backend, 'members.list', input as never)).rows.map((r) => r.name).sort()
    expect(await names({ titleLevel: '正高' })).toEqual(['主任'])
    expect(await names({ titleLevel: '初级' })).toEqual(['护师'])
    expect(await names({ titleLevel: '无' })).toEqual(['工勤', '干部', '未填'].sort())
    expect(await names({ occupation: '管理人员' })).toEqual(['干部'])
    expect(await names({ occupation: '其他' })).toEqual(['未填'])
  })

  it('支部委员会：只有本支部正式党员可任职；满3人视为设立了支委会；书记可标记双带头人', async () => {
    const { backend, branch } = await hospital()
    const ids: number[] = []
    for (const [i, name] of ['甲', '乙', '丙', '丁', '戊', '己', '庚'].entries()) {
      ids.push((await member(backend, branch.id, { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01`, title: '主任医师' })).member.id)
    }
    expect((await ok(backend, 'orgs.get', { id: branch.id })).warnings.map((w) => w.code)).toContain('committee_required')
    const applicant = await member(backend, branch.id, { name: '新人', gender: '女', appliedOn: '2025-01-01' })
    expect((await fails(backend, 'committees.appoint', { organizationId: branch.id, memberId: applicant.member.id, post: 'organization', electedOn: '2025-01-01' })).message).toContain('不是党籍正常的正式党员')
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[0]!, post: 'secretary', electedOn: '2024-01-01', dualLeader: true })
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[1]!, post: 'organization', electedOn: '2024-01-01' })
    const posts = await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[2]!, post: 'propaganda', electedOn: '2024-01-01' })
    expect(posts[0]).toMatchObject({ post: 'secretary', memberName: '甲', dualLeader: true })
    const org = await ok(backend, 'orgs.get', { id: branch.id })
    expect(org.fullMembers).toBe(7)
    expect(org.warnings.map((w) => w.code)).not.toContain('committee_required')
    expect((await ok(backend, 'members.list', { dualLeader: true })).rows.map((r) => r.name)).toEqual(['甲'])
    expect((await fails(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[3]!, post: 'secretary', electedOn: '2025-01-01' })).message).toContain('现任书记是甲')
  })

  it('发展党员进度：各阶段人数与到期事项', async () => {
    const { backend, branch } = await hospital()
    await member(backend, branch.id, { name: '申', gender: '男', appliedOn: '2025-06-01' })
    await member(backend, branch.id, { name: '预', gender: '女', joinedOn: '2024-08-01' })
    const p = await ok(backend, 'members.pipeline', { organizationId: branch.id })
    expect(p.counts).toMatchObject({ applicant: 1, probationary: 1, full: 0 })
    expect(p.due.map((d) => [d.name, d.what, d.dueOn])).toEqual([
      ['预', '报上级党委审批（支部大会后3个月内）', '2024-11-01'],
      ['申', '与申请人谈话', '2025-07-01'],
      ['预', '提醒本人提交转正申请', '2025-07-01'],
      ['预', '预备期满，召开支部大会讨论转正', '2025-08-01'],
    ])
  })
})
