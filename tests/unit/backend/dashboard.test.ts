import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
// dimension scores of the example scheme (组织设置 10, 班子建设 15, 组织生活 25, 党员管理 20, 业务融合 30):
// 内科 [10,15,25,20,30] = 100, 外科 [10,15,21,20,22] = 88, 儿科 [10,15,19,20,7] = 71
const SHEETS = [FULL, { ...FULL, satisfaction: 2, late: 4 }, { ...FULL, quality: 0, ethics: 7, satisfaction: 0, records: 4 }]

async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const ids: number[] = []
  for (const n of ['内科', '外科', '儿科', '眼科']) ids.push((await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })).id)
  const people: number[] = []
  const add = async (org: number, name: string, f: Record<string, unknown>) => people.push((await ok(backend, 'members.create', { organizationId: org, fields: { name, ...('joinedOn' in f ? {} : { joinedOn: '2000-01-01', convertedOn: '2001-01-01' }), ...f } })).member.id)
  await add(ids[0]!, '张主任', { gender: '男', birthDate: '1970-03-01', education: '博士研究生', title: '主任医师', occupation: '专业技术人员' })
  await add(ids[0]!, '李护士', { gender: '女', birthDate: '1995-07-01', joinedOn: '2016-01-01', convertedOn: '2017-01-01', education: '大学本科', title: '护师', occupation: '专业技术人员' })
  await add(ids[0]!, '王干事', { gender: '女', birthDate: '1988-01-01', joinedOn: '2010-01-01', convertedOn: '2011-01-01', education: '大学本科', occupation: '管理人员' })
  await add(ids[0]!, '赵医生', { gender: '男', joinedOn: '2025-01-10', title: '主治医师' })
  await add(ids[1]!, '外科党员', { gender: '男' })
  return { backend, committee: c.id, ids, people }
}

async function scoredRound(backend: ReturnType<typeof testBackend>, ids: number[], stages = ['支部自评', '院党委考评']) {
  const [scheme] = await ok(backend, 'assessments.schemes', {})
  const round = await ok(backend, 'assessments.createRound', { schemeId: scheme!.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: ids, stages, rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }, { min: 70, stars: 3 }] } })
  for (const [i, id] of ids.entries()) for (const _ of stages) await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: id, sheet: SHEETS[i]!, comment: '' })
  return round.id
}

