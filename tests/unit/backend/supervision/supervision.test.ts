import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../../helpers'

// the test clock is 2025-06-15; rules in docs/deadlines.md §5–§6
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['党委办公室', '总务科', '医务科'] })
  await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01', departments: ['心内科'] })
  const meeting = await ok(backend, 'meetings.create', {
    organizationId: c.id, types: ['standing_committee'], title: '党委会（第5次）', heldOn: '2025-05-06', host: '书记', recorder: '干事', minutes: '研究门诊楼改造',
    resolutions: [{ text: '同意门诊楼改造方案，由总务科牵头于6月底前完成招标', category: 'project' }, { text: '同意调整医务科科长人选', category: 'appointment' }],
  } as never)
  const fromDecision = { source: 'meeting' as const, meetingId: meeting.id, resolutionSeq: 1, major: true, leadDepartment: '总务科', coDepartments: ['医务科'], responsible: '李科长', assignedOn: '2025-05-07', dueOn: '2025-06-30' }
  return { backend, committee: c, meeting, fromDecision }
}

describe('督办事项：从决议立项，双向关联，不能重复', () => {
  it('决议立项后事项写明来源，会议记录列出由它立项的事项；同一决议再立项被拒绝', async () => {
    const { backend, meeting, fromDecision } = await hospital()
    const item = await ok(backend, 'supervision.create', fromDecision)
    expect(item).toMatchObject({ title: '同意门诊楼改造方案，由总务科牵头于6月底前完成招标', organization: '中共示范医院委员会', leadDepartment: '总务科', coDepartments: ['医务科'], status: 'registered', major: true, sourceText: '党委会（第5次）（2025-05-06）第1条决议' })
    expect(item.events.map((e) => e.kind)).toEqual(['created'])
    expect((await ok(backend, 'meetings.get', { id: meeting.id })).supervision).toEqual([{ resolutionSeq: 1, id: item.id, title: item.title, status: 'registered' }])
    expect((await fails(backend, 'supervision.create', fromDecision)).message).toBe(`该决议已立为督办事项（编号 ${item.id}：${item.title}），不能重复立项`)
    expect(await ok(backend, 'supervision.list', {})).toHaveLength(1)
  })

  it('修改会议记录时关联保留；删去已立项的决议被拒绝；作废事项后同一决议可以重新立项', async () => {
    const { backend, meeting, fromDecision } = await hospital()
    const item = await ok(backend, 'supervision.create', fromDecision)
    const fields = { organizationId: meeting.organizationId, types: meeting.types, title: meeting.title, heldOn: meeting.heldOn, host: meeting.host, recorder: meeting.recorder, minutes: meeting.minutes }
    await ok(backend, 'meetings.update', { id: meeting.id, fields: { ...fields, resolutions: [{ text: '同意门诊楼改造方案（修订）', category: 'project' }, { text: '同意调整医务科科长人选' }] } } as never)
    expect((await ok(backend, 'meetings.get', { id: meeting.id })).supervision.map((s) => s.id)).toEqual([item.id])
    expect((await fails(backend, 'meetings.update', { id: meeting.id, fields: { ...fields, resolutions: [] } } as never)).message).toContain('第1条决议已立为督办事项')
    await ok(backend, 'supervision.act', { action: 'void', id: item.id, on: '2025-05-08', reason: '立项时选错了决议' })
    expect((await ok(backend, 'supervision.create', fromDecision)).id).not.toBe(item.id)
  })
})

describe('督办事项：输入有误时说明原因，什么也不写', () => {
  it('时限早于立项日期、不存在的科室、上级交办缺文件号、不存在的决议', async () => {
    const { backend, committee, fromDecision } = await hospital()
    expect((await fails(backend, 'supervision.create', { ...fromDecision, dueOn: '2025-05-06' })).message).toBe('办理时限（2025-05-06）不能早于立项日期（2025-05-07）')
    expect((await fails(backend, 'supervision.create', { ...fromDecision, assignedOn: '2025-05-01' })).message).toBe('立项日期（2025-05-01）不能早于会议日期（2025-05-06）')
    expect((await fails(backend, 'supervision.create', { ...fromDecision, leadDepartment: '基建科' })).message).toContain('没有名为“基建科”的科室')
    expect((await fails(backend, 'supervision.create', { ...fromDecision, coDepartments: ['宣传科'] })).message).toContain('没有名为“宣传科”的科室')
    expect((await fails(backend, 'supervision.create', { ...fromDecision, resolutionSeq: 3 })).message).toBe('会议记录“党委会（第5次）”没有第3条决议')
    expect((await fails(backend, 'supervision.create', { source: 'document', title: '落实上级巡察整改', organizationId: committee.id, leadDepartment: '党委办公室', assignedOn: '2025-05-01', dueOn: '2025-07-01' })).message).toBe('上级交办的事项请填写交办文件号')
    expect(await ok(backend, 'supervision.list', {})).toEqual([])
    expect(await ok(backend, 'audit.list', { entity: 'supervision' })).toHaveLength(0)
  })
})

