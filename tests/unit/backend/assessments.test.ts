import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }

async function hospital(names = ['内科', '外科', '儿科']) {
  const backend = testBackend()
  const schemes = await ok(backend, 'assessments.schemes', {})
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const ids: number[] = []
  for (const n of names) ids.push((await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })).id)
  return { backend, scheme: schemes[0]!, committee: c.id, ids }
}
const roundInput = (schemeId: number, ids: number[]) => ({ schemeId, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: ids, stages: ['支部自评', '院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }, { min: 70, stars: 3 }] } })

describe('考评轮次', () => {
  it('示例指标体系随软件提供并标明“示例”；三个支部经两级评审后得到名次和星级，审定后锁定', async () => {
    const { backend, scheme, ids } = await hospital()
    expect(scheme).toMatchObject({ isExample: true })
    expect(scheme.name).toContain('示例')
    let round = await ok(backend, 'assessments.createRound', roundInput(scheme.id, ids))
    expect(round.entries.map((e) => e.stage)).toEqual(['支部自评', '支部自评', '支部自评'])
    const sheets = [FULL, { ...FULL, satisfaction: 2, late: 4 }, { ...FULL, quality: 0, ethics: 7, satisfaction: 0, records: 4 }]
    for (const [i, id] of ids.entries()) {
      await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: id, sheet: sheets[i]!, comment: '自评' })
      round = await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: id, sheet: sheets[i]!, comment: '考评' })
    }
    expect(round.entries.map((e) => [e.organizationName, e.score, e.stage])).toEqual([
      ['内科党支部', 100, '已审定'],
      ['外科党支部', 88, '已审定'],
      ['儿科党支部', 71, '已审定'],
    ])
    expect(round.ratings.map((r) => [r.organizationName, r.rank, r.stars])).toEqual([
      ['内科党支部', 1, 5],
      ['外科党支部', 2, 4],
      ['儿科党支部', 3, 3],
    ])
    expect((await fails(backend, 'assessments.submit', { roundId: round.id, organizationId: ids[0]!, sheet: FULL, comment: '' })).message).toContain('已审定锁定')
    expect((await fails(backend, 'assessments.saveDraft', { roundId: round.id, organizationId: ids[0]!, sheet: FULL })).message).toContain('已审定锁定')
    const amended = await ok(backend, 'assessments.amend', { roundId: round.id, organizationId: ids[2]!, sheet: { ...sheets[2]!, ethics: 10 }, reason: '复核医德医风得分' })
    expect(amended.entries[2]!.score).toBe(74)
    expect(amended.entries[2]!.review.history.at(-1)).toMatchObject({ action: 'amend', comment: '复核医德医风得分', score: 74 })
    const log = await ok(backend, 'audit.list', { entity: 'assessment' })
    expect(log.length).toBeGreaterThanOrEqual(8)
    const summary = await ok(backend, 'assessments.rounds', {})
    expect(summary[0]).toMatchObject({ entries: 3, approved: 3 })
  })

  it('每个环节的得分和评语都保留；退回后回到上一环节，佐证说明随评分表保存', async () => {
    const { backend, scheme, ids } = await hospital(['内科'])
    const r = await ok(backend, 'assessments.createRound', roundInput(scheme.id, ids))
    const ref = { roundId: r.id, organizationId: ids[0]! }
    await ok(backend, 'assessments.saveDraft', { ...ref, sheet: { setup: 8 }, notes: { setup: '换届材料见2025年3月党员大会记录' } })
    await ok(backend, 'assessments.submit', { ...ref, sheet: FULL, notes: { setup: '已按期换届' }, comment: '自评满分' })
    let v = await ok(backend, 'assessments.return', { ...ref, reason: '请补充换届批复' })
    expect(v.entries[0]!.stage).toBe('支部自评')
    await ok(backend, 'assessments.submit', { ...ref, sheet: { ...FULL, setup: 9 }, comment: '已补充' })
    v = await ok(backend, 'assessments.submit', { ...ref, sheet: { ...FULL, setup: 7 }, comment: '扣3分' })
    expect(v.entries[0]!.stageScores.map((s) => [s.stage, s.score, s.comment])).toEqual([
      ['支部自评', 99, '已补充'],
      ['院党委考评', 97, '扣3分'],
    ])
    expect(v.entries[0]!.notes).toEqual({})
    expect((await fails(backend, 'assessments.saveDraft', { ...ref, sheet: { nosuch: 1 } })).message).toContain('nosuch')
  })

  it('名额规则：同分跨越名额边缘时一并评定并在原因中说明', async () => {
    const { backend, scheme, ids } = await hospital(['一', '二', '三', '四'])
    const r = await ok(backend, 'assessments.createRound', { ...roundInput(scheme.id, ids), stages: ['院党委考评'], rating: { quotas: [{ share: 0.25, stars: 5 }] } })
    for (const [i, id] of ids.entries()) await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: id, sheet: { ...FULL, quality: i >= 2 ? 5 : 10 }, comment: '' })
    const v = await ok(backend, 'assessments.round', { id: r.id })
    expect(v.ratings.map((x) => x.stars)).toEqual([5, 5, 0, 0])
    expect(v.ratings[1]!.reason).toContain('同分')
    expect(v.ratingText).toContain('名额边缘同分一并评定')
  })

  it('考评只针对党支部；期间结束日期不能早于开始日期；已停用的指标体系不能新建考评', async () => {
    const { backend, scheme, committee, ids } = await hospital(['内科'])
    expect((await fails(backend, 'assessments.createRound', roundInput(scheme.id, [committee]))).message).toContain('不是党支部')
    expect((await fails(backend, 'assessments.createRound', { ...roundInput(scheme.id, ids), periodTo: '2024-12-31' })).message).toContain('不能早于开始日期')
    await ok(backend, 'assessments.archiveScheme', { id: scheme.id, archived: true })
    expect((await fails(backend, 'assessments.createRound', roundInput(scheme.id, ids))).message).toContain('已停用')
  })

  it('公示只列已审定的结果，写明星级规则和公示期', async () => {
    const { backend, scheme, ids } = await hospital(['内科', '外科'])
    const r = await ok(backend, 'assessments.createRound', { ...roundInput(scheme.id, ids), stages: ['院党委考评'] })
    const input = { what: 'assessmentNotice' as const, roundId: r.id, basis: '示范医院星级党支部评定办法' }
    expect((await fails(backend, 'print.document', input)).message).toContain('审定后才能公示')
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[0]!, sheet: FULL, comment: '' })
    const doc = await ok(backend, 'print.document', input)
    expect(doc.title).toBe('关于2025年度星级党支部评定结果的公示')
    expect(doc.html).toContain('内科党支部')
    expect(doc.html).not.toContain('外科党支部</td>')
    expect(doc.html).toContain('另有1个支部尚在评审中')
    expect(doc.html).toContain('≥90分5星')
    // posted on Sunday 2025-06-15: from Monday, five working days with both ends counted
    expect(doc.html).toContain('公示时间：2025年6月16日至2025年6月20日（5个工作日）')
  })

  it('按示例指标体系（或其副本）考评的公示：不填本院方案名称不能打印，示例名称从不印上，预览提示', async () => {
    const { backend, scheme, ids } = await hospital(['内科'])
    const copy = await ok(backend, 'assessments.copyScheme', { id: scheme.id, year: 2025 })
    expect(copy).toMatchObject({ isExample: false, fromExample: true })
    const r = await ok(backend, 'assessments.createRound', { ...roundInput(copy.id, ids), stages: ['院党委考评'] })
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[0]!, sheet: FULL, comment: '' })
    const bare = await fails(backend, 'print.document', { what: 'assessmentNotice', roundId: r.id })
    expect(bare.message).toContain('请填写本院考评方案的名称')
    expect((await fails(backend, 'print.document', { what: 'assessmentNotice', roundId: r.id, basis: scheme.name })).message).toContain('不能写“示例”')
    const doc = await ok(backend, 'print.document', { what: 'assessmentNotice', roundId: r.id, basis: '示范医院星级党支部评定办法' })
    expect(doc.html).toContain('根据《示范医院星级党支部评定办法》')
    expect(doc.html).not.toContain('示例')
    expect(doc.notes?.[0]).toContain('是软件附带的示例的副本')
  })

  it('公示写明发布单位（党委全称）和意见受理电话、地点、邮箱；没设置时留横线并提示，从不印“院党委”', async () => {
    const { backend, scheme, ids } = await hospital(['内科'])
    const r = await ok(backend, 'assessments.createRound', { ...roundInput(scheme.id, ids), stages: ['院党委考评'] })
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[0]!, sheet: FULL, comment: '' })
    const input = { what: 'assessmentNotice' as const, roundId: r.id, basis: '《示范医院星级党支部评定办法》' }
    const bare = await ok(backend, 'print.document', input)
    expect(bare.html).not.toMatch(/院党委<br>|院党委反映/)
    expect(bare.html).toContain('＿＿＿＿＿＿＿＿＿＿＿＿<br>2025年6月15日')
    expect(bare.notes!.join()).toContain('公示发布单位还没有设置')
    expect(bare.notes!.join()).toContain('2025年的节假日安排还没有录入')
    for (const [key, value] of [['print.noticeIssuer', '中共示范市第一人民医院委员会'], ['print.noticeFeedback', '院党委办公室'], ['print.noticePhone', '0000-1234567'], ['print.noticePlace', '门诊楼五楼'], ['print.noticeEmail', 'dwb@example.org']]) {
      await ok(backend, 'settings.update', { key: key!, value: value! })
    }
    const doc = await ok(backend, 'print.document', input)
    expect(doc.html).toContain('向院党委办公室（受理电话：0000-1234567；受理地点：门诊楼五楼；电子邮箱：dwb@example.org）反映')
    expect(doc.html).toContain('中共示范市第一人民医院委员会<br>2025年6月15日')
    expect(doc.html).toContain('根据《示范医院星级党支部评定办法》')
  })
})

