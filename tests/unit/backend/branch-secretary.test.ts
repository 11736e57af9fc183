import { describe, expect, it } from 'vitest'
import { SECRETARY_REFUSED } from '../../../electron/backend/branch-scope'
import { rowsOf } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

/**
 * 内科党支部 (with a 党小组) and 外科党支部, a member and a meeting in each; a 支部书记 account for 内科.
 * Calls go through the window's transport, as a signed-in person's would.
 */
async function hospital() {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const group = await ok(backend, 'orgs.create', { name: '内科第一党小组', type: 'party_group', parentId: medicine.id })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const person = async (organizationId: number, name: string) => (await ok(backend, 'members.create', { organizationId, fields: { name, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })).member.id
  const ours = await person(medicine.id, '内科甲')
  const theirs = await person(surgery.id, '外科乙')
  const meeting = async (organizationId: number, attendee: number) =>
    (await ok(backend, 'meetings.create', { organizationId, types: ['party_congress'], title: '支部党员大会', heldOn: '2025-05-20', host: '甲', recorder: '乙', minutes: '记录', attendance: [{ memberId: attendee, status: 'present' }] } as never)).id
  const ourMeeting = await meeting(medicine.id, ours)
  const theirMeeting = await meeting(surgery.id, theirs)
  // 外科's own 会议计划 and a closed 民主评议 tally, which 内科's secretary must not touch
  const theirPlan = (await ok(backend, 'plans.save', { organizationId: surgery.id, meetingType: 'party_lecture', topic: '学习全会精神', speaker: '王伟', place: null, plannedOn: '2025-07-02' })).id
  const theirTally = (await ok(backend, 'ballots.create', { kind: 'appraisal', title: '2025年度民主评议党员', year: 2025, organizationId: surgery.id, heldOn: null })).id
  await ok(backend, 'ballots.close', { id: theirTally })
  expect((await fails(backend, 'users.create', { username: 'sec0', displayName: '某', role: 'secretary', password: 'secretary-1' })).message).toBe('支部书记账号请选择所在党支部')
  const accounts = await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: medicine.id, password: 'secretary-1' })
  expect(accounts.find((u) => u.username === 'neike')).toMatchObject({ role: 'secretary', organizationName: '内科党支部' })
  await ok(backend, 'auth.logout', {})
  const session = await ok(backend, 'auth.login', { username: 'neike', password: 'secretary-1' })
  expect(session).toMatchObject({ role: 'secretary', organizationId: medicine.id, organizationName: '内科党支部' })
  return { backend, medicine, group, surgery, ours, theirs, ourMeeting, theirMeeting, theirPlan, theirTally }
}

