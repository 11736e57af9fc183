import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branch = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const other = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  return { backend, branch, other }
}
const add = (backend: Backend, organizationId: number, fields: Record<string, unknown>) =>
  ok(backend, 'members.create', { organizationId, fields: { name: '王芳', gender: '女', ...fields } as never })
const full = { joinedOn: '2010-01-01', convertedOn: '2011-01-01' }

describe('代码项的录入', () => {
  it('民族、学历、学位、职业类别的简写保存为标准名称', async () => {
    const { backend, branch } = await hospital()
    const d = await add(backend, branch.id, { ...full, ethnicity: '汉', education: '本科', degree: '学士学位', occupation: '工人' })
    expect(d.member).toMatchObject({ ethnicity: '汉族', education: '大学本科', degree: '学士', occupation: '工人（工勤技能人员）' })
  })

  it('不在代码表中的学历、民族被拒绝，说明应怎么写，什么也不保存', async () => {
    const { backend, branch } = await hospital()
    const e = await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '甲', gender: '男', ...full, education: '留学生', ethnicity: '火星族' } })
    expect(e.message).toContain('学历“留学生”不是规定的写法')
    expect(e.message).toContain('民族“火星族”不在国家标准')
    expect(e.issues!.map((i) => i.field).sort()).toEqual(['education', 'ethnicity'])
    expect((await ok(backend, 'members.list', { statuses: [] })).total).toBe(0)
  })
})

describe('发展党员的每一步都有日期', () => {
  it('考察、政审、培训、预审、审批、宣誓、转正申请各成为时间线上的一条，相应的待办随之消失', async () => {
    const { backend, branch } = await hospital()
    const id = (await add(backend, branch.id, { appliedOn: '2023-01-05', talkedOn: '2023-01-20', activistOn: '2023-03-01' })).member.id
    let d = await ok(backend, 'members.event', { type: 'assessed', id, date: '2023-09-01', reason: '表现良好' })
    expect(d.due.find((x) => x.what.startsWith('积极分子考察'))!.dueOn).toBe('2024-03-01')
    await ok(backend, 'members.event', { type: 'candidate', id, date: '2024-03-05', introducers: '李娜、张伟' })
    await ok(backend, 'members.event', { type: 'political_review', id, date: '2024-04-01', reason: '政审合格' })
    d = await ok(backend, 'members.event', { type: 'trained', id, date: '2024-04-20', trainingHours: 24 })
    expect(d.due).toEqual([])
    await ok(backend, 'members.event', { type: 'pre_reviewed', id, date: '2024-05-10' })
    d = await ok(backend, 'members.event', { type: 'admitted', id, date: '2024-06-01' })
    expect(d.due.map((x) => x.what)).toContain('报上级党委审批（支部大会后3个月内）')
    await ok(backend, 'members.event', { type: 'approved', id, date: '2024-07-15', documentNo: '院党委〔2024〕12号' })
    await ok(backend, 'members.event', { type: 'oath', id, date: '2024-07-01' })
    d = await ok(backend, 'members.event', { type: 'conversion_applied', id, date: '2025-05-10' })
    expect(d.due.map((x) => x.what)).toEqual(['预备期满，召开支部大会讨论转正'])
    expect(d.member).toMatchObject({ politicalReviewOn: '2024-04-01', trainingTo: '2024-04-20', trainingHours: 24, preReviewOn: '2024-05-10', approvedOn: '2024-07-15', oathOn: '2024-07-01', conversionAppliedOn: '2025-05-10' })
    expect(d.events.map((e) => e.type)).toEqual(['applied', 'activist', 'assessed', 'candidate', 'political_review', 'trained', 'pre_reviewed', 'admitted', 'oath', 'approved', 'conversion_applied'])
    expect(d.events.find((e) => e.type === 'trained')!.reason).toBe('24学时')
    expect(d.events.find((e) => e.type === 'candidate')!.reason).toBe('入党介绍人：李娜、张伟')
  })

  it('步骤不对应当前阶段时说明原因；宣誓日期早于入党日期被拒绝', async () => {
    const { backend, branch } = await hospital()
    const a = (await add(backend, branch.id, { appliedOn: '2025-01-05' })).member.id
    expect((await fails(backend, 'members.event', { type: 'oath', id: a, date: '2025-03-01' })).message).toBe('王芳目前是入党申请人，不能登记入党宣誓')
    // the drawer offers neither: the backend refuses by the same table (shared/rules/member-steps.ts), writing nothing
    expect((await fails(backend, 'members.event', { type: 'mobile', id: a, date: '2025-03-01', destination: '外省' })).message).toBe('王芳目前是入党申请人，不能登记为流动党员')
    await ok(backend, 'members.event', { type: 'talked', id: a, date: '2025-01-20' })
    expect((await fails(backend, 'members.event', { type: 'talked', id: a, date: '2025-02-20' })).message).toBe('王芳已于2025-01-20登记谈话，不能重复登记')
    expect((await ok(backend, 'members.get', { id: a })).events.filter((e) => e.type === 'talked')).toHaveLength(1)
    const p = (await add(backend, branch.id, { name: '李四', joinedOn: '2025-01-01' })).member.id
    expect((await fails(backend, 'members.event', { type: 'oath', id: p, date: '2024-12-31' })).message).toContain('入党宣誓日期（2024-12-31）不能早于入党日期（2025-01-01）')
  })

  it('延长预备期的月数写进时间线', async () => {
    const { backend, branch } = await hospital()
    const p = (await add(backend, branch.id, { joinedOn: '2024-03-01' })).member.id
    const d = await ok(backend, 'members.event', { type: 'extended', id: p, date: '2025-03-01', months: 6, documentNo: '院党委〔2025〕3号' })
    expect(d.events.at(-1)).toMatchObject({ type: 'extended', reason: '延长6个月', documentNo: '院党委〔2025〕3号' })
  })
})