describe('支部画像 dashboard.branch', () => {
  it('雷达图：本支部各维度得分与全院平均（同一轮所有有分支部的平均）并列，名次与星级同排名', async () => {
    const { backend, ids } = await hospital()
    await scoredRound(backend, ids.slice(0, 3))
    const b = await ok(backend, 'dashboard.branch', { organizationId: ids[1]!, year: 2025 })
    expect(b.organization.name).toBe('外科党支部')
    expect(b.assessment).toMatchObject({ round: '2025年度星级党支部评定', approved: true, score: 88, stars: 4, rank: 2, of: 3, averageScore: 86.3 })
    expect(b.assessment!.dimensions.map((d) => [d.name, d.max, d.score, d.average])).toEqual([
      ['组织设置', 10, 10, 10],
      ['班子建设', 15, 15, 15],
      ['组织生活', 25, 21, 21.7],
      ['党员管理', 20, 20, 20],
      ['业务融合', 30, 22, 19.7],
    ])
    // the average is the mean of the branches' own dimension scores, whichever branch is asked about
    const all = await Promise.all(ids.slice(0, 3).map((id) => ok(backend, 'dashboard.branch', { organizationId: id, year: 2025 })))
    for (const [i] of b.assessment!.dimensions.entries()) {
      const mean = all.reduce((n, x) => n + x.assessment!.dimensions[i]!.score, 0) / 3
      expect(b.assessment!.dimensions[i]!.average).toBeCloseTo(mean, 1)
      expect(all[0]!.assessment!.dimensions[i]!.average).toBe(b.assessment!.dimensions[i]!.average)
    }
  })

  it('没有参加考评、或所在考评尚无得分、或考评在所选年度之后的支部，雷达数据为空（页面据此说明）', async () => {
    const { backend, ids } = await hospital()
    await scoredRound(backend, ids.slice(0, 3))
    expect((await ok(backend, 'dashboard.branch', { organizationId: ids[3]!, year: 2025 })).assessment).toBeNull()
    expect((await ok(backend, 'dashboard.branch', { organizationId: ids[0]!, year: 2024 })).assessment).toBeNull()
    const [scheme] = await ok(backend, 'assessments.schemes', {})
    await ok(backend, 'assessments.createRound', { schemeId: scheme!.id, name: '未评分', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [ids[3]!], stages: ['支部自评'], rating: {} })
    expect((await ok(backend, 'dashboard.branch', { organizationId: ids[3]!, year: 2025 })).assessment).toBeNull()
  })

  it('党员结构、书记与“双带头人”、支委会成员；总支和党委不能按支部画像查看', async () => {
    const { backend, committee, ids, people } = await hospital()
    await ok(backend, 'committees.appoint', { organizationId: ids[0]!, memberId: people[0]!, post: 'secretary', electedOn: '2023-01-01', dualLeader: true })
    await ok(backend, 'committees.appoint', { organizationId: ids[0]!, memberId: people[2]!, post: 'organization', electedOn: '2023-01-01' })
    const b = await ok(backend, 'dashboard.branch', { organizationId: ids[0]!, year: 2025 })
    expect(b.secretary).toMatchObject({ name: '张主任', dualLeader: true })
    expect(b.committee.map((p) => [p.post, p.name])).toEqual([['书记', '张主任'], ['组织委员', '王干事']])
    expect(b.totals).toMatchObject({ members: 4, full: 3, probationary: 1 })
    expect(b.structure.gender).toEqual({ 男: 2, 女: 2 })
    expect(b.structure.titleLevels).toMatchObject({ 正高: 1, 中级: 1, 初级: 1, 无: 1 })
    expect(b.structure.education).toMatchObject({ 研究生: 1, 大学本科: 2, 未填: 1 })
    // ages on 2025-06-15: 55, 29, 37, unknown
    expect(b.structure.ageBands).toMatchObject({ '30岁及以下': 1, '36-40岁': 1, '51-55岁': 1, 未填: 1 })
    expect(b.structure.occupations).toMatchObject({ 专业技术人员: 2, 管理人员: 1, 其他: 1 })
    expect((await fails(backend, 'dashboard.branch', { organizationId: committee, year: 2025 })).message).toContain('支部画像只看党支部')
  })

  it('组织生活达标表：按类型×月份/季度，已过期未开为未达标，本季度未开为进行中，以后的为未开始', async () => {
    const { backend, ids, people } = await hospital()
    await ok(backend, 'meetings.create', {
      organizationId: ids[0]!,
      types: ['party_congress', 'party_lecture'],
      title: '学习贯彻会议精神暨专题党课',
      heldOn: '2025-05-20',
      host: '张主任',
      recorder: '王干事',
      minutes: '会议传达学习了上级文件精神。',
      attendance: people.slice(0, 4).map((memberId) => ({ memberId, status: 'present' })),
    })
    const b = await ok(backend, 'dashboard.branch', { organizationId: ids[0]!, year: 2025 })
    const row = (label: string) => b.compliance.rows.find((r) => r.label === label)!
    expect(row('支部党员大会').cells.map((c) => [c.label, c.status])).toEqual([
      ['第一季度', 'missing'],
      ['第二季度', 'ok'],
      ['第三季度', 'future'],
      ['第四季度', 'future'],
    ])
    expect(row('支部党员大会').cells[1]!.months).toEqual([3, 4, 5])
    const themeDay = row('主题党日').cells
    expect(themeDay.slice(3, 7).map((c) => [c.label, c.status])).toEqual([
      ['4月', 'missing'],
      ['5月', 'missing'],
      ['6月', 'pending'],
      ['7月', 'future'],
    ])
    expect(b.meetingsHeld).toBe(1)
    expect(b.compliance.rate).toBeGreaterThan(0)
    expect(b.compliance.rate).toBeLessThan(1)
  })
})

