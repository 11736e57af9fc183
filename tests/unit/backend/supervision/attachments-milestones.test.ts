import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../../helpers'

// the test clock is 2025-06-15; rules in docs/deadlines.md §6 (attachments) and §14 (节点)
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['党委办公室', '总务科'] })
  const manual = { source: 'manual' as const, title: '门诊楼改造招标', organizationId: c.id, leadDepartment: '总务科', assignedOn: '2025-05-07' }
  return { backend, manual }
}
const pdf = (text: string) => ({ fileName: '招标公告.pdf', contentBase64: Buffer.from(`%PDF-1.4 ${text}`).toString('base64') })

describe('进展反馈、申请办结的附件：保存、列出、打开，撤回而不删除', () => {
  it('反馈时附上的文件列在该条反馈下，可以打开，内容原样', async () => {
    const { backend, manual } = await hospital()
    const item = await ok(backend, 'supervision.create', { ...manual, dueOn: '2025-06-30' })
    const scan = { fileName: '会议纪要扫描件.jpg', contentBase64: Buffer.from('jpeg-bytes').toString('base64') }
    const after = await ok(backend, 'supervision.act', { action: 'feedback', id: item.id, on: '2025-05-20', note: '已发布招标公告', files: [pdf('公告'), scan] })
    const feedback = after.events.find((e) => e.kind === 'feedback')!
    expect(feedback.attachments.map((a) => [a.fileName, a.mime, a.withdrawnAt])).toEqual([['招标公告.pdf', 'application/pdf', null], ['会议纪要扫描件.jpg', 'image/jpeg', null]])
    const file = await ok(backend, 'supervision.attachment', { id: feedback.attachments[0]!.id })
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('%PDF-1.4 公告')
    // 申请办结 carries its own files
    const requested = await ok(backend, 'supervision.act', { action: 'request', id: item.id, on: '2025-06-10', result: '已完成招标', files: [pdf('中标通知')] })
    expect(requested.events.find((e) => e.kind === 'request')!.attachments.map((a) => a.fileName)).toEqual(['招标公告.pdf'])
    const audit = await ok(backend, 'audit.list', { entity: 'supervision' })
    expect(JSON.stringify(audit)).toContain('招标公告.pdf')
  })

  it('撤回须写原因，撤回后仍列出并注明已撤回、原因和撤回人，仍可打开；不能撤回两次', async () => {
    const { backend, manual } = await hospital()
    const item = await ok(backend, 'supervision.create', { ...manual, dueOn: '2025-06-30' })
    const after = await ok(backend, 'supervision.act', { action: 'feedback', id: item.id, on: '2025-05-20', note: '进展', files: [pdf('错传')] })
    const id = after.events.at(-1)!.attachments[0]!.id
    expect((await fails(backend, 'supervision.withdrawAttachment', { id, reason: '' })).issues).toEqual([expect.objectContaining({ field: 'reason' })])
    const withdrawn = await ok(backend, 'supervision.withdrawAttachment', { id, reason: '传错了文件' })
    expect(withdrawn.events.at(-1)!.attachments[0]).toMatchObject({ fileName: '招标公告.pdf', withdrawReason: '传错了文件', withdrawnBy: '测试干事' })
    expect((await ok(backend, 'supervision.attachment', { id })).fileName).toBe('招标公告.pdf')
    expect((await fails(backend, 'supervision.withdrawAttachment', { id, reason: '再撤一次' })).message).toBe('附件“招标公告.pdf”已经撤回过了')
    expect(JSON.stringify(await ok(backend, 'audit.list', { entity: 'supervision' }))).toContain('传错了文件')
  })

  it('不支持的文件类型、空文件：说明原因，整条反馈都不保存', async () => {
    const { backend, manual } = await hospital()
    const item = await ok(backend, 'supervision.create', { ...manual, dueOn: '2025-06-30' })
    const bad = await fails(backend, 'supervision.act', { action: 'feedback', id: item.id, on: '2025-05-20', note: '进展', files: [pdf('好的'), { fileName: '病毒.exe', contentBase64: 'TVo=' }] })
    expect(bad.message).toContain('附件只支持')
    expect(bad.issues).toEqual([expect.objectContaining({ field: 'files' })])
    expect((await fails(backend, 'supervision.act', { action: 'feedback', id: item.id, on: '2025-05-20', note: '进展', files: [{ fileName: '空.pdf', contentBase64: '' }] })).message).toBe('文件是空的')
    expect((await ok(backend, 'supervision.get', { id: item.id })).events.map((e) => e.kind)).toEqual(['created'])
  })
})

