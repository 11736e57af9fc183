import { describe, expect, it } from 'vitest'
import { fails, ok } from '../helpers'
import { b64, hospital, site, snapshot, trust } from './sites'

describe('上报与交换：往返', () => {
  it('医院导出年度党内统计 → 局党办导入并得到回执 → 医院导入回执，发出的数据包变为“已回执”', async () => {
    const h = await hospital()
    const bureau = await site('市卫健委党委', 'B-100')
    await trust(h, bureau)
    await trust(bureau, h)
    const out = await ok(h, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: '市卫健委党委' })
    expect(out).toMatchObject({ kind: 'annual-statistics', counts: { members: 3, admitted: 1 } })
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/)
    const verified = await ok(bureau, 'exchange.verify', { contentBase64: out.contentBase64 })
    expect(verified).toMatchObject({ ok: true, outcome: 'apply', trusted: true })

    const got = await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    expect(got).toMatchObject({ kind: 'annual-statistics', from: '示范医院党委', period: '2025年度', applied: true })
    expect(got.receipt).not.toBeNull()
    const received = await ok(bureau, 'exchange.packages', { direction: 'received' })
    expect(received).toEqual([expect.objectContaining({ packageId: out.packageId, status: 'received', fileSha256: out.sha256, counts: { members: 3, admitted: 1 } })])
    const stored = bureau.context.db.prepare("SELECT data_json FROM exchange_packages WHERE direction = 'received'").pluck().get() as string
    expect(JSON.parse(stored)['statistics.json'].statistics.total).toBe(3)
    // no name and no 身份证号 leaves the hospital in the statistics kind
    expect(stored).not.toMatch(/甲|乙|丙/)

    const closed = await ok(h, 'exchange.import', { contentBase64: got.receipt!.contentBase64 })
    expect(closed).toMatchObject({ kind: 'receipt', applied: true, receipt: null })
    const sent = await ok(h, 'exchange.packages', { direction: 'sent' })
    expect(sent.find((p) => p.packageId === out.packageId)).toMatchObject({ status: 'receipted', statusText: '已回执' })
    expect(snapshot(h).chain.ok).toBe(true)
    expect(snapshot(bureau).chain.ok).toBe(true)
  })

  it('考评结果：每个支部的得分、各维度得分、星级和理由到达上级；不带评分人的账号名', async () => {
    const h = await hospital()
    const bureau = await site('市卫健委党委', 'B-100')
    await trust(h, bureau)
    await trust(bureau, h)
    const scheme = (await ok(h, 'assessments.schemes', {}))[0]!
    const branch = (await ok(h, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
    const round = await ok(h, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [branch.id], stages: ['院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] } })
    const sheet = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 2 }
    await ok(h, 'assessments.submit', { roundId: round.id, organizationId: branch.id, sheet, comment: '院党委考评意见' })
    const out = await ok(h, 'exchange.export', { kind: 'assessment-results', roundId: round.id, to: 'B-100' })
    expect(out.counts).toEqual({ entries: 1, approved: 1 })
    await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    const data = JSON.parse(bureau.context.db.prepare("SELECT data_json FROM exchange_packages WHERE direction = 'received'").pluck().get() as string)['assessment.json']
    expect(data.entries[0]).toMatchObject({ organizationName: '内科党支部', score: 92, stars: 5, rank: 1, approved: true, stage: '已审定' })
    expect(data.entries[0].dimensions.length).toBeGreaterThan(1)
    expect(data.entries[0].stages[0]).toMatchObject({ stage: '院党委考评', score: 92, comment: '院党委考评意见' })
    expect(JSON.stringify(data)).not.toContain('测试干事')
  })

  it('导出前要有单位代码和已信任的收件单位，提示说明怎么做', async () => {
    const h = await hospital()
    expect((await fails(h, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: '市卫健委党委' })).message).toContain('没有名为“市卫健委党委”的已信任单位')
    expect((await fails(h, 'settings.save', { values: { 'unit.code': 'H 001/2' } })).message).toContain('单位代码只能由字母、数字和连字符组成')
    const bare = await site('', '')
    expect((await fails(bare, 'exchange.card', {})).message).toContain('请先在“系统设置 → 规则参数 → 单位信息”中填写单位名称和单位代码')
  })

  it('信任要输入与对方核对过的指纹；指纹是 8 组 4 位数字', async () => {
    const h = await hospital()
    const bureau = await site('市卫健委党委', 'B-100')
    const { fingerprint } = await ok(h, 'exchange.identity', {})
    expect(fingerprint).toMatch(/^\d{4}(-\d{4}){7}$/)
    const cardOfH = (await ok(h, 'exchange.card', {})).contentBase64
    const wrong = fingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10))
    expect((await fails(bureau, 'exchange.trust', { contentBase64: cardOfH, fingerprint: wrong })).message).toContain('不一致')
    const before = snapshot(bureau)
    expect(snapshot(bureau)).toEqual(before)
    const trusted = await ok(bureau, 'exchange.trust', { contentBase64: cardOfH, fingerprint: fingerprint.replace(/-/g, ' ') })
    expect(trusted).toMatchObject({ unitName: '示范医院党委', unitCode: 'H-001', fingerprint, already: false })
    expect(await ok(bureau, 'exchange.trust', { contentBase64: b64(Buffer.from(cardOfH, 'base64')), fingerprint })).toMatchObject({ already: true })
  })
})
