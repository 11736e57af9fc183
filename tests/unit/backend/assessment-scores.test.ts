import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/backend/boot/cli'
import { openBackend } from '../../../electron/backend/boot/open'
import { workbook } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

async function round(backend = testBackend()) {
  const scheme = (await ok(backend, 'assessments.schemes', {}))[0]!
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const ids: number[] = []
  for (const n of ['内科', '外科', '儿科']) ids.push((await ok(backend, 'orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })).id)
  const r = await ok(backend, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: ids, stages: ['支部自评', '院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] } })
  return { backend, r, ids }
}

describe('导入评分表', () => {
  it('下载的模板每个指标一列；填好后导入为各支部当前环节的草稿，空白保留原分，错误指出行和列', async () => {
    const { backend, r, ids } = await round()
    const template = await ok(backend, 'assessments.scoreTemplate', { roundId: r.id })
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(template.contentBase64, 'base64')).Sheets['评分表']!, { header: 1 })
    const header = rows[2]!
    expect(header.slice(0, 3)).toEqual(['党支部', '当前环节', '按规定设置支部、按期换届【setup】'])
    // the header row is tall enough to show each wrapped indicator name whole, 【code】 included
    const sheet = XLSX.read(Buffer.from(template.contentBase64, 'base64'), { cellStyles: true }).Sheets['评分表']!
    expect(sheet['!rows']![2]!.hpt).toBeGreaterThanOrEqual(45)
    expect(rows.slice(3).map((x) => x[0])).toEqual(['内科党支部', '外科党支部', '儿科党支部'])
    // fill: 内科 all in order, 外科 one score out of range, 儿科 leaves most blank; a branch not in the round
    const filled = [header, ['内科党支部', '支部自评', 9, 10, 5], ['外科党支部', '支部自评', 11], ['儿科党支部', '支部自评', null, 8], ['眼科党支部', '支部自评', 1]]
    await ok(backend, 'assessments.saveDraft', { roundId: r.id, organizationId: ids[2]!, sheet: { setup: 7 } })
    const dry = await ok(backend, 'assessments.importScores', { roundId: r.id, fileName: '评分.xlsx', contentBase64: b64(workbook(filled)), dryRun: true })
    expect(dry.updated).toBe(2)
    expect((await ok(backend, 'assessments.round', { id: r.id })).entries[0]!.sheet).toEqual({})
    const res = await ok(backend, 'assessments.importScores', { roundId: r.id, fileName: '评分.xlsx', contentBase64: b64(workbook(filled)) })
    expect(res).toEqual({
      updated: 2,
      skipped: 0,
      errors: [
        { row: 3, column: '按规定设置支部、按期换届【setup】', message: '应为 0 到 10 之间的数字（得分）' },
        { row: 5, column: '党支部', message: '“眼科党支部”不在本考评的参评支部中' },
      ],
    })
    const v = await ok(backend, 'assessments.round', { id: r.id })
    expect(v.entries.map((e) => e.sheet)).toEqual([{ setup: 9, team: 10, dual: 5 }, {}, { setup: 7, team: 8 }])
    expect(v.entries.every((e) => e.stage === '支部自评')).toBe(true)
  })

  it('已审定的支部不能用导入改分', async () => {
    const { backend, r, ids } = await round()
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[0]!, sheet: {}, comment: '' })
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[0]!, sheet: {}, comment: '' })
    const res = await ok(backend, 'assessments.importScores', { roundId: r.id, fileName: 'x.csv', contentBase64: b64(workbook([['党支部', 'setup'], ['内科党支部', 5]])) })
    expect(res.errors[0]!.message).toContain('已审定锁定')
    expect((await fails(backend, 'assessments.importScores', { roundId: r.id, fileName: 'x.xlsx', contentBase64: b64(workbook([['姓名', '分数'], ['张三', 1]])) })).message).toContain('找不到表头')
  })
})

describe('命令行：import scores 与 assessment results', () => {
  it('导入评分表后输出 JSON；assessment results --json 给出每个支部的分数、环节、名次和星级', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-scores-'))
    const db = join(dir, 'cli.db')
    const backend = openBackend(db, 'cli')
    const { r, ids } = await round(backend)
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[1]!, sheet: { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }, comment: '' })
    await ok(backend, 'assessments.submit', { roundId: r.id, organizationId: ids[1]!, sheet: { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }, comment: '' })
    backend.context.db.close()
    const file = join(dir, '评分.xlsx')
    writeFileSync(file, workbook([['党支部', '按规定设置支部、按期换届【setup】', 'team'], ['内科党支部', 8, 9], ['儿科党支部', 'abc', 1]]))
    const out: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) }
    expect(await runCli(['import', 'scores', file, '--round', String(r.id), '--json', '--db', db], io, {})).toBe(0)
    expect(JSON.parse(out.pop()!)).toEqual({ updated: 1, skipped: 0, errors: [{ row: 3, column: '按规定设置支部、按期换届【setup】', message: '应为 0 到 10 之间的数字（得分）' }] })
    expect(await runCli(['assessment', 'results', '--round', String(r.id), '--json', '--db', db], io, {})).toBe(0)
    expect(JSON.parse(out.pop()!)).toEqual([
      { organization: '内科党支部', score: null, stage: '支部自评', rank: null, stars: null, approved: false },
      { organization: '外科党支部', score: 100, stage: '已审定', rank: 1, stars: 5, approved: true },
      { organization: '儿科党支部', score: null, stage: '支部自评', rank: null, stars: null, approved: false },
    ])
    expect(await runCli(['import', 'scores', file, '--db', db], io, {})).toBe(2)
    expect(out.pop()).toContain('--round')
  })
})
