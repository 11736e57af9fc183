import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branches: { id: number; secretary: number }[] = []
  for (const n of ['内科', '外科']) {
    const b = await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })
    const m = await ok(backend, 'members.create', { organizationId: b.id, fields: { name: `${n}书记`, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    await ok(backend, 'members.create', { organizationId: b.id, fields: { name: `${n}党员`, gender: '女', joinedOn: '2010-01-01', convertedOn: '2011-01-01' } })
    await ok(backend, 'committees.appoint', { organizationId: b.id, memberId: m.member.id, post: 'secretary', electedOn: '2024-01-01' })
    branches.push({ id: b.id, secretary: m.member.id })
  }
  return { backend, committee: c.id, branches }
}

describe('述职评议与民主评议计票', () => {
  it('述职评议的对象是党委下各支部的在任书记；录入各群体票数后得出加权分和等次', async () => {
    const { backend, committee } = await hospital()
    let t = await ok(backend, 'ballots.create', { kind: 'debrief', title: '2025年度支部书记抓党建述职评议', year: 2025, organizationId: committee, heldOn: '2025-12-20' })
    expect(t.subjects.map((s) => [s.name, s.organizationName])).toEqual([
      ['内科书记', '内科党支部'],
      ['外科书记', '外科党支部'],
    ])
    expect(t.grades).toEqual(['好', '较好', '一般', '差'])
    t = await ok(backend, 'ballots.saveCounts', {
      id: t.id,
      rows: [
        { subjectId: t.subjects[0]!.id, counts: { leaders: [8, 1, 0, 0], secretaries: [10, 10, 0, 0], public: [15, 10, 5, 0] } },
        { subjectId: t.subjects[1]!.id, counts: { leaders: [0, 2, 5, 2], public: [2, 5, 10, 13] } },
      ],
    })
    expect(t.subjects.map((s) => [s.tally.score, s.tally.grade])).toEqual([
      [92.1, '好'],
      [46.3, '差'],
    ])
    expect(t.summary).toEqual({ 好: 1, 较好: 0, 一般: 0, 差: 1 })
    expect(t.subjects[1]!.tally.warnings.join('')).toContain('约谈')
    expect((await ok(backend, 'ballots.list', { year: 2025 }))[0]).toMatchObject({ kindLabel: '支部书记抓党建述职评议', subjects: 2, counted: 2, closed: false })
  })

  it('民主评议党员的对象是支部在册党员；评定与测评不同须写理由；结束计票后锁定，重新打开要写原因并留痕', async () => {
    const { backend, branches } = await hospital()
    let t = await ok(backend, 'ballots.create', { kind: 'appraisal', title: '2025年度民主评议党员', year: 2025, organizationId: branches[0]!.id, heldOn: null })
    expect(t.subjects.map((s) => s.name).sort()).toEqual(['内科书记', '内科党员'].sort())
    const s = t.subjects[0]!
    t = await ok(backend, 'ballots.saveCounts', { id: t.id, rows: [{ subjectId: s.id, counts: { members: [1, 0, 0, 0] } }] })
    expect(t.subjects[0]!.tally.grade).toBe('优秀')
    expect((await fails(backend, 'ballots.decide', { id: t.id, subjectId: s.id, finalGrade: '合格', note: null })).message).toContain('请写明理由')
    t = await ok(backend, 'ballots.decide', { id: t.id, subjectId: s.id, finalGrade: '合格', note: '只有一人投票，支部大会研究后评为合格' })
    expect(t.summary['合格']).toBe(1)
    expect((await fails(backend, 'ballots.decide', { id: t.id, subjectId: s.id, finalGrade: '良好', note: 'x' })).message).toContain('优秀、合格、基本合格、不合格')
    await ok(backend, 'ballots.close', { id: t.id })
    expect((await fails(backend, 'ballots.saveCounts', { id: t.id, rows: [{ subjectId: s.id, counts: {} }] })).message).toContain('结束计票')
    await ok(backend, 'ballots.reopen', { id: t.id, reason: '补录一张漏计的选票' })
    const log = await ok(backend, 'audit.list', { entity: 'ballot_tally' })
    expect(JSON.stringify(log)).toContain('补录一张漏计的选票')
  })

  it('民主评议只能以支部为单位；没有在任书记时说明要先登记支委会；票数不能记到不存在的群体', async () => {
    const { backend, committee, branches } = await hospital()
    expect((await fails(backend, 'ballots.create', { kind: 'appraisal', title: '评议', year: 2025, organizationId: committee })).message).toContain('以党支部为单位')
    expect((await fails(backend, 'ballots.create', { kind: 'debrief', title: '述职', year: 2025, organizationId: branches[0]!.id + 100 })).message).toContain('不存在')
    const t = await ok(backend, 'ballots.create', { kind: 'debrief', title: '述职', year: 2025, organizationId: committee })
    expect((await fails(backend, 'ballots.saveCounts', { id: t.id, rows: [{ subjectId: t.subjects[0]!.id, counts: { nobody: [1] } }] })).message).toContain('没有这些测评群体：nobody')
  })
})