describe('考评结果导出', () => {
  it('按名次导出得分、星级、评定依据、审核环节和各维度得分；标题下注明是哪一次考评', async () => {
    const { backend, scheme, ids } = await hospital()
    const round = await ok(backend, 'assessments.createRound', roundInput(scheme.id, ids))
    await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: ids[1]!, sheet: FULL, comment: '自评' })
    await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: ids[1]!, sheet: FULL, comment: '考评' })
    await ok(backend, 'assessments.submit', { roundId: round.id, organizationId: ids[0]!, sheet: { ...FULL, satisfaction: 2 }, comment: '自评' })
    const file = await ok(backend, 'exports.workbook', { source: 'assessments', scope: { roundId: round.id } })
    // 序号 first, as on every form handed over; the rest as before
    const all = rowsOf(file.contentBase64)
    expect(all.slice(2).map((r) => r[0])).toEqual(['序号', 1, 2, 3])
    const rows = all.map((r, i) => (i >= 2 ? r.slice(1) : r))
    expect(String(rows[1]![0])).toContain('考评：2025年度星级党支部评定（2025）')
    expect(rows[2]).toEqual(['名次', '党组织', '得分', '星级', '评定依据', '审核环节', '各维度得分'])
    expect(rows.slice(3).map((r) => r.slice(0, 4).concat([r[5]]))).toEqual([
      [1, '外科党支部', 100, '五星', '已审定'],
      [2, '内科党支部', 92, '五星', '待院党委考评'],
      [null, '儿科党支部', null, '未评分', '待支部自评'],
    ])
    expect(String(rows[3]![6])).toMatch(/^\S+ \d+(\.\d)?；/)
    expect(rows[5]![6] ?? '').toBe('')
    // one branch's export (what a 支部书记 gets) lists that branch alone, with its rank in the whole round
    const own = rowsOf((await ok(backend, 'exports.workbook', { source: 'assessments', scope: { roundId: round.id, organizationId: ids[0]! } })).contentBase64)
    expect(own.slice(3).map((r) => r.slice(1, 4))).toEqual([[2, '内科党支部', 92]])
    expect(String(own[1]![0])).toContain('内科党支部')
  })
})