describe('支部书记账号只能办理本支部的事项', () => {
  it('名册、会议列表和导出自动限定在本支部（含党小组），即使请求的是全院或别的支部', async () => {
    const { backend, surgery } = await hospital()
    expect((await ok(backend, 'members.list', {})).rows.map((r) => r.name)).toEqual(['内科甲'])
    expect((await ok(backend, 'members.list', { organizationId: surgery.id })).rows.map((r) => r.name)).toEqual(['内科甲'])
    expect((await ok(backend, 'meetings.list', { organizationId: surgery.id })).rows.map((m) => m.organizationName)).toEqual(['内科党支部'])
    // asked for 外科 or for the whole hospital, the file holds 内科's people only
    for (const organizationId of [surgery.id, null]) {
      const cells = rowsOf((await ok(backend, 'exports.workbook', { source: 'members', scope: { organizationId } })).contentBase64).flat()
      expect(cells).toContain('内科甲')
      expect(cells).not.toContain('外科乙')
    }
    // the export held only the branch's one member (read straight from the audit log)
    const logged = JSON.parse(backend.context.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'export' ORDER BY id DESC").pluck().get() as string)
    expect(logged).toMatchObject({ rows: 1 })
  })

  it('可以查看和登记本支部的党员与会议；别的支部的记录直接调用接口也被拒绝', async () => {
    const { backend, ours, theirs, ourMeeting, theirMeeting, theirPlan, theirTally, medicine, surgery } = await hospital()
    expect((await ok(backend, 'members.get', { id: ours })).member.name).toBe('内科甲')
    await ok(backend, 'members.create', { organizationId: medicine.id, fields: { name: '内科新人', gender: '女', appliedOn: '2025-03-01', birthDate: '1995-01-01' } })
    await ok(backend, 'meetings.void', { id: ourMeeting, reason: '重复录入' })
    // a background job on the branch's own records passes the branch rules (this in-memory test database
    // then cannot be opened by a worker thread — that is the only refusal left)
    const job = await fails(backend, 'jobs.start', { method: 'print.document', input: { what: 'roster', filters: { organizationId: medicine.id } } })
    expect([job.code, job.message]).toEqual(['INTERNAL', '内存数据库不能在后台任务中打开'])
    for (const [method, input] of [
      ['members.get', { id: theirs }],
      ['members.reveal', { id: theirs, field: 'idNumber' }],
      ['members.create', { organizationId: surgery.id, fields: { name: '某', gender: '男', joinedOn: '2000-01-01' } }],
      ['members.update', { id: theirs, fields: { name: '外科乙', gender: '女' } }],
      ['members.event', { type: 'moved', id: ours, date: '2025-06-01', organizationId: surgery.id }],
      ['members.event', { type: 'moved', id: theirs, date: '2025-06-01', organizationId: medicine.id }],
      ['committees.list', { organizationId: surgery.id }],
      ['committees.appoint', { organizationId: surgery.id, memberId: theirs, post: 'secretary', electedOn: '2025-01-01' }],
      ['meetings.expected', { organizationId: surgery.id, heldOn: '2025-06-01', types: ['party_congress'] }],
      ['meetings.template', { organizationId: surgery.id, types: ['party_congress'] }],
      ['meetings.create', { organizationId: surgery.id, types: ['party_congress'], title: '替外科登记', heldOn: '2025-05-20', attendance: [] }],
      ['meetings.attach', { meetingId: theirMeeting, fileName: '照片.png', contentBase64: 'iVBORw0KGgo=' }],
      ['meetings.makeup', { meetingId: theirMeeting, memberId: theirs, makeupOn: '2025-06-01' }],
      ['meetings.get', { id: theirMeeting }],
      ['meetings.void', { id: theirMeeting, reason: '恶意作废' }],
      ['meetings.update', { id: ourMeeting, fields: { organizationId: surgery.id, types: ['party_congress'], title: '改到外科', heldOn: '2025-05-20', attendance: [] } }],
      ['audit.list', { entity: 'member', entityId: theirs }],
      ['plans.void', { id: theirPlan, reason: '恶意作废' }],
      ['ballots.reopen', { id: theirTally, reason: '恶意重开' }],
      ['print.document', { what: 'notice', kind: '发展对象', memberIds: [ours, theirs], periodFrom: '2025-06-16', periodTo: '2025-06-22', feedback: '党办', issuer: '党委' }],
    ] as const) {
      const err = await fails(backend, method, input)
      expect([method, err.code, err.message]).toEqual([method, 'FORBIDDEN', `${SECRETARY_REFUSED}（内科党支部以外的记录）`])
    }
  })

  it('全院性的操作（党组织、导入、设置、账号、统计明细、后台任务）一律拒绝', async () => {
    const { backend, medicine } = await hospital()
    for (const [method, input] of [
      ['orgs.create', { name: '新支部', type: 'branch', parentId: medicine.id }],
      ['compliance.exempt', { organizationId: medicine.id, type: 'party_congress', period: '2025Q1', note: '自行免考' }],
      ['imports.preview', { kind: 'members', fileName: 'a.csv', contentBase64: 'YQ==' }],
      ['jobs.start', { method: 'imports.commit', input: { kind: 'members', fileName: 'a.csv', contentBase64: 'YQ==' } }],
      ['jobs.start', { method: 'print.document', input: { what: 'roster', filters: { organizationId: 4 } } }],
      ['audit.list', { entity: 'export' }],
      ['stats.drill', { year: 2025, item: 'x' }],
      ['stats.checks', { year: 2025 }],
      ['backup.create', {}],
      ['users.list', {}],
    ] as const) {
      const err = await fails(backend, method, input)
      expect([method, err.code]).toEqual([method, 'FORBIDDEN'])
    }
    // signing out works like for everyone (and really ends the session)
    await ok(backend, 'auth.logout', {})
    expect((await fails(backend, 'members.list', {})).message).toBe('请先登录')
    await ok(backend, 'auth.login', { username: 'neike', password: 'secretary-1' })
    // the hospital-wide pictures that hold no personal records stay open
    expect((await ok(backend, 'orgs.list', {})).length).toBe(4)
    await ok(backend, 'dashboard.overview', { year: 2025 })
  })

  it('民主评议党员是本支部的事：可以为本支部建立和录入计票，看不到别的支部和党委的述职评议', async () => {
    const { backend, medicine, surgery } = await hospital()
    const own = await ok(backend, 'ballots.create', { kind: 'appraisal', title: '内科民主评议', year: 2025, organizationId: medicine.id })
    expect(own.subjects.map((s) => s.name)).toEqual(['内科甲'])
    await ok(backend, 'ballots.saveCounts', { id: own.id, rows: [{ subjectId: own.subjects[0]!.id, counts: { members: [3, 0, 0, 0] } }] })
    expect((await fails(backend, 'ballots.create', { kind: 'appraisal', title: '外科民主评议', year: 2025, organizationId: surgery.id })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'ballots.create', { kind: 'debrief', title: '述职评议', year: 2025, organizationId: 1 })).code).toBe('FORBIDDEN')
    // the office's tallies of other branches stay out of the list and out of reach
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'admin', password: 'a-long-password' })
    const theirs = await ok(backend, 'ballots.create', { kind: 'appraisal', title: '外科民主评议', year: 2025, organizationId: surgery.id })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'neike', password: 'secretary-1' })
    expect((await ok(backend, 'ballots.list', {})).map((t) => t.title)).toEqual(['内科民主评议'])
    expect((await fails(backend, 'ballots.get', { id: theirs.id })).code).toBe('FORBIDDEN')
  })
})
