import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/context'
import { ok } from '../helpers'
import { hospital, site, trust } from './sites'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }

/** The hospital sends a package to the 局党办, which imports it; the 回执 goes back. */
async function report(h: Backend, bureau: Backend, input: { kind: 'annual-statistics' | 'assessment-results'; year?: number; roundId?: number }) {
  const out = await ok(h, 'exchange.export', { kind: input.kind, year: input.year ?? null, roundId: input.roundId ?? null, to: 'B-100' })
  const got = await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
  await ok(h, 'exchange.import', { contentBase64: got.receipt!.contentBase64 })
  return out
}

/** A round 院党委考评 → 局党办审核 whose branches the hospital has scored. */
async function round(h: Backend) {
  const branches = (await ok(h, 'orgs.list', {})).filter((o) => o.type === 'branch')
  const scheme = (await ok(h, 'assessments.schemes', {}))[0]!
  const r = await ok(h, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: branches.map((b) => b.id), stages: ['院党委考评', '局党办审核'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] } })
  for (const b of branches) await ok(h, 'assessments.submit', { roundId: r.id, organizationId: b.id, sheet: FULL, comment: '院党委：好' })
  return r
}

describe('上报与交换：上级工作台', () => {
  it('各单位上报情况：已报、未报；统计并排加总出合计；审核决定发出后为已发出，回执回来后为已回执', async () => {
    const a = await hospital('示范医院党委', 'H-001')
    const b = await hospital('第二医院党委', 'H-002')
    const committee = (await ok(b, 'orgs.list', {})).find((o) => o.type === 'committee')!
    const surgery = await ok(b, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: committee.id })
    await ok(b, 'members.create', { organizationId: surgery.id, fields: { name: '丁', gender: '男', ethnicity: '回族', education: '研究生', occupation: '专业技术人员', birthDate: '1985-03-01', joinedOn: '2010-01-01', convertedOn: '2011-01-01' } as never })
    const bureau = await site('市卫健委党委', 'B-100')
    for (const h of [a, b]) {
      await trust(h, bureau)
      await trust(bureau, h)
    }
    expect((await ok(bureau, 'exchange.reportStatus', { year: 2025 })).map((u) => [u.unitName, u.statistics.statusText, u.rounds.length])).toEqual([
      ['示范医院党委', '未报', 0],
      ['第二医院党委', '未报', 0],
    ])

    await report(a, bureau, { kind: 'annual-statistics', year: 2025 })
    const sums1 = await ok(bureau, 'exchange.citySums', { year: 2025 })
    expect(sums1.units.map((u) => u.unitName)).toEqual(['示范医院党委'])
    expect(sums1.missing.map((u) => u.unitName)).toEqual(['第二医院党委'])

    await report(b, bureau, { kind: 'annual-statistics', year: 2025 })
    const sums = await ok(bureau, 'exchange.citySums', { year: 2025 })
    expect(sums.units.map((u) => u.unitName)).toEqual(['示范医院党委', '第二医院党委'])
    expect(sums.missing).toEqual([])
    const row = (key: string) => sums.rows.find((r) => r.key === key)!
    expect(row('total')).toMatchObject({ group: '党员基本情况', label: '党员总数', values: [3, 4], total: 7 })
    expect(row('minority')).toMatchObject({ values: [0, 1], total: 1 })
    expect(row('admittedBreakdown.female')).toMatchObject({ group: '发展与转正', label: '其中女性' })
    // a category's lines add up to the city's 党员总数, as each hospital's do
    expect(sums.rows.filter((r) => r.group === '学历').reduce((n, r) => n + r.total, 0)).toBe(7)
    // a year nobody reported for is empty, not the other year's figures
    expect((await ok(bureau, 'exchange.citySums', { year: 2024 })).rows).toEqual([])

    const ra = await round(a)
    const results = await report(a, bureau, { kind: 'assessment-results', roundId: ra.id })
    const [received] = await ok(bureau, 'exchange.receivedRounds', { year: 2025 })
    expect(received).toMatchObject({ unitName: '示范医院党委', name: '2025年度星级党支部评定', waiting: ['局党办审核'], decision: null })
    expect(received!.entries.map((e) => [e.organizationName, e.stage, e.score, e.stars])).toEqual([['内科党支部', '局党办审核', 100, 5]])
    expect((await ok(bureau, 'exchange.receivedRounds', { year: 2024 }))).toEqual([])

    const status = async () => (await ok(bureau, 'exchange.reportStatus', { year: 2025 })).map((u) => [u.unitName, u.statistics.statusText, u.compliance.statusText, u.rounds.map((r) => `${r.name}:${r.statusText}`)])
    expect(await status()).toEqual([
      ['示范医院党委', '已报', '未报', ['2025年度星级党支部评定:已报']],
      ['第二医院党委', '已报', '未报', []],
    ])

    const decision = await ok(bureau, 'exchange.decide', { packageId: results.packageId, stage: '局党办审核', returned: [{ organization: '内科党支部', reason: '佐证材料不全' }], comment: '' })
    expect((await ok(bureau, 'exchange.receivedRounds', { year: 2025 }))[0]!.decision).toMatchObject({ packageId: decision.packageId, statusText: '已发出', approved: 0, returned: 1 })
    expect((await status())[0]![3]).toEqual(['2025年度星级党支部评定:已发出审核决定'])
    const landed = await ok(a, 'exchange.import', { contentBase64: decision.contentBase64 })
    await ok(bureau, 'exchange.import', { contentBase64: landed.receipt!.contentBase64 })
    expect((await status())[0]![3]).toEqual(['2025年度星级党支部评定:审核决定已回执'])
    // at the hospital, the 局党办 it reports to owes it nothing: its workspace lists no unit as 未报
    expect(await ok(a, 'exchange.reportStatus', { year: 2025 })).toEqual([])
    expect((await ok(a, 'exchange.citySums', { year: 2025 })).missing).toEqual([])
  })
})
