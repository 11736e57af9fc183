import { describe, expect, it } from 'vitest'
import { ok, testBackend } from '../helpers'

/** A branch with a dual-leader secretary, one new member in 2025 and meetings January–May (the clock is 2025-06-15). */
async function branchWithRecords() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const other = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const sec = await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '王书记', gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
  await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '李新', gender: '女', joinedOn: '2025-03-01' } })
  await ok(backend, 'members.create', { organizationId: other.id, fields: { name: '赵新', gender: '女', joinedOn: '2025-04-01' } })
  await ok(backend, 'committees.appoint', { organizationId: b.id, memberId: sec.member.id, post: 'secretary', electedOn: '2024-01-01', dualLeader: true })
  const meeting = (heldOn: string, types: string[], recorder: string | null) =>
    ok(backend, 'meetings.create', { organizationId: b.id, types: types as never, title: '主题党日', heldOn, recorder, host: '王书记', presentCount: 5, expectedCount: 5, minutes: '学习' })
  for (const m of ['01', '02', '03', '04']) await meeting(`2025-${m}-10`, ['theme_day'], '张记录')
  await meeting('2025-02-20', ['party_congress', 'party_lecture'], '张记录')
  await meeting('2025-05-10', ['theme_day'], null) // no 记录人: an incomplete record counts for nothing
  const scheme = (await ok(backend, 'assessments.schemes', {}))[0]!
  const round = await ok(backend, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [b.id, other.id], stages: ['支部自评', '院党委考评'], rating: {} })
  return { backend, round, branch: b.id, other: other.id }
}

describe('自动取数的指标', () => {
  it('三会一课达标率、会议记录完整率、双带头人、发展党员从本系统的记录算出，并写明算式', async () => {
    const { backend, round, branch } = await branchWithRecords()
    const auto = await ok(backend, 'assessments.auto', { roundId: round.id, organizationId: branch })
    const byKey = Object.fromEntries(auto.map((a) => [a.key, a]))
    // due by 15 June: theme days Jan–May (5), 党员大会 Q1, 党课 Q1 = 7; met: Jan–Apr theme days + both Q1 items = 6
    expect(byKey.meetings).toMatchObject({ available: true, points: 12.9 })
    expect(byKey.meetings!.computation).toContain('达标6项，达标率85.7% × 15分 = 12.9分')
    expect(byKey.records).toMatchObject({ points: 8.3 })
    expect(byKey.records!.computation).toContain('会议记录6份')
    expect(byKey.dual).toMatchObject({ points: 5, computation: '书记王书记为“双带头人”，得5分' })
    expect(byKey.develop).toMatchObject({ points: 10 })
    expect(byKey.develop!.computation).toContain('接收预备党员1名')
  })

  it('没有书记、没有会议的支部如实得0分并说明原因；一键取数只填入尚未提交的自评表', async () => {
    const { backend, round, branch, other } = await branchWithRecords()
    const auto = Object.fromEntries((await ok(backend, 'assessments.auto', { roundId: round.id, organizationId: other })).map((a) => [a.key, a]))
    expect(auto.dual!.computation).toContain('未配备书记')
    expect(auto.records!.computation).toContain('没有会议记录')
    await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: other, sheet: {}, comment: '' })
    const v = await ok(backend, 'assessments.fillAuto', { roundId: round.id })
    const mine = v.entries.find((e) => e.organizationId === branch)!
    expect(mine.sheet).toMatchObject({ meetings: 12.9, records: 8.3, dual: 5, develop: 10 })
    expect(mine.notes.dual).toContain('自动取数')
    expect(v.entries.find((e) => e.organizationId === other)!.sheet).toEqual({})
  })

  it('换届和支委会也从本系统的记录取数：任期届满未换届扣一半、未登记任期不猜；有书记得分，应设支委会而不足3人得一半', async () => {
    const { backend, round, branch, other } = await branchWithRecords()
    const c = (await ok(backend, 'orgs.list', {})).find((o) => o.type === 'committee')!
    const overdue = await ok(backend, 'orgs.create', { name: '眼科党支部', type: 'branch', parentId: c.id, termYears: 3, termStartedOn: '2022-01-01' })
    const current = await ok(backend, 'orgs.create', { name: '儿科党支部', type: 'branch', parentId: c.id, termYears: 3, termStartedOn: '2024-01-01' })
    // 眼科 has 8 正式党员 and only its 书记 in office: a committee is due (支部工作条例 第九条, 7 or more)
    const big: number[] = []
    for (let n = 0; n < 8; n++) big.push((await ok(backend, 'members.create', { organizationId: overdue.id, fields: { name: `眼科${n}`, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })).member.id)
    await ok(backend, 'committees.appoint', { organizationId: overdue.id, memberId: big[0]!, post: 'secretary', electedOn: '2022-01-01', dualLeader: false })
    const r = await ok(backend, 'assessments.createRound', { schemeId: (await ok(backend, 'assessments.schemes', {}))[0]!.id, name: '2025年度换届检查', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [overdue.id, current.id], stages: ['院党委考评'], rating: {} })
    const of = async (roundId: number, org: number) => Object.fromEntries((await ok(backend, 'assessments.auto', { roundId, organizationId: org })).map((a) => [a.key, a]))
    const late = await of(r.id, overdue.id)
    expect(late.setup).toMatchObject({ available: true, points: 5 })
    expect(late.setup!.computation).toContain('2025年1月1日届满，截至2025年6月15日已超期未换届')
    expect(late.team).toMatchObject({ points: 5 })
    expect(late.team!.computation).toContain('正式党员8名，应设支部委员会（7人以上），在任委员1人')
    expect((await of(r.id, current.id)).setup).toMatchObject({ points: 10 })
    // no term recorded: no number is made up; a secretary in a small branch is enough
    const mine = await of(round.id, branch)
    expect(mine.setup).toMatchObject({ available: true, points: null })
    expect(mine.setup!.computation).toContain('未登记本届任期开始日期')
    expect(mine.team).toMatchObject({ points: 10 })
    expect((await of(round.id, other)).team).toMatchObject({ points: 0 })
  })

  it('本库缺少数据来源的表时显示“数据来源尚未建成”，不编造分数', async () => {
    const { backend, round, branch } = await branchWithRecords()
    backend.context.db.exec('ALTER TABLE committee_posts RENAME TO committee_posts_gone')
    const auto = await ok(backend, 'assessments.auto', { roundId: round.id, organizationId: branch })
    expect(auto.find((a) => a.key === 'dual')).toEqual({ key: 'dual', available: false, points: null, computation: '数据来源尚未建成' })
    expect(auto.find((a) => a.key === 'records')).toMatchObject({ available: true, points: 8.3 })
  })
})
