import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok, testBackend } from '../helpers'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }

const signIn = async (backend: Backend, username: string, password: string) => {
  await ok(backend, 'auth.logout', {})
  await ok(backend, 'auth.login', { username, password })
}

/**
 * A 支部书记 in a 考评 round: a round of 内科 and 外科. The office scores 外科 (notes, an evidence file, a reviewer's
 * comment); 内科刘书记 then reads the round the way the probe did — straight through the API.
 */
async function round() {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: medicine.id, password: 'secretary-1' })
  const scheme = (await ok(backend, 'assessments.schemes', {}))[0]!
  const r = await ok(backend, 'assessments.createRound', {
    schemeId: scheme.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31',
    organizationIds: [medicine.id, surgery.id], stages: ['支部自评', '院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] },
  })
  const theirs = { roundId: r.id, organizationId: surgery.id }
  await ok(backend, 'assessments.attach', { ...theirs, key: 'setup', fileName: '换届批复.pdf', contentBase64: Buffer.from('%PDF-1.4 外科换届批复').toString('base64') })
  await ok(backend, 'assessments.submit', { ...theirs, sheet: { ...FULL, ethics: 3 }, notes: { ethics: '外科一名医生收受红包，已处理' }, comment: '外科自评' })
  await signIn(backend, 'neike', 'secretary-1')
  return { backend, roundId: r.id, medicine, surgery }
}

describe('支部书记查看考评', () => {
  it('别的支部评审中的得分、佐证说明、佐证材料和评语都看不到；本支部的自评照常', async () => {
    const { backend, roundId, medicine, surgery } = await round()
    const seen = await ok(backend, 'assessments.round', { id: roundId })
    const other = seen.entries.find((e) => e.organizationId === surgery.id)!
    expect(other).toMatchObject({ organizationName: '外科党支部', stage: '院党委考评', score: null, sheet: {}, notes: {}, evidence: [], stageScores: [], withheld: true })
    expect(other.review.history).toEqual([])
    expect(JSON.stringify(seen)).not.toMatch(/红包|换届批复|外科自评/)
    expect(seen.ratings).toEqual([])
    // saving the branch's own draft answers with the round too: the same view
    const saved = await ok(backend, 'assessments.saveDraft', { roundId, organizationId: medicine.id, sheet: FULL, notes: { setup: '按期换届' } })
    expect(saved.entries.find((e) => e.organizationId === medicine.id)).toMatchObject({ notes: { setup: '按期换届' } })
    expect(JSON.stringify(saved)).not.toMatch(/红包|换届批复|外科自评/)
    const evidence = backend.context.db.prepare('SELECT id FROM assessment_evidence').pluck().get() as number
    expect((await fails(backend, 'assessments.evidence', { id: evidence })).code).toBe('FORBIDDEN')
  })

  it('别的支部审定（公布）后，只看到得分、名次和星级', async () => {
    const { backend, roundId, surgery } = await round()
    await signIn(backend, 'admin', 'a-long-password')
    await ok(backend, 'assessments.submit', { roundId, organizationId: surgery.id, sheet: { ...FULL, ethics: 3 }, comment: '院党委审定' })
    await signIn(backend, 'neike', 'secretary-1')
    const seen = await ok(backend, 'assessments.round', { id: roundId })
    expect(seen.entries.find((e) => e.organizationId === surgery.id)).toMatchObject({ stage: '已审定', score: 93, approved: true, notes: {}, withheld: true })
    expect(seen.ratings.map((r) => [r.organizationName, r.rank, r.stars])).toEqual([['外科党支部', 1, 5]])
    expect(JSON.stringify(seen)).not.toMatch(/红包|换届批复|院党委审定/)
  })

  it('管理员和只读领导看到整轮考评', async () => {
    const { backend, roundId, surgery } = await round()
    await signIn(backend, 'admin', 'a-long-password')
    await ok(backend, 'users.create', { username: 'lingdao', displayName: '张书记', role: 'leader', password: 'leader-pass-1' })
    for (const [username, password] of [['admin', 'a-long-password'], ['lingdao', 'leader-pass-1']]) {
      await signIn(backend, username!, password!)
      const seen = await ok(backend, 'assessments.round', { id: roundId })
      expect(seen.entries.find((e) => e.organizationId === surgery.id)).toMatchObject({ notes: { ethics: '外科一名医生收受红包，已处理' }, score: 93 })
    }
  })
})