describe('督办事项的办理：立项 → 办理中 → 申请办结 → 办结，反馈、延期、催办、逾期', () => {
  it('一件事项走完全程，每一步都有日期并记入审计；逾期按时限计算，延期后不再逾期', async () => {
    const { backend, fromDecision } = await hospital()
    const { id } = await ok(backend, 'supervision.create', fromDecision)
    await ok(backend, 'supervision.act', { action: 'start', id, on: '2025-05-08' })
    await ok(backend, 'supervision.act', { action: 'feedback', id, on: '2025-05-20', note: '已完成方案论证' })
    // 时限 2025-06-30: on time that day, overdue the day after (docs/deadlines.md §5)
    expect((await ok(backend, 'supervision.get', { id, asOf: '2025-06-30' })).overdue).toBe(false)
    expect((await ok(backend, 'supervision.get', { id, asOf: '2025-07-01' })).overdue).toBe(true)
    expect((await ok(backend, 'supervision.list', { overdue: true, asOf: '2025-07-01' })).map((r) => r.id)).toEqual([id])
    expect((await ok(backend, 'todo.list', { asOf: '2025-07-01' })).find((t) => t.kind === '督办')).toMatchObject({ supervisionId: id, due: '2025-06-30', overdue: true })
    await ok(backend, 'supervision.act', { action: 'urge', id, on: '2025-07-01', note: '请于一周内报送进展' })
    expect((await fails(backend, 'supervision.act', { action: 'extend', id, on: '2025-07-02', dueOn: '2025-06-20', reason: '招标流标' })).message).toBe('新的办理时限（2025-06-20）应晚于现在的时限（2025-06-30）')
    const extended = await ok(backend, 'supervision.act', { action: 'extend', id, on: '2025-07-02', dueOn: '2025-08-31', reason: '招标流标，重新招标', approvedBy: '王书记' })
    expect(extended).toMatchObject({ dueOn: '2025-08-31', urgeCount: 1 })
    expect((await ok(backend, 'supervision.get', { id, asOf: '2025-07-02' })).overdue).toBe(false)
    expect((await fails(backend, 'supervision.act', { action: 'complete', id, on: '2025-08-01', result: '已完成' })).message).toContain('须先由承办部门申请办结')
    await ok(backend, 'supervision.act', { action: 'request', id, on: '2025-08-20', result: '已完成招标，签订合同' })
    const done = await ok(backend, 'supervision.act', { action: 'complete', id, on: '2025-08-25', result: '已完成招标，签订合同（核实）' })
    expect(done).toMatchObject({ status: 'completed', completedOn: '2025-08-25', overdue: false })
    expect(done.events.map((e) => e.kind)).toEqual(['created', 'start', 'feedback', 'urge', 'extend', 'request', 'complete'])
    expect(done.events.find((e) => e.kind === 'extend')).toMatchObject({ note: '招标流标，重新招标', dueBefore: '2025-06-30', dueAfter: '2025-08-31', approvedBy: '王书记' })
    expect((await fails(backend, 'supervision.act', { action: 'feedback', id, on: '2025-09-01', note: '补充' })).message).toBe('事项已办结，不能再反馈进展')
    expect((await ok(backend, 'todo.list', { asOf: '2025-09-01' })).filter((t) => t.kind === '督办')).toEqual([])
    // one audit entry for the 立项 and one for each step that was taken (refused ones wrote none)
    const audit = await ok(backend, 'audit.list', { entity: 'supervision', entityId: id })
    expect(audit.map((a) => a.method).sort()).toEqual(['supervision.create', ...Array(6).fill('supervision.act')].sort())
  })

  it('办结没有结果、延期没有原因、作废没有原因：校验时拒绝', async () => {
    const { backend, fromDecision } = await hospital()
    const { id } = await ok(backend, 'supervision.create', fromDecision)
    expect((await fails(backend, 'supervision.act', { action: 'request', id, on: '2025-06-01', result: '  ' })).message).toBe('请填写办理结果')
    expect((await fails(backend, 'supervision.act', { action: 'extend', id, on: '2025-06-01', dueOn: '2025-07-31', reason: '' })).message).toBe('请填写延期原因')
    expect((await fails(backend, 'supervision.act', { action: 'void', id, on: '2025-06-01', reason: '' })).message).toBe('请填写作废原因')
    expect((await fails(backend, 'supervision.act', { action: 'feedback', id, on: '2025-05-01', note: '早于立项' })).message).toBe('日期（2025-05-01）不能早于立项日期（2025-05-07）')
    expect((await ok(backend, 'supervision.get', { id })).events).toHaveLength(1)
  })
})
