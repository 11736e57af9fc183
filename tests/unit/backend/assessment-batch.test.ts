import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok, testBackend } from '../helpers'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
const STAGES = ['支部自评', '院党委考评']

const auditCount = (backend: Backend, method: string) => backend.context.db.prepare('SELECT count(*) FROM audit_log WHERE method = ?').pluck().get(method) as number

/** A round of five branches (the office signed in, on the web transport so roles apply). */
async function round() {
  const backend = testBackend('2025-12-20T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  await ok(backend, 'auth.login', { username: 'admin', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const ids: number[] = []
  for (const n of ['内科', '外科', '儿科', '心内科', '眼科']) ids.push((await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })).id)
  const scheme = (await ok(backend, 'assessments.schemes', {}))[0]!
  const r = await ok(backend, 'assessments.createRound', {
    schemeId: scheme.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31',
    organizationIds: ids, stages: STAGES, rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] },
  })
  return { backend, roundId: r.id, ids }
}
const stagesOf = async (backend: Backend, id: number) => (await ok(backend, 'assessments.round', { id })).entries.map((e) => e.stage)

describe('批量评审', () => {
  it('批量提交的评分表就是各支部当前的评分表；最后一个环节批量审定后锁定，按名次排出，每个支部一条审计记录', async () => {
    const { backend, roundId, ids } = await round()
    for (const [i, id] of ids.entries()) await ok(backend, 'assessments.saveDraft', { roundId, organizationId: id, sheet: { ...FULL, quality: 10 - i * 2 } })
    let v = await ok(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: ids, comment: '自评' })
    expect(v.entries.map((e) => e.stage)).toEqual(Array(5).fill('院党委考评'))
    // 院党委考评 changes one sheet before approving the rest with the lower stage's sheets
    await ok(backend, 'assessments.saveDraft', { roundId, organizationId: ids[4]!, sheet: { ...FULL, quality: 10 } })
    const before = auditCount(backend, 'assessments.batchSubmit')
    v = await ok(backend, 'assessments.batchSubmit', { roundId, stage: '院党委考评', organizationIds: ids, comment: '院党委审定' })
    expect(auditCount(backend, 'assessments.batchSubmit') - before).toBe(5)
    expect(v.entries.every((e) => e.approved && e.review.history.at(-1)?.action === 'approve' && e.review.history.at(-1)?.comment === '院党委审定')).toBe(true)
    expect(v.entries.map((e) => e.stageScores.map((s) => s.score))).toEqual([[100, 100], [98, 98], [96, 96], [94, 94], [92, 100]])
    expect(v.ratings.map((r) => [r.organizationName, r.rank])).toEqual([['内科党支部', 1], ['眼科党支部', 1], ['外科党支部', 3], ['儿科党支部', 4], ['心内科党支部', 5]])
    const again = await fails(backend, 'assessments.batchSubmit', { roundId, stage: '院党委考评', organizationIds: [ids[0]!] })
    expect(again.message).toContain('第1行 内科党支部：结果已审定锁定')
  })

  it('一行不能办理，整批都不办理：提示列出每一行及原因，数据和审计日志都不变', async () => {
    const { backend, roundId, ids } = await round()
    await ok(backend, 'assessments.saveDraft', { roundId, organizationId: ids[0]!, sheet: FULL })
    await ok(backend, 'assessments.saveDraft', { roundId, organizationId: ids[2]!, sheet: FULL })
    await ok(backend, 'assessments.submit', { roundId, organizationId: ids[2]!, sheet: FULL, comment: '' })
    const audits = backend.context.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    const e = await fails(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: [ids[0]!, ids[1]!, ids[2]!, ids[3]!] })
    expect(e.message).toBe(
      '有 3 个支部不能提交，本次一个也没有办理：第2行 外科党支部：尚未评分，请先点“评分”填写或导入评分表；第3行 儿科党支部：已不在“支部自评”环节（现在：院党委考评），请刷新后重试；第4行 心内科党支部：尚未评分，请先点“评分”填写或导入评分表。请处理这些支部或取消勾选后再试',
    )
    expect(e.issues?.map((x) => x.field)).toEqual(['organizationIds.1', 'organizationIds.2', 'organizationIds.3'])
    expect(await stagesOf(backend, roundId)).toEqual(['支部自评', '支部自评', '院党委考评', '支部自评', '支部自评'])
    expect(backend.context.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audits)
    expect((await fails(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: [] })).message).toContain('请先勾选要办理的支部')
    expect((await fails(backend, 'assessments.batchSubmit', { roundId, stage: '局党办审核', organizationIds: [ids[0]!] })).message).toBe('本次考评没有“局党办审核”环节，请刷新后重试')
  })

  it('批量退回须写原因，退回上一环节并逐个留痕；第一个环节不能退回', async () => {
    const { backend, roundId, ids } = await round()
    for (const id of ids.slice(0, 3)) await ok(backend, 'assessments.submit', { roundId, organizationId: id, sheet: FULL, comment: '' })
    expect((await fails(backend, 'assessments.batchReturn', { roundId, stage: '院党委考评', organizationIds: ids.slice(0, 2), reason: '  ' })).message).toContain('退回原因')
    expect((await fails(backend, 'assessments.batchReturn', { roundId, stage: '支部自评', organizationIds: ids.slice(3), reason: '补材料' })).message).toBe('“支部自评”是第一个环节，没有可以退回的上一环节')
    expect((await fails(backend, 'assessments.batchReturn', { roundId, stage: '院党委考评', organizationIds: ids.slice(2, 4), reason: '补材料' })).message).toContain('第4行 心内科党支部：已不在“院党委考评”环节（现在：支部自评）')
    const v = await ok(backend, 'assessments.batchReturn', { roundId, stage: '院党委考评', organizationIds: ids.slice(0, 2), reason: '请补充换届批复' })
    expect(v.entries.map((e) => e.stage)).toEqual(['支部自评', '支部自评', '院党委考评', '支部自评', '支部自评'])
    expect(v.entries[0]!.review.history.at(-1)).toMatchObject({ action: 'return', stage: '院党委考评', comment: '请补充换届批复', by: '党办王主任' })
    expect(auditCount(backend, 'assessments.batchReturn')).toBe(2)
  })

  it('采用上一环节得分：改过的评分表恢复为上一环节提交的那张，仍是草稿、环节不变；第一个环节和已审定的不能', async () => {
    const { backend, roundId, ids } = await round()
    for (const id of ids.slice(0, 3)) await ok(backend, 'assessments.submit', { roundId, organizationId: id, sheet: { ...FULL, quality: 6 }, notes: { quality: '自评说明' }, comment: '' })
    await ok(backend, 'assessments.saveDraft', { roundId, organizationId: ids[0]!, sheet: { ...FULL, quality: 2 }, notes: { quality: '院党委核减' } })
    await ok(backend, 'assessments.submit', { roundId, organizationId: ids[2]!, sheet: FULL, comment: '审定' })
    expect((await fails(backend, 'assessments.batchAdopt', { roundId, stage: '支部自评', organizationIds: [ids[3]!] })).message).toBe('“支部自评”是第一个环节，没有上一环节的得分可以采用')
    expect((await fails(backend, 'assessments.batchAdopt', { roundId, stage: '院党委考评', organizationIds: ids.slice(0, 3) })).message).toContain('第3行 儿科党支部：结果已审定锁定')
    const before = auditCount(backend, 'assessments.batchAdopt')
    const v = await ok(backend, 'assessments.batchAdopt', { roundId, stage: '院党委考评', organizationIds: ids.slice(0, 2) })
    expect(auditCount(backend, 'assessments.batchAdopt') - before).toBe(2)
    expect(v.entries[0]).toMatchObject({ sheet: { ...FULL, quality: 6 }, notes: { quality: '院党委核减' }, stage: '院党委考评' })
    expect(v.entries[0]!.review.history.map((h) => h.action)).toEqual(['submit'])
    expect(v.entries[1]!.sheet).toEqual({ ...FULL, quality: 6 })
  })

  it('谁能办理不变：只读领导不能；支部书记只能批量提交本支部的自评，不能退回', async () => {
    const { backend, roundId, ids } = await round()
    await ok(backend, 'users.create', { username: 'leader', displayName: '院领导', role: 'leader', password: 'leader-pass-1' })
    await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: ids[0]!, password: 'secretary-1' })
    for (const id of ids) await ok(backend, 'assessments.saveDraft', { roundId, organizationId: id, sheet: FULL })
    await ok(backend, 'assessments.submit', { roundId, organizationId: ids[1]!, sheet: FULL, comment: '' })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'leader', password: 'leader-pass-1' })
    expect((await fails(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: [ids[0]!] })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'assessments.batchReturn', { roundId, stage: '院党委考评', organizationIds: [ids[1]!], reason: '补材料' })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'assessments.batchAdopt', { roundId, stage: '院党委考评', organizationIds: [ids[1]!] })).code).toBe('FORBIDDEN')
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'neike', password: 'secretary-1' })
    expect((await fails(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: [ids[0]!, ids[2]!] })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'assessments.batchAdopt', { roundId, stage: '院党委考评', organizationIds: [ids[1]!] })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'assessments.batchReturn', { roundId, stage: '院党委考评', organizationIds: [ids[1]!], reason: '补材料' })).code).toBe('FORBIDDEN')
    expect(await stagesOf(backend, roundId)).toEqual(['支部自评', '院党委考评', '支部自评', '支部自评', '支部自评'])
    const v = await ok(backend, 'assessments.batchSubmit', { roundId, stage: '支部自评', organizationIds: [ids[0]!] })
    expect(v.entries.find((e) => e.organizationId === ids[0])!.stage).toBe('院党委考评')
    // having passed it on, the branch no longer acts on its entry
    expect((await fails(backend, 'assessments.batchSubmit', { roundId, stage: '院党委考评', organizationIds: [ids[0]!] })).code).toBe('FORBIDDEN')
  })
})
