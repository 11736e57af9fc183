import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'
import { insertMeeting } from '../../../electron/backend/meetings/repository'

// the test clock is 2025-06-15
async function branchWithMembers() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const ids: number[] = []
  for (const [i, name] of ['甲', '乙', '丙', '丁'].entries()) {
    ids.push((await ok(backend, 'members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01` } })).member.id)
  }
  const probationary = (await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '预', gender: '女', joinedOn: '2025-01-10' } })).member.id
  return { backend, committee: c, branch: b, ids, probationary }
}

const base = (organizationId: number) => ({
  organizationId,
  types: ['party_congress', 'party_lecture'] as ('party_congress' | 'party_lecture')[],
  title: '学习贯彻会议精神暨专题党课',
  heldOn: '2025-05-20',
  host: '甲',
  recorder: '乙',
  minutes: '会议传达学习了上级文件精神，讨论了医德医风建设。',
})

describe('会议记录', () => {
  it('应到名单来自会议当天的支部名册：正式党员有表决权，预备党员列入但不表决', async () => {
    const { backend, branch, probationary } = await branchWithMembers()
    const expected = await ok(backend, 'meetings.expected', { organizationId: branch.id, heldOn: '2025-05-20', types: ['party_congress'] })
    expect(expected.map((e) => [e.name, e.voting])).toEqual([['甲', true], ['乙', true], ['丙', true], ['丁', true], ['预', false]])
    const before = await ok(backend, 'meetings.expected', { organizationId: branch.id, heldOn: '2025-01-01', types: ['party_congress'] })
    expect(before.map((e) => e.memberId)).not.toContain(probationary)
  })

  it('出勤与法定人数：过半数有表决权党员出席为有效；票数超过出席人数被拒绝', async () => {
    const { backend, branch, ids, probationary } = await branchWithMembers()
    const attendance = [
      { memberId: ids[0]!, status: 'present' as const },
      { memberId: ids[1]!, status: 'present' as const },
      { memberId: ids[2]!, status: 'present' as const },
      { memberId: ids[3]!, status: 'leave' as const, reason: '出差' },
      { memberId: probationary, status: 'present' as const },
    ]
    const m = await ok(backend, 'meetings.create', { ...base(branch.id), attendance, resolutions: [{ text: '同意接收王某为预备党员', yes: 3, no: 0, abstain: 0 }] })
    expect(m.quorum).toEqual({ expectedVoting: 4, presentVoting: 3, met: true })
    expect(m.missing).toEqual([])
    const err = await fails(backend, 'meetings.create', { ...base(branch.id), attendance, resolutions: [{ text: '某决议', yes: 4, no: 0, abstain: 0 }] })
    expect(err.message).toContain('表决票数（4）超过出席的有表决权党员人数（3）')
    expect((await fails(backend, 'meetings.create', { ...base(branch.id), attendance: [{ memberId: ids[3]!, status: 'leave' }] })).message).toContain('请为请假或不计应到的人员填写原因')
  })

  it('一次会议同时计入支部党员大会和党课，本季度两项都达标；缺记录人的不计入', async () => {
    const { backend, branch, ids } = await branchWithMembers()
    const grid = async () => (await ok(backend, 'compliance.grid', { from: '2025-04-01', to: '2025-06-30', organizationId: branch.id })).filter((c) => c.period === '2025Q2')
    expect((await grid()).map((c) => [c.type, c.status])).toEqual([['party_congress', 'missing'], ['party_lecture', 'missing']])
    const incomplete = await ok(backend, 'meetings.create', { ...base(branch.id), recorder: null, attendance: [{ memberId: ids[0]!, status: 'present' }] })
    expect(incomplete.missing).toEqual(['记录人'])
    expect((await grid()).every((c) => c.status === 'missing')).toBe(true)
    await ok(backend, 'meetings.update', { id: incomplete.id, fields: { ...base(branch.id), attendance: [{ memberId: ids[0]!, status: 'present' }] } })
    expect((await grid()).map((c) => [c.type, c.held, c.status])).toEqual([['party_congress', 1, 'ok'], ['party_lecture', 1, 'ok']])
    const cells = await ok(backend, 'compliance.grid', { from: '2025-05-01', to: '2025-05-31', organizationId: branch.id })
    expect(cells.find((c) => c.type === 'committee_meeting')).toMatchObject({ status: 'exempt', reason: '未设支部委员会（正式党员不足7人），不召开支委会' })
  })

  it('登记免于考核后该期显示不适用；登记错了可以撤销，恢复为未达标，审计日志留有原登记', async () => {
    const { backend, branch } = await branchWithMembers()
    const cell = async () => (await ok(backend, 'compliance.grid', { from: '2025-02-01', to: '2025-02-28', organizationId: branch.id })).find((c) => c.type === 'theme_day')!
    await ok(backend, 'compliance.exempt', { organizationId: branch.id, type: 'theme_day', period: '2025-02', note: '春节，经院党委同意顺延' })
    expect(await cell()).toMatchObject({ status: 'exempt', manual: true, reason: '已登记免于考核：春节，经院党委同意顺延' })
    await ok(backend, 'compliance.unexempt', { organizationId: branch.id, type: 'theme_day', period: '2025-02' })
    expect(await cell()).toMatchObject({ status: 'missing', manual: false })
    const audit = await ok(backend, 'audit.list', { entity: 'compliance_exemption' })
    expect(JSON.stringify(audit)).toContain('春节，经院党委同意顺延')
    expect((await fails(backend, 'compliance.unexempt', { organizationId: branch.id, type: 'theme_day', period: '2025-02' })).message).toContain('免于考核登记')
  })

  it('支部的会议不能登记为党委会', async () => {
    const { backend, branch } = await branchWithMembers()
    const err = await fails(backend, 'meetings.create', { ...base(branch.id), types: ['standing_committee'] })
    expect(err.message).toContain('党委会、中心组学习在院党委登记')
  })

  it('全文检索：两个字和四个字的词都能从会议记录里找到', async () => {
    const { backend, branch } = await branchWithMembers()
    await ok(backend, 'meetings.create', { ...base(branch.id), presentCount: 4, expectedCount: 5 })
    await ok(backend, 'meetings.create', { ...base(branch.id), title: '主题党日活动', types: ['theme_day'], minutes: '到社区开展义诊志愿服务。', presentCount: 5, expectedCount: 5 })
    const two = await ok(backend, 'meetings.list', { q: '医德' })
    expect(two.rows.map((r) => r.title)).toEqual(['学习贯彻会议精神暨专题党课'])
    expect(two.rows[0]!.snippet).toContain('医德医风')
    expect((await ok(backend, 'meetings.list', { q: '义诊' })).rows.map((r) => r.title)).toEqual(['主题党日活动'])
    expect((await ok(backend, 'meetings.list', { q: '志愿服务' })).total).toBe(1)
    // a hit in the title needs no snippet: the list shows the title already
    expect((await ok(backend, 'meetings.list', { q: '党日活动' })).rows.map((r) => [r.title, r.snippet])).toEqual([['主题党日活动', null]])
    expect((await ok(backend, 'meetings.list', { q: '医' })).total).toBe(1)
    expect((await ok(backend, 'meetings.list', { q: '不存在的词' })).total).toBe(0)
  })

  it('常见的词命中几千次会议：总数不含作废的，每页仍是最新的在前，翻页不重不漏', async () => {
    const { backend, branch } = await branchWithMembers()
    backend.context.db.transaction(() => {
      for (let i = 0; i < 2500; i++) {
        const heldOn = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
        const minutes = i % 500 === 0 ? '学习医德医风，开展义诊' : '学习医德医风'
        insertMeeting(backend.context.db, { ...base(branch.id), types: ['theme_day'], title: `第${i}次主题党日`, heldOn, startTime: null, endTime: null, place: null, lecturer: null, observers: null, agenda: null, discussion: null, minutes, expectedCount: 5, presentCount: 5, resolutions: [] }, 'form', '2025-01-01T00:00:00Z')
      }
    })()
    const newest = (await ok(backend, 'meetings.list', { pageSize: 1 })).rows[0]!
    await ok(backend, 'meetings.void', { id: newest.id, reason: '重复登记' })
    const all = await ok(backend, 'meetings.list', { pageSize: 200 })
    const ids = async (q: string, page: number) => (await ok(backend, 'meetings.list', { q, page, pageSize: 200 })).rows.map((r) => r.id)
    // every meeting has the common word: its pages are exactly the unfiltered list's pages
    expect((await ok(backend, 'meetings.list', { q: '医德医风' })).total).toBe(2499)
    expect(await ids('医德医风', 1)).toEqual(all.rows.map((r) => r.id))
    expect(await ids('医德医风', 2)).toEqual((await ok(backend, 'meetings.list', { page: 2, pageSize: 200 })).rows.map((r) => r.id))
    expect((await ok(backend, 'meetings.list', { q: '医' })).total).toBe(2499)
    // a rare word still finds just its own meetings, newest first
    const rare = await ok(backend, 'meetings.list', { q: '义诊' })
    expect(rare.total).toBe(5)
    expect(rare.rows.map((r) => r.heldOn)).toEqual([...rare.rows.map((r) => r.heldOn)].sort().reverse())
  })

  it('照片按内容哈希保存，修改记录时附件不丢；缺席者可登记补课', async () => {
    const { backend, branch, ids } = await branchWithMembers()
    const m = await ok(backend, 'meetings.create', { ...base(branch.id), attendance: [{ memberId: ids[0]!, status: 'present' }, { memberId: ids[1]!, status: 'absent' }] })
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64')
    const withPhoto = await ok(backend, 'meetings.attach', { meetingId: m.id, fileName: '会议照片.png', contentBase64: png })
    expect(withPhoto.attachments).toMatchObject([{ fileName: '会议照片.png', mime: 'image/png' }])
    expect(withPhoto.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
    const edited = await ok(backend, 'meetings.update', { id: m.id, fields: { ...base(branch.id), title: '改过的标题', attendance: [{ memberId: ids[0]!, status: 'present' }, { memberId: ids[1]!, status: 'absent' }] } })
    expect(edited.attachments).toHaveLength(1)
    expect((await ok(backend, 'meetings.attachment', { id: edited.attachments[0]!.id })).contentBase64).toBe(png)
    const made = await ok(backend, 'meetings.makeup', { meetingId: m.id, memberId: ids[1]!, makeupOn: '2025-05-25', note: '自学会议材料并交心得' })
    expect(made.attendance.find((a) => a.memberId === ids[1])).toMatchObject({ makeupOn: '2025-05-25' })
    expect((await fails(backend, 'meetings.attach', { meetingId: m.id, fileName: 'virus.exe', contentBase64: png })).message).toContain('附件只支持')
  })

  it('新记录可从上次同类会议复制，或从模板开始', async () => {
    const { backend, branch } = await branchWithMembers()
    const first = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['party_congress'] })
    expect(first.agenda).toContain('听取支部委员会工作报告')
    await ok(backend, 'meetings.create', { ...base(branch.id), types: ['party_congress'], agenda: '一、学习\n二、讨论', place: '内科会议室', presentCount: 4 })
    const copy = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['party_congress'] })
    expect(copy).toMatchObject({ agenda: '一、学习\n二、讨论', place: '内科会议室', recorder: '乙' })
  })
})