describe('驾驶舱总览 dashboard.overview', () => {
  it('考评得分分布按10分一档、星级按5星到未评星计数，“双带头人”只按党支部书记计算', async () => {
    const { backend, ids, people } = await hospital()
    await scoredRound(backend, ids.slice(0, 3))
    await ok(backend, 'committees.appoint', { organizationId: ids[0]!, memberId: people[0]!, post: 'secretary', electedOn: '2023-01-01', dualLeader: true })
    await ok(backend, 'committees.appoint', { organizationId: ids[1]!, memberId: people[4]!, post: 'secretary', electedOn: '2023-01-01' })
    const o = await ok(backend, 'dashboard.overview', { year: 2025 })
    expect(o.assessment!.distribution).toEqual([
      { band: '60–69分', count: 0 },
      { band: '70–79分', count: 1 },
      { band: '80–89分', count: 1 },
      { band: '90分及以上', count: 1 },
    ])
    expect(o.assessment!.starCounts).toEqual({ '5星': 1, '4星': 1, '3星': 1, '2星': 0, '1星': 0, 未评星: 0 })
    expect(o.assessment!.approvedAll).toBe(true)
    expect(o.dualLeader).toEqual({ secretaries: 2, dual: 1, branches: 4 })
    // a round for 2025 is not shown for 2024: the dashboard says there is none yet
    expect((await ok(backend, 'dashboard.overview', { year: 2024 })).assessment).toBeNull()
  })

  it('达标热力图：本季度尚未结束、也还没开的会不算未达标；已开的算达标；以后的月份为空', async () => {
    const { backend, ids, people } = await hospital()
    await ok(backend, 'meetings.create', { organizationId: ids[0]!, types: ['party_congress', 'party_lecture'], title: '党员大会暨党课', heldOn: '2025-05-20', host: '张主任', recorder: '王干事', minutes: '学习。', attendance: people.slice(0, 4).map((memberId) => ({ memberId, status: 'present' })) })
    const o = await ok(backend, 'dashboard.overview', { year: 2025 })
    const row = o.heatmap.branches.findIndex((b) => b.name === '内科党支部')
    const at = (month: number) => o.heatmap.values.find((v) => v[0] === month && v[1] === row)![2]
    // May: 主题党日 (monthly, May over, not held) missed; 党员大会 and 党课 of the second quarter held → 2 of 3
    expect(at(4)).toBe(0.67)
    // June (the clock's month): 主题党日 still running is left out; the quarter's two are held → 100%
    expect(at(5)).toBe(1)
    expect(at(6)).toBeNull()
    // a branch with nothing held: March (first quarter over) is 0, June has nothing due yet
    const other = o.heatmap.branches.findIndex((b) => b.name === '眼科党支部')
    expect(o.heatmap.values.find((v) => v[0] === 2 && v[1] === other)![2]).toBe(0)
    expect(o.heatmap.values.find((v) => v[0] === 5 && v[1] === other)![2]).toBeNull()
  })

  it('热力图按需要排序：达标率最低的支部排在最前，每个支部带着自己的达标率，格子随支部一起移动', async () => {
    const { backend, ids, people } = await hospital()
    await ok(backend, 'meetings.create', { organizationId: ids[0]!, types: ['party_congress', 'party_lecture'], title: '党员大会暨党课', heldOn: '2025-05-20', host: '张主任', recorder: '王干事', minutes: '学习。', attendance: people.slice(0, 4).map((memberId) => ({ memberId, status: 'present' })) })
    const o = await ok(backend, 'dashboard.overview', { year: 2025 })
    const rates = o.heatmap.branches.map((b) => b.rate)
    expect(rates).toEqual([...rates].sort((a, b) => (a ?? 2) - (b ?? 2)))
    // 内科 held meetings and is the best: last; the branches that held nothing come first
    expect(o.heatmap.branches.at(-1)!.name).toBe('内科党支部')
    expect(o.heatmap.branches[0]!.rate).toBe(0)
    const row = o.heatmap.branches.findIndex((b) => b.name === '内科党支部')
    expect(o.heatmap.values.find((v) => v[0] === 4 && v[1] === row)![2]).toBe(0.67)
  })

  it('发展党员漏斗只有发展过程：申请人、积极分子、发展对象、预备党员；正式党员另外显示', async () => {
    const { backend } = await hospital()
    const o = await ok(backend, 'dashboard.overview', { year: 2025 })
    expect(o.pipeline.map((p) => p.stage)).toEqual(['入党申请人', '入党积极分子', '发展对象', '预备党员'])
    expect(o.pipeline.find((p) => p.stage === '预备党员')!.count).toBe(1)
    expect(o.totals.full).toBe(4)
  })

  it('人数和结构与党内统计年报一致', async () => {
    const { backend } = await hospital()
    const o = await ok(backend, 'dashboard.overview', { year: 2025 })
    const s = { stats: await ok(backend, 'stats.annual', { year: 2025 }) }
    expect(o.totals).toMatchObject({ members: s.stats.total, full: s.stats.full, probationary: s.stats.probationary })
    expect(o.totals.members).toBe(5)
    expect(o.gender).toEqual(s.stats.gender)
    // the charts leave out an empty 未填 slice; the 年报 tables keep the row at 0
    for (const [k, v] of Object.entries(s.stats.ageBands)) expect(o.ageBands[k] ?? 0).toBe(v)
    for (const [k, v] of Object.entries(s.stats.education)) expect(o.education[k] ?? 0).toBe(v)
  })
})

describe('逐年趋势 dashboard.trends', () => {
  it('近五年：年末党员数、当年发展党员数、会议数；没有会议记录的年份不显示达标率', async () => {
    const { backend, ids, people } = await hospital()
    await ok(backend, 'meetings.create', { organizationId: ids[0]!, types: ['party_lecture'], title: '党课', heldOn: '2025-03-20', host: '张主任', recorder: '王干事', minutes: '党课。', attendance: people.slice(0, 4).map((memberId) => ({ memberId, status: 'present' })) })
    const t = await ok(backend, 'dashboard.trends', { year: 2025 })
    expect(t.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025])
    expect(t.map((r) => r.members)).toEqual([4, 4, 4, 4, 5])
    expect(t[4]!.members).toBe((await ok(backend, 'stats.annual', { year: 2025 })).total)
    expect(t.map((r) => r.admitted)).toEqual([0, 0, 0, 0, 1])
    expect(t.map((r) => r.meetings)).toEqual([0, 0, 0, 0, 1])
    expect(t.slice(0, 4).every((r) => r.complianceRate === null)).toBe(true)
    expect(t[4]!.complianceRate).toBeGreaterThan(0)
    expect(t[4]!.complianceRate).toBeLessThan(1)
  })
})