describe('佐证材料', () => {
  it('按指标上传的文件随考评记录列出、可以原样取回；审定后不能再补充；不支持的文件类型说明原因', async () => {
    const { backend, scheme, ids } = await hospital(['内科'])
    const round = await ok(backend, 'assessments.createRound', roundInput(scheme.id, ids))
    const ref = { roundId: round.id, organizationId: ids[0]! }
    const pdf = Buffer.from('%PDF-1.4 换届选举批复').toString('base64')
    const v = await ok(backend, 'assessments.attach', { ...ref, key: 'setup', fileName: '换届批复.pdf', contentBase64: pdf })
    expect(v.entries[0]!.evidence).toMatchObject([{ key: 'setup', fileName: '换届批复.pdf', by: '测试干事' }])
    const back = await ok(backend, 'assessments.evidence', { id: v.entries[0]!.evidence[0]!.id })
    expect(back).toEqual({ fileName: '换届批复.pdf', mime: 'application/pdf', contentBase64: pdf })
    expect((await fails(backend, 'assessments.attach', { ...ref, key: 'nope', fileName: 'a.pdf', contentBase64: pdf })).message).toBe('指标体系中没有指标编号“nope”')
    expect((await fails(backend, 'assessments.attach', { ...ref, key: 'setup', fileName: 'a.exe', contentBase64: pdf })).message).toContain('附件只支持')
    await ok(backend, 'assessments.submit', { ...ref, sheet: FULL, comment: '自评' })
    await ok(backend, 'assessments.submit', { ...ref, sheet: FULL, comment: '审定' })
    expect((await fails(backend, 'assessments.attach', { ...ref, key: 'setup', fileName: '补充.pdf', contentBase64: pdf })).message).toContain('已审定锁定')
    const log = await ok(backend, 'audit.list', { entity: 'assessment' })
    expect(log.some((e) => (e.after as { fileName?: string }).fileName === '换届批复.pdf')).toBe(true)
  })
})