describe('督办事项的节点：日期、逾期、完成', () => {
  const steps = [
    { title: '完成方案设计', dueOn: '2025-05-31' },
    { title: '发布招标公告', dueOn: '2025-06-20' },
  ]

  it('只填节点不填时限时，时限是最后一个节点的日期；未完成的节点过期即逾期，注明是哪个节点', async () => {
    const { backend, manual } = await hospital()
    const item = await ok(backend, 'supervision.create', { ...manual, milestones: steps })
    expect(item).toMatchObject({ dueOn: '2025-06-20', overdue: true, overdueMilestone: '完成方案设计', nextMilestone: { title: '完成方案设计', dueOn: '2025-05-31' } })
    // the day of the 节点 itself is on time, the day after is late (docs/deadlines.md)
    expect((await ok(backend, 'supervision.get', { id: item.id, asOf: '2025-05-31' })).overdue).toBe(false)
    expect((await ok(backend, 'supervision.get', { id: item.id, asOf: '2025-06-01' })).overdue).toBe(true)
    const todo = (await ok(backend, 'todo.list', { asOf: '2025-06-15' })).find((i) => i.supervisionId === item.id)
    expect(todo).toMatchObject({ kind: '督办', due: '2025-05-31', overdue: true, subject: '门诊楼改造招标（节点：完成方案设计）' })
    expect((await ok(backend, 'supervision.list', { overdue: true })).map((r) => r.id)).toEqual([item.id])
  })

  it('节点完成后不再逾期，下一个节点成为到期日；完成须写情况，不能早于立项、晚于今天，不能完成两次', async () => {
    const { backend, manual } = await hospital()
    const item = await ok(backend, 'supervision.create', { ...manual, dueOn: '2025-06-30', milestones: steps })
    const first = item.milestones[0]!
    expect((await fails(backend, 'supervision.milestoneDone', { id: first.id, on: '2025-05-30', note: '' })).issues).toEqual([expect.objectContaining({ field: 'note' })])
    expect((await fails(backend, 'supervision.milestoneDone', { id: first.id, on: '2025-05-01', note: '完成' })).message).toBe('完成日期（2025-05-01）不能早于立项日期（2025-05-07）')
    expect((await fails(backend, 'supervision.milestoneDone', { id: first.id, on: '2025-06-16', note: '完成' })).message).toBe('完成日期（2025-06-16）不能晚于今天')
    const done = await ok(backend, 'supervision.milestoneDone', { id: first.id, on: '2025-05-30', note: '方案经院长办公会通过' })
    expect(done).toMatchObject({ overdue: false, overdueMilestone: null, nextMilestone: { title: '发布招标公告', dueOn: '2025-06-20' } })
    expect(done.milestones[0]).toMatchObject({ doneOn: '2025-05-30', doneNote: '方案经院长办公会通过' })
    expect((await ok(backend, 'todo.list', { asOf: '2025-06-15' })).find((i) => i.supervisionId === item.id)).toMatchObject({ due: '2025-06-20', overdue: false })
    expect((await fails(backend, 'supervision.milestoneDone', { id: first.id, on: '2025-05-31', note: '再次' })).message).toBe('节点“完成方案设计”已于2025-05-30完成')
    expect(JSON.stringify(await ok(backend, 'audit.list', { entity: 'supervision' }))).toContain('方案经院长办公会通过')
  })

  it('节点早于或等于立项日期、晚于时限、重复：每个问题写在该节点下，什么也不保存', async () => {
    const { backend, manual } = await hospital()
    const bad = await fails(backend, 'supervision.create', {
      ...manual,
      dueOn: '2025-06-30',
      milestones: [{ title: '调研', dueOn: '2025-05-07' }, { title: '验收', dueOn: '2025-07-01' }, { title: '调研', dueOn: '2025-06-01' }],
    })
    expect(bad.issues).toEqual([
      { field: 'milestones.0.dueOn', message: '第1个节点：日期（2025-05-07）应晚于立项日期（2025-05-07）' },
      { field: 'milestones.1.dueOn', message: '第2个节点：日期（2025-07-01）不能晚于办理时限（2025-06-30）' },
      { field: 'milestones.2.title', message: '第3个节点：“调研”与前面的节点重复' },
    ])
    expect((await fails(backend, 'supervision.create', { ...manual })).issues).toEqual([{ field: 'dueOn', message: '请填写办理时限，或至少一个节点' }])
    expect(await ok(backend, 'supervision.list', {})).toEqual([])
  })
})