describe('离开名册与回到名册', () => {
  it('停止发展的积极分子离开名册和发展进度，不计为出党，档案在历史中', async () => {
    const { backend, branch } = await hospital()
    const id = (await add(backend, branch.id, { appliedOn: '2023-01-05', activistOn: '2023-03-01' })).member.id
    expect((await fails(backend, 'members.event', { type: 'transfer_out', id, date: '2025-05-01', toOrganization: '某大学' })).message).toContain('还不是党员，没有组织关系可转出')
    expect((await fails(backend, 'members.event', { type: 'dropped', id, date: '2025-05-01' })).message).toContain('停止发展的原因')
    const d = await ok(backend, 'members.event', { type: 'dropped', id, date: '2025-05-01', reason: '本人撤回入党申请' })
    expect(d.member).toMatchObject({ status: 'left', leftReason: '停止发展', leftOn: '2025-05-01' })
    expect(d.due).toEqual([])
    expect((await ok(backend, 'members.pipeline', { organizationId: branch.id })).counts.activist).toBe(0)
    const history = await ok(backend, 'members.list', { statuses: ['left'] })
    expect(history.rows.map((r) => [r.name, r.leftReason])).toEqual([['王芳', '停止发展']])
    expect((await ok(backend, 'stats.annual', { year: 2025 })).left).toEqual({ 开除党籍: 0, 除名: 0, 自行脱党: 0, 劝退: 0, 退党: 0 })
  })

  it('取消预备党员资格：离开名册并记下原因和文号', async () => {
    const { backend, branch } = await hospital()
    const id = (await add(backend, branch.id, { joinedOn: '2024-03-01' })).member.id
    const d = await ok(backend, 'members.event', { type: 'cancelled', id, date: '2025-03-10', reason: '预备期内不履行党员义务', documentNo: '院党委〔2025〕5号' })
    expect(d.member).toMatchObject({ status: 'left', leftReason: '取消预备党员资格' })
    expect(d.memberships).toEqual([{ organizationName: '内科党支部', fromDate: '2024-03-01', toDate: '2025-03-10' }])
  })

  it('转出后又转回：重复建档被拒绝并提示转回；同一份档案继续时间线，组织关系分两段', async () => {
    const { backend, branch, other } = await hospital()
    const id = (await add(backend, branch.id, { idNumber: '11010519491231002X', ...full })).member.id
    await ok(backend, 'members.event', { type: 'transfer_out', id, date: '2023-02-01', toOrganization: '中共某大学委员会', letterNo: '组转〔2023〕2号' })
    const dup = await fails(backend, 'members.create', { organizationId: other.id, fields: { name: '王芳', idNumber: '11010519491231002X', ...full } })
    expect(dup.code).toBe('CONFLICT')
    expect(dup.message).toContain('此人已转出，回到本单位时请在其档案中登记“组织关系转回”')
    expect((await fails(backend, 'members.event', { type: 'transfer_in', id, date: '2023-01-15', organizationId: other.id, fromOrganization: '中共某大学委员会' })).message).toBe('转入日期（2023-01-15）早于转出日期（2023-02-01），请核对')
    const d = await ok(backend, 'members.event', { type: 'transfer_in', id, date: '2025-04-01', organizationId: other.id, fromOrganization: '中共某大学委员会', letterNo: '组转〔2025〕9号', duesPaidTo: '2025-03' })
    expect(d.member).toMatchObject({ status: 'normal', organizationName: '外科党支部', leftOn: null, leftReason: null })
    expect(d.memberships).toEqual([
      { organizationName: '内科党支部', fromDate: '2010-01-01', toDate: '2023-02-01' },
      { organizationName: '外科党支部', fromDate: '2025-04-01', toDate: null },
    ])
    expect(d.events.slice(-2).map((e) => [e.type, e.otherOrganization, e.letterNo])).toEqual([
      ['transfer_out', '中共某大学委员会', '组转〔2023〕2号'],
      ['transfer_in', '中共某大学委员会', '组转〔2025〕9号'],
    ])
    expect((await fails(backend, 'members.event', { type: 'transfer_in', id, date: '2025-05-01', organizationId: other.id, fromOrganization: 'x' })).message).toContain('无需转入')
  })

  it('变动日期早于进入本支部的日期时给出中文提示，不写入', async () => {
    const { backend, branch, other } = await hospital()
    const id = (await add(backend, branch.id, full)).member.id
    await ok(backend, 'members.event', { type: 'moved', id, date: '2024-01-01', organizationId: other.id })
    const e = await fails(backend, 'members.event', { type: 'transfer_out', id, date: '2023-06-01', toOrganization: '某单位' })
    expect(e.message).toBe('日期（2023-06-01）早于王芳进入外科党支部的日期（2024-01-01），请核对')
    expect((await ok(backend, 'members.get', { id })).member.status).toBe('normal')
  })

  it('书记转出时其职务同时离任，双带头人和支委会不再计入', async () => {
    const { backend, branch } = await hospital()
    const ids: number[] = []
    for (const name of ['甲', '乙', '丙']) ids.push((await add(backend, branch.id, { name, ...full })).member.id)
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[0]!, post: 'secretary', electedOn: '2023-01-01', dualLeader: true })
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[1]!, post: 'organization', electedOn: '2023-01-01' })
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[2]!, post: 'propaganda', electedOn: '2023-01-01' })
    expect((await ok(backend, 'orgs.get', { id: branch.id })).hasCommittee).toBe(true)
    const d = await ok(backend, 'members.event', { type: 'transfer_out', id: ids[0]!, date: '2025-05-01', toOrganization: '某单位' })
    expect(d.warnings.map((w) => w.message)).toContain('已同时登记其书记职务于2025-05-01离任，请及时补选')
    const posts = await ok(backend, 'committees.list', { organizationId: branch.id })
    expect(posts.find((p) => p.memberName === '甲')).toMatchObject({ endedOn: '2025-05-01' })
    expect((await ok(backend, 'members.list', { dualLeader: true, statuses: [] })).total).toBe(0)
    expect((await ok(backend, 'orgs.get', { id: branch.id })).hasCommittee).toBe(false)
  })
})

