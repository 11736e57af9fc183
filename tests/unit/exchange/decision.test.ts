import { describe, expect, it } from 'vitest'
import { fails, ok } from '../helpers'
import { b64, hospital, site, snapshot, trust } from './sites'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }

/** A hospital round 院党委考评 → 局党办审核 with two branches past the hospital's stage, sent to its 局党办. */
async function roundAtBureau() {
  const h = await hospital()
  const bureau = await site('市卫健委党委', 'B-100')
  await trust(h, bureau)
  await trust(bureau, h)
  const committee = (await ok(h, 'orgs.list', {})).find((o) => o.type === 'committee')!
  const surgery = await ok(h, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: committee.id })
  const medicine = (await ok(h, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
  const scheme = (await ok(h, 'assessments.schemes', {}))[0]!
  const round = await ok(h, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [medicine.id, surgery.id], stages: ['院党委考评', '局党办审核'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] } })
  await ok(h, 'assessments.submit', { roundId: round.id, organizationId: medicine.id, sheet: FULL, comment: '院党委：好' })
  await ok(h, 'assessments.submit', { roundId: round.id, organizationId: surgery.id, sheet: { ...FULL, satisfaction: 2 }, comment: '院党委：较好' })
  const results = await ok(h, 'exchange.export', { kind: 'assessment-results', roundId: round.id, to: 'B-100' })
  const got = await ok(bureau, 'exchange.import', { contentBase64: results.contentBase64 })
  await ok(h, 'exchange.import', { contentBase64: got.receipt!.contentBase64 })
  return { h, bureau, round, results, medicine, surgery }
}

describe('上报与交换：审核决定', () => {
  it('局党办审核通过一个支部、退回另一个；医院导入后考评出现局党办的环节：一个已审定，一个回到院党委考评并带原因；回执回到局党办', async () => {
    const { h, bureau, round, results, medicine, surgery } = await roundAtBureau()
    const decision = await ok(bureau, 'exchange.decide', { packageId: results.packageId, stage: '局党办审核', returned: [{ organization: '外科党支部', reason: '佐证材料不全，请补充' }], comment: '审核通过' })
    expect(decision).toMatchObject({ kind: 'review-decision', counts: { approved: 1, returned: 1 } })
    const landed = await ok(h, 'exchange.import', { contentBase64: decision.contentBase64 })
    expect(landed).toMatchObject({ kind: 'review-decision', from: '市卫健委党委', applied: true })
    const view = await ok(h, 'assessments.round', { id: round.id })
    const m = view.entries.find((e) => e.organizationId === medicine.id)!
    const s = view.entries.find((e) => e.organizationId === surgery.id)!
    expect(m).toMatchObject({ stage: '已审定', approved: true, score: 100 })
    expect(m.review.history.at(-1)).toMatchObject({ stage: '局党办审核', action: 'approve', by: '市卫健委党委', comment: '审核通过', score: 100 })
    expect(s).toMatchObject({ stage: '院党委考评', approved: false })
    expect(s.review.history.at(-1)).toMatchObject({ stage: '局党办审核', action: 'return', by: '市卫健委党委', comment: '佐证材料不全，请补充' })
    expect(snapshot(h).chain.ok).toBe(true)

    await ok(bureau, 'exchange.import', { contentBase64: landed.receipt!.contentBase64 })
    expect((await ok(bureau, 'exchange.packages', { direction: 'sent' })).find((p) => p.kind === 'review-decision')).toMatchObject({ status: 'receipted' })

    // the same decision again changes nothing; the round has moved on
    expect(await ok(h, 'exchange.import', { contentBase64: decision.contentBase64 })).toMatchObject({ applied: false })
  })

  it('环节对不上（医院已在窗口里把该支部退回）：拒绝，考评和数据库都不变', async () => {
    const { h, bureau, round, results, surgery } = await roundAtBureau()
    const decision = await ok(bureau, 'exchange.decide', { packageId: results.packageId, stage: '局党办审核', returned: [], comment: '' })
    await ok(h, 'assessments.return', { roundId: round.id, organizationId: surgery.id, reason: '本院自查发现错误' })
    const before = snapshot(h)
    const e = await fails(h, 'exchange.import', { contentBase64: b64(Buffer.from(decision.contentBase64, 'base64')) })
    expect(e.message).toContain('“外科党支部”当前的评审环节是“院党委考评”，不是“局党办审核”')
    expect(snapshot(h)).toEqual(before)
  })

  it('局党办只能对处于本环节的支部作决定，退回须写原因', async () => {
    const { bureau, results } = await roundAtBureau()
    expect((await fails(bureau, 'exchange.decide', { packageId: results.packageId, stage: '市委组织部审定', returned: [] })).message).toContain('没有处于“市委组织部审定”环节的支部')
    expect((await fails(bureau, 'exchange.decide', { packageId: results.packageId, stage: '局党办审核', returned: [{ organization: '儿科党支部', reason: '不全' }] })).message).toContain('“儿科党支部”不在')
    expect((await fails(bureau, 'exchange.decide', { packageId: results.packageId, stage: '局党办审核', returned: [{ organization: '外科党支部', reason: '' }] })).message).toContain('退回须写明原因')
  })
})