describe('流动党员与失联党员', () => {
  it('可按流动、失联筛选；失联满6个月提示研究停止党籍；恢复联系后提示消失', async () => {
    const { backend, branch } = await hospital()
    const a = (await add(backend, branch.id, { name: '流动', ...full })).member.id
    const b = (await add(backend, branch.id, { name: '失联', ...full })).member.id
    await ok(backend, 'members.event', { type: 'mobile', id: a, date: '2025-01-01', destination: '深圳市南山区' })
    const d = await ok(backend, 'members.event', { type: 'lost_contact', id: b, date: '2024-11-01' })
    expect(d.due).toEqual([{ memberId: b, name: '失联', organizationName: '内科党支部', stage: 'full', what: '失联满6个月，研究是否停止党籍', dueOn: '2025-05-01', overdue: true }])
    expect((await ok(backend, 'members.list', { flag: 'mobile' })).rows.map((r) => [r.name, r.mobile])).toEqual([['流动', '深圳市南山区']])
    expect((await ok(backend, 'members.list', { flag: 'lost' })).rows.map((r) => [r.name, r.lostContactSince])).toEqual([['失联', '2024-11-01']])
    expect((await fails(backend, 'members.event', { type: 'restored', id: b, date: '2025-06-01' })).message).toContain('党籍正常，无需恢复')
    const found = await ok(backend, 'members.event', { type: 'found', id: b, date: '2025-06-01' })
    expect(found.member.lostContactSince).toBeNull()
    expect(found.due).toEqual([])
  })

  it('停止党籍后可恢复，停止时担任的职务离任', async () => {
    const { backend, branch } = await hospital()
    const id = (await add(backend, branch.id, full)).member.id
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: id, post: 'secretary', electedOn: '2023-01-01' })
    const s = await ok(backend, 'members.event', { type: 'suspended', id, date: '2025-02-01', documentNo: '院党委〔2025〕1号' })
    expect(s.member.status).toBe('suspended')
    expect((await ok(backend, 'committees.list', { organizationId: branch.id }))[0]!.endedOn).toBe('2025-02-01')
    expect((await ok(backend, 'members.event', { type: 'restored', id, date: '2025-05-01' })).member.status).toBe('normal')
  })
})
